package cn.bureau.subsidy.common;

import static cn.bureau.subsidy.common.WorkingDayCalendar.DayKind.HOLIDAY;
import static cn.bureau.subsidy.common.WorkingDayCalendar.DayKind.WORKDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.IntUnaryOperator;

import org.junit.jupiter.api.Test;

import cn.bureau.subsidy.common.WorkingDayCalendar.DayKind;

/**
 * The supervision board buckets tasks by age in SQL with {@code endBefore}; it must agree with
 * {@code workingDaysBetween} everywhere, holidays and make-up days included.
 */
class AgingBoundsTest {

    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(springFestival2026());

    private static Map<LocalDate, DayKind> springFestival2026() {
        Map<LocalDate, DayKind> days = new HashMap<>();
        days.put(LocalDate.of(2026, 2, 14), WORKDAY);
        for (int d = 15; d <= 23; d++) {
            days.put(LocalDate.of(2026, 2, d), HOLIDAY);
        }
        days.put(LocalDate.of(2026, 2, 28), WORKDAY);
        return days;
    }

    private static Instant sz(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ShenzhenTime.ZONE).toInstant();
    }

    @Test
    void theMostRecentEndIsTodaysAfterSixAndTheLastWorkingDaysBefore() {
        assertThat(CALENDAR.endBefore(sz("2026-02-13T18:00:01"), 1)).isEqualTo(sz("2026-02-13T18:00"));
        assertThat(CALENDAR.endBefore(sz("2026-02-13T18:00"), 1)).isEqualTo(sz("2026-02-12T18:00"));
        // Over the Spring Festival the most recent end stays on the make-up Saturday.
        assertThat(CALENDAR.endBefore(sz("2026-02-20T10:00"), 1)).isEqualTo(sz("2026-02-14T18:00"));
        assertThat(CALENDAR.endBefore(sz("2026-02-24T10:00"), 2)).isEqualTo(sz("2026-02-13T18:00"));
    }

    /** The count by calendar arithmetic equals walking from one working day's end to the next, over long spans too. */
    @Test
    void workingDaysOverdueCountAsWalkingDayByDayWould() {
        randomSpans(20261122, sz("2025-12-01T00:00"), 120, i -> i % 2 == 0 ? 20 : 400, (due, now) -> {
            int walked = 0;
            if (now.isAfter(due)) {
                walked = 1;
                for (Instant end = CALENDAR.after(due, 0); now.isAfter(end); end = CALENDAR.after(end, 1)) {
                    walked++;
                }
            }
            assertThat(CALENDAR.workingDaysBetween(due, now)).as("due %s, now %s", due, now).isEqualTo(walked);
        });
    }

    @Test
    void dueBeforeTheKthEndMeansMoreThanKWorkingDaysOverdue() {
        randomSpans(20260217, sz("2026-01-26T00:00"), 45, i -> 20, (due, now) -> {
            int overdue = CALENDAR.workingDaysBetween(due, now);
            for (int k = 1; k <= 6; k++) {
                assertThat(due.isBefore(CALENDAR.endBefore(now, k)))
                        .as("due %s, now %s, k %d, overdue %d", due, now, k, overdue).isEqualTo(overdue > k);
            }
        });
    }

    /**
     * 20,000 (due, now) pairs from a fixed seed: due within {@code dueDays} after {@code from}, now up to
     * {@code spanDays} of the pair's index later.
     */
    private static void randomSpans(long seed, Instant from, int dueDays, IntUnaryOperator spanDays,
            BiConsumer<Instant, Instant> check) {
        Random random = new Random(seed);
        for (int i = 0; i < 20_000; i++) {
            Instant due = from.plus(Duration.ofMinutes(random.nextInt(60 * 24 * dueDays)));
            check.accept(due, due.plus(Duration.ofMinutes(random.nextInt(60 * 24 * spanDays.applyAsInt(i)))));
        }
    }
}
