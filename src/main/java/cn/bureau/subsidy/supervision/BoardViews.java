package cn.bureau.subsidy.supervision;

import java.time.OffsetDateTime;
import java.util.List;

/** What the supervision API answers. */
final class BoardViews {

    private BoardViews() {
    }

    record Enterprise(String uscc, String name) {
    }

    /**
     * An open task of a case that is past its due date, with the level it has escalated to and when; each
     * escalation's recipients are on the case ({@code caseUrl}).
     */
    record OverdueItem(String caseId, String businessKey, String programCode, Enterprise enterprise, String stage,
            String taskId, String taskKey, String taskName, String assignee, List<String> candidateGroups,
            String holder, OffsetDateTime dueAt, int overdueWorkingDays, int priority, int escalationLevel,
            OffsetDateTime lastEscalatedAt, String caseUrl, String tasklistUrl) {
    }

    /**
     * A page of overdue tasks as of {@code asOf}, in the order of column {@code sort} and direction {@code dir};
     * {@code total} counts every overdue task as of {@code totalAsOf}, which may be up to the board's maximum age
     * earlier (the count is shared among supervisors).
     */
    record OverduePage(OffsetDateTime asOf, long total, OffsetDateTime totalAsOf, String sort, String dir,
            int offset, int limit, List<OverdueItem> items) {
    }

    /**
     * Open tasks by age: due soon (not yet due, due by the end of the next working day), then 1–2, 3–5 and more than
     * 5 working days overdue.
     */
    record Buckets(long open, long dueSoon, long overdue1to2, long overdue3to5, long overdueOver5) {

        static final Buckets NONE = new Buckets(0, 0, 0, 0, 0);

        long overdue() {
            return overdue1to2 + overdue3to5 + overdueOver5;
        }

        Buckets plus(Buckets o) {
            return new Buckets(open + o.open, dueSoon + o.dueSoon, overdue1to2 + o.overdue1to2,
                    overdue3to5 + o.overdue3to5, overdueOver5 + o.overdueOver5);
        }
    }

    record StageRow(String stage, Buckets tasks) {
    }

    /** {@code kind} USER for an assignee, GROUP for tasks nobody has claimed yet. */
    record OfficerRow(String officer, String kind, Buckets tasks) {
    }

    /** Open and overdue tasks waiting at one element of the case diagram. */
    record ActivityRow(String activityId, long open, long overdue) {
    }

    record Summary(OffsetDateTime asOf, List<String> programs, Buckets total, List<StageRow> byStage,
            List<OfficerRow> byOfficer, List<ActivityRow> byActivity, long casesAwaitingPlan) {
    }
}
