package cn.bureau.subsidy.decision;

import java.math.BigDecimal;

/** The minimum support per claim and the maximum per enterprise, in 万元, from {@code Decision_SupportLimits}. */
public record SupportLimits(BigDecimal minimumWan, BigDecimal enterpriseMaximumWan) {
}
