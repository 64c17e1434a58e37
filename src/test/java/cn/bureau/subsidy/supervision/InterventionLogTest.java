package cn.bureau.subsidy.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.bureau.subsidy.filing.Application;
import cn.bureau.subsidy.filing.FilingService;
import cn.bureau.subsidy.identity.Groups;
import cn.bureau.subsidy.program.ProgramPublisher;
import cn.bureau.subsidy.scenario.Fixtures;

/**
 * The engine's user operation log keeps what staff change by hand, with the values before and after; the routine
 * start of a case and completion of a task are the audit trail's, with who did them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InterventionLogTest {

    @Autowired
    ProgramPublisher publisher;
    @Autowired
    FilingService filing;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void signOutAndResetTheClock() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void aDueDateChangedByHandIsLoggedAndACompletedTaskIsTheAuditTrails() {
        ClockUtil.setCurrentTime(Date.from(Fixtures.DURING_FILING.minusSeconds(10 * 86_400)));
        String code = publisher.publish(Fixtures.program(Fixtures.programCode()), Fixtures.MANAGER).getCode();
        ClockUtil.setCurrentTime(Date.from(Fixtures.DURING_FILING));
        Application filed = filing.file(code, Fixtures.application(), Fixtures.APPLICANT, null);
        Task review = taskService.createTaskQuery().processInstanceId(filed.getProcessInstanceId()).singleResult();
        Date later = Date.from(OffsetDateTime.parse("2026-05-08T18:00:00+08:00").toInstant());

        identityService.setAuthentication("admin", List.of(Groups.CAMUNDA_ADMIN));
        taskService.setDueDate(review.getId(), later);
        identityService.setAuthentication("reviewer", List.of(Groups.INITIAL_REVIEWERS));
        taskService.complete(review.getId(), Map.of("decision", "ACCEPT"));
        identityService.clearAuthentication();

        List<UserOperationLogEntry> log = historyService.createUserOperationLogQuery()
                .processInstanceId(filed.getProcessInstanceId()).listPage(0, 50);
        assertThat(log).singleElement().satisfies(entry -> {
            assertThat(entry.getUserId()).isEqualTo("admin");
            assertThat(entry.getEntityType()).isEqualTo("Task");
            assertThat(entry.getProperty()).isEqualTo("dueDate");
            assertThat(entry.getNewValue()).isEqualTo(Long.toString(later.getTime()));
        });
        assertThat(jdbc.queryForList("select actor from audit_event where application_id = ? "
                + "and action = 'TASK_COMPLETED UserTask_InitialReview'", String.class, filed.getId()))
                .containsExactly("reviewer");
    }
}
