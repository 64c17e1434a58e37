package cn.bureau.subsidy.supervision;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.common.WorkingDays;
import cn.bureau.subsidy.identity.Groups;
import cn.bureau.subsidy.notification.Notifications;
import cn.bureau.subsidy.notification.Notifications.Message;

/**
 * Chases overdue work. The deadline watch ({@code processes/deadline-watch.bpmn}) runs this every minute over every
 * open user task that has a due date: at the due date a task escalates to level 1, and the program's
 * {@code escalation_days} working days after it to level 2. A process owner who adds a user task gives it a due date
 * ({@code camunda:dueDate}); the watch needs nothing else from the diagram.
 *
 * <p>Level 1 tells the holder — the assignee, or the candidate group while nobody has claimed it, or for an
 * applicant's task the user who filed the case — and the supervisors. Level 2 raises the task's priority to
 * {@value #ESCALATED_PRIORITY}, offers it to the leads of its candidate groups (members of {@code <group>-leads}, see
 * {@link Groups#leadsOf}) as candidate users, and tells them, the holder and the supervisors. Nobody's claim is taken
 * away: the lead decides whether to take the task over.
 *
 * <p>One sweep instead of two timers a task: a timer job a threshold would put two rows a open task into the job
 * table that every job acquisition reads (200,000 with 100,000 open cases), create and delete them with every task,
 * and make every user task a scope of its own (an execution more a task). The sweep reads the open tasks along the
 * due-date index. Each level is recorded once ({@code task_escalation}, unique by task and level), so a run repeated
 * after a failure escalates nothing twice, and a task's current due date counts, also when someone changed it.
 */
@Service
public class DeadlineWatch {

    /** The diagram's process key. */
    public static final String PROCESS_KEY = "DeadlineWatch";
    static final int ESCALATED_PRIORITY = 100;
    static final String KIND_OVERDUE = "TASK_OVERDUE";
    static final String KIND_ESCALATED = "TASK_ESCALATED";
    /**
     * Escalations a run at most: a run is one transaction, and after a long outage or a deadline shared by
     * thousands of tasks the rest follow a minute later.
     */
    static final int ESCALATIONS_PER_RUN = 500;
    /** The escalation days of a task that belongs to no program (the column's default). */
    private static final int DEFAULT_ESCALATION_DAYS = 3;
    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    private static final DateTimeFormatter SHENZHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final NamedParameterJdbcTemplate jdbc;
    private final WorkingDays workdays;
    private final Escalations escalations;
    private final CandidateGroups candidateGroups;
    private final Notifications notifications;
    private final TaskService taskService;
    private final IdentityService identityService;

    DeadlineWatch(NamedParameterJdbcTemplate jdbc, WorkingDays workdays, Escalations escalations,
            CandidateGroups candidateGroups, Notifications notifications, TaskService taskService,
            IdentityService identityService) {
        this.jdbc = jdbc;
        this.workdays = workdays;
        this.escalations = escalations;
        this.candidateGroups = candidateGroups;
        this.notifications = notifications;
        this.taskService = taskService;
        this.identityService = identityService;
    }

    /** An open task past a threshold, with what its escalation needs to know. */
    private record Overdue(String taskId, String taskKey, String taskName, String assignee, int priority,
            Instant due, String processInstanceId, UUID caseId, String businessKey, String filedBy,
            int escalationDays, int levelsRecorded) {
    }

    /** Escalates every open task past a threshold as of {@code now}, at most a run's worth; returns how many. */
    @Transactional
    public int escalateOverdue(Instant now) {
        List<Overdue> escalating = new ArrayList<>();
        for (Overdue task : candidates(now)) {
            if (task.levelsRecorded() == 0
                    || !now.isBefore(workdays.after(task.due(), task.escalationDays()))) {
                escalating.add(task);
                if (escalating.size() == ESCALATIONS_PER_RUN) {
                    break;
                }
            }
        }
        Map<String, List<String>> groups = candidateGroups.of(escalating.stream().map(Overdue::taskId).toList());
        Map<String, List<String>> leads = new HashMap<>();
        for (Overdue task : escalating) {
            escalate(task, task.levelsRecorded() + 1, groups.getOrDefault(task.taskId(), List.of()), leads, now);
        }
        return escalating.size();
    }

