package cn.bureau.subsidy.supervision;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import cn.bureau.subsidy.common.Money;
import cn.bureau.subsidy.disbursement.PaymentView;

/**
 * A case as {@code GET /api/cases/{caseId}} shows it: stage, who holds it until when, amounts, history; staff also
 * see its audit trail.
 */
record CaseView(String caseId, String businessKey, String programCode, String stage, String outcome,
        String outcomeReason, Enterprise enterprise, Project project, List<ClaimView> claims,
        BigDecimal planAmountWan, List<TaskView> currentTasks, List<ReviewView> reviews,
        List<PaymentView> payments, List<HistoryEntry> history, OffsetDateTime filedAt,
        List<Escalation> escalations, List<AuditTrail.Event> auditTrail) {

    record Enterprise(String uscc, String name) {
    }

    record Project(String name, String kind, String hostCountry) {
    }

    record ClaimView(int position, String category, Money amount, Money auditedAmount) {
    }

    record TaskView(String taskId, String taskKey, String name, String assignee, List<String> candidateGroups,
            OffsetDateTime dueAt) {
    }

    record ReviewView(String stage, String decision, String reason, String decidedBy, OffsetDateTime decidedAt) {
    }

    record HistoryEntry(String activityId, String name, String assignee, OffsetDateTime startedAt,
            OffsetDateTime endedAt) {
    }
}
