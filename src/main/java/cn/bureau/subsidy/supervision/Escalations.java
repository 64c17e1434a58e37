package cn.bureau.subsidy.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import cn.bureau.subsidy.common.ShenzhenTime;

/** The {@code task_escalation} table: what escalated when, and whom it told. */
@Repository
class Escalations {

    private static final String COLUMNS = "task_id, task_key, task_name, level, escalated_at, due_at, assignee, "
            + "notified_users, notified_groups";

    private final NamedParameterJdbcTemplate jdbc;

    Escalations(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    int levelsRecorded(String taskId) {
        Integer count = jdbc.queryForObject("select count(*) from task_escalation where task_id = :task",
                Map.of("task", taskId), Integer.class);
        return count == null ? 0 : count;
    }

    void record(UUID applicationId, String processInstanceId, String taskId, String taskKey, String taskName,
            int level, Instant at, Instant dueAt, String assignee, Collection<String> users,
            Collection<String> groups) {
        jdbc.update("""
                insert into task_escalation (application_id, process_instance_id, task_id, task_key, task_name, level,
                                             escalated_at, due_at, assignee, notified_users, notified_groups)
                values (:application, :instance, :task, :key, :name, :level, :at, :due, :assignee, :users, :groups)""",
                new MapSqlParameterSource("application", applicationId).addValue("instance", processInstanceId)
                        .addValue("task", taskId).addValue("key", taskKey).addValue("name", taskName)
                        .addValue("level", level).addValue("at", Timestamp.from(at))
                        .addValue("due", dueAt == null ? null : Timestamp.from(dueAt))
                        .addValue("assignee", assignee).addValue("users", String.join(",", users))
                        .addValue("groups", String.join(",", groups)));
    }

    List<Escalation> ofCase(UUID applicationId) {
        return jdbc.query("select " + COLUMNS + " from task_escalation where application_id = :application "
                + "order by escalated_at, level", Map.of("application", applicationId), (rs, i) -> row(rs));
    }

    /** The level a task has escalated to and when it reached it. */
    record Reached(int level, OffsetDateTime at) {
    }

    /** The highest level each of many tasks has reached, in one query, by task id; a task not escalated is absent. */
    Map<String, Reached> reachedBy(Collection<String> taskIds) {
        Map<String, Reached> byTask = new HashMap<>();
        if (taskIds.isEmpty()) {
            return byTask;
        }
        jdbc.query("select task_id, level, escalated_at from task_escalation where task_id in (:tasks) order by level",
                Map.of("tasks", taskIds), rs -> {
                    byTask.put(rs.getString(1), new Reached(rs.getInt(2),
                            ShenzhenTime.at(rs.getTimestamp(3).toInstant())));
                });
        return byTask;
    }

    private static Escalation row(ResultSet rs) throws SQLException {
        Timestamp due = rs.getTimestamp("due_at");
        return new Escalation(rs.getString("task_id"), rs.getString("task_key"), rs.getString("task_name"),
                rs.getInt("level"), ShenzhenTime.at(rs.getTimestamp("escalated_at").toInstant()),
                due == null ? null : ShenzhenTime.at(due.toInstant()), rs.getString("assignee"),
                split(rs.getString("notified_users")), split(rs.getString("notified_groups")));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
