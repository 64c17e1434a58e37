package cn.bureau.subsidy.identity;

import java.util.List;

/** The contract's Camunda group ids. Candidate groups in the models use the same strings. */
public final class Groups {

    public static final String PROGRAM_MANAGERS = "program-managers";
    public static final String APPLICANTS = "applicants";
    public static final String INITIAL_REVIEWERS = "initial-reviewers";
    public static final String AUDITORS = "auditors";
    public static final String APPROVERS = "approvers";
    public static final String SUPERVISORS = "supervisors";
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    /** Bureau staff: everyone who may reach Tasklist, Cockpit and the engine REST API. */
    public static final List<String> STAFF =
            List.of(PROGRAM_MANAGERS, INITIAL_REVIEWERS, AUDITORS, APPROVERS, SUPERVISORS, CAMUNDA_ADMIN);

    /** Every group a task can be offered to. */
    public static final List<String> STAFF_AND_APPLICANTS = List.of(PROGRAM_MANAGERS, INITIAL_REVIEWERS, AUDITORS,
            APPROVERS, SUPERVISORS, APPLICANTS);

    /**
     * The leads of a work group are the members of the group named like it with this suffix
     * ({@code initial-reviewers-leads}). A task that stays overdue past its second threshold is offered to them.
     */
    public static final String LEADS_SUFFIX = "-leads";

    /** The work groups that have leads; applicants have none. */
    public static final List<String> LED_GROUPS =
            List.of(PROGRAM_MANAGERS, INITIAL_REVIEWERS, AUDITORS, APPROVERS, SUPERVISORS);

    /** Who may look at the supervision board: supervisors, and approvers read it. */
    public static final List<String> BOARD_READERS = List.of(SUPERVISORS, APPROVERS);

    public static String leadsOf(String group) {
        return group + LEADS_SUFFIX;
    }

    private Groups() {
    }
}
