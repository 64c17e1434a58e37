package cn.bureau.subsidy.filing;

import java.util.Set;

/** The case diagram ({@code processes/case.bpmn}): its key, messages, variables and the stages it reports. */
public final class CaseProcess {

    public static final String KEY = "SubsidyCase";

    public static final String MESSAGE_PLAN_ISSUED = "PlanIssued";
    public static final String MESSAGE_REMOVED_FROM_PLAN = "RemovedFromPlan";
    public static final String MESSAGE_WITHDRAWN = "CaseWithdrawn";
    public static final String ERROR_PAYMENT_FAILED = "PAYMENT_FAILED";

    public static final String VAR_APPLICATION_ID = "applicationId";
    public static final String VAR_PROGRAM_CODE = "programCode";
    public static final String VAR_MATERIALS_CLOSE_AT = "materialsCloseAt";
    public static final String VAR_DECISION = "decision";
    public static final String VAR_REASON = "reason";
    public static final String VAR_PLAN_AMOUNT_WAN = "planAmountWan";
    public static final String VAR_PAYMENT_ATTEMPT = "paymentAttempt";

    public static final String TASK_CORRECT_FILING = "UserTask_CorrectFiling";
    public static final String TASK_SUBMIT_MATERIALS = "UserTask_SubmitMaterials";
    public static final String TASK_CORRECT_MATERIALS = "UserTask_CorrectMaterials";
    public static final String TASK_CORRECT_FOR_AUDIT = "UserTask_CorrectForAudit";
    public static final String TASK_CORRECT_FOR_QUALIFICATION = "UserTask_CorrectForQualification";
    public static final String TASK_SUBMIT_DISBURSEMENT_DOCUMENTS = "UserTask_SubmitDisbursementDocuments";
    public static final String TASK_CORRECT_BANK_ACCOUNT = "UserTask_CorrectBankAccount";

    /** The applicant's answers to a correction request (补正), whichever review asked. */
    public static final Set<String> CORRECTION_TASKS = Set.of(TASK_CORRECT_FILING, TASK_CORRECT_MATERIALS,
            TASK_CORRECT_FOR_AUDIT, TASK_CORRECT_FOR_QUALIFICATION);

    public static final String STAGE_FILED = "FILED";
    public static final String STAGE_AWAITING_PLAN = "AWAITING_PLAN";
    /** Stages after which a case has left qualification, for good or on to the plan. */
    public static final Set<String> SETTLED_STAGES = Set.of(STAGE_AWAITING_PLAN, "DISBURSEMENT_DOCUMENTS",
            "DISBURSEMENT", "PAID", "REJECTED", "NOT_ACCEPTED", "NOT_FUNDED", "WITHDRAWN", "PAYMENT_FAILED");
    /** Once the approver authorises payment, the applicant can no longer withdraw. */
    public static final Set<String> NO_WITHDRAWAL_STAGES = Set.of("DISBURSEMENT", "PAID", "REJECTED",
            "NOT_ACCEPTED", "NOT_FUNDED", "WITHDRAWN", "PAYMENT_FAILED");

    private CaseProcess() {
    }
}
