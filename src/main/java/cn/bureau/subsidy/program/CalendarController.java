package cn.bureau.subsidy.program;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.common.WorkingDays;

/**
 * The working-day calendar ({@code calendar_day}) for program managers: the official holidays ({@code HOLIDAY}) and
 * make-up working days ({@code WORKDAY}) of a year. Every change reloads the {@code workdays} bean at once; deadlines
 * already set on running tasks and timers keep the date they were given.
 */
@RestController
@RequestMapping("/api/calendar")
@PreAuthorize("hasAuthority('program-managers')")
class CalendarController {

    record CalendarDay(String day, String kind, String name) {
    }

    record DayRequest(@NotNull @Pattern(regexp = "HOLIDAY|WORKDAY") String kind,
            @NotBlank @Size(max = 200) String name) {
    }

    private final JdbcTemplate jdbc;
    private final WorkingDays workdays;

    CalendarController(JdbcTemplate jdbc, WorkingDays workdays) {
        this.jdbc = jdbc;
        this.workdays = workdays;
    }

    /** The exceptions of one year, in date order; every other day follows Monday–Friday. */
    @GetMapping("/{year}")
    List<CalendarDay> year(@PathVariable int year) {
        if (year < 2000 || year > 2100) {
            throw ApiException.invalid("year", "OUT_OF_RANGE", "year must be between 2000 and 2100");
        }
        // "day" is quoted because H2 reserves DAY (see V2__working_day_calendar.sql).
        return jdbc.query("select \"day\", kind, name from calendar_day where \"day\" between ? and ? order by \"day\"",
                (rs, i) -> new CalendarDay(rs.getObject(1, LocalDate.class).toString(), rs.getString(2),
                        rs.getString(3)),
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Adds a day or changes what it is. */
    @PutMapping("/days/{day}")
    @Transactional
    CalendarDay put(@PathVariable String day, @Valid @RequestBody DayRequest request) {
        LocalDate date = date(day);
        int updated = jdbc.update("update calendar_day set kind = ?, name = ? where \"day\" = ?", request.kind(),
                request.name(), date);
        if (updated == 0) {
            jdbc.update("insert into calendar_day (\"day\", kind, name) values (?, ?, ?)", date, request.kind(),
                    request.name());
        }
        reloadAfterCommit();
        return new CalendarDay(date.toString(), request.kind(), request.name());
    }

    @DeleteMapping("/days/{day}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void delete(@PathVariable String day) {
        LocalDate date = date(day);
        if (jdbc.update("delete from calendar_day where \"day\" = ?", date) == 0) {
            throw ApiException.notFound("Calendar day", day);
        }
        reloadAfterCommit();
    }

    private void reloadAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                workdays.reload();
            }
        });
    }

    private static LocalDate date(String day) {
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("day", "INVALID_FORMAT", "A day is written 2026-10-01");
        }
    }
}
