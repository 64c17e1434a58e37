package cn.bureau.subsidy.decision;

/** The four support categories of guide section 五 (guide-2026.md §3). */
public enum SupportCategory {
    /** 前期费用 */
    PRE_PROJECT_FEES,
    /** 贷款贴息 */
    LOAN_INTEREST,
    /** 海外投资保险 */
    INSURANCE_PREMIUM,
    /** 省级境外经贸合作区 */
    ZONE_INFRASTRUCTURE
}
