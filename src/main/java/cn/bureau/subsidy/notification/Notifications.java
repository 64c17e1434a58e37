package cn.bureau.subsidy.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.bureau.subsidy.common.ShenzhenTime;

/** Writes notifications to users and groups and reads a caller's list. */
@Service
public class Notifications {

    /** Applicants are told one by one: a notification to the whole group would reach every enterprise. */
    static final String APPLICANTS = "applicants";
    private static final int LIST_LIMIT = 200;

    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    Notifications(NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** What a notification says and what it is about; the same message goes to every recipient. */
    public record Message(String kind, String subject, String body, UUID applicationId, String taskId) {
    }

    @Transactional
    public void toUser(String userId, Message message) {
        insert(userId, null, message);
    }

    @Transactional
    public void toGroup(String groupId, Message message) {
        if (APPLICANTS.equals(groupId)) {
            throw new IllegalArgumentException("Notify applicants one by one, never the whole group");
        }
        insert(null, groupId, message);
    }

    /** The caller's notifications, newest first: those to the user and those to any of its groups. */
    @Transactional(readOnly = true)
    public List<Notification> of(String userId, Collection<String> groups) {
        List<String> memberOf = new ArrayList<>(groups);
        memberOf.remove(APPLICANTS);
        String toGroups = memberOf.isEmpty() ? "" : " or recipient_group in (:groups)";
        return jdbc.query("""
                select id, kind, subject, body, application_id, task_id, recipient_user, recipient_group, created_at
                from notification
                where recipient_user = :user""" + toGroups + " order by created_at desc, id desc limit " + LIST_LIMIT,
                new MapSqlParameterSource("user", userId).addValue("groups", memberOf),
                rs -> {
                    List<Notification> list = new ArrayList<>();
                    while (rs.next()) {
                        Object application = rs.getObject("application_id");
                        list.add(new Notification(rs.getLong("id"), rs.getString("kind"), rs.getString("subject"),
                                rs.getString("body"), application == null ? null : application.toString(),
                                rs.getString("task_id"), rs.getString("recipient_user"),
                                rs.getString("recipient_group"),
                                ShenzhenTime.at(rs.getTimestamp("created_at").toInstant())));
                    }
                    return list;
                });
    }

    private void insert(String user, String group, Message message) {
        Instant now = ShenzhenTime.now();
        jdbc.update("""
                insert into notification (recipient_user, recipient_group, kind, subject, body, application_id, task_id,
                                          created_at)
                values (:user, :group, :kind, :subject, :body, :application, :task, :at)""",
                new MapSqlParameterSource("user", user).addValue("group", group).addValue("kind", message.kind())
                        .addValue("subject", message.subject()).addValue("body", message.body())
                        .addValue("application", message.applicationId()).addValue("task", message.taskId())
                        .addValue("at", Timestamp.from(now)));
        events.publishEvent(new NotificationCreated(user, group, message.subject(), message.body()));
    }
}
