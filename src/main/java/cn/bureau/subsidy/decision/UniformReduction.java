package cn.bureau.subsidy.decision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The uniform adjustment of guide §5, used for the enterprise cap (ceiling 1,000 万元) and for the program's budget:
 * when the amounts still in sum to more than the ceiling, {@code r = ceiling / sum}; every amount becomes
 * {@code floor(amount × r)}; an amount that falls below the minimum becomes 0 and drops out; {@code r} is recomputed
 * over the amounts still in, from their original values, until nothing drops.
 *
 * <p>Amounts below the minimum from the start are 0 and never take part. The result never exceeds the ceiling (each
 * floor is at most its share), never raises an amount, and holds no amount strictly between 0 and the minimum. The
 * order of the amounts changes nothing but the order of the answer.
 */
public final class UniformReduction {

    private UniformReduction() {
    }

    /**
     * One pass: the ceiling, the sum of the amounts still in, and which of them fell below the minimum in this pass.
     * {@code scaled} is false for the pass that found the sum within the ceiling.
     */
    public record Round(BigDecimal ceiling, BigDecimal sumIn, boolean scaled, List<Integer> dropped) {
    }

    /** The reduced amounts in the order given, the indexes zeroed for being below the minimum at the start, the passes. */
    public record Result(List<BigDecimal> amounts, List<Integer> belowMinimumAtStart, List<Round> rounds) {

        public BigDecimal total() {
            return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /**
     * Reduces {@code amounts} (whole 万元, none negative) so they sum to at most {@code ceiling}.
     *
     * @param minimum amounts that end below it become 0 (the guide's 5 万元)
     */
    public static Result apply(List<BigDecimal> amounts, BigDecimal ceiling, BigDecimal minimum) {
        Objects.requireNonNull(ceiling, "ceiling");
        Objects.requireNonNull(minimum, "minimum");
        if (ceiling.signum() < 0) {
            throw new IllegalArgumentException("The ceiling must not be negative: " + ceiling);
        }
        BigDecimal[] result = new BigDecimal[amounts.size()];
        Arrays.fill(result, BigDecimal.ZERO);
        TreeSet<Integer> in = new TreeSet<>();
        List<Integer> belowAtStart = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            BigDecimal amount = Objects.requireNonNull(amounts.get(i), "amount " + i);
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("Amount " + i + " is negative: " + amount);
            }
            if (amount.signum() > 0 && amount.compareTo(minimum) >= 0) {
                in.add(i);
            } else if (amount.signum() > 0) {
                belowAtStart.add(i);
            }
        }
        List<Round> rounds = new ArrayList<>();
        while (!in.isEmpty()) {
            BigDecimal sum = in.stream().map(amounts::get).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(ceiling) <= 0) {
                in.forEach(i -> result[i] = amounts.get(i));
                rounds.add(new Round(ceiling, sum, false, List.of()));
                break;
            }
            List<Integer> dropped = new ArrayList<>();
            for (int i : in) {
                // floor(amount × ceiling / sum) in exact arithmetic: the product is exact, the division floors once.
                BigDecimal scaled = amounts.get(i).multiply(ceiling).divide(sum, 0, RoundingMode.FLOOR);
                if (scaled.compareTo(minimum) < 0) {
                    dropped.add(i);
                    result[i] = BigDecimal.ZERO;
                } else {
                    result[i] = scaled;
                }
            }
            rounds.add(new Round(ceiling, sum, true, List.copyOf(dropped)));
            if (dropped.isEmpty()) {
                break;
            }
            dropped.forEach(in::remove);
        }
        return new Result(List.of(result), List.copyOf(belowAtStart), List.copyOf(rounds));
    }
}
