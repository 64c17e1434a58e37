package cn.bureau.subsidy.supervision;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.filing.Application;
import cn.bureau.subsidy.filing.ApplicantActions;
import cn.bureau.subsidy.filing.FilingService;
import cn.bureau.subsidy.program.Program;
import cn.bureau.subsidy.program.ProgramPublisher;
import cn.bureau.subsidy.scenario.Fixtures;

/**
 * A program of its own with four open cases, seen on Thursday 7 May 2026 10:00 (after the Labour Day holidays):
 * <ul>
 * <li>A: initial review since 20 April, claimed by {@code reviewer}, due 27 April: 5 working days overdue, escalated
 * twice by the deadline watch;</li>
 * <li>B: the same, unclaimed: 5 working days overdue;</li>
 * <li>C: initial review accepted on 27 April, formal review due 7 May 18:00: due soon;</li>
 * <li>D: filed 23 April, initial review due 30 April: 2 working days overdue.</li>
 * </ul>
 */
final class BoardSeed {

    static final Instant NOW = OffsetDateTime.parse("2026-05-07T10:00:00+08:00").toInstant();

    final String programCode;
    final Application a;
    final Application b;
    final Application c;
    final Application d;

    BoardSeed(ProgramPublisher publisher, FilingService filing, ApplicantActions applicant, TaskService tasks,
            ManagementService management, DeadlineWatch watch) {
        at("2026-04-10T10:00");
        Program program = publisher.publish(Fixtures.program(Fixtures.programCode()), Fixtures.MANAGER);
        programCode = program.getCode();
        at("2026-04-20T10:00");
        a = filing.file(programCode, Fixtures.application(), Fixtures.APPLICANT, null);
        tasks.setAssignee(task(tasks, a).getId(), "reviewer");
        // A is left past both thresholds while the deadline watch runs; B, C and D are filed after it ran.
        at("2026-04-27T18:01");
        watch(watch);
        at("2026-05-06T18:01");
        watch(watch);
        at("2026-04-20T10:00");
        b = filing.file(programCode, Fixtures.application(), Fixtures.APPLICANT, null);
        c = filing.file(programCode, Fixtures.application(), Fixtures.APPLICANT, null);
        at("2026-04-23T10:00");
        d = filing.file(programCode, Fixtures.application(), Fixtures.APPLICANT, null);
        at("2026-04-27T10:00");
        tasks.complete(task(tasks, c).getId(), Map.of("decision", "ACCEPT"));
        // A completed task continues asynchronously: run what the job executor would.
        runDueJobs(management, c);
        applicant.upload(c.getId().toString(), Fixtures.APPLICANT, "APPLICATION_FORM", "form.pdf", Fixtures.pdf());
        applicant.submitMaterials(c.getId().toString(), Fixtures.APPLICANT);
        runDueJobs(management, c);
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    /**
     * The watch's runs at this moment until nothing is left: it chases every open task of the database, and the
     * tests that ran before left theirs open.
     */
    private static void watch(DeadlineWatch watch) {
        while (watch.escalateOverdue(ShenzhenTime.now()) > 0) {
            // a run escalates at most a run's worth
        }
    }

    private static void runDueJobs(ManagementService management, Application application) {
        List<Job> due;
        while (!(due = management.createJobQuery().processInstanceId(application.getProcessInstanceId())
                .executable().list()).isEmpty()) {
            management.executeJob(due.get(0).getId());
        }
    }

    static Task task(TaskService tasks, Application application) {
        return tasks.createTaskQuery().processInstanceId(application.getProcessInstanceId()).singleResult();
    }

    private static void at(String shenzhenTime) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(shenzhenTime + ":00+08:00").toInstant()));
    }
}
