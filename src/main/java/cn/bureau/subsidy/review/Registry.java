package cn.bureau.subsidy.review;

/** The registries the qualification check (资质审查) compares an enterprise's declarations with (guide 十). */
public enum Registry {
    /** 严重失信主体名单: listed and under an active restriction on applying for fiscal funds. */
    SERIOUS_DISHONESTY,
    /** 重大违法违规行为: a serious violation in the last three years. */
    SERIOUS_VIOLATION,
    /** 拖欠应缴还的财政性资金: arrears of fiscal funds. */
    FISCAL_ARREARS,
    /** 其他渠道中央财政资金: central funds from another channel for the same project. */
    CENTRAL_FUNDING,
    /** 以往资助: an earlier award for the same project (pre-project fees are supported once). */
    PRIOR_AWARD
}
