package cn.bureau.subsidy.decision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import cn.bureau.subsidy.decision.Quote.Figure;

/**
 * The amount of one eligible claim, guide §5 steps 1–4 in order: convert to CNY; apply the category's base rule and
 * rate (numbers from {@code Decision_SupportRates} and {@code Decision_InterestRateCap}); never above the amount
 * actually paid; truncate to whole 万元 (舍尾法); below the minimum → 0. Intermediate CNY figures are kept to the fen,
 * rounded down, so no step rounds money up. Plain Java: every figure is recorded for the explanation.
 */
final class SupportCalculator {

    static final String PAID = "PAID";
    static final String PAID_CAPPED_AT_PERCENT_OF_PROJECT_VALUE = "PAID_CAPPED_AT_PERCENT_OF_PROJECT_VALUE";
    static final String INTEREST_AT_CAPPED_RATE = "INTEREST_AT_CAPPED_RATE";
    /** A fixed award in 万元 for the row that matched (a tier), not a share of what was paid. */
    static final String FIXED_AWARD = "FIXED_AWARD";

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final String CNY = "CNY";
    private static final String PERCENT = "%";
    private static final String WAN_UNIT = "万元";

    /**
     * The numbers the tables gave for this claim. {@code interestCapPercent} only for loan interest, {@code awardWan}
     * only for a fixed award; {@code table} is the key of the rates table, for the explanation.
     */
    record Rule(BigDecimal ratePercent, String baseRule, BigDecimal baseCapPercent, BigDecimal interestCapPercent,
            String interestCapBasis, BigDecimal awardWan, String table) {
    }

    /**
     * What the claim brings.
     *
     * @param paid              the amount actually paid, in its currency
     * @param paidCny           the same in CNY (step 1)
     * @param projectValueCny   the Chinese-side investment or the contract value in CNY, for the 6% cap; may be null
     * @param annualRatePercent the loan's actual annual rate, for loan interest
     */
    record Claim(MoneyAmount paid, BigDecimal rateToCny, BigDecimal paidCny, BigDecimal projectValueCny,
            String projectValueWhat, BigDecimal annualRatePercent) {
    }

    record Result(BigDecimal wan, boolean belowMinimum, List<Figure> figures) {
    }

    private SupportCalculator() {
    }

    static Result calculate(Claim claim, Rule rule, BigDecimal minimumWan) {
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("paid", claim.paid().amount(), claim.paid().currency(), "amount actually paid"));
        BigDecimal paid = claim.paidCny();
        figures.add(new Figure("paid in CNY", paid, CNY, CNY.equals(claim.paid().currency())
                ? "already in CNY"
                : claim.paid().amount().toPlainString() + " " + claim.paid().currency() + " × "
                        + claim.rateToCny().toPlainString() + " (program rate), rounded down to the fen"));

