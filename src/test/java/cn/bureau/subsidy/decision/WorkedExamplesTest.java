package cn.bureau.subsidy.decision;

import static cn.bureau.subsidy.decision.Applications.application;
import static cn.bureau.subsidy.decision.Applications.insurancePremium;
import static cn.bureau.subsidy.decision.Applications.loanInterest;
import static cn.bureau.subsidy.decision.Applications.preProjectFees;
import static cn.bureau.subsidy.decision.Applications.program;
import static cn.bureau.subsidy.decision.Applications.zoneInfrastructure;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import cn.bureau.subsidy.decision.Quote.ClaimQuote;
import cn.bureau.subsidy.decision.Quote.Figure;

/** Guide §9's worked examples through the quote: USD 7.0, LPR 1Y 3.0%, 5Y 3.5%, tables from {@code decisions/}. */
class WorkedExamplesTest {

    private static final QuoteService quotes = new QuoteService(new FileDecisions());

    @Test
    void preProjectFeesBelowTheSixPercentCap() {
        Quote quote = quotes.quote(program(), application().claim(preProjectFees("600000")).build());

        ClaimQuote claim = quote.claims().get(0);
        assertThat(figure(claim, "base cap")).isEqualByComparingTo("840000");
        assertThat(figure(claim, "base")).isEqualByComparingTo("600000");
        assertThat(figure(claim, "support")).isEqualByComparingTo("300000");
        assertThat(claim.supportWan()).isEqualByComparingTo("30");
        assertThat(claim.eligible()).isTrue();
        assertThat(quote.totalWan()).isEqualByComparingTo("30");
        assertThat(quote.eligible()).isTrue();
    }

    @Test
    void preProjectFeesCappedAtSixPercentOfTheInvestment() {
        Quote quote = quotes.quote(program(), application().claim(preProjectFees("1000000")).build());

        ClaimQuote claim = quote.claims().get(0);
        assertThat(figure(claim, "project value in CNY")).isEqualByComparingTo("14000000");
        assertThat(figure(claim, "base")).isEqualByComparingTo("840000");
        assertThat(figure(claim, "support")).isEqualByComparingTo("420000");
        assertThat(claim.supportWan()).isEqualByComparingTo("42");
    }

    @Test
    void cnyLoanInterestRecomputedAtTheOneYearLpr() {
        Quote quote = quotes.quote(program(), application().claim(loanInterest("420000", "4.2", 36)).build());

        ClaimQuote claim = quote.claims().get(0);
        assertThat(figure(claim, "rate cap")).isEqualByComparingTo("3.0");
        assertThat(figure(claim, "base")).isEqualByComparingTo("300000");
        assertThat(claim.supportWan()).isEqualByComparingTo("15");
    }

    @Test
    void insurancePremiumInUsd() {
        Quote quote = quotes.quote(program(),
                application().claim(insurancePremium(MoneyAmount.of("50000", "USD"))).build());

        ClaimQuote claim = quote.claims().get(0);
        assertThat(figure(claim, "paid in CNY")).isEqualByComparingTo("350000");
        assertThat(figure(claim, "support")).isEqualByComparingTo("210000");
        assertThat(claim.supportWan()).isEqualByComparingTo("21");
    }

    @Test
    void feesBelowTheMinimumGiveNothing() {
        Quote quote = quotes.quote(program(), application().claim(preProjectFees("80000")).build());

        ClaimQuote claim = quote.claims().get(0);
        assertThat(figure(claim, "support in 万元")).isEqualByComparingTo("4");
        assertThat(claim.supportWan()).isEqualByComparingTo("0");
        assertThat(claim.reasons()).containsExactly("BELOW_MINIMUM_SUPPORT");
        assertThat(claim.eligible()).isFalse();
        assertThat(quote.eligible()).isFalse();
        assertThat(quote.totalWan()).isEqualByComparingTo("0");
    }

    @Test
    void enterpriseOverTheMaximumIsScaledAndTruncated() {
        // 16,000,000 × 50% = 800 万元 and 10,000,000 × 50% = 500 万元.
        Quote quote = quotes.quote(program(), application()
                .claim(zoneInfrastructure("16000000"))
                .claim(zoneInfrastructure("10000000"))
                .build());

        assertThat(quote.claims()).extracting(ClaimQuote::uncappedWan)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("800"), new BigDecimal("500"));
        assertThat(quote.claims()).extracting(ClaimQuote::supportWan)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("615"), new BigDecimal("384"));
        assertThat(quote.totalWan()).isEqualByComparingTo("999");
    }

    @Test
    void theContractsExampleBodyQuotesEveryCategoryInRequestOrder() {
        Quote quote = quotes.quote(program(), application()
                .claim(preProjectFees("600000"))
                .claim(loanInterest("420000", "4.2", 36))
                .claim(insurancePremium(MoneyAmount.of("50000", "USD")))
                .claim(zoneInfrastructure("3000000"))
                .build());

        assertThat(quote.reasons()).isEmpty();
        assertThat(quote.claims()).extracting(ClaimQuote::category).containsExactly(
                SupportCategory.PRE_PROJECT_FEES.name(), SupportCategory.LOAN_INTEREST.name(),
                SupportCategory.INSURANCE_PREMIUM.name(), SupportCategory.ZONE_INFRASTRUCTURE.name());
        assertThat(quote.claims()).extracting(ClaimQuote::supportWan)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("30"), new BigDecimal("15"), new BigDecimal("21"),
                        new BigDecimal("150"));
        assertThat(quote.totalWan()).isEqualByComparingTo("216");
    }

    @Test
    void theExplanationNamesTheRowsThatFiredAndTheInputs() {
        Quote quote = quotes.quote(program(), application().claim(loanInterest("420000", "4.2", 36)).build());

        ClaimQuote claim = quote.claims().get(0);
        assertThat(claim.explanation().rulesFired()).extracting(Quote.FiredRule::ruleId)
                .containsExactly("Rule_Rate_LoanInterest", "Rule_Cap_CnyUpToFiveYears");
        assertThat(claim.explanation().rulesFired().get(1).annotation()).contains("LPR");
        assertThat(claim.explanation().inputs()).containsEntry("termMonths", 36)
                .containsKey("supportYearStart").containsKey("filingDeadlineDay");
        assertThat(quote.explanation().inputs()).containsEntry("registeredInShenzhen", true)
                .containsKey("decisionDefinitions");
    }

    static BigDecimal figure(ClaimQuote claim, String name) {
        return claim.explanation().figures().stream()
                .filter(f -> f.name().equals(name))
                .map(Figure::value)
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("No figure '" + name + "' in " + claim.explanation().figures()));
    }
}
