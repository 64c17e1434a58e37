package cn.bureau.subsidy.supervision;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import cn.bureau.subsidy.common.Money;
import cn.bureau.subsidy.common.ShenzhenTime;
import cn.bureau.subsidy.disbursement.Disbursements;
import cn.bureau.subsidy.filing.Application;
import cn.bureau.subsidy.filing.ApplicantActions;
import cn.bureau.subsidy.filing.Claim;
import cn.bureau.subsidy.identity.Caller;
import cn.bureau.subsidy.identity.Callers;
import cn.bureau.subsidy.program.ProgramRepository;
import cn.bureau.subsidy.review.ReviewDecisions;
import cn.bureau.subsidy.supervision.CaseView.ClaimView;
import cn.bureau.subsidy.supervision.CaseView.HistoryEntry;
import cn.bureau.subsidy.supervision.CaseView.ReviewView;
import cn.bureau.subsidy.supervision.CaseView.TaskView;

/**
 * Assembles a case's view from its record, its reviews and payments, and the engine's tasks and history. All of it is
 * read from one snapshot of the database (repeatable read), so a view never shows the stage from before a step and
 * the task from after it.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
class CaseViews {

    private final ApplicantActions cases;
    private final Callers callers;
    private final ProgramRepository programs;
    private final ReviewDecisions reviews;
    private final Disbursements disbursements;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final Escalations escalations;
    private final CandidateGroups candidateGroups;
    private final AuditTrail audit;

    CaseViews(ApplicantActions cases, Callers callers, ProgramRepository programs, ReviewDecisions reviews,
            Disbursements disbursements, TaskService taskService, HistoryService historyService,
            Escalations escalations, CandidateGroups candidateGroups, AuditTrail audit) {
        this.cases = cases;
        this.callers = callers;
        this.programs = programs;
        this.reviews = reviews;
        this.disbursements = disbursements;
        this.taskService = taskService;
        this.historyService = historyService;
        this.escalations = escalations;
        this.candidateGroups = candidateGroups;
        this.audit = audit;
    }

    CaseView view(String caseId) {
        Caller caller = callers.current();
        Application a = cases.visibleCase(caseId, caller);
        String programCode = programs.findById(a.getProgramId()).orElseThrow().getCode();
        return new CaseView(a.getId().toString(), a.getBusinessKey(), programCode, a.getStage(), a.getOutcome(),
                a.getOutcomeReason(), new CaseView.Enterprise(a.getUscc(), a.getEnterpriseName()),
                new CaseView.Project(a.getProjectName(), a.getProjectKind().name(), a.getHostCountry()),
                a.getClaims().stream().map(CaseViews::claim).toList(), a.getPlanAmountWan(), tasks(a),
                reviews.findByApplicationIdOrderByDecidedAt(a.getId()).stream()
                        .map(r -> new ReviewView(r.getStage(), r.getDecision(), r.getReason(), r.getDecidedBy(),
                                ShenzhenTime.at(r.getDecidedAt())))
                        .toList(),
                disbursements.of(a.getId()), history(a), ShenzhenTime.at(a.getFiledAt()),
                escalations.ofCase(a.getId()), caller.isStaff() ? audit.ofCase(a.getId()) : null);
    }

    private static ClaimView claim(Claim c) {
        return new ClaimView(c.getPosition(), c.getCategory(), money(c.getAmount(), c.getCurrency()),
                c.getAuditedAmount() == null ? null : money(c.getAuditedAmount(), c.getCurrency()));
    }

    private static Money money(java.math.BigDecimal amount, String currency) {
        return new Money(amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString(), currency);
    }

    /** The case's open tasks; one completed meanwhile shows without groups rather than failing the page. */
    private List<TaskView> tasks(Application a) {
        List<Task> open = taskService.createTaskQuery().processInstanceId(a.getProcessInstanceId()).list();
        Map<String, List<String>> groups = candidateGroups.of(open.stream().map(Task::getId).toList());
        return open.stream()
                .map(t -> new TaskView(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(),
                        groups.getOrDefault(t.getId(), List.of()),
                        t.getDueDate() == null ? null : ShenzhenTime.at(t.getDueDate().toInstant())))
                .toList();
    }

    private List<HistoryEntry> history(Application a) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(a.getProcessInstanceId())
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .filter(h -> h.getActivityName() != null)
                .map(h -> new HistoryEntry(h.getActivityId(), h.getActivityName(), h.getAssignee(),
                        ShenzhenTime.at(h.getStartTime().toInstant()),
                        h.getEndTime() == null ? null : ShenzhenTime.at(h.getEndTime().toInstant())))
                .toList();
    }
}
