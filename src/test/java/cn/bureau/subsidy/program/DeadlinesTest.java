package cn.bureau.subsidy.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.bureau.subsidy.common.ApiException;
import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.common.WorkingDays;
import cn.bureau.subsidy.scenario.Fixtures;

/** The models' deadlines read each service level of the program the program record holds. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadlinesTest {

    @Autowired
    Deadlines deadlines;
    @Autowired
    ProgramPublisher publisher;
    @Autowired
    ProgramRepository programs;
    @Autowired
    WorkingDays workdays;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyServiceLevelIsTheProgramsOwn() {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-02T10:00:00+08:00").toInstant()));
        String code = publisher.publish(Fixtures.program(Fixtures.programCode()), Fixtures.MANAGER).getCode();
        // A different number of working days for every level, so that a level read from another column shows.
        jdbc.update("update program set initial_review_days = 1, formal_review_days = 2, special_audit_days = 3, "
                + "qualification_days = 4, correction_days = 6, plan_decision_days = 7, objection_days = 8, "
                + "notice_days = 9, disbursement_docs_days = 11, disbursement_days = 12 "
                + "where code = ?", code);
        Program program = programs.findByCode(code).orElseThrow();

        for (Sla sla : Sla.values()) {
            var due = workdays.after(ShenzhenTime.now(), program.workingDays(sla));
            assertThat(deadlines.due(code, sla.name())).as(sla.name()).isEqualTo(Date.from(due));
        }
    }

    /**
     * A task's due date and its boundary timer, and the notice's hundred cases, ask once a transaction; the next
     * transaction reads again.
     */
    @Test
    void aTransactionReadsEachServiceLevelOnce() {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-02T10:00:00+08:00").toInstant()));
        String code = publisher.publish(Fixtures.program(Fixtures.programCode()), Fixtures.MANAGER).getCode();
        jdbc.update("update program set initial_review_days = 1 where code = ?", code);
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        Date[] inOneTransaction = transaction.execute(status -> {
            Date first = deadlines.due(code, "INITIAL_REVIEW");
            jdbc.update("update program set initial_review_days = 5 where code = ?", code);
            return new Date[] {first, deadlines.due(code, "INITIAL_REVIEW")};
        });
        assertThat(inOneTransaction[1]).isEqualTo(inOneTransaction[0])
                .isEqualTo(Date.from(workdays.after(ShenzhenTime.now(), 1)));

        Date nextTransaction = transaction.execute(status -> deadlines.due(code, "INITIAL_REVIEW"));
        assertThat(nextTransaction).isEqualTo(Date.from(workdays.after(ShenzhenTime.now(), 5)));
        assertThat(deadlines.due(code, "INITIAL_REVIEW")).as("outside a transaction")
                .isEqualTo(Date.from(workdays.after(ShenzhenTime.now(), 5)));
    }

    @Test
    void anUnknownProgramIsNamed() {
        assertThatThrownBy(() -> deadlines.due("NO-SUCH-PROGRAM", "INITIAL_REVIEW")).isInstanceOf(ApiException.class)
                .hasMessageContaining("NO-SUCH-PROGRAM");
    }
}
