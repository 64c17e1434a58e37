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

import cn.bureau.subsidy.filing.Application;
import cn.bureau.subsidy.filing.FilingService;
import cn.bureau.subsidy.program.Program;
import cn.bureau.subsidy.program.ProgramPublisher;
import cn.bureau.subsidy.scenario.Fixtures;

/**
 * A task left past its service level escalates once at its due date and again the program's escalation days later,
 * counted in working days across the Labour Day holidays. The engine clock moves; nothing sleeps. Notifications go
 * to the in-app lists and, through a local GreenMail SMTP server, by e-mail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;

    private Application filed;

    @BeforeEach
    void fileACase() {
        ClockUtil.setCurrentTime(Date.from(FILED.minusSeconds(10 * 86_400)));
        Program program = publisher.publish(Fixtures.program(Fixtures.programCode()), Fixtures.MANAGER);
        jdbc.update("update program set escalation_days = 4 where code = ?", program.getCode());
        ClockUtil.setCurrentTime(Date.from(FILED));
        filed = filing.file(program.getCode(), Fixtures.application(), Fixtures.APPLICANT, null);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anOverdueTaskEscalatesAtItsDueDateAndAgainToTheLeads() throws Exception {
        Task review = task();
        assertThat(review.getDueDate().toInstant()).isEqualTo(DUE);
        assertThat(timers()).extracting(job -> job.getDuedate().toInstant()).containsExactlyInAnyOrder(DUE, SECOND);
        taskService.setAssignee(review.getId(), "reviewer");

        // Just before the due date nothing is due.
        ClockUtil.setCurrentTime(Date.from(DUE.minusSeconds(60)));
        assertThat(runDueJobs()).isZero();
        assertThat(escalations()).isEmpty();

        // Level 1 at the due date: the assignee and the supervisors are told.
        ClockUtil.setCurrentTime(Date.from(DUE.plusSeconds(1)));
        assertThat(runDueJobs()).isEqualTo(1);
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
        assertThat(runDueJobs()).isZero();

        // Level 2: priority up, the group's leads become candidates and are told, with the others.
        ClockUtil.setCurrentTime(Date.from(SECOND.plusSeconds(1)));
        assertThat(runDueJobs()).isEqualTo(1);
        assertThat(escalations()).containsExactly("1:reviewer:supervisors", "2:reviewer,reviewer-lead:supervisors");
        Task escalated = task();
        assertThat(escalated.getPriority()).isEqualTo(SlaEscalation.ESCALATED_PRIORITY);
        assertThat(escalated.getAssignee()).isEqualTo("reviewer");
        assertThat(taskService.getIdentityLinksForTask(escalated.getId())).extracting(IdentityLink::getUserId)
                .contains("reviewer-lead");
        assertThat(notificationKinds("reviewer-lead")).containsExactly("TASK_ESCALATED");
        assertThat(mailTo()).contains("reviewer-lead@demo.invalid");

        // Two thresholds, two escalations: nothing is left to fire, and the case shows both.
        assertThat(timers()).isEmpty();
        JsonNode view = rest.withBasicAuth("supervisor", "demo").getForEntity("/api/cases/" + filed.getId(),
                JsonNode.class).getBody();
        assertThat(view.path("escalations")).hasSize(2);
        assertThat(view.path("escalations").path(1).path("notifiedUsers").toString()).contains("reviewer-lead");
        assertThat(notificationKinds("applicant")).isEmpty();
    }

    @Test
    void anUnclaimedTaskTellsItsGroupAndTheTaskCanStillBeCompletedAfterwards() {
        ClockUtil.setCurrentTime(Date.from(DUE.plusSeconds(1)));
        assertThat(runDueJobs()).isEqualTo(1);

        assertThat(escalations()).containsExactly("1::supervisors,initial-reviewers");
        assertThat(notificationKinds("reviewer")).containsExactly("TASK_OVERDUE");
        assertThat(notificationKinds("auditor")).isEmpty();

        // The reviewer finishes the work: the second threshold goes with the task.
        taskService.complete(task().getId(), Map.of("decision", "ACCEPT"));
        runDueJobs();
        assertThat(timers()).extracting(job -> job.getDuedate().toInstant())
                .as("the materials task's thresholds, from the program's deadline: its boundary timer and due "
                        + "date, then four working days counting the make-up Saturday 9 May")
                .containsExactlyInAnyOrder(Fixtures.FILING_CLOSES.plusSeconds(7 * 86_400 - 15 * 60),
                        OffsetDateTime.parse("2026-05-12T18:00:00+08:00").toInstant(),
                        Fixtures.FILING_CLOSES.plusSeconds(7 * 86_400 - 15 * 60));
    }

    private Task task() {
        return taskService.createTaskQuery().processInstanceId(filed.getProcessInstanceId()).singleResult();
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
                + "from task_escalation where application_id = ? order by level", String.class, filed.getId());
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
