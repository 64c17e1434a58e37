package cn.bureau.subsidy.cluster;

import java.util.List;

/** One case the harness files and drives, the route it takes, and what the harness has done on it. */
final class HarnessCase {

    /** The routes through the case diagram, and the outcome each one ends with. */
    enum Route {
        HAPPY("PAID"),
        REJECTED_AT_INITIAL_REVIEW("REJECTED"),
        WITHDRAWN("WITHDRAWN"),
        RETURNED_AT_INITIAL_REVIEW("PAID"),
        RETURNED_AT_FORMAL_REVIEW("PAID"),
        REJECTED_AT_AUDIT("REJECTED"),
        REGISTRY_FINDING("PAID"),
        BANK_ACCOUNT_CORRECTED("PAID"),
        PAYMENT_FAILED_TWICE("PAYMENT_FAILED"),
        DOCUMENTS_RETURNED("PAID"),
        /** Never submits its materials: the materials deadline (a boundary timer) ends it. */
        MATERIALS_MISSED("NOT_ACCEPTED");

        final String outcome;

        Route(String outcome) {
            this.outcome = outcome;
        }

        /** The mix of the main program: one case in twenty takes each special route, the rest the happy one. */
        static Route forMainCase(int index) {
            List<Route> special = List.of(REJECTED_AT_INITIAL_REVIEW, WITHDRAWN, RETURNED_AT_INITIAL_REVIEW,
                    RETURNED_AT_FORMAL_REVIEW, REJECTED_AT_AUDIT, REGISTRY_FINDING, BANK_ACCOUNT_CORRECTED,
                    PAYMENT_FAILED_TWICE, DOCUMENTS_RETURNED);
            int slot = index % 20;
            return slot < special.size() ? special.get(slot) : HAPPY;
        }
    }

    /** A refused account number: the simulated treasury refuses accounts starting with 0000. */
    static final String REFUSED_ACCOUNT = "0000123456";
    static final String GOOD_ACCOUNT = "6222021234567890";

    final int number;
    final Route route;
    final String programCode;
    final String applicant;
    final String uscc;
    final Node home;
    volatile String caseId;
    volatile String businessKey;
    /** Answered a correction request: the review that asked for it accepts from now on. */
    volatile boolean corrected;
    volatile int documentsSent;

    HarnessCase(int number, Route route, String programCode, String applicant, String uscc, Node home) {
        this.number = number;
        this.route = route;
        this.programCode = programCode;
        this.applicant = applicant;
        this.uscc = uscc;
        this.home = home;
    }

    String firstAccount() {
        return route == Route.BANK_ACCOUNT_CORRECTED || route == Route.PAYMENT_FAILED_TWICE ? REFUSED_ACCOUNT
                : GOOD_ACCOUNT;
    }

    String correctedAccount() {
        return route == Route.PAYMENT_FAILED_TWICE ? "0000999888" : "6222029999000001";
    }

    @Override
    public String toString() {
        return "case #" + number + " (" + route + ", " + programCode + (businessKey == null ? "" : ", " + businessKey)
                + ")";
    }
}
