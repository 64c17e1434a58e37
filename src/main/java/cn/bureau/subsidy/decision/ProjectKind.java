package cn.bureau.subsidy.decision;

/** What the project is; it decides which threshold of guide 四（二）1 applies and what the 6% cap of 前期费用 is taken of. */
public enum ProjectKind {
    /** 境外投资: threshold on the Chinese actual direct investment. */
    INVESTMENT,
    /** 对外承包工程: threshold on the contract value. */
    CONTRACTING,
    /** 对外设计咨询: a lower threshold on the contract value. */
    DESIGN_CONSULTING
}
