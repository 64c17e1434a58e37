package cn.bureau.subsidy.program;

/** The service levels a program sets, in working days; the models name them in {@code deadlines.due(...)}. */
public enum Sla {
    INITIAL_REVIEW, FORMAL_REVIEW, SPECIAL_AUDIT, QUALIFICATION, CORRECTION, PLAN_DECISION, OBJECTION, NOTICE,
    DISBURSEMENT_DOCUMENTS, DISBURSEMENT
}
