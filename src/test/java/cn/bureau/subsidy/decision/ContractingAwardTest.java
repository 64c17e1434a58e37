package cn.bureau.subsidy.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.bureau.subsidy.decision.Quote.ClaimQuote;

/**
 * The second program's table, {@code decisions/contracting-award.dmn}: tiered awards for overseas contracting revenue
 * (action plan item 十), through the same quote as the 2026 guide with only the program's decision keys changed.
 * Every boundary the seed words is tested on both sides, to the cent.
 */
class ContractingAwardTest {

    static final String CATEGORY = "CONTRACTING_REVENUE_AWARD";
    static final DecisionKeys AWARD = DecisionKeys.of(Map.of(
            DecisionKeys.APPLICATION_ELIGIBILITY, "Decision_ContractingAwardApplication",
            DecisionKeys.CLAIM_ELIGIBILITY, "Decision_ContractingAwardClaim",
            DecisionKeys.SUPPORT_RATES, "Decision_ContractingAward",
            DecisionKeys.SUPPORT_LIMITS, "Decision_ContractingAwardLimits"));

    private static final QuoteService quotes = new QuoteService(new FileDecisions());

    static ProgramParameters program() {
        return new ProgramParameters(2025, Applications.FILING_CLOSES_AT, Map.of("USD", new BigDecimal("7.0288")),
                Map.of("1Y", new BigDecimal("3.0"), "5Y", new BigDecimal("3.5")), AWARD);
    }

    /** A contracting enterprise's revenue claim; {@code priorUsd} null leaves last year's revenue out. */
    static ApplicationFacts award(String revenueUsd, Boolean firstTime, String priorUsd) {
        Map<String, Object> facts = new HashMap<>();
        if (firstTime != null) {
            facts.put("firstTime", firstTime);
        }
        if (priorUsd != null) {
            facts.put("priorYearRevenue", MoneyAmount.of(priorUsd, "USD"));
        }
        Applications.Builder builder = Applications.application()
                .contracting(ProjectKind.CONTRACTING, MoneyAmount.of("2000000", "USD"));
        ApplicationFacts base = builder.build();
        return new ApplicationFacts(base.applicant(), base.declarations(), base.project(),
                List.of(new ApplicationFacts.Claim(CATEGORY, MoneyAmount.of(revenueUsd, "USD"),
                        LocalDate.of(2025, 12, 31), null, null, null, null, null, null, null, facts)));
    }

    @ParameterizedTest(name = "first year, revenue US${0} → {1} 万元")
    @CsvSource({
            "2999999.99, 0, BELOW_AWARD_THRESHOLD",
            "3000000, 20, ",
            "3000000.01, 20, ",
            // a first-year enterprise gets the first-year award whatever its revenue (see the table's annotation)
            "150000000, 20, "})
    void firstYearOfContracting(String revenueUsd, int wan, String reason) {
        assertAward(award(revenueUsd, true, null), wan, reason);
    }

    @ParameterizedTest(name = "later year, revenue US${0} (last year 1,000,000) → {1} 万元")
    @CsvSource({
            "4999999.99, 0, BELOW_AWARD_THRESHOLD",
            "5000000, 50, ",
            "20000000, 50, ",
            "20000000.01, 100, ",
            "60000000, 100, ",
            "60000000.01, 200, ",
            "100000000, 200, ",
            "100000000.01, 250, "})
    void laterYearsWithGrowthFollowTheTiers(String revenueUsd, int wan, String reason) {
        assertAward(award(revenueUsd, false, "1000000"), wan, reason);
    }

    @Test
    void withoutGrowthOverLastYearThereIsNoAward() {
        assertAward(award("30000000", false, "30000000"), 0, "NO_REVENUE_GROWTH");
        assertAward(award("30000000", false, "30000000.01"), 0, "NO_REVENUE_GROWTH");
        assertAward(award("30000000", false, null), 0, "NO_REVENUE_GROWTH");
        assertAward(award("30000000", false, "29999999.99"), 100, null);
    }

