package cn.bureau.subsidy.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.common.FieldProblem;

/** The overdue list's order as the board's table asks for it: a column's name in the API and a direction. */
class OverdueOrderTest {

    @Test
    void withoutAnOrderTheMostOverdueComeFirstAlongTheDueDate() {
        OverdueOrder order = OverdueOrder.of(null, " ");

        assertThat(order).isEqualTo(OverdueOrder.MOST_OVERDUE_FIRST);
        assertThat(order.orderBy("")).isEqualTo(" order by t.DUE_DATE_ asc, t.ID_ asc");
        assertThat(OverdueOrder.of("overdueWorkingDays", "asc").orderBy(""))
                .isEqualTo(" order by t.DUE_DATE_ desc, t.ID_ desc");
    }

    @Test
    void wordsSortFromAAndNumbersFromTheHighestUnlessADirectionIsGiven() {
        assertThat(OverdueOrder.of("stage", null).dir()).isEqualTo("asc");
        assertThat(OverdueOrder.of("escalationLevel", null).dir()).isEqualTo("desc");
        assertThat(OverdueOrder.of("stage", "desc").orderBy(""))
                .isEqualTo(" order by a.stage desc nulls last, t.DUE_DATE_ asc, t.ID_ asc");
    }

    @Test
    void enterpriseNamesSortInTheCollationGivenAndOtherColumnsInTheirOwn() {
        assertThat(OverdueOrder.of("enterprise", "asc").orderBy("zh-x-icu"))
                .startsWith(" order by a.enterprise_name collate \"zh-x-icu\" asc");
        assertThat(OverdueOrder.of("enterprise", "asc").orderBy("")).startsWith(" order by a.enterprise_name asc");
        assertThat(OverdueOrder.of("businessKey", "asc").orderBy("zh-x-icu")).startsWith(" order by a.business_key asc");
    }

    @Test
    void onlyTheHolderAndTheEscalationLevelJoinAnything() {
        assertThat(OverdueOrder.of("holder", null).join()).contains("ACT_RU_IDENTITYLINK");
        assertThat(OverdueOrder.of("escalationLevel", null).join()).contains("task_escalation");
        assertThat(OverdueOrder.of("taskName", null).join()).isEmpty();
    }

    @Test
    void anUnknownColumnOrDirectionIsRefused() {
        assertThatThrownBy(() -> OverdueOrder.of("uscc", "asc")).isInstanceOfSatisfying(ApiException.class,
                refused -> assertThat(refused.errors()).singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("sort");
                    assertThat(problem.message()).contains("overdueWorkingDays, dueAt, businessKey");
                }));
        assertThatThrownBy(() -> OverdueOrder.of("stage", "up")).isInstanceOfSatisfying(ApiException.class,
                refused -> assertThat(refused.errors()).extracting(FieldProblem::code)
                        .containsExactly("UNKNOWN_DIRECTION"));
    }
}
