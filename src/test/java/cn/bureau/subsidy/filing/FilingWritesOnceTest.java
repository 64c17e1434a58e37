package cn.bureau.subsidy.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Date;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.bureau.subsidy.program.ProgramPublisher;
import cn.bureau.subsidy.scenario.Fixtures;

/**
 * A filing inserts its case record once, with the stage its diagram reached and its process instance, instead of
 * inserting it and updating it again in the same transaction. PostgreSQL counts the transaction's own row changes
 * ({@code pg_stat_xact_user_tables}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FilingWritesOnceTest {

    @Autowired
    ProgramPublisher publisher;
    @Autowired
    FilingService filing;
    @Autowired
    EntityManager entityManager;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theCaseRecordIsInsertedOnceWithItsFirstStage() {
        assumeTrue(jdbc.queryForObject("select version()", String.class).startsWith("PostgreSQL"),
                "counts a transaction's row changes the way PostgreSQL keeps them");
        ClockUtil.setCurrentTime(Date.from(Fixtures.DURING_FILING.minusSeconds(10 * 86_400)));
        String code = publisher.publish(Fixtures.program(Fixtures.programCode()), Fixtures.MANAGER).getCode();
        ClockUtil.setCurrentTime(Date.from(Fixtures.DURING_FILING));

        Map<String, Object> written = new TransactionTemplate(transactions).execute(status -> {
            // The backend's counts not yet reported include its earlier transactions': count from here.
            Map<String, Object> before = changes();
            Application filed = filing.file(code, Fixtures.application(), Fixtures.APPLICANT, null);
            entityManager.flush();
            Map<String, Object> after = changes();
            Map<String, Object> counts = new java.util.HashMap<>();
            after.forEach((column, value) -> counts.put(column, (Long) value - (Long) before.get(column)));
            counts.put("stage", jdbc.queryForObject("select stage from application where id = ?", String.class,
                    filed.getId()));
            counts.put("instance", jdbc.queryForObject("select process_instance_id from application where id = ?",
                    String.class, filed.getId()));
            return counts;
        });

        assertThat(written).containsEntry("n_tup_ins", 1L).containsEntry("n_tup_upd", 0L)
                .containsEntry("stage", "INITIAL_REVIEW");
        assertThat(written.get("instance")).isNotNull();
    }

    private Map<String, Object> changes() {
        return jdbc.queryForMap("select n_tup_ins, n_tup_upd from pg_stat_xact_user_tables "
                + "where relname = 'application'");
    }
}