    /**
     * Open tasks due by now that have not escalated yet, and those escalated once whose due date is far enough back
     * for a second threshold to have passed: at least the smallest escalation days in calendar days, which working
     * days never undercut. Whether the second has passed is decided by the working-day calendar. A task suspended
     * with its case waits as the case does (and the engine refuses changes to it).
     */
    private List<Overdue> candidates(Instant now) {
        Integer fewestDays = jdbc.getJdbcTemplate().queryForObject("select min(escalation_days) from program",
                Integer.class);
        int days = Math.min(fewestDays == null ? DEFAULT_ESCALATION_DAYS : fewestDays, DEFAULT_ESCALATION_DAYS);
        MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(now))
                .addValue("active", SuspensionState.ACTIVE.getStateCode())
                .addValue("secondBefore", Timestamp.from(now.minus(Duration.ofDays(Math.max(0, days)))));
        return jdbc.query("""
                select t.ID_ as task_id, t.TASK_DEF_KEY_ as task_key, t.NAME_ as task_name, t.ASSIGNEE_ as assignee,
                       t.PRIORITY_ as priority, t.DUE_DATE_ as due_at, t.PROC_INST_ID_ as process_instance_id,
                       a.id as case_id, i.BUSINESS_KEY_ as business_key, a.filed_by,
                       coalesce(ap.escalation_days, pp.escalation_days) as escalation_days,
                       (select count(*) from task_escalation e where e.task_id = t.ID_) as levels
                from ACT_RU_TASK t
                left join ACT_RU_EXECUTION i on i.ID_ = t.PROC_INST_ID_
                left join application a on a.process_instance_id = t.PROC_INST_ID_
                left join program ap on ap.id = a.program_id
                left join program pp on pp.process_instance_id = t.PROC_INST_ID_
                where t.DUE_DATE_ <= :now and t.SUSPENSION_STATE_ = :active
                  and not exists (select 1 from task_escalation e
                                  where e.task_id = t.ID_ and (e.level >= 2 or t.DUE_DATE_ > :secondBefore))
                order by t.DUE_DATE_, t.ID_""", params, (rs, row) -> {
                    String caseId = rs.getString("case_id");
                    Number escalationDays = (Number) rs.getObject("escalation_days");
                    return new Overdue(rs.getString("task_id"), rs.getString("task_key"), rs.getString("task_name"),
                            rs.getString("assignee"), rs.getInt("priority"), rs.getTimestamp("due_at").toInstant(),
                            rs.getString("process_instance_id"), caseId == null ? null : UUID.fromString(caseId),
                            rs.getString("business_key"), rs.getString("filed_by"),
                            escalationDays == null ? DEFAULT_ESCALATION_DAYS : escalationDays.intValue(),
                            rs.getInt("levels"));
                });
    }

    private void escalate(Overdue task, int level, List<String> groups, Map<String, List<String>> leads,
            Instant now) {
        Set<String> users = new LinkedHashSet<>();
        Set<String> notifiedGroups = new LinkedHashSet<>();
        notifiedGroups.add(Groups.SUPERVISORS);
        if (task.assignee() != null) {
            users.add(task.assignee());
        }
        if (groups.contains(Groups.APPLICANTS)) {
            if (task.filedBy() != null) {
                users.add(task.filedBy());
            }
        } else if (task.assignee() == null) {
            notifiedGroups.addAll(groups);
        }
        if (level == 2) {
            taskService.setPriority(task.taskId(), Math.max(task.priority(), ESCALATED_PRIORITY));
            for (String group : groups) {
                if (Groups.LED_GROUPS.contains(group)) {
                    for (String lead : leads.computeIfAbsent(group, this::leadsOf)) {
                        taskService.addCandidateUser(task.taskId(), lead);
                        users.add(lead);
                    }
                }
            }
        }
        String businessKey = task.businessKey() == null ? task.processInstanceId() : task.businessKey();
        escalations.record(task.caseId(), task.processInstanceId(), task.taskId(), task.taskKey(), task.taskName(),
                level, now, task.due(), task.assignee(), users, notifiedGroups);
        Message message = message(level, task, businessKey);
        users.forEach(user -> notifications.toUser(user, message));
        notifiedGroups.forEach(group -> notifications.toGroup(group, message));
        log.info("Task {} ({}) of {} escalated to level {}: users {}, groups {}", task.taskKey(), task.taskId(),
                businessKey, level, users, notifiedGroups);
    }

    private List<String> leadsOf(String group) {
        return identityService.createUserQuery().memberOfGroup(Groups.leadsOf(group)).list().stream()
                .map(User::getId).toList();
    }

    private static Message message(int level, Overdue task, String businessKey) {
        String dueText = SHENZHEN.format(ShenzhenTime.at(task.due())) + " (UTC+8)";
        String subject = level == 1
                ? "【逾期】%s %s / Overdue: %s".formatted(businessKey, task.taskName(), task.taskName())
                : "【升级督办】%s %s / Escalated: %s".formatted(businessKey, task.taskName(), task.taskName());
        String body = """
                %s
                案件 Case: %s
                任务 Task: %s
                截止时间（深圳时间）Due (Shenzhen time): %s
                %s
                """.formatted(level == 1 ? "该任务已超过办理时限。This task is past its due date."
                        : "该任务逾期未办，已升级至组长并提高优先级。This task is still overdue: it has been raised "
                                + "to the group's leads with a higher priority.",
                businessKey, task.taskName(), dueText,
                task.caseId() == null ? "" : "/api/cases/" + task.caseId());
        return new Message(level == 1 ? KIND_OVERDUE : KIND_ESCALATED, subject, body.strip(), task.caseId(),
                task.taskId());
    }
}
