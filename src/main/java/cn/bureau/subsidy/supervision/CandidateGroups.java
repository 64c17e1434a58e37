package cn.bureau.subsidy.supervision;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The groups open tasks are offered to, for many tasks in one query. A task completed since it was listed has none,
 * instead of failing the read as the engine's per-task look-up does.
 */
@Repository
class CandidateGroups {

    private final NamedParameterJdbcTemplate jdbc;

    CandidateGroups(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each task's candidate groups, in alphabetical order, by task id. */
    Map<String, List<String>> of(Collection<String> taskIds) {
        Map<String, List<String>> byTask = new HashMap<>();
        if (taskIds.isEmpty()) {
            return byTask;
        }
        jdbc.query("select TASK_ID_, GROUP_ID_ from ACT_RU_IDENTITYLINK where TYPE_ = :candidate "
                + "and GROUP_ID_ is not null and TASK_ID_ in (:tasks) order by GROUP_ID_",
                new MapSqlParameterSource("candidate", IdentityLinkType.CANDIDATE).addValue("tasks", taskIds),
                rs -> {
                    byTask.computeIfAbsent(rs.getString(1), task -> new ArrayList<>()).add(rs.getString(2));
                });
        return byTask;
    }
}
