package cn.bureau.subsidy.benchmark;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.TimerCatchIntermediateEventJobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.bureau.subsidy.filing.Application;
import cn.bureau.subsidy.filing.ApplicantActions;
import cn.bureau.subsidy.filing.FilingService;
import cn.bureau.subsidy.identity.Caller;
import cn.bureau.subsidy.program.Program;
import cn.bureau.subsidy.program.ProgramPublisher;
import cn.bureau.subsidy.program.ProgramRequest;
import cn.bureau.subsidy.scenario.Fixtures;

/**
 * Cases driven through all twelve stages until paid: filed through the filing service, every user task done by a
 * simulated officer or applicant through the engine API (officers accept, applicants submit what is asked), the
 * asynchronous continuations run by the configuration's job executor, and the program's timers (filing closes,
 * materials deadline, end of the public notice) fired by moving the engine clock once nothing else is left to do.
 * The database's size before and after, on compacted tables, gives the bytes a paid case keeps.
 */
final class Lifecycle {

    /** Who does each officer task; the disbursement is authorised by someone other than the plan's issuer. */
    private static final Map<String, String> OFFICERS = Map.of("UserTask_InitialReview", "reviewer",
            "UserTask_FormalReview", "reviewer", "UserTask_SpecialAudit", "auditor",
            "UserTask_QualificationReview", "auditor", "UserTask_AuthoriseDisbursement", "approver2",
            "UserTask_DraftPlan", "manager", "UserTask_ApprovePlan", "approver", "UserTask_IssuePlan", "approver");

    /** Cases paid a second over the whole run, with the latencies of the officers' and applicants' actions. */
    /**
     * @param perCase the bytes a paid case keeps, measured on compacted tables
     * @param writtenPerCase the growth of the tables as the run left them, dead row versions included
     */
    record Result(Figures cases, Storage.Sizes perCase, Storage.Sizes writtenPerCase, DatabaseWork workPerCase) {
    }

    private record CaseRef(String caseId, Caller applicant) {
    }

    private final ProgramPublisher publisher;
    private final FilingService filing;
    private final ApplicantActions applicant;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;
    private final JdbcTemplate jdbc;
    private final Storage storage;
    private final JobExecutor jobExecutor;
    private final Map<String, List<String>> groups = new ConcurrentHashMap<>();