    @Test
    void theClaimMustSayWhetherItIsTheFirstYear() {
        assertAward(award("30000000", null, "1000000"), 0, "FIRST_TIME_NOT_STATED");
    }

    @Test
    void lastYearsRevenueInAnotherCurrencyIsComparedInUsdEquivalent() {
        ApplicationFacts facts = award("10000000", false, null);
        ApplicationFacts.Claim claim = facts.claims().get(0);
        ApplicationFacts inCny = new ApplicationFacts(facts.applicant(), facts.declarations(), facts.project(),
                List.of(new ApplicationFacts.Claim(CATEGORY, claim.amount(), claim.paidOn(), null, null, null, null,
                        null, null, null, Map.of("firstTime", false,
                                // CNY 70,288,000 = US$10,000,000 exactly at 7.0288: equal, so no growth
                                "priorYearRevenue", MoneyAmount.cny("70288000")))));

        assertAward(inCny, 0, "NO_REVENUE_GROWTH");
    }

    @Test
    void anEnterpriseOutsideContractingOrFailingABasicConditionGetsNothing() {
        ApplicationFacts facts = award("10000000", false, "1000000");
        ApplicationFacts investment = new ApplicationFacts(facts.applicant(), facts.declarations(),
                Applications.application().build().project(), facts.claims());
        Quote quote = quotes.quote(program(), investment);
        assertThat(quote.reasons()).containsExactly("NOT_CONTRACTING");
        assertThat(quote.totalWan()).isZero();

        ApplicationFacts.Declarations d = facts.declarations();
        ApplicationFacts arrears = new ApplicationFacts(facts.applicant(), new ApplicationFacts.Declarations(
                d.onDishonestyList(), d.seriousViolationLast3Years(), true, d.otherCentralFundingForSameItem(),
                d.reportsStatistics(), d.holdsCertificate(), d.truthfulnessCommitment()), facts.project(),
                facts.claims());
        assertThat(quotes.quote(program(), arrears).reasons()).containsExactly("FISCAL_ARREARS");
    }

    @Test
    void theAwardIsExplainedByTheRowThatMatched() {
        ClaimQuote claim = quotes.quote(program(), award("25000000", false, "20000000")).claims().get(0);

        assertThat(claim.explanation().rulesFired()).extracting(Quote.FiredRule::ruleId)
                .containsExactly("Rule_AwardTier_TwentyToSixty");
        assertThat(claim.explanation().figures()).extracting(Quote.Figure::name).contains("award");
        assertThat(claim.explanation().inputs()).containsEntry("firstTime", false)
                .containsKey("priorYearRevenueUsd");
    }

    @Test
    void theLimitsAreTheProgramsOwn() {
        assertThat(quotes.supportLimits(AWARD).enterpriseMaximumWan()).isEqualByComparingTo("250");
        assertThat(quotes.supportLimits(AWARD).minimumWan()).isEqualByComparingTo("0");
        assertThat(quotes.supportLimits().enterpriseMaximumWan()).isEqualByComparingTo("1000");
    }

    private static void assertAward(ApplicationFacts facts, int wan, String reason) {
        Quote quote = quotes.quote(program(), facts);
        ClaimQuote claim = quote.claims().get(0);
        assertThat(quote.reasons()).isEmpty();
        assertThat(claim.supportWan()).as("award in 万元").isEqualByComparingTo(BigDecimal.valueOf(wan));
        assertThat(quote.totalWan()).isEqualByComparingTo(BigDecimal.valueOf(wan));
        if (reason == null) {
            assertThat(claim.reasons()).isEmpty();
            assertThat(claim.eligible()).isTrue();
        } else {
            assertThat(claim.reasons()).containsExactly(reason);
            assertThat(claim.eligible()).isFalse();
        }
    }
}
