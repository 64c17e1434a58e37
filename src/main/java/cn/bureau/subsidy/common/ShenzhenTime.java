package cn.bureau.subsidy.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Every deadline of the guide is wall-clock time in Shenzhen (Asia/Shanghai), whatever zone the JVM runs in.
 * "Now" is the process engine's clock, so that tests move one clock for timers and for the application alike.
 */
public final class ShenzhenTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ShenzhenTime() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static OffsetDateTime nowInShenzhen() {
        return at(now());
    }

    public static LocalDate today() {
        return now().atZone(ZONE).toLocalDate();
    }

    public static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }

    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    public static Date toDate(Instant instant) {
        return Date.from(instant);
    }
}
