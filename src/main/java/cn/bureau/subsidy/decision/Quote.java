package cn.bureau.subsidy.decision;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to a quote, shaped like the contract's response plus an explanation of every figure.
 *
 * @param eligible    true when {@code totalWan} is above zero
 * @param reasons     application-level reason codes (guide §4); any one makes every claim zero
 * @param claims      one per claim, in request order
 * @param totalWan    the sum of the claims after the enterprise cap, before any budget scaling
 * @param explanation the application-level inputs, rules that fired and figures (the enterprise cap)
 */
public record Quote(boolean eligible, List<String> reasons, List<ClaimQuote> claims, BigDecimal totalWan,
        Explanation explanation) {

    public Quote {
        reasons = List.copyOf(reasons);
        claims = List.copyOf(claims);
    }

    /**
     * One claim's result.
     *
     * @param category    the claim's category code
     * @param supportWan  whole 万元 after the enterprise cap
     * @param uncappedWan whole 万元 after the minimum rule and before the enterprise cap: what a funding plan starts from
     */
    public record ClaimQuote(String category, boolean eligible, List<String> reasons, BigDecimal supportWan,
            BigDecimal uncappedWan, Explanation explanation) {

        public ClaimQuote {
            reasons = List.copyOf(reasons);
        }
    }

    /** What went in, which table rows fired, and every intermediate figure in the order it was computed. */
    public record Explanation(Map<String, Object> inputs, List<FiredRule> rulesFired, List<Figure> figures) {

        public Explanation {
            inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
            rulesFired = List.copyOf(rulesFired);
            figures = List.copyOf(figures);
        }

        /**
         * The same explanation with the rows' annotations left out, as a case keeps it: a row's words are part of the
         * deployed table its {@code definitionId} and {@code ruleId} name, and would otherwise be stored again with
         * every claim.
         */
        public Explanation withoutAnnotations() {
            return new Explanation(inputs, rulesFired.stream()
                    .map(rule -> new FiredRule(rule.decision(), rule.definitionId(), rule.ruleId(), null,
                            rule.outputs()))
                    .toList(), figures);
        }
    }

    /**
     * A table row that matched.
     *
     * @param decision     the decision key, e.g. {@code Decision_ClaimEligibility}
     * @param definitionId the deployed decision definition the row belongs to (its version)
     * @param ruleId       the row's id in the DMN file
     * @param annotation   the row's annotation (the guide's words)
     * @param outputs      the row's outputs
     */
    public record FiredRule(String decision, String definitionId, String ruleId, String annotation,
            Map<String, Object> outputs) {
    }

    /** One intermediate figure: what it is, its value, its unit (CNY, USD, %, 万元) and how it was obtained. */
    public record Figure(String name, BigDecimal value, String unit, String how) {
    }
}
