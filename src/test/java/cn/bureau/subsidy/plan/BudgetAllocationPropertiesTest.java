package cn.bureau.subsidy.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import cn.bureau.subsidy.decision.SupportCategory;
import cn.bureau.subsidy.plan.BudgetAllocation.Candidate;
import cn.bureau.subsidy.plan.BudgetAllocation.Line;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The invariants of guide §5 over random plans of hundreds of lines and random budgets. */
class BudgetAllocationPropertiesTest {

    private static final BigDecimal MINIMUM = BigDecimal.valueOf(5);
    private static final BigDecimal MAXIMUM = BigDecimal.valueOf(1000);
    private static final BudgetAllocation allocation = new BudgetAllocation(MINIMUM, MAXIMUM);

    record Plan(List<Candidate> candidates, BigDecimal budget) {
    }

    @Provide
    Arbitrary<Plan> plans() {
        Arbitrary<Integer> enterprise = Arbitraries.integers().between(0, 60);
        // Mostly whole amounts a quote produces (0 or 5..1500), a few below the minimum, some large.
        Arbitrary<Long> amount = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(0L)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(1, 4)),
                net.jqwik.api.Tuple.of(20, Arbitraries.longs().between(5, 60)),
                net.jqwik.api.Tuple.of(10, Arbitraries.longs().between(60, 1500)));
        Arbitrary<Candidate> candidate = Combinators.combine(enterprise, amount,
                Arbitraries.of(SupportCategory.class), Arbitraries.integers().between(1, 9999))
                .as((e, wan, category, caseNo) -> new Candidate("case-" + caseNo, "ENT-" + e, category.name(),
                        BigDecimal.valueOf(wan)));
        Arbitrary<List<Candidate>> candidates = candidate.list().ofMinSize(100).ofMaxSize(600);
        return candidates.flatMap(list -> {
            long requested = list.stream().mapToLong(c -> c.unscaledWan().longValue()).sum();
            return Arbitraries.longs().between(0, requested + requested / 5 + 10)
                    .map(budget -> new Plan(list, BigDecimal.valueOf(budget)));
        });
    }

    @Property(tries = 300)
    void neverAboveTheBudget(@ForAll("plans") Plan plan) {
        BudgetAllocation.Result result = allocation.allocate(plan.candidates(), plan.budget());

        BigDecimal sum = result.lines().stream().map(Line::finalWan).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isLessThanOrEqualTo(plan.budget()).isEqualByComparingTo(result.allocatedWan());
    }

    @Property(tries = 300)
    void noLineAboveItsUnscaledAmountAndNoneBetweenZeroAndTheMinimum(@ForAll("plans") Plan plan) {
        BudgetAllocation.Result result = allocation.allocate(plan.candidates(), plan.budget());

        assertThat(result.lines()).hasSameSizeAs(plan.candidates()).allSatisfy(line -> {
            assertThat(line.finalWan()).isLessThanOrEqualTo(line.cappedWan());
            assertThat(line.cappedWan()).isLessThanOrEqualTo(line.unscaledWan());
            assertThat(line.finalWan().signum() == 0 || line.finalWan().compareTo(MINIMUM) >= 0)
                    .as("%s is 0 or at least the minimum", line.finalWan()).isTrue();
            assertThat(line.cappedWan().signum() == 0 || line.cappedWan().compareTo(MINIMUM) >= 0)
                    .as("%s is 0 or at least the minimum", line.cappedWan()).isTrue();
            assertThat(line.finalWan().scale()).isLessThanOrEqualTo(0);
        });
    }

    @Property(tries = 300)
    void noEnterpriseAboveTheMaximum(@ForAll("plans") Plan plan) {
        BudgetAllocation.Result result = allocation.allocate(plan.candidates(), plan.budget());

        Map<String, BigDecimal> byEnterprise = result.lines().stream().collect(Collectors.groupingBy(Line::uscc,
                Collectors.reducing(BigDecimal.ZERO, Line::cappedWan, BigDecimal::add)));
        assertThat(byEnterprise.values()).allSatisfy(total -> assertThat(total).isLessThanOrEqualTo(MAXIMUM));
    }

    @Property(tries = 200)
    void theSameInputGivesTheSameOutputInAnyOrder(@ForAll("plans") Plan plan, @ForAll long seed) {
        BudgetAllocation.Result first = allocation.allocate(plan.candidates(), plan.budget());
        BudgetAllocation.Result second = allocation.allocate(plan.candidates(), plan.budget());
        assertThat(second).isEqualTo(first);

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < plan.candidates().size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        List<Candidate> shuffled = order.stream().map(plan.candidates()::get).toList();
        BudgetAllocation.Result reordered = allocation.allocate(shuffled, plan.budget());
        for (int k = 0; k < order.size(); k++) {
            Line original = first.lines().get(order.get(k));
            Line moved = reordered.lines().get(k);
            assertThat(moved.finalWan()).isEqualTo(original.finalWan());
            assertThat(moved.cappedWan()).isEqualTo(original.cappedWan());
        }
    }

    @Property(tries = 200)
    void aBudgetThatCoversTheRequestLeavesTheCappedAmounts(@ForAll("plans") Plan plan) {
        BudgetAllocation.Result capped = allocation.allocate(plan.candidates(), BigDecimal.valueOf(Long.MAX_VALUE));

        assertThat(capped.lines()).allSatisfy(line -> assertThat(line.finalWan()).isEqualTo(line.cappedWan()));
    }
}
