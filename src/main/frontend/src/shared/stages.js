// The case's stages and outcomes in the guide's words (申报指南 §十), shared by the board and the portal.
export const STAGE_NAMES = {
  'zh-CN': {
    'stage.FILED': '网上申报',
    'stage.INITIAL_REVIEW': '网上初审',
    'stage.MATERIALS': '提交申请材料',
    'stage.FORMAL_REVIEW': '形式审查',
    'stage.SPECIAL_AUDIT': '专项审计',
    'stage.QUALIFICATION': '资质审查',
    'stage.AWAITING_PLAN': '等待资助计划',
    'stage.DISBURSEMENT_DOCUMENTS': '提交拨付资料',
    'stage.DISBURSEMENT': '拨付资金',
    'stage.PAID': '已拨付',
    'stage.REJECTED': '不予支持',
    'stage.NOT_ACCEPTED': '不予受理',
    'stage.NOT_FUNDED': '未获资助',
    'stage.WITHDRAWN': '已撤回',
    'stage.PAYMENT_FAILED': '拨付失败',
  },
  en: {
    'stage.FILED': 'Filed',
    'stage.INITIAL_REVIEW': 'Initial review',
    'stage.MATERIALS': 'Application materials',
    'stage.FORMAL_REVIEW': 'Formal review',
    'stage.SPECIAL_AUDIT': 'Special audit',
    'stage.QUALIFICATION': 'Qualification',
    'stage.AWAITING_PLAN': 'Awaiting funding plan',
    'stage.DISBURSEMENT_DOCUMENTS': 'Disbursement documents',
    'stage.DISBURSEMENT': 'Disbursement',
    'stage.PAID': 'Paid',
    'stage.REJECTED': 'Rejected',
    'stage.NOT_ACCEPTED': 'Not accepted',
    'stage.NOT_FUNDED': 'Not funded',
    'stage.WITHDRAWN': 'Withdrawn',
    'stage.PAYMENT_FAILED': 'Payment failed',
  },
};

/** The stages an open case passes, in order (the board's filter and the portal's timeline). */
export const OPEN_STAGES = ['INITIAL_REVIEW', 'MATERIALS', 'FORMAL_REVIEW', 'SPECIAL_AUDIT', 'QUALIFICATION',
  'AWAITING_PLAN', 'DISBURSEMENT_DOCUMENTS', 'DISBURSEMENT'];
