package cn.bureau.subsidy.supervision;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.bureau.subsidy.common.ShenzhenTime;

/** The append-only record of who did what to which case and when, refused attempts included. */
@Component
public class AuditTrail {

    public enum Outcome { DONE, REFUSED }

    public record Event(String occurredAt, String actor, String action, String subject, String outcome,
            Integer status, String detail) {
    }

    private final JdbcTemplate jdbc;

    AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Recorded in a transaction of its own, the insert's own (auto-commit), outside any transaction of the caller: a
     * refused or failed request still leaves its trace. One statement needs neither an entity manager nor a
     * transaction of the application's around it.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void record(String actor, String action, UUID applicationId, String subject, Outcome outcome,
            Integer status, String detail) {
        jdbc.update("""
                insert into audit_event (occurred_at, actor, action, application_id, subject, outcome, status, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", Timestamp.from(ShenzhenTime.now()), truncate(actor, 64),
                truncate(action, 120), applicationId, truncate(subject, 300), outcome.name(), status,
                truncate(detail, 1000));
    }

    /** Records within the caller's transaction: the event stands or falls with the work it describes. */
    void recordWithinTransaction(String actor, String action, UUID applicationId, String subject, Integer status,
            String detail) {
        jdbc.update("""
                insert into audit_event (occurred_at, actor, action, application_id, subject, outcome, status, detail)
                values (?, ?, ?, ?, ?, 'DONE', ?, ?)""", Timestamp.from(ShenzhenTime.now()), truncate(actor, 64),
                truncate(action, 120), applicationId, truncate(subject, 300), status, truncate(detail, 1000));
    }

    List<Event> ofCase(UUID applicationId) {
        return jdbc.query("""
                select occurred_at, actor, action, subject, outcome, status, detail from audit_event
                where application_id = ? order by occurred_at, id""",
                (rs, n) -> new Event(ShenzhenTime.at(rs.getTimestamp(1).toInstant()).toString(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), (Integer) rs.getObject(6),
                        rs.getString(7)),
                applicationId);
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
