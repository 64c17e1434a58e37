package cn.bureau.subsidy.common;

import static cn.bureau.subsidy.common.WorkingDayCalendar.DayKind.HOLIDAY;
import static cn.bureau.subsidy.common.WorkingDayCalendar.DayKind.WORKDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.bureau.subsidy.common.WorkingDayCalendar.DayKind;

class WorkingDayCalendarTest {

    /** The 2026 Spring Festival and National Day rows of V2__working_day_calendar.sql. */
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(schedule2026());
    /** A deadline at the end of the Friday before the Spring Festival days off, then missed. */
    private static final Instant DUE_FRIDAY = sz("2026-02-13T18:00");

    private static Map<LocalDate, DayKind> schedule2026() {
        Map<LocalDate, DayKind> days = new HashMap<>();
        days.put(LocalDate.of(2026, 2, 14), WORKDAY);
        for (LocalDate day = LocalDate.of(2026, 2, 15); !day.isAfter(LocalDate.of(2026, 2, 23)); day = day.plusDays(1)) {
            days.put(day, HOLIDAY);
        }
        days.put(LocalDate.of(2026, 2, 28), WORKDAY);
        days.put(LocalDate.of(2026, 9, 20), WORKDAY);
        for (int d = 25; d <= 27; d++) {
            days.put(LocalDate.of(2026, 9, d), HOLIDAY);
        }
        for (int d = 1; d <= 7; d++) {
            days.put(LocalDate.of(2026, 10, d), HOLIDAY);
        }
        days.put(LocalDate.of(2026, 10, 10), WORKDAY);
        return days;
    }

