package cn.bureau.subsidy.common;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The working-day rules over one snapshot of the official schedule, free of Spring and the database so that every
 * rule is unit tested. {@link WorkingDays} documents the rules; this class only applies them.
 */
final class WorkingDayCalendar {

    /** What the official schedule says about a day that departs from Monday–Friday. */
    enum DayKind {
        /** A public holiday: no work, even on a weekday. */
        HOLIDAY,
        /** A weekend day worked to make up for a holiday (调休). */
        WORKDAY
    }

    /** The service hall closes at 18:00, which is also the filing deadline hour of the guide. */
    static final LocalTime END_OF_WORKING_DAY = LocalTime.of(18, 0);

    private final NavigableMap<LocalDate, DayKind> exceptions;
    /**
     * At each exception's date, the working days the exceptions up to and including it add to Monday–Friday: one
     * less for a holiday on a weekday, one more for a weekend day worked. A span's correction is two look-ups.
     */
    private final NavigableMap<LocalDate, Integer> correctionThrough = new TreeMap<>();

    WorkingDayCalendar(Map<LocalDate, DayKind> exceptions) {
        this.exceptions = Collections.unmodifiableNavigableMap(new TreeMap<>(exceptions));
        int correction = 0;
        for (Map.Entry<LocalDate, DayKind> exception : this.exceptions.entrySet()) {
            boolean weekday = isMondayToFriday(exception.getKey());
            if (exception.getValue() == DayKind.HOLIDAY && weekday) {
                correction--;
            } else if (exception.getValue() == DayKind.WORKDAY && !weekday) {
                correction++;
            }
            correctionThrough.put(exception.getKey(), correction);
        }
    }

    boolean isWorkingDay(LocalDate day) {
        DayKind kind = exceptions.get(day);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        return isMondayToFriday(day);
    }

    private static boolean isMondayToFriday(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    Instant after(Instant from, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
        }
        if (workingDays == 0) {
            return firstEndAfter(from);
        }
        LocalDate day = ShenzhenTime.dateOf(from);
        for (int i = 0; i < workingDays; i++) {
            day = nextWorkingDay(day);
        }
        return endOf(day);
    }

    /**
     * One for being past due, and one more for each working day that ended after the due date and before now. Counted
     * by calendar arithmetic, not day by day: the board ages hundreds of tasks a request, some overdue for months.
     */
    int workingDaysBetween(Instant due, Instant now) {
        if (!now.isAfter(due)) {
            return 0;
        }
        LocalDate today = ShenzhenTime.dateOf(now);
        LocalDate lastEnded = now.isAfter(endOf(today)) ? today : today.minusDays(1);
        return 1 + workingDaysFromTo(ShenzhenTime.dateOf(firstEndAfter(due)), lastEnded);
    }

    /** The working days from {@code first} to {@code last}, both included; none when {@code last} is earlier. */
    private int workingDaysFromTo(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            return 0;
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        long count = days / 7 * 5;
        for (LocalDate day = first.plusDays(days / 7 * 7); !day.isAfter(last); day = day.plusDays(1)) {
            count += isMondayToFriday(day) ? 1 : 0;
        }
        count += correctionThrough(last) - correctionThrough(first.minusDays(1));
        return Math.toIntExact(count);
    }

    private int correctionThrough(LocalDate day) {
        Map.Entry<LocalDate, Integer> latest = correctionThrough.floorEntry(day);
        return latest == null ? 0 : latest.getValue();
    }

    Instant endBefore(Instant now, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        LocalDate day = ShenzhenTime.dateOf(now);
        if (!isWorkingDay(day) || !endOf(day).isBefore(now)) {
            day = previousWorkingDay(day);
        }
        for (int i = 1; i < k; i++) {
            day = previousWorkingDay(day);
        }
        return endOf(day);
    }

    private LocalDate previousWorkingDay(LocalDate day) {
        LocalDate previous = day.minusDays(1);
        while (!isWorkingDay(previous)) {
            previous = previous.minusDays(1);
        }
        return previous;
    }

    /** The earliest end of a working day strictly later than {@code instant}. */
    private Instant firstEndAfter(Instant instant) {
        LocalDate day = ShenzhenTime.dateOf(instant);
        if (isWorkingDay(day) && instant.isBefore(endOf(day))) {
            return endOf(day);
        }
        return endOf(nextWorkingDay(day));
    }

    private LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static Instant endOf(LocalDate day) {
        return day.atTime(END_OF_WORKING_DAY).atZone(ShenzhenTime.ZONE).toInstant();
    }
}
