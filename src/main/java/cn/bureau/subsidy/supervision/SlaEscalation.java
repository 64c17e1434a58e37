package cn.bureau.subsidy.supervision;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.filing.CaseProcess;
import cn.bureau.subsidy.filing.CaseStages;
import cn.bureau.subsidy.identity.Groups;
import cn.bureau.subsidy.notification.Notifications;
import cn.bureau.subsidy.notification.Notifications.Message;

/**
 * Chases overdue work. Every user task of the models carries two timeout task listeners with this bean: one due at
 * the task's due date, one the program's {@code escalation_days} working days later. The n-th timeout a task meets
 * is escalation level n (the table {@code task_escalation} counts them), so the listener needs no configuration.
 *
 * <p>Level 1 tells the holder — the assignee, or the candidate group while nobody has claimed it, or for an
 * applicant's task the user who filed the case — and the supervisors. Level 2 raises the task's priority to
 * {@value #ESCALATED_PRIORITY}, offers it to the leads of its candidate groups (members of {@code <group>-leads}, see
 * {@link Groups#leadsOf}) as candidate users, and tells them, the holder and the supervisors. Nobody's claim is taken
 * away: the lead decides whether to take the task over.
 *
 * <p>A timeout listener's timer is evaluated when the user task is entered, against the task's execution and before
 * the task exists: its expression sees process variables and beans, not the task or its local variables. The models
 * therefore repeat the due-date expression for the first threshold instead of reading the task's due date.
 */
@Component("slaEscalation")
class SlaEscalation implements TaskListener {

    static final int ESCALATED_PRIORITY = 100;
    static final String KIND_OVERDUE = "TASK_OVERDUE";
    static final String KIND_ESCALATED = "TASK_ESCALATED";
    private static final Logger log = LoggerFactory.getLogger(SlaEscalation.class);
    private static final DateTimeFormatter SHENZHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Escalations escalations;
    private final Notifications notifications;
    private final CaseStages cases;
    private final IdentityService identityService;

    SlaEscalation(Escalations escalations, Notifications notifications, CaseStages cases,
            IdentityService identityService) {
        this.escalations = escalations;
        this.notifications = notifications;
        this.cases = cases;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_TIMEOUT.equals(task.getEventName())) {
            return;
        }
        int level = escalations.levelsRecorded(task.getId()) + 1;
        if (level > 2) {
            return;
        }
        Instant now = ShenzhenTime.now();
        List<String> groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).filter(Objects::nonNull).distinct().toList();
        String applicationId = (String) task.getVariable(CaseProcess.VAR_APPLICATION_ID);
        UUID caseId = applicationId == null ? null : UUID.fromString(applicationId);

        Set<String> users = new LinkedHashSet<>();
        Set<String> notifiedGroups = new LinkedHashSet<>();
        notifiedGroups.add(Groups.SUPERVISORS);
        if (task.getAssignee() != null) {
            users.add(task.getAssignee());
        }
        if (groups.contains(Groups.APPLICANTS)) {
            if (caseId != null) {
                users.add(cases.find(applicationId).getFiledBy());
            }
        } else if (task.getAssignee() == null) {
            notifiedGroups.addAll(groups);
        }
        if (level == 2) {
            task.setPriority(Math.max(task.getPriority(), ESCALATED_PRIORITY));
            for (String group : groups) {
                if (!Groups.LED_GROUPS.contains(group)) {
                    continue;
                }
                for (User lead : identityService.createUserQuery().memberOfGroup(Groups.leadsOf(group)).list()) {
                    task.addCandidateUser(lead.getId());
                    users.add(lead.getId());
                }
            }
        }
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        String businessKey = caseId == null ? task.getProcessInstanceId() : cases.find(applicationId).getBusinessKey();
        escalations.record(caseId, task.getProcessInstanceId(), task.getId(), task.getTaskDefinitionKey(),
                task.getName(), level, now, due, task.getAssignee(), users, notifiedGroups);

        Message message = message(level, task, businessKey, caseId, due);
        users.forEach(user -> notifications.toUser(user, message));
        notifiedGroups.forEach(group -> notifications.toGroup(group, message));
        log.info("Task {} ({}) of {} escalated to level {}: users {}, groups {}", task.getTaskDefinitionKey(),
                task.getId(), businessKey, level, users, notifiedGroups);
    }

    private static Message message(int level, DelegateTask task, String businessKey, UUID caseId, Instant due) {
        String dueText = due == null ? "—" : SHENZHEN.format(ShenzhenTime.at(due)) + " (UTC+8)";
        String subject = level == 1
                ? "【逾期】%s %s / Overdue: %s".formatted(businessKey, task.getName(), task.getName())
                : "【升级督办】%s %s / Escalated: %s".formatted(businessKey, task.getName(), task.getName());
        String body = """
                %s
                案件 Case: %s
                任务 Task: %s
                截止时间（深圳时间）Due (Shenzhen time): %s
                %s
                """.formatted(level == 1 ? "该任务已超过办理时限。This task is past its due date."
                        : "该任务逾期未办，已升级至组长并提高优先级。This task is still overdue: it has been raised "
                                + "to the group's leads with a higher priority.",
                businessKey, task.getName(), dueText,
                caseId == null ? "" : "/api/cases/" + caseId);
        return new Message(level == 1 ? KIND_OVERDUE : KIND_ESCALATED, subject, body.strip(), caseId, task.getId());
    }
}