    /** An instant given as Shenzhen wall-clock time. */
    private static Instant sz(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ShenzhenTime.ZONE).toInstant();
    }

    @Test
    void weekdaysWork_weekendsDoNot() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 3, 2))).isTrue(); // Monday
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 3, 6))).isTrue(); // Friday
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 3, 7))).isFalse(); // Saturday
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 3, 8))).isFalse(); // Sunday
    }

    @Test
    void holidaysOnWeekdaysAreDaysOff() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse(); // Monday, Spring Festival
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 2, 23))).isFalse(); // Monday, last day off
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 9, 25))).isFalse(); // Friday, Mid-Autumn
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 7))).isFalse(); // Wednesday, National Day
    }

    @Test
    void makeUpWeekendDaysAreWorkingDays() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue(); // Saturday
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue(); // Saturday
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue(); // Sunday
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue(); // Saturday
    }

    @Test
    void daysOutsideTheScheduleFollowMondayToFriday() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 1, 1))).isTrue(); // Friday, no 2027 rows
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2027, 1, 2))).isFalse(); // Saturday
    }

    @Test
    void zeroDaysOnAWorkingDayBefore18IsTheEndOfToday() {
        assertThat(CALENDAR.after(sz("2026-03-02T09:00"), 0)).isEqualTo(sz("2026-03-02T18:00"));
        assertThat(CALENDAR.after(sz("2026-03-02T17:59:59.999"), 0)).isEqualTo(sz("2026-03-02T18:00"));
    }

    @Test
    void zeroDaysFrom18OnIsTheEndOfTheNextWorkingDay() {
        assertThat(CALENDAR.after(sz("2026-03-02T18:00"), 0)).isEqualTo(sz("2026-03-03T18:00"));
        assertThat(CALENDAR.after(sz("2026-03-06T20:00"), 0)).isEqualTo(sz("2026-03-09T18:00")); // Fri → Mon
    }

    @Test
    void zeroDaysOnADayOffIsTheEndOfTheNextWorkingDay() {
        assertThat(CALENDAR.after(sz("2026-03-07T10:00"), 0)).isEqualTo(sz("2026-03-09T18:00")); // Saturday
        assertThat(CALENDAR.after(sz("2026-02-18T10:00"), 0)).isEqualTo(sz("2026-02-24T18:00")); // holiday
    }

    @Test
    void zeroDaysOnAMakeUpSaturdayIsTheEndOfThatSaturday() {
        assertThat(CALENDAR.after(sz("2026-02-14T10:00"), 0)).isEqualTo(sz("2026-02-14T18:00"));
    }

    @Test
    void oneDayIsTheEndOfTheNextWorkingDayWhateverTheHour() {
        assertThat(CALENDAR.after(sz("2026-03-02T09:00"), 1)).isEqualTo(sz("2026-03-03T18:00"));
        assertThat(CALENDAR.after(sz("2026-03-02T18:30"), 1)).isEqualTo(sz("2026-03-03T18:00"));
        assertThat(CALENDAR.after(sz("2026-03-02T23:59"), 1)).isEqualTo(sz("2026-03-03T18:00"));
    }

    @Test
    void countsTheShenzhenDateNotTheUtcDate() {
        // 17:00 UTC on Monday is already 01:00 Tuesday in Shenzhen.
        assertThat(CALENDAR.after(Instant.parse("2026-03-02T17:00:00Z"), 0)).isEqualTo(sz("2026-03-03T18:00"));
        assertThat(CALENDAR.after(Instant.parse("2026-03-02T17:00:00Z"), 1)).isEqualTo(sz("2026-03-04T18:00"));
        assertThat(sz("2026-03-03T18:00")).isEqualTo(Instant.parse("2026-03-03T10:00:00Z"));
    }

    @Test
    void acrossTheSpringFestival() {
        // Friday 13 February: the make-up Saturday counts, the nine days off do not.
        Instant friday = sz("2026-02-13T10:00");
        assertThat(CALENDAR.after(friday, 1)).isEqualTo(sz("2026-02-14T18:00"));
        assertThat(CALENDAR.after(friday, 2)).isEqualTo(sz("2026-02-24T18:00"));
        assertThat(CALENDAR.after(friday, 5)).isEqualTo(sz("2026-02-27T18:00"));
        assertThat(CALENDAR.after(friday, 6)).isEqualTo(sz("2026-02-28T18:00"));
        assertThat(CALENDAR.after(friday, 7)).isEqualTo(sz("2026-03-02T18:00"));
    }

    @Test
    void fromAHolidayCountsFromTheFirstWorkingDayAfterIt() {
        Instant holiday = sz("2026-02-18T10:00");
        assertThat(CALENDAR.after(holiday, 1)).isEqualTo(sz("2026-02-24T18:00"));
        assertThat(CALENDAR.after(holiday, 5)).isEqualTo(sz("2026-02-28T18:00"));
    }

    @Test
    void acrossMidAutumnAndNationalDay() {
        Instant friday = sz("2026-09-18T10:00");
        assertThat(CALENDAR.after(friday, 1)).isEqualTo(sz("2026-09-20T18:00")); // make-up Sunday
        assertThat(CALENDAR.after(friday, 2)).isEqualTo(sz("2026-09-21T18:00"));
        assertThat(CALENDAR.after(sz("2026-09-24T10:00"), 1)).isEqualTo(sz("2026-09-28T18:00"));

        Instant lastDayBefore = sz("2026-09-30T10:00");
        assertThat(CALENDAR.after(lastDayBefore, 1)).isEqualTo(sz("2026-10-08T18:00"));
        assertThat(CALENDAR.after(lastDayBefore, 3)).isEqualTo(sz("2026-10-10T18:00")); // make-up Saturday
        assertThat(CALENDAR.after(lastDayBefore, 5)).isEqualTo(sz("2026-10-13T18:00"));
    }

    @Test
    void negativeDaysAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> CALENDAR.after(sz("2026-03-02T09:00"), -1));
    }

    @Test
    void notOverdueUpToAndIncludingTheDueInstant() {
        assertThat(CALENDAR.workingDaysBetween(DUE_FRIDAY, sz("2026-02-13T09:00"))).isZero();
        assertThat(CALENDAR.workingDaysBetween(DUE_FRIDAY, DUE_FRIDAY)).isZero();
    }

    @Test
    void partOfAWorkingDayCountsAsOne() {
        assertThat(CALENDAR.workingDaysBetween(DUE_FRIDAY, sz("2026-02-13T18:00:01"))).isEqualTo(1);
        assertThat(CALENDAR.workingDaysBetween(DUE_FRIDAY, sz("2026-02-14T09:00"))).isEqualTo(1);
        assertThat(CALENDAR.workingDaysBetween(DUE_FRIDAY, sz("2026-02-14T18:00"))).isEqualTo(1);
    }

    @Test
    void holidaysDoNotAddToTheCount() {
        assertThat(CALENDAR.workingDaysBetween(DUE_FRIDAY, sz("2026-02-14T18:00:01"))).isEqualTo(2);
        assertThat(CALENDAR.workingDaysBetween(DUE_FRIDAY, sz("2026-02-20T12:00"))).isEqualTo(2);
        assertThat(CALENDAR.workingDaysBetween(DUE_FRIDAY, sz("2026-02-24T18:00"))).isEqualTo(2);
        assertThat(CALENDAR.workingDaysBetween(DUE_FRIDAY, sz("2026-02-24T18:01"))).isEqualTo(3);
        assertThat(CALENDAR.workingDaysBetween(DUE_FRIDAY, sz("2026-03-02T10:00"))).isEqualTo(7);
    }

    @Test
    void aDueInstantBefore18CountsTheRestOfThatDay() {
        Instant dueMorning = sz("2026-03-02T10:00");
        assertThat(CALENDAR.workingDaysBetween(dueMorning, sz("2026-03-02T17:00"))).isEqualTo(1);
        assertThat(CALENDAR.workingDaysBetween(dueMorning, sz("2026-03-02T19:00"))).isEqualTo(2);
    }

    @Test
    void aDueInstantOnAHolidayCountsFromTheNextWorkingDay() {
        Instant dueOnHoliday = sz("2026-10-03T12:00");
        assertThat(CALENDAR.workingDaysBetween(dueOnHoliday, sz("2026-10-07T12:00"))).isEqualTo(1);
        assertThat(CALENDAR.workingDaysBetween(dueOnHoliday, sz("2026-10-08T18:00"))).isEqualTo(1);
        assertThat(CALENDAR.workingDaysBetween(dueOnHoliday, sz("2026-10-09T10:00"))).isEqualTo(2);
    }

    @Test
    void agreesWithAfterOverAWholeYear() {
        // Due at the end of each working day of 2026: the k-th deadline after it is still k days overdue,
        // one second later it is k + 1.
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
            if (!CALENDAR.isWorkingDay(day)) {
                continue;
            }
            Instant due = day.atTime(WorkingDayCalendar.END_OF_WORKING_DAY).atZone(ShenzhenTime.ZONE).toInstant();
            for (int k = 1; k <= 10; k++) {
                Instant deadline = CALENDAR.after(due, k);
                assertThat(CALENDAR.workingDaysBetween(due, deadline)).as("due %s, k %d", day, k).isEqualTo(k);
                assertThat(CALENDAR.workingDaysBetween(due, deadline.plusSeconds(1))).isEqualTo(k + 1);
            }
        }
    }
}