        BigDecimal support;
        if (FIXED_AWARD.equals(rule.baseRule())) {
            if (rule.awardWan() == null || rule.awardWan().signum() < 0) {
                throw new IllegalStateException(rule.table() + " names " + FIXED_AWARD + " without an awardWan");
            }
            support = rule.awardWan().multiply(WAN);
            figures.add(new Figure("award", support, CNY, FIXED_AWARD + ": " + rule.awardWan().toPlainString()
                    + " 万元 from the row of " + rule.table() + " that matched"));
        } else {
            BigDecimal base = base(claim, rule, paid, figures);
            if (rule.ratePercent() == null) {
                throw new IllegalStateException(rule.table() + " gives no ratePercent for " + rule.baseRule());
            }
            figures.add(new Figure("support rate", rule.ratePercent(), PERCENT, rule.table()));
            support = base.multiply(rule.ratePercent()).divide(HUNDRED, 2, RoundingMode.DOWN);
            figures.add(new Figure("support", support, CNY,
                    "base " + base.toPlainString() + " × " + rule.ratePercent().stripTrailingZeros().toPlainString()
                            + "%, rounded down to the fen"));
            if (support.compareTo(paid) > 0) {
                support = paid;
                figures.add(new Figure("support limited to paid", support, CNY,
                        "never above the amount actually paid"));
            }
        }
        BigDecimal wan = support.divide(WAN, 0, RoundingMode.FLOOR);
        figures.add(new Figure("support in 万元", wan, WAN_UNIT, "truncated to whole 万元 (舍尾法)"));
        boolean belowMinimum = wan.compareTo(minimumWan) < 0;
        if (belowMinimum) {
            figures.add(new Figure("after minimum", BigDecimal.ZERO, WAN_UNIT,
                    wan.toPlainString() + " < minimum " + minimumWan.toPlainString() + " 万元 → 0 (BELOW_MINIMUM_SUPPORT)"));
            wan = BigDecimal.ZERO;
        }
        return new Result(wan, belowMinimum, figures);
    }

    private static BigDecimal base(Claim claim, Rule rule, BigDecimal paid, List<Figure> figures) {
        if (rule.baseRule() == null) {
            throw new IllegalStateException("Decision_SupportRates gives no base rule for this category");
        }
        switch (rule.baseRule()) {
            case PAID -> {
                figures.add(new Figure("base", paid, CNY, "PAID: the amount actually paid"));
                return paid;
            }
            case PAID_CAPPED_AT_PERCENT_OF_PROJECT_VALUE -> {
                if (rule.baseCapPercent() == null) {
                    throw new IllegalStateException("Decision_SupportRates gives no baseCapPercent for "
                            + PAID_CAPPED_AT_PERCENT_OF_PROJECT_VALUE);
                }
                BigDecimal value = claim.projectValueCny() == null ? BigDecimal.ZERO : claim.projectValueCny();
                figures.add(new Figure("project value in CNY", value, CNY, claim.projectValueCny() == null
                        ? "missing: the cap is 0"
                        : claim.projectValueWhat()));
                BigDecimal cap = value.multiply(rule.baseCapPercent()).divide(HUNDRED, 2, RoundingMode.DOWN);
                figures.add(new Figure("base cap", cap, CNY, rule.baseCapPercent().stripTrailingZeros().toPlainString()
                        + "% of the project value"));
                BigDecimal base = paid.min(cap);
                figures.add(new Figure("base", base, CNY, "PAID_CAPPED_AT_PERCENT_OF_PROJECT_VALUE: min(paid, cap)"));
                return base;
            }
            case INTEREST_AT_CAPPED_RATE -> {
                BigDecimal actual = claim.annualRatePercent();
                figures.add(new Figure("actual annual rate", actual, PERCENT, "the loan's contract rate"));
                if (rule.interestCapPercent() == null) {
                    throw new IllegalStateException("Decision_InterestRateCap gives no cap for this loan");
                }
                figures.add(new Figure("rate cap", rule.interestCapPercent(), PERCENT,
                        "Decision_InterestRateCap: " + rule.interestCapBasis()));
                if (actual == null || actual.signum() <= 0) {
                    figures.add(new Figure("base", BigDecimal.ZERO, CNY, "no actual rate given: nothing to recompute"));
                    return BigDecimal.ZERO;
                }
                BigDecimal applied = actual.min(rule.interestCapPercent());
                figures.add(new Figure("rate applied", applied, PERCENT, "min(actual, cap)"));
                BigDecimal base = paid.multiply(applied).divide(actual, 2, RoundingMode.DOWN);
                figures.add(new Figure("base", base, CNY, "INTEREST_AT_CAPPED_RATE: paid × " + applied.toPlainString()
                        + " / " + actual.toPlainString() + ", rounded down to the fen"));
                return base;
            }
            default -> throw new IllegalStateException("Decision_SupportRates names an unknown base rule: "
                    + rule.baseRule());
        }
    }
}
