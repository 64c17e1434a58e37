package cn.bureau.subsidy.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import cn.bureau.subsidy.decision.SupportLimits;
import cn.bureau.subsidy.decision.UniformReduction;

/**
 * Turns the qualified claims of a program into funding-plan amounts, with no I/O: first the enterprise maximum across
 * all lines of one enterprise, then guide §5's budget rule over the whole plan. Both use
 * {@link UniformReduction}: {@code r = ceiling / sum}, every line {@code floor(amount × r)}, a line below the minimum
 * becomes 0 and drops out, {@code r} is recomputed over the lines still in until nothing drops.
 *
 * <p>The same candidates and budget always give the same lines, whatever their order. The minimum and the maximum are
 * parameters: at run time they come from {@code Decision_SupportLimits}.
 */
public final class BudgetAllocation {

    /** One claim of a qualified case: its unscaled amount is the whole 万元 the quote computed before any cap. */
    public record Candidate(String caseId, String uscc, String category, BigDecimal unscaledWan) {

        public Candidate {
            Objects.requireNonNull(caseId, "caseId");
            Objects.requireNonNull(uscc, "uscc");
            Objects.requireNonNull(unscaledWan, "unscaledWan");
        }
    }

    /** One plan line: the amount before anything, after the enterprise maximum, and final; and how. */
    public record Line(String caseId, String uscc, String category, BigDecimal unscaledWan,
            BigDecimal cappedWan, BigDecimal finalWan, String explanation) {
    }

    /**
     * The plan's lines in the candidates' order.
     *
     * @param requestedWan the sum after the enterprise maximum, which the budget rule starts from
     * @param allocatedWan the sum of the final amounts; never above the budget
     */
    public record Result(List<Line> lines, BigDecimal budgetWan, BigDecimal requestedWan, BigDecimal allocatedWan,
            String explanation) {
    }

    private final BigDecimal minimumWan;
    private final BigDecimal enterpriseMaximumWan;

    public BudgetAllocation(BigDecimal minimumWan, BigDecimal enterpriseMaximumWan) {
        this.minimumWan = Objects.requireNonNull(minimumWan, "minimumWan");
        this.enterpriseMaximumWan = Objects.requireNonNull(enterpriseMaximumWan, "enterpriseMaximumWan");
    }

    public static BudgetAllocation of(SupportLimits limits) {
        return new BudgetAllocation(limits.minimumWan(), limits.enterpriseMaximumWan());
    }

    public Result allocate(List<Candidate> candidates, BigDecimal budgetWan) {
        Objects.requireNonNull(budgetWan, "budgetWan");
        int size = candidates.size();
        BigDecimal[] capped = new BigDecimal[size];
        String[] capNotes = new String[size];

        Map<String, List<Integer>> byEnterprise = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            byEnterprise.computeIfAbsent(candidates.get(i).uscc(), uscc -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<String, List<Integer>> enterprise : byEnterprise.entrySet()) {
            List<Integer> indexes = enterprise.getValue();
            List<BigDecimal> amounts = indexes.stream().map(i -> candidates.get(i).unscaledWan()).toList();
            UniformReduction.Result result = UniformReduction.apply(amounts, enterpriseMaximumWan, minimumWan);
            for (int k = 0; k < indexes.size(); k++) {
                int i = indexes.get(k);
                capped[i] = result.amounts().get(k);
                capNotes[i] = note(k, amounts.get(k), result, "enterprise " + enterprise.getKey() + " maximum");
            }
        }

        List<BigDecimal> cappedList = List.of(capped);
        UniformReduction.Result budget = UniformReduction.apply(cappedList, budgetWan.max(BigDecimal.ZERO),
                minimumWan);
        List<Line> lines = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Candidate candidate = candidates.get(i);
            String explanation = capNotes[i] + "; " + note(i, capped[i], budget, "budget");
            lines.add(new Line(candidate.caseId(), candidate.uscc(), candidate.category(), candidate.unscaledWan(),
                    capped[i], budget.amounts().get(i), explanation));
        }
        BigDecimal requested = cappedList.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        String rounds = budget.rounds().stream()
                .filter(UniformReduction.Round::scaled)
                .map(round -> "r = " + round.ceiling().toPlainString() + " / " + round.sumIn().toPlainString()
                        + (round.dropped().isEmpty() ? "" : " (" + round.dropped().size() + " dropped)"))
                .collect(Collectors.joining(", "));
        String explanation = "budget " + budgetWan.toPlainString() + " 万元, requested " + requested.toPlainString()
                + " 万元 after enterprise maxima of " + enterpriseMaximumWan.toPlainString() + "; "
                + (rounds.isEmpty() ? "within the budget, no scaling" : "scaled: " + rounds);
        return new Result(List.copyOf(lines), budgetWan, requested, budget.total(), explanation);
    }

    /** How one amount fared in one reduction, in a few words. */
    private String note(int index, BigDecimal amount, UniformReduction.Result result, String what) {
        if (amount.signum() == 0) {
            return what + ": nothing to scale";
        }
        if (result.belowMinimumAtStart().contains(index)) {
            return what + ": " + amount.toPlainString() + " below the minimum " + minimumWan.toPlainString() + " → 0";
        }
        for (UniformReduction.Round round : result.rounds()) {
            if (round.dropped().contains(index)) {
                return what + ": floor(" + amount.toPlainString() + " × " + round.ceiling().toPlainString() + " / "
                        + round.sumIn().toPlainString() + ") below the minimum " + minimumWan.toPlainString() + " → 0";
            }
        }
        UniformReduction.Round last = result.rounds().get(result.rounds().size() - 1);
        if (!last.scaled()) {
            return what + ": " + amount.toPlainString() + " within " + last.ceiling().toPlainString();
        }
        return what + ": floor(" + amount.toPlainString() + " × " + last.ceiling().toPlainString() + " / "
                + last.sumIn().toPlainString() + ") = " + result.amounts().get(index).toPlainString();
    }
}
