package cn.bureau.subsidy.decision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of one program (one published guide) that the decisions need.
 *
 * @param supportYear    the year whose projects are supported (2025 for the 2026 guide)
 * @param filingClosesAt end of the online filing window; payments dated on its calendar day in Shenzhen are in time
 * @param fxRatesToCny   CNY per unit of each foreign currency (PBOC central parity last published on or before 31
 *                       December of the support year), e.g. {@code USD -> 7.0288}
 * @param lprPercent     loan prime rates in percent under the keys {@code "1Y"} and {@code "5Y"}
 * @param decisions      the deployed decisions the program's quotes, qualification check and plan use
 */
public record ProgramParameters(int supportYear, Instant filingClosesAt, Map<String, BigDecimal> fxRatesToCny,
        Map<String, BigDecimal> lprPercent, DecisionKeys decisions) {

    public static final String LPR_1Y = "1Y";
    public static final String LPR_5Y = "5Y";

    public ProgramParameters {
        Objects.requireNonNull(filingClosesAt, "filingClosesAt");
        fxRatesToCny = fxRatesToCny == null ? Map.of() : Map.copyOf(fxRatesToCny);
        lprPercent = lprPercent == null ? Map.of() : Map.copyOf(lprPercent);
        decisions = decisions == null ? DecisionKeys.DEFAULTS : decisions;
    }

    /** A program on the 2026 guide's tables. */
    public ProgramParameters(int supportYear, Instant filingClosesAt, Map<String, BigDecimal> fxRatesToCny,
            Map<String, BigDecimal> lprPercent) {
        this(supportYear, filingClosesAt, fxRatesToCny, lprPercent, DecisionKeys.DEFAULTS);
    }
}
