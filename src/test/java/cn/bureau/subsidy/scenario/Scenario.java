package cn.bureau.subsidy.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives process instances through their wait states the way camunda-platform-scenario does: each user task has a
 * default action (overridable per test), due jobs run explicitly, and when nothing is left to do the engine clock
 * jumps to the next timer. Tasks are completed by a named user with its Camunda groups, so the engine's
 * authorization checks apply.
 */
public final class Scenario {

    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;
    private final Map<String, Consumer<Task>> actions = new HashMap<>();
    private final Set<String> instances = new LinkedHashSet<>();
    /** Every task the scenario met, with its candidate groups, in order. */
    private final Map<String, List<String>> seenTasks = new LinkedHashMap<>();

    public Scenario(ProcessEngine engine) {
        this.taskService = engine.getTaskService();
        this.managementService = engine.getManagementService();
        this.identityService = engine.getIdentityService();
    }

    public Scenario track(String processInstanceId) {
        instances.add(processInstanceId);
        return this;
    }

    /** What happens when a task with this key waits. */
    public Scenario on(String taskKey, Consumer<Task> action) {
        actions.put(taskKey, action);
        return this;
    }

    /** Nobody acts on this task: the scenario lets its timers run out. */
    public Scenario idle(String taskKey) {
        actions.remove(taskKey);
        return this;
    }

    /** Completes a task as {@code userId}, with that user's Camunda groups. */
    public void complete(String userId, Task task, Map<String, Object> variables) {
        asUser(userId, () -> taskService.complete(task.getId(), variables));
    }

    public void asUser(String userId, Runnable action) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        identityService.setAuthentication(userId, groups);
        try {
            action.run();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** Runs until {@code done}, failing when the instances stop moving first. */
    public void runUntil(BooleanSupplier done) {
        for (int step = 0; step < 1000 && !done.getAsBoolean(); step++) {
            if (runDueJob() || actOnWaitingTask() || jumpToNextTimer()) {
                continue;
            }
            break;
        }
        assertThat(done.getAsBoolean()).as("scenario reached its end; tasks waiting: %s", waitingTaskKeys()).isTrue();
    }

    /**
     * One step in real time: a due job, or else a waiting task's action; false when neither was there. For runs
     * where someone else (a browser) acts too, and time is the wall clock's.
     */
    public boolean advance() {
        return runDueJob() || actOnWaitingTask();
    }

    public Map<String, List<String>> seenTasks() {
        return seenTasks;
    }

    public List<String> waitingTaskKeys() {
        return waitingTasks().stream().map(Task::getTaskDefinitionKey).toList();
    }

    public Optional<Task> waitingTask(String taskKey) {
        return waitingTasks().stream().filter(t -> t.getTaskDefinitionKey().equals(taskKey)).findFirst();
    }

    private boolean runDueJob() {
        for (String instance : instances) {
            List<Job> due = managementService.createJobQuery().processInstanceId(instance).executable().list();
            if (!due.isEmpty()) {
                managementService.executeJob(due.get(0).getId());
                return true;
            }
        }
        return false;
    }

    private boolean actOnWaitingTask() {
        for (Task task : waitingTasks()) {
            Consumer<Task> action = actions.get(task.getTaskDefinitionKey());
            if (action != null) {
                seenTasks.putIfAbsent(task.getTaskDefinitionKey(), taskService.getIdentityLinksForTask(task.getId())
                        .stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).sorted().toList());
                action.accept(task);
                return true;
            }
        }
        return false;
    }

    private boolean jumpToNextTimer() {
        Optional<Date> next = instances.stream()
                .flatMap(instance -> managementService.createJobQuery().processInstanceId(instance).timers()
                        .list().stream())
                .map(Job::getDuedate)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder());
        if (next.isEmpty()) {
            return false;
        }
        Date due = next.get();
        if (!due.after(ClockUtil.getCurrentTime())) {
            return false; // due but not executable: a failed job, which the assertion will report as stuck
        }
        ClockUtil.setCurrentTime(new Date(due.getTime() + 1000));
        return true;
    }

    private List<Task> waitingTasks() {
        List<Task> tasks = new ArrayList<>();
        for (String instance : instances) {
            tasks.addAll(taskService.createTaskQuery().processInstanceId(instance).orderByTaskCreateTime().asc()
                    .list());
        }
        return tasks;
    }
}
