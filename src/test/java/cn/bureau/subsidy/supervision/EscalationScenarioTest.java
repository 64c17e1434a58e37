package cn.bureau.subsidy.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.filing.Application;
import cn.bureau.subsidy.filing.FilingService;
import cn.bureau.subsidy.program.Program;
import cn.bureau.subsidy.program.ProgramPublisher;
import cn.bureau.subsidy.scenario.Fixtures;

/**
 * A task left past its service level escalates once at its due date and again the program's escalation days later,
 * counted in working days across the Labour Day holidays, when the deadline watch runs. The engine clock moves;
 * nothing sleeps. Notifications go to the in-app lists and, through a local GreenMail SMTP server, by e-mail. The
 * test has a database of its own, because the watch chases every open task and other tests leave theirs open, and so
 * an engine of its own name: the engine REST API of the other tests' contexts finds its engine by name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"subsidy.test.database=subsidy_test_escalation", "camunda.bpm.process-engine-name=escalation"})
class EscalationScenarioTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("subsidy.notifications.mail.enabled", () -> "true");
    }

    /** Monday 20 April 2026, 10:00 in Shenzhen. */
    private static final Instant FILED = OffsetDateTime.parse("2026-04-20T10:00:00+08:00").toInstant();
    /** Five working days (initial review) later. */
    private static final Instant DUE = OffsetDateTime.parse("2026-04-27T18:00:00+08:00").toInstant();
    /** Four working days after that: 28, 29, 30 April, then 1–5 May are the Labour Day holidays, then 6 May. */
    private static final Instant SECOND = OffsetDateTime.parse("2026-05-06T18:00:00+08:00").toInstant();

    @Autowired
    ProgramPublisher publisher;
    @Autowired
    FilingService filing;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    DeadlineWatch watch;

    private Application filed;

    @BeforeEach
    void fileACase() {
        ClockUtil.setCurrentTime(Date.from(FILED.minusSeconds(10 * 86_400)));
        Program program = publisher.publish(Fixtures.program(Fixtures.programCode()), Fixtures.MANAGER);
        jdbc.update("update program set escalation_days = 4 where code = ?", program.getCode());
        ClockUtil.setCurrentTime(Date.from(FILED));
        filed = filing.file(program.getCode(), Fixtures.application(), Fixtures.APPLICANT, null);
    }

    /** The watch chases every open task of the database: each test leaves none behind. */
    @AfterEach
    void endTheCaseAndResetTheClock() {
        if (runtimeService.createProcessInstanceQuery().processInstanceId(filed.getProcessInstanceId()).count() > 0) {
            runtimeService.deleteProcessInstance(filed.getProcessInstanceId(), "test over");
        }
        ClockUtil.reset();
    }

    @Test
    void anOverdueTaskEscalatesAtItsDueDateAndAgainToTheLeads() throws Exception {
        Task review = task();
        assertThat(review.getDueDate().toInstant()).isEqualTo(DUE);
        assertThat(timers()).as("no timer of its own: the deadline watch chases the task").isEmpty();
        taskService.setAssignee(review.getId(), "reviewer");

        // Just before the due date nothing is due.
        ClockUtil.setCurrentTime(Date.from(DUE.minusSeconds(60)));
        assertThat(watch()).isZero();
        assertThat(escalations()).isEmpty();

        // Level 1 at the due date: the assignee and the supervisors are told.
        ClockUtil.setCurrentTime(Date.from(DUE.plusSeconds(1)));
        assertThat(watch()).isEqualTo(1);
        assertThat(watch()).as("a level is escalated once").isZero();
        assertThat(escalations()).containsExactly("1:reviewer:supervisors");
        assertThat(task().getPriority()).isEqualTo(Task.PRIORITY_NORMAL);
        assertThat(notificationKinds("reviewer")).containsExactly("TASK_OVERDUE");
        assertThat(notificationKinds("supervisor")).contains("TASK_OVERDUE");
        assertThat(mailTo()).contains("reviewer@demo.invalid", "supervisor@demo.invalid");
        MimeMessage first = mails().get(0);
        assertThat(first.getSubject()).contains("逾期").contains("Overdue");
        assertThat(first.getContent().toString()).contains("2026-04-27 18:00 (UTC+8)");

        // Still nothing more before the second threshold, a working day before it.
        ClockUtil.setCurrentTime(Date.from(SECOND.minusSeconds(86_400)));
        assertThat(watch()).isZero();

        // Level 2: priority up, the group's leads become candidates and are told, with the others.
        ClockUtil.setCurrentTime(Date.from(SECOND.plusSeconds(1)));
        assertThat(watch()).isEqualTo(1);
        assertThat(escalations()).containsExactly("1:reviewer:supervisors", "2:reviewer,reviewer-lead:supervisors");
        Task escalated = task();
        assertThat(escalated.getPriority()).isEqualTo(DeadlineWatch.ESCALATED_PRIORITY);
        assertThat(escalated.getAssignee()).isEqualTo("reviewer");
        assertThat(taskService.getIdentityLinksForTask(escalated.getId())).extracting(IdentityLink::getUserId)
                .contains("reviewer-lead");
        assertThat(notificationKinds("reviewer-lead")).containsExactly("TASK_ESCALATED");
        assertThat(mailTo()).contains("reviewer-lead@demo.invalid");

        // Two thresholds, two escalations: nothing is left to escalate, and the case shows both.
        ClockUtil.setCurrentTime(Date.from(SECOND.plusSeconds(30 * 86_400)));
        assertThat(watch()).isZero();
        JsonNode view = rest.withBasicAuth("supervisor", "demo").getForEntity("/api/cases/" + filed.getId(),
                JsonNode.class).getBody();
        assertThat(view.path("escalations")).hasSize(2);
        assertThat(view.path("escalations").path(1).path("notifiedUsers").toString()).contains("reviewer-lead");
        assertThat(notificationKinds("applicant")).isEmpty();
    }

    @Test
    void anUnclaimedTaskTellsItsGroupAndTheTaskCanStillBeCompletedAfterwards() {
        ClockUtil.setCurrentTime(Date.from(DUE.plusSeconds(1)));
        assertThat(watch()).isEqualTo(1);

        assertThat(escalations()).containsExactly("1::supervisors,initial-reviewers");
        assertThat(notificationKinds("reviewer")).containsExactly("TASK_OVERDUE");
        assertThat(notificationKinds("auditor")).isEmpty();

        // The reviewer finishes the work: nothing more escalates for it.
        taskService.complete(task().getId(), Map.of("decision", "ACCEPT"));
        runDueJobs();
        ClockUtil.setCurrentTime(Date.from(SECOND.minusSeconds(86_400)));
        assertThat(watch()).isZero();

        // The materials task is due at the program's deadline (its boundary timer ends the case then): by then the
        // applicant has been told at its due date, 7 May 17:45, and before the boundary timer is run, nothing else.
        assertThat(task().getTaskDefinitionKey()).isEqualTo("UserTask_SubmitMaterials");
        Instant materialsDue = Fixtures.FILING_CLOSES.plusSeconds(7 * 86_400 - 15 * 60);
        assertThat(task().getDueDate().toInstant()).isEqualTo(materialsDue);
        ClockUtil.setCurrentTime(Date.from(materialsDue.minusSeconds(1)));
        assertThat(watch()).isZero();
        ClockUtil.setCurrentTime(Date.from(materialsDue));
        assertThat(watch()).isEqualTo(1);
        assertThat(escalations()).containsExactly("1::supervisors,initial-reviewers",
                "1:applicant:supervisors");
    }

    @Test
    void aSuspendedCaseWaitsAndEscalatesOnceItIsActiveAgain() {
        runtimeService.suspendProcessInstanceById(filed.getProcessInstanceId());
        ClockUtil.setCurrentTime(Date.from(SECOND.plusSeconds(1)));
        assertThat(watch()).isZero();

        runtimeService.activateProcessInstanceById(filed.getProcessInstanceId());
        assertThat(watch()).isEqualTo(1);
        assertThat(watch()).as("level 2 a run later").isEqualTo(1);
        assertThat(escalations()).containsExactly("1::supervisors,initial-reviewers",
                "2:reviewer-lead:supervisors,initial-reviewers");
    }

    @Test
    void theDiagramsTimerRunsTheWatchEveryMinute() {
        Job timer = watchTimer();
        ClockUtil.setCurrentTime(timer.getDuedate());
        managementService.executeJob(timer.getId());
        assertThat(escalations()).as("months after the due date: level 1 first")
                .containsExactly("1::supervisors,initial-reviewers");

        Job next = watchTimer();
        assertThat(next.getDuedate()).as("a minute later, to the second")
                .isCloseTo(Date.from(timer.getDuedate().toInstant().plusSeconds(60)), 1_000);
        ClockUtil.setCurrentTime(next.getDuedate());
        managementService.executeJob(next.getId());
        assertThat(escalations()).as("a minute later, level 2")
                .containsExactly("1::supervisors,initial-reviewers", "2:reviewer-lead:supervisors,initial-reviewers");
    }

    private Task task() {
        return taskService.createTaskQuery().processInstanceId(filed.getProcessInstanceId()).singleResult();
    }

    private Job watchTimer() {
        return managementService.createJobQuery().processDefinitionKey(DeadlineWatch.PROCESS_KEY).timers()
                .singleResult();
    }

    /** One run of the deadline watch, as its diagram's service task makes it; returns the tasks it escalated. */
    private int watch() {
        return watch.escalateOverdue(ShenzhenTime.now());
    }

    private List<Job> timers() {
        return managementService.createJobQuery().processInstanceId(filed.getProcessInstanceId()).timers().list()
                .stream().filter(job -> job.getDuedate() != null).toList();
    }

    private int runDueJobs() {
        int ran = 0;
        for (Job job : managementService.createJobQuery().processInstanceId(filed.getProcessInstanceId())
                .executable().list()) {
            managementService.executeJob(job.getId());
            ran++;
        }
        return ran;
    }

    private List<String> escalations() {
        return jdbc.queryForList("select level || ':' || coalesce(notified_users, '') || ':' || notified_groups "
                + "from task_escalation where application_id = ? order by id", String.class, filed.getId());
    }

    private List<String> notificationKinds(String user) {
        ResponseEntity<JsonNode> response = rest.withBasicAuth(user, "demo").getForEntity("/api/notifications",
                JsonNode.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).isTrue();
        return java.util.stream.StreamSupport.stream(response.getBody().spliterator(), false)
                .filter(n -> filed.getId().toString().equals(n.path("caseId").asText()))
                .map(n -> n.path("kind").asText()).toList();
    }

    /** The e-mails about this test's case (the SMTP server lives as long as the test class). */
    private List<MimeMessage> mails() throws Exception {
        MAIL.waitForIncomingEmail(2_000, 1);
        List<MimeMessage> ours = new java.util.ArrayList<>();
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            if (message.getSubject().contains(filed.getBusinessKey())) {
                ours.add(message);
            }
        }
        return ours;
    }

    private List<String> mailTo() throws Exception {
        List<String> to = new java.util.ArrayList<>();
        for (MimeMessage message : mails()) {
            Arrays.stream(message.getRecipients(RecipientType.TO)).map(Object::toString).forEach(to::add);
        }
        return to;
    }
}
