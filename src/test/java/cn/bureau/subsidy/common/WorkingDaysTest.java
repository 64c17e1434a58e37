package cn.bureau.subsidy.common;

import static cn.bureau.subsidy.common.WorkingDayCalendar.DayKind.HOLIDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.bureau.subsidy.common.WorkingDayCalendar.DayKind;

class WorkingDaysTest {

    private final Map<LocalDate, DayKind> table = new HashMap<>();
    private final WorkingDays workdays = new WorkingDays(() -> Map.copyOf(table));

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void reloadPicksUpDaysAddedToTheTable() {
        LocalDate monday = LocalDate.of(2027, 2, 8);
        assertThat(workdays.isWorkingDay(monday)).isTrue();

        table.put(monday, HOLIDAY);
        assertThat(workdays.isWorkingDay(monday)).as("cached until reloaded").isTrue();

        workdays.reload();
        assertThat(workdays.isWorkingDay(monday)).isFalse();
    }

    @Test
    void afterForProcessModelsCountsFromTheEngineClock() {
        // Monday 2 March 2026, 10:00 in Shenzhen.
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-02T02:00:00Z")));

        assertThat(workdays.after(0)).isEqualTo(Date.from(Instant.parse("2026-03-02T10:00:00Z")));
        assertThat(workdays.after(5)).isEqualTo(Date.from(Instant.parse("2026-03-09T10:00:00Z")));
    }
}
