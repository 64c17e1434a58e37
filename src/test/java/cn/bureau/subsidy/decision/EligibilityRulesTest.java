package cn.bureau.subsidy.decision;

import static cn.bureau.subsidy.decision.Applications.application;
import static cn.bureau.subsidy.decision.Applications.insurancePremium;
import static cn.bureau.subsidy.decision.Applications.loanInterest;
import static cn.bureau.subsidy.decision.Applications.preProjectFees;
import static cn.bureau.subsidy.decision.Applications.program;
import static cn.bureau.subsidy.decision.Applications.zoneInfrastructure;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.bureau.subsidy.common.Uscc;
import cn.bureau.subsidy.decision.Applications.Builder;
import cn.bureau.subsidy.decision.Applications.ClaimBuilder;

/**
 * Every reason code of guide §4 and every boundary, one fact changed at a time on an application that otherwise
 * meets every condition. A case names the reason it expects at the application level, on the claim, or none.
 */
class EligibilityRulesTest {

    /** All reason codes of guide §4. */
    static final Set<String> GUIDE_REASONS = Set.of("NOT_SHENZHEN_ENTITY", "SERIOUS_DISHONESTY", "SERIOUS_VIOLATION",
            "FISCAL_ARREARS", "NO_COMMITMENT", "DUPLICATE_CENTRAL_FUNDING", "NO_CERTIFICATE",
            "STATISTICS_NOT_REPORTED", "CONTRACT_BELOW_THRESHOLD", "INVESTMENT_BELOW_THRESHOLD",
            "LOAN_BELOW_THRESHOLD", "KEY_DATE_OUTSIDE_SUPPORT_YEAR", "SERVICE_CONTRACT_NOT_BEFORE_KEY_DATE",
            "PAID_AFTER_DEADLINE", "ALREADY_SUPPORTED", "LOAN_TERM_TOO_SHORT", "NOT_ACTIVE_IN_SUPPORT_YEAR",
            "PROJECT_FILED_BEFORE_2023", "INTEREST_SUPPORT_EXHAUSTED", "ZONE_NOT_CONFIRMED");

    private static final QuoteService quotes = new QuoteService(new FileDecisions());
    private static final Set<String> covered = new TreeSet<>();

    enum Level { NONE, APPLICATION, CLAIM }

    record Case(String name, Supplier<ClaimBuilder> claim, Consumer<Builder> application, Consumer<ClaimBuilder> change,
            Level level, String reason) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Case app(String name, Consumer<Builder> change, String reason) {
        return new Case(name, () -> zoneInfrastructure("3000000"), change, c -> { }, Level.APPLICATION, reason);
    }

    static Case appOk(String name, Consumer<Builder> change) {
        return new Case(name, () -> zoneInfrastructure("3000000"), change, c -> { }, Level.NONE, null);
    }

    static Case claim(String name, Supplier<ClaimBuilder> claim, Consumer<Builder> application,
            Consumer<ClaimBuilder> change, String reason) {
        return new Case(name, claim, application, change, Level.CLAIM, reason);
    }

    static Case claimOk(String name, Supplier<ClaimBuilder> claim, Consumer<Builder> application,
            Consumer<ClaimBuilder> change) {
        return new Case(name, claim, application, change, Level.NONE, null);
    }

