package cn.bureau.subsidy.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.bureau.subsidy.decision.SupportCategory;
import cn.bureau.subsidy.decision.SupportLimits;
import cn.bureau.subsidy.plan.BudgetAllocation.Candidate;
import cn.bureau.subsidy.plan.BudgetAllocation.Line;

class BudgetAllocationTest {

    private static final BudgetAllocation allocation =
            BudgetAllocation.of(new SupportLimits(BigDecimal.valueOf(5), BigDecimal.valueOf(1000)));

    @Test
    void withinBudgetOnlyTheEnterpriseMaximumApplies() {
        BudgetAllocation.Result result = allocation.allocate(List.of(
                candidate("c1", "A", SupportCategory.ZONE_INFRASTRUCTURE, 800),
                candidate("c2", "A", SupportCategory.PRE_PROJECT_FEES, 500),
                candidate("c3", "B", SupportCategory.INSURANCE_PREMIUM, 21)), wan(5000));

        assertThat(result.lines()).extracting(Line::cappedWan).containsExactly(wan(615), wan(384), wan(21));
        assertThat(result.lines()).extracting(Line::finalWan).containsExactly(wan(615), wan(384), wan(21));
        assertThat(result.requestedWan()).isEqualTo(wan(1020));
        assertThat(result.allocatedWan()).isEqualTo(wan(1020));
        assertThat(result.lines().get(0).explanation()).contains("1000 / 1300").contains("within 5000");
    }

    @Test
    void theMaximumCoversAnEnterprisesLinesAcrossCases() {
        BudgetAllocation.Result result = allocation.allocate(List.of(
                candidate("case-1", "A", SupportCategory.ZONE_INFRASTRUCTURE, 700),
                candidate("case-2", "A", SupportCategory.ZONE_INFRASTRUCTURE, 700)), wan(100_000));

        assertThat(result.lines()).extracting(Line::finalWan).containsExactly(wan(500), wan(500));
    }

    @Test
    void overBudgetEveryLineIsScaledAndSmallOnesDropUntilNothingDrops() {
        // Requested 110: r = 100 / 110 gives 90, 4, 4; both 5s drop; r = 100 / 100 keeps 100 whole.
        BudgetAllocation.Result result = allocation.allocate(List.of(
                candidate("c1", "A", SupportCategory.ZONE_INFRASTRUCTURE, 100),
                candidate("c2", "B", SupportCategory.PRE_PROJECT_FEES, 5),
                candidate("c3", "C", SupportCategory.PRE_PROJECT_FEES, 5)), wan(100));

        assertThat(result.lines()).extracting(Line::finalWan).containsExactly(wan(100), wan(0), wan(0));
        assertThat(result.lines().get(1).explanation()).contains("below the minimum 5 → 0");
        assertThat(result.explanation()).contains("r = 100 / 110 (2 dropped)");
    }

    @Test
    void aUniformCutTruncatesEachLine() {
        BudgetAllocation.Result result = allocation.allocate(List.of(
                candidate("c1", "A", SupportCategory.ZONE_INFRASTRUCTURE, 615),
                candidate("c2", "B", SupportCategory.ZONE_INFRASTRUCTURE, 385)), wan(500));

        // r = 500 / 1000: 307.5 → 307, 192.5 → 192.
        assertThat(result.lines()).extracting(Line::finalWan).containsExactly(wan(307), wan(192));
        assertThat(result.allocatedWan()).isEqualTo(wan(499));
    }

    static Candidate candidate(String caseId, String uscc, SupportCategory category, long wan) {
        return new Candidate(caseId, uscc, category.name(), wan(wan));
    }

    static BigDecimal wan(long wan) {
        return BigDecimal.valueOf(wan);
    }
}