    Lifecycle(ApplicationContext context) {
        this.publisher = context.getBean(ProgramPublisher.class);
        this.filing = context.getBean(FilingService.class);
        this.applicant = context.getBean(ApplicantActions.class);
        this.tasks = context.getBean(TaskService.class);
        this.management = context.getBean(ManagementService.class);
        this.identity = context.getBean(IdentityService.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.storage = new Storage(jdbc);
        this.jobExecutor = ((ProcessEngineConfigurationImpl) context.getBean(ProcessEngine.class)
                .getProcessEngineConfiguration()).getJobExecutor();
    }

    Result run(String programCode, int count, int officers, Enterprises enterprises) throws InterruptedException {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-04-10T10:00:00+08:00").toInstant()));
        ProgramRequest guide = Fixtures.program(programCode);
        // A budget no plan exhausts: every case is funded and goes on to disbursement.
        Program program = publisher.publish(new ProgramRequest(programCode, guide.title(), guide.supportYear(),
                guide.filingOpensAt(), guide.filingClosesAt(), guide.materialsCloseAt(),
                BigDecimal.valueOf(100_000_000), guide.fxRatesToCny(), guide.lprPercent()), Fixtures.MANAGER);
        ClockUtil.setCurrentTime(Date.from(Fixtures.DURING_FILING));
        Storage.Sizes before = storage.live();
        DatabaseWork work = DatabaseWork.read(jdbc);

        long start = System.nanoTime();
        Map<String, CaseRef> cases = new ConcurrentHashMap<>();
        Figures.run(officers, count, index -> {
            Caller caller = enterprises.caller(index);
            Application filed = filing.file(programCode, enterprises.form(index), caller, null);
            cases.put(filed.getProcessInstanceId(), new CaseRef(filed.getId().toString(), caller));
        });
        Figures actions = drive(program, cases, count, officers);
        double seconds = (System.nanoTime() - start) / 1e9;

        DatabaseWork workPerCase = DatabaseWork.read(jdbc).since(work, count);
        Storage.Sizes written = storage.asWritten();
        Storage.Sizes after = storage.live();
        return new Result(new Figures(count, seconds, actions.sortedNanos()), after.minus(before).per(count),
                written.minus(before).per(count), workPerCase);
    }

    /** Acts on every waiting task until every case is paid; returns the latencies of the officers' actions. */
    private Figures drive(Program program, Map<String, CaseRef> cases, int count, int officers)
            throws InterruptedException {
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(officers);
        Set<String> taken = ConcurrentHashMap.newKeySet();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        try {
            while (true) {
                if (failure.get() != null) {
                    throw new IllegalStateException("The lifecycle failed", failure.get());
                }
                // Officers look for new work when they are about to run out of it, as people with a task list do;
                // asking the engine for 500 open tasks every few milliseconds would be the driver's load, not the
                // system's.
                if (pool.getQueue().size() > officers) {
                    Thread.sleep(5);
                    continue;
                }
                List<Task> waiting = tasks.createTaskQuery().processInstanceBusinessKeyLike(program.getCode() + "%")
                        .listPage(0, 500);
                int submitted = 0;
                for (Task task : waiting) {
                    if (taken.add(task.getId())) {
                        submitted++;
                        pool.execute(() -> {
                            long begin = System.nanoTime();
                            try {
                                act(task, cases.get(task.getProcessInstanceId()));
                                latencies.add(System.nanoTime() - begin);
                            } catch (RuntimeException e) {
                                // A task another transaction touched at the same moment is tried again; a task
                                // that keeps failing fails the run.
                                taken.remove(task.getId());
                                if (failures.incrementAndGet() > count / 10 + 10) {
                                    failure.compareAndSet(null, e);
                                }
                            }
                        });
                    }
                }
                if (submitted > 0) {
                    continue;
                }
                if (paid(program) >= count) {
                    break;
                }
                if (pool.getActiveCount() == 0 && pool.getQueue().isEmpty() && quiet(program)) {
                    fireNextTimer(program, count);
                } else {
                    Thread.sleep(10);
                }
                if (System.nanoTime() - start > TimeUnit.HOURS.toNanos(1)) {
                    throw new IllegalStateException("The lifecycle did not finish within an hour: " + stages(program));
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        return Figures.of(latencies.size(), (System.nanoTime() - start) / 1e9,
                latencies.stream().mapToLong(Long::longValue).toArray());
    }

    private void act(Task task, CaseRef kase) {
        String key = task.getTaskDefinitionKey();
        String officer = OFFICERS.get(key);
        if (officer != null) {
            identity.setAuthentication(officer, groups.computeIfAbsent(officer, user -> identity.createGroupQuery()
                    .groupMember(user).list().stream().map(Group::getId).toList()));
            try {
                tasks.complete(task.getId(), Map.of("decision", "ACCEPT"));
            } finally {
                identity.clearAuthentication();
            }
        } else if (key.equals("UserTask_SubmitMaterials")) {
            applicant.upload(kase.caseId(), kase.applicant(), "APPLICATION_FORM", "application.pdf", Fixtures.pdf());
            applicant.submitMaterials(kase.caseId(), kase.applicant());
        } else if (key.equals("UserTask_SubmitDisbursementDocuments")) {
            applicant.submitDisbursementDocuments(kase.caseId(), kase.applicant(), "receipt.pdf", Fixtures.pdf());
        } else {
            throw new IllegalStateException("No simulated action for " + key);
        }
    }

    /**
     * Nothing runs and nobody has anything to do: no job is due and then (a job that creates a task has committed it
     * by then) no task waits.
     */
    private boolean quiet(Program program) {
        return management.createJobQuery().executable().count() == 0 && tasks.createTaskQuery()
                .processInstanceBusinessKeyLike(program.getCode() + "%").count() == 0;
    }

    /**
     * Nothing left to do but wait for the program: move the engine clock just past the program's next timer event
     * (filing closes, materials deadline, end of the notice) and wake the job executor, which may be backing off.
     */
    private void fireNextTimer(Program program, int count) {
        Optional<Date> next = management.createJobQuery().processInstanceId(program.getProcessInstanceId()).timers()
                .list().stream()
                .filter(job -> TimerCatchIntermediateEventJobHandler.TYPE.equals(((JobEntity) job).getJobHandlerType()))
                .map(Job::getDuedate).min(Comparator.naturalOrder());
        if (next.isEmpty()) {
            if (paid(program) == count) {
                return; // the last case was paid since the loop looked
            }
            throw new IllegalStateException("The lifecycle stopped before every case was paid: " + stages(program));
        }
        if (next.get().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(new Date(next.get().getTime() + 1000));
        }
        jobExecutor.jobWasAdded();
    }

    private long paid(Program program) {
        return jdbc.queryForObject("select count(*) from application where program_id = ? and stage = 'PAID'",
                Long.class, program.getId());
    }

    private Map<String, Object> stages(Program program) {
        Map<String, Object> stages = new java.util.TreeMap<>();
        jdbc.query("select stage, count(*) from application where program_id = ? group by stage",
                rs -> {
                    stages.put(rs.getString(1), rs.getLong(2));
                }, program.getId());
        stages.put("incidents", management.createJobQuery().withException().count());
        return stages;
    }
}