    static final Supplier<ClaimBuilder> FEES = () -> preProjectFees("600000");
    static final Supplier<ClaimBuilder> LOAN = () -> loanInterest("420000", "4.2", 36);
    static final Supplier<ClaimBuilder> PREMIUM = () -> insurancePremium(MoneyAmount.of("50000", "USD"));
    static final Supplier<ClaimBuilder> ZONE = () -> zoneInfrastructure("3000000");
    static final Consumer<Builder> AS_IS = a -> { };

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // Basic conditions (guide 四（一）).
        cases.add(appOk("Shenzhen USCC", a -> a.uscc = Applications.SHENZHEN_USCC));
        cases.add(app("USCC registered in Guangzhou", a -> a.uscc = Applications.GUANGZHOU_USCC, "NOT_SHENZHEN_ENTITY"));
        cases.add(app("USCC with a wrong check character", a -> a.uscc = "914403001922038210", "NOT_SHENZHEN_ENTITY"));
        cases.add(app("on the dishonesty list", a -> a.onDishonestyList = true, "SERIOUS_DISHONESTY"));
        cases.add(app("dishonesty list not answered", a -> a.onDishonestyList = null, "SERIOUS_DISHONESTY"));
        cases.add(app("serious violation", a -> a.seriousViolationLast3Years = true, "SERIOUS_VIOLATION"));
        cases.add(app("fiscal arrears", a -> a.fiscalArrears = true, "FISCAL_ARREARS"));
        cases.add(app("no commitment", a -> a.truthfulnessCommitment = false, "NO_COMMITMENT"));
        cases.add(app("commitment not answered", a -> a.truthfulnessCommitment = null, "NO_COMMITMENT"));
        cases.add(app("other central funds", a -> a.otherCentralFundingForSameItem = true, "DUPLICATE_CENTRAL_FUNDING"));
        cases.add(app("no certificate", a -> a.holdsCertificate = false, "NO_CERTIFICATE"));
        cases.add(app("statistics not reported", a -> a.reportsStatistics = false, "STATISTICS_NOT_REPORTED"));
        // Thresholds (guide 四（二）1).
        cases.add(appOk("investment exactly US$1,000,000", a -> a.chineseInvestment = MoneyAmount.of("1000000", "USD")));
        cases.add(app("investment US$999,999.99", a -> a.chineseInvestment = MoneyAmount.of("999999.99", "USD"),
                "INVESTMENT_BELOW_THRESHOLD"));
        cases.add(appOk("investment CNY 7,000,000 = US$1,000,000 at 7.0",
                a -> a.chineseInvestment = MoneyAmount.cny("7000000")));
        cases.add(app("investment CNY 6,999,999.99", a -> a.chineseInvestment = MoneyAmount.cny("6999999.99"),
                "INVESTMENT_BELOW_THRESHOLD"));
        cases.add(app("investment missing", a -> a.chineseInvestment = null, "INVESTMENT_BELOW_THRESHOLD"));
        cases.add(appOk("contracting exactly US$1,000,000",
                a -> a.contracting(ProjectKind.CONTRACTING, MoneyAmount.of("1000000", "USD"))));
        cases.add(app("contracting US$999,999",
                a -> a.contracting(ProjectKind.CONTRACTING, MoneyAmount.of("999999", "USD")), "CONTRACT_BELOW_THRESHOLD"));
        cases.add(appOk("design consulting exactly US$500,000",
                a -> a.contracting(ProjectKind.DESIGN_CONSULTING, MoneyAmount.of("500000", "USD"))));
        cases.add(app("design consulting US$499,999.99",
                a -> a.contracting(ProjectKind.DESIGN_CONSULTING, MoneyAmount.of("499999.99", "USD")),
                "CONTRACT_BELOW_THRESHOLD"));
        cases.add(app("design consulting CNY 3,499,999.99 (< US$500,000 at 7.0)",
                a -> a.contracting(ProjectKind.DESIGN_CONSULTING, MoneyAmount.cny("3499999.99")),
                "CONTRACT_BELOW_THRESHOLD"));
        cases.add(claimOk("loan exactly CNY 3,000,000", LOAN, AS_IS, c -> c.loanPrincipal = MoneyAmount.cny("3000000")));
        cases.add(claim("loan CNY 2,999,999.99", LOAN, AS_IS, c -> c.loanPrincipal = MoneyAmount.cny("2999999.99"),
                "LOAN_BELOW_THRESHOLD"));
        cases.add(claimOk("loan US$428,571.43 (CNY 3,000,000.01)", LOAN, AS_IS,
                c -> c.loanPrincipal = MoneyAmount.of("428571.43", "USD")));
        // Pre-project fees (guide 四（二）2, 五（一）1).
        cases.add(claimOk("key date on the support year's first day", FEES,
                a -> a.keyDate = LocalDate.of(2025, 1, 1), c -> c.serviceContractSignedOn = LocalDate.of(2024, 12, 1)));
        cases.add(claimOk("key date on the support year's last day", FEES, a -> a.keyDate = LocalDate.of(2025, 12, 31),
                c -> { }));
        cases.add(claim("key date the day before the support year", FEES, a -> a.keyDate = LocalDate.of(2024, 12, 31),
                c -> c.serviceContractSignedOn = LocalDate.of(2024, 12, 1), "KEY_DATE_OUTSIDE_SUPPORT_YEAR"));
        cases.add(claim("key date the day after the support year", FEES, a -> a.keyDate = LocalDate.of(2026, 1, 1),
                c -> { }, "KEY_DATE_OUTSIDE_SUPPORT_YEAR"));
        cases.add(claimOk("service contract the day before the key date", FEES, AS_IS,
                c -> c.serviceContractSignedOn = LocalDate.of(2025, 5, 31)));
        cases.add(claim("service contract signed on the key date", FEES, AS_IS,
                c -> c.serviceContractSignedOn = LocalDate.of(2025, 6, 1), "SERVICE_CONTRACT_NOT_BEFORE_KEY_DATE"));
        cases.add(claim("service contract after the key date", FEES, AS_IS,
                c -> c.serviceContractSignedOn = LocalDate.of(2025, 6, 2), "SERVICE_CONTRACT_NOT_BEFORE_KEY_DATE"));
        cases.add(claim("project supported before", FEES, a -> a.preProjectFeesSupportedBefore = true, c -> { },
                "ALREADY_SUPPORTED"));
        // Payment before the filing deadline, every category.
        for (Supplier<ClaimBuilder> kind : List.of(FEES, LOAN, PREMIUM, ZONE)) {
            String category = kind.get().category.name();
            cases.add(claimOk(category + " paid on the deadline day", kind, AS_IS,
                    c -> c.paidOn = LocalDate.of(2026, 4, 30)));
            cases.add(claim(category + " paid the day after the deadline", kind, AS_IS,
                    c -> c.paidOn = LocalDate.of(2026, 5, 1), "PAID_AFTER_DEADLINE"));
            cases.add(claim(category + " payment date missing", kind, AS_IS, c -> c.paidOn = null,
                    "PAID_AFTER_DEADLINE"));
        }
        // Loan interest (guide 四（二）3, 五（一）2).
        cases.add(claimOk("loan term exactly 12 months", LOAN, AS_IS, c -> c.termMonths = 12));
        cases.add(claim("loan term 11 months", LOAN, AS_IS, c -> c.termMonths = 11, "LOAN_TERM_TOO_SHORT"));
        cases.add(claimOk("project first certified on 2023-01-01", LOAN,
                a -> a.certificateFirstIssuedOn = LocalDate.of(2023, 1, 1), c -> { }));
        cases.add(claim("project first certified on 2022-12-31", LOAN,
                a -> a.certificateFirstIssuedOn = LocalDate.of(2022, 12, 31), c -> { }, "PROJECT_FILED_BEFORE_2023"));
        cases.add(claimOk("interest supported 2 years before", LOAN, a -> a.priorInterestSupportYears = 2, c -> { }));
        cases.add(claim("interest supported 3 years before", LOAN, a -> a.priorInterestSupportYears = 3, c -> { },
                "INTEREST_SUPPORT_EXHAUSTED"));
        // In force at some time in the support year: loans, policies, zone construction.
        for (Supplier<ClaimBuilder> kind : List.of(LOAN, PREMIUM, ZONE)) {
            String category = kind.get().category.name();
            cases.add(claimOk(category + " ending on the year's first day", kind, AS_IS, c -> {
                c.activeFrom = LocalDate.of(2024, 1, 1);
                c.activeTo = LocalDate.of(2025, 1, 1);
            }));
            cases.add(claim(category + " ending the day before the year", kind, AS_IS, c -> {
                c.activeFrom = LocalDate.of(2024, 1, 1);
                c.activeTo = LocalDate.of(2024, 12, 31);
            }, "NOT_ACTIVE_IN_SUPPORT_YEAR"));
            cases.add(claimOk(category + " starting on the year's last day", kind, AS_IS, c -> {
                c.activeFrom = LocalDate.of(2025, 12, 31);
                c.activeTo = LocalDate.of(2026, 12, 31);
            }));
            cases.add(claim(category + " starting the day after the year", kind, AS_IS, c -> {
                c.activeFrom = LocalDate.of(2026, 1, 1);
                c.activeTo = LocalDate.of(2026, 12, 31);
            }, "NOT_ACTIVE_IN_SUPPORT_YEAR"));
        }
        cases.add(claim("zone not confirmed", ZONE, AS_IS, c -> c.zoneConfirmed = false, "ZONE_NOT_CONFIRMED"));
        cases.add(claim("zone confirmation not answered", ZONE, AS_IS, c -> c.zoneConfirmed = null,
                "ZONE_NOT_CONFIRMED"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachConditionFailsWithItsReasonAndOnlyThat(Case c) {
        Builder builder = application();
        c.application().accept(builder);
        ClaimBuilder claim = c.claim().get();
        c.change().accept(claim);
        Quote quote = quotes.quote(program(), builder.claim(claim).build());

        Quote.ClaimQuote claimQuote = quote.claims().get(0);
        switch (c.level()) {
            case NONE -> {
                assertThat(quote.reasons()).isEmpty();
                assertThat(claimQuote.reasons()).isEmpty();
                assertThat(claimQuote.eligible()).isTrue();
                assertThat(quote.eligible()).isTrue();
            }
            case APPLICATION -> {
                assertThat(quote.reasons()).containsExactly(c.reason());
                assertThat(claimQuote.reasons()).isEmpty();
                assertThat(claimQuote.supportWan()).isZero();
                assertThat(quote.eligible()).isFalse();
            }
            case CLAIM -> {
                assertThat(quote.reasons()).isEmpty();
                assertThat(claimQuote.reasons()).containsExactly(c.reason());
                assertThat(claimQuote.supportWan()).isZero();
                assertThat(claimQuote.eligible()).isFalse();
            }
        }
        if (c.reason() != null) {
            covered.add(c.reason());
        }
    }

    @AfterAll
    static void everyReasonOfTheGuideIsExercised() {
        assertThat(covered).containsExactlyInAnyOrderElementsOf(GUIDE_REASONS);
    }

    @Test
    void theTestUsccsAreValid() {
        assertThat(Uscc.isValid(Applications.SHENZHEN_USCC)).isTrue();
        assertThat(Uscc.isValid(Applications.GUANGZHOU_USCC)).isTrue();
    }

    @Test
    void theDeadlineDayIsShenzhensCalendarDayNotTheServers() {
        // 00:30 on 1 May in Shenzhen is still 30 April in UTC: the Shenzhen day (1 May) is in time.
        var program = Applications.program(OffsetDateTime.parse("2026-05-01T00:30:00+08:00").toInstant());
        ClaimBuilder claim = preProjectFees("600000");
        claim.paidOn = LocalDate.of(2026, 5, 1);

        Quote quote = quotes.quote(program, application().claim(claim).build());

        assertThat(quote.claims().get(0).reasons()).isEmpty();
    }

    @Test
    void exactlyFiveWanIsPaidAndJustBelowIsNot() {
        Quote five = quotes.quote(program(), application().claim(preProjectFees("100000")).build());
        Quote four = quotes.quote(program(), application().claim(preProjectFees("99999.99")).build());

        assertThat(five.claims().get(0).supportWan()).isEqualByComparingTo("5");
        assertThat(five.claims().get(0).reasons()).isEmpty();
        assertThat(four.claims().get(0).supportWan()).isZero();
        assertThat(four.claims().get(0).reasons()).containsExactly("BELOW_MINIMUM_SUPPORT");
    }

    @Test
    void loanTermsPickTheirLpr() {
        assertThat(cap(12)).isEqualByComparingTo("3.0");
        assertThat(cap(60)).isEqualByComparingTo("3.0");
        assertThat(cap(61)).isEqualByComparingTo("3.5");
    }

    @Test
    void foreignCurrencyLoansAreCappedAtThreePercent() {
        ClaimBuilder loan = loanInterest("0", "5.0", 36);
        loan.amount = MoneyAmount.of("100000", "USD");
        loan.loanPrincipal = MoneyAmount.of("2000000", "USD");

        Quote quote = quotes.quote(program(), application().claim(loan).build());

        Quote.ClaimQuote claim = quote.claims().get(0);
        assertThat(WorkedExamplesTest.figure(claim, "rate cap")).isEqualByComparingTo("3");
        // 700,000 × 3 / 5 = 420,000 → 50% = 210,000 → 21 万元.
        assertThat(claim.supportWan()).isEqualByComparingTo("21");
    }

    @Test
    void aRateBelowTheCapIsKept() {
        Quote quote = quotes.quote(program(), application().claim(loanInterest("420000", "2.5", 72)).build());

        Quote.ClaimQuote claim = quote.claims().get(0);
        assertThat(WorkedExamplesTest.figure(claim, "rate applied")).isEqualByComparingTo("2.5");
        assertThat(claim.supportWan()).isEqualByComparingTo("21");
    }

    @Test
    void anApplicationLevelReasonZeroesEveryClaimButClaimReasonsStillShow() {
        Builder builder = application();
        builder.fiscalArrears = true;
        ClaimBuilder lateFees = preProjectFees("600000");
        lateFees.paidOn = LocalDate.of(2026, 5, 2);
        Quote quote = quotes.quote(program(), builder.claim(lateFees).claim(zoneInfrastructure("3000000")).build());

        assertThat(quote.reasons()).containsExactly("FISCAL_ARREARS");
        assertThat(quote.claims()).allSatisfy(claim -> assertThat(claim.supportWan()).isZero());
        assertThat(quote.claims().get(0).reasons()).containsExactly("PAID_AFTER_DEADLINE");
        assertThat(quote.totalWan()).isZero();
        assertThat(quote.eligible()).isFalse();
    }

    @Test
    void aFailingClaimDoesNotTouchTheOthers() {
        ClaimBuilder smallLoan = loanInterest("420000", "4.2", 36);
        smallLoan.loanPrincipal = MoneyAmount.cny("1000000");
        Quote quote = quotes.quote(program(), application().claim(smallLoan).claim(zoneInfrastructure("3000000"))
                .build());

        assertThat(quote.claims().get(0).reasons()).containsExactly("LOAN_BELOW_THRESHOLD");
        assertThat(quote.claims().get(1).supportWan()).isEqualByComparingTo("150");
        assertThat(quote.totalWan()).isEqualByComparingTo("150");
        assertThat(quote.eligible()).isTrue();
    }

    @Test
    void severalFailuresAreAllNamedInTableOrder() {
        Builder builder = application();
        builder.holdsCertificate = false;
        builder.onDishonestyList = true;
        Quote quote = quotes.quote(program(), builder.claim(zoneInfrastructure("3000000")).build());

        assertThat(quote.reasons()).containsExactly("SERIOUS_DISHONESTY", "NO_CERTIFICATE");
    }

    private static java.math.BigDecimal cap(int termMonths) {
        Quote quote = quotes.quote(program(), application().claim(loanInterest("420000", "4.2", termMonths)).build());
        return WorkedExamplesTest.figure(quote.claims().get(0), "rate cap");
    }
}
