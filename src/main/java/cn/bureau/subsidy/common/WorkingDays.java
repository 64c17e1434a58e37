package cn.bureau.subsidy.common;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.bureau.subsidy.common.WorkingDayCalendar.DayKind;

/**
 * Working days in Shenzhen for every deadline the guide counts in working days (review service levels, correction
 * and notice periods). Process models use it by bean name, e.g. {@code camunda:dueDate="${workdays.after(5)}"}.
 *
 * <p>A day is a working day when it is Monday to Friday and not a public holiday ({@code HOLIDAY}), or when it is a
 * weekend day the State Council declared a make-up working day ({@code WORKDAY}, 调休). The exceptions come from the
 * table {@code calendar_day}; days outside the years it covers simply follow Monday–Friday.
 *
 * <p>A working day ends at 18:00 Shenzhen time: the bureau's service hall closes then, and the filing deadline of the
 * guide is also 18:00. All dates are Shenzhen (Asia/Shanghai) calendar dates whatever zone the JVM runs in.
 *
 * <p>The table is read once into memory; call {@link #reload()} after the table has been edited.
 */
@Component("workdays")
public class WorkingDays {

    private static final Logger log = LoggerFactory.getLogger(WorkingDays.class);

    private final Supplier<Map<LocalDate, DayKind>> loader;
    private volatile WorkingDayCalendar calendar;

    @Autowired
    WorkingDays(JdbcTemplate jdbc) {
        this(() -> readTable(jdbc));
    }

    /** Takes the schedule from {@code loader}, so the rules can be exercised without a database. */
    WorkingDays(Supplier<Map<LocalDate, DayKind>> loader) {
        this.loader = loader;
        this.calendar = load();
    }

    /** Reads the schedule again, for after a program manager has added or corrected days in the table. */
    public void reload() {
        calendar = load();
    }

    public boolean isWorkingDay(LocalDate day) {
        return calendar.isWorkingDay(day);
    }

    /**
     * The deadline {@code workingDays} working days after {@code from}: 18:00 Shenzhen time of the
     * {@code workingDays}-th working day strictly after the Shenzhen calendar day of {@code from}. The rest of the
     * day of {@code from} never counts, whatever the hour. With {@code workingDays == 0} it is 18:00 of the day of
     * {@code from} if that is a working day and {@code from} is before 18:00, otherwise 18:00 of the next working day.
     *
     * @throws IllegalArgumentException if {@code workingDays} is negative
     */
    public Instant after(Instant from, int workingDays) {
        return calendar.after(from, workingDays);
    }

    /**
     * {@link #after(Instant, int)} from the engine's now, as a {@link Date} because that is what
     * {@code camunda:dueDate} and timer {@code timeDate} expressions accept.
     */
    public Date after(int workingDays) {
        return ShenzhenTime.toDate(after(ShenzhenTime.now(), workingDays));
    }

    /**
     * How many working days {@code now} is past {@code due}, rounding a part of a working day up to a whole one.
     * It is 0 when {@code now} is not after {@code due}. Otherwise, with e<sub>1</sub> &lt; e<sub>2</sub> &lt; … the
     * ends (18:00) of the working days that end strictly after {@code due}, it is the smallest k with
     * {@code now} ≤ e<sub>k</sub>: 1 up to and including the first end after {@code due}, plus one for every further
     * working-day end that has passed. For example, due Monday 18:00: 1 from just after that until Tuesday 18:00,
     * 2 until Wednesday 18:00, and so on, skipping days that are not working days.
     */
    public int workingDaysBetween(Instant due, Instant now) {
        return calendar.workingDaysBetween(due, now);
    }

    /**
     * The {@code k}-th most recent end of a working day (18:00) strictly before {@code now}, k ≥ 1. It turns
     * {@link #workingDaysBetween} into a bound on the due date, so that a database can bucket tasks by age:
     * {@code workingDaysBetween(due, now) > k} exactly when {@code due} is before {@code endBefore(now, k)}.
     */
    public Instant endBefore(Instant now, int k) {
        return calendar.endBefore(now, k);
    }

    private WorkingDayCalendar load() {
        Map<LocalDate, DayKind> days = loader.get();
        log.info("Working-day calendar loaded with {} holidays and make-up working days", days.size());
        return new WorkingDayCalendar(days);
    }

    private static Map<LocalDate, DayKind> readTable(JdbcTemplate jdbc) {
        // "day" is quoted because H2 reserves DAY (see V2__working_day_calendar.sql).
        return jdbc.query("select \"day\", kind from calendar_day", rows -> {
            Map<LocalDate, DayKind> days = new HashMap<>();
            while (rows.next()) {
                days.put(rows.getObject(1, LocalDate.class), DayKind.valueOf(rows.getString(2)));
            }
            return days;
        });
    }
}
