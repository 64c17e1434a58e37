package cn.bureau.subsidy.supervision;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's open tasks by due date, which the board orders and buckets by. The engine creates
 * {@code ACT_RU_TASK} itself after Flyway has run, so a Flyway migration cannot index it on a fresh database; this
 * runs once the engine is up and does nothing when the index exists. The join key {@code PROC_INST_ID_} and the
 * identity links' {@code TASK_ID_} are indexed by the engine already; {@code V4__escalation.sql} indexes the case
 * side.
 */
@Component
class TaskDueIndex implements ApplicationRunner {

    private final JdbcTemplate jdbc;

    TaskDueIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.execute("create index if not exists SUB_IDX_TASK_DUE on ACT_RU_TASK (DUE_DATE_)");
    }
}
