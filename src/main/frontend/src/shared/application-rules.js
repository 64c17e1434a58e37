// The application body's checks in the browser, the same as the server's (ApplicationForm's constraints and
// ApplicationValidator): each problem is { field, code } with the server's field path and code, so that one message
// catalogue words both. No DOM here: the parity test runs this module in Node against the server's answers.

export const GUIDE_CATEGORIES = ['PRE_PROJECT_FEES', 'LOAN_INTEREST', 'INSURANCE_PREMIUM', 'ZONE_INFRASTRUCTURE'];
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_CLAIMS = 8;
/** ISO 4217 as the browser knows it (the server asks Java's Currency): 'ZZZ' has the right shape but is none. */
const CURRENCIES = new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : []);
const isCurrency = (code) => typeof code === 'string' && /^[A-Z]{3}$/.test(code)
  && (CURRENCIES.size === 0 || CURRENCIES.has(code));

/** Guide §8: 18 characters of the alphabet, the last the check character over the first 17. */
export function isValidUscc(code) {
  if (typeof code !== 'string' || code.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(code[i]);
    if (value < 0) return false;
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] === code[17];
}

const blank = (value) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The problems of an application body for a program ({ categories, fxRatesToCny }); forFiling adds what a filing
 * needs beyond a quote (the bank account).
 */
export function validateApplication(body, program, { forFiling = false } = {}) {
  const problems = [];
  const add = (field, code) => problems.push({ field, code });
  const required = (field, value) => {
    if (blank(value)) add(field, 'REQUIRED');
    return !blank(value);
  };
  const rates = program.fxRatesToCny || {};

  const money = (field, value) => {
    if (!required(field, value)) return;
    if (typeof value.amount !== 'string' || !AMOUNT.test(value.amount)) add(`${field}.amount`, 'INVALID_AMOUNT');
    if (!isCurrency(value.currency)) {
      add(`${field}.currency`, 'UNKNOWN_CURRENCY');
    } else if (value.currency !== 'CNY' && !(value.currency in rates)) {
      add(`${field}.currency`, 'NO_EXCHANGE_RATE');
    }
  };
  const range = (field, value, min, max) => {
    if (typeof value !== 'number') return;
    if (value < min) add(field, 'MIN');
    else if (value > max) add(field, 'MAX');
  };
  const date = (field, value) => {
    if (blank(value)) return;
    if (!ISO_DATE.test(value)) add(field, 'INVALID_FORMAT');
    else if (value < '1900-01-01' || value > '2100-12-31') add(field, 'OUT_OF_RANGE');
  };

  const applicant = body.applicant || {};
  if (required('applicant.uscc', applicant.uscc)) {
    if (applicant.uscc.length > 18) add('applicant.uscc', 'INVALID_LENGTH');
    else if (!isValidUscc(applicant.uscc)) add('applicant.uscc', 'INVALID_USCC');
  }
  required('applicant.name', applicant.name);
  const account = applicant.bankAccount;
  if (account) {
    required('applicant.bankAccount.bank', account.bank);
    required('applicant.bankAccount.accountName', account.accountName);
    if (required('applicant.bankAccount.accountNo', account.accountNo)
        && !/^[0-9A-Za-z-]{6,40}$/.test(account.accountNo)) {
      add('applicant.bankAccount.accountNo', 'INVALID_FORMAT');
    }
  } else if (forFiling) {
    add('applicant.bankAccount', 'REQUIRED');
  }

  const declarations = body.declarations || {};
  for (const name of ['onDishonestyList', 'seriousViolationLast3Years', 'fiscalArrears',
    'otherCentralFundingForSameItem', 'reportsStatistics', 'holdsCertificate', 'truthfulnessCommitment']) {
    if (typeof declarations[name] !== 'boolean') add(`declarations.${name}`, 'REQUIRED');
  }

  const project = body.project || {};
  required('project.name', project.name);
  required('project.kind', project.kind);
  if (required('project.hostCountry', project.hostCountry) && !/^[A-Z]{2}$/.test(project.hostCountry)) {
    add('project.hostCountry', 'INVALID_FORMAT');
  }
  range('project.priorInterestSupportYears', project.priorInterestSupportYears, 0, 50);
  date('project.certificateFirstIssuedOn', project.certificateFirstIssuedOn);
  date('project.keyDate', project.keyDate);
  if (project.kind === 'INVESTMENT') {
    money('project.chineseInvestment', project.chineseInvestment);
    if (!blank(project.contractValue)) add('project.contractValue', 'NOT_APPLICABLE');
  } else if (project.kind) {
    money('project.contractValue', project.contractValue);
    if (!blank(project.chineseInvestment)) add('project.chineseInvestment', 'NOT_APPLICABLE');
  }

  const claims = Array.isArray(body.claims) ? body.claims : [];
  if (claims.length === 0) add('claims', 'REQUIRED');
  if (claims.length > MAX_CLAIMS) add('claims', 'INVALID_LENGTH');
  const offered = program.categories || GUIDE_CATEGORIES;
  claims.forEach((claim, i) => {
    const path = `claims[${i}]`;
    if (required(`${path}.category`, claim.category) && !offered.includes(claim.category)) {
      add(`${path}.category`, 'CATEGORY_NOT_OFFERED');
    }
    money(`${path}.amount`, claim.amount);
    if (required(`${path}.paidOn`, claim.paidOn)) date(`${path}.paidOn`, claim.paidOn);
    date(`${path}.serviceContractSignedOn`, claim.serviceContractSignedOn);
    date(`${path}.activeFrom`, claim.activeFrom);
    date(`${path}.activeTo`, claim.activeTo);
    if (claim.category === 'PRE_PROJECT_FEES') {
      required(`${path}.serviceContractSignedOn`, claim.serviceContractSignedOn);
      required('project.keyDate', project.keyDate);
    } else if (GUIDE_CATEGORIES.includes(claim.category)) {
      const from = required(`${path}.activeFrom`, claim.activeFrom);
      const to = required(`${path}.activeTo`, claim.activeTo);
      if (from && to && claim.activeTo < claim.activeFrom) add(`${path}.activeTo`, 'DATE_ORDER');
    }
    if (claim.category === 'LOAN_INTEREST') {
      money(`${path}.loanPrincipal`, claim.loanPrincipal);
      required(`${path}.termMonths`, claim.termMonths);
      range(`${path}.termMonths`, claim.termMonths, 1, 600);
      if (required(`${path}.annualRatePercent`, claim.annualRatePercent)) {
        const rate = Number(claim.annualRatePercent);
        if (!/^\d+(\.\d{1,4})?$/.test(String(claim.annualRatePercent)) || !(rate > 0 && rate < 100)) {
          add(`${path}.annualRatePercent`, 'OUT_OF_RANGE');
        }
      }
    }
    if (claim.category === 'ZONE_INFRASTRUCTURE') required(`${path}.zoneConfirmed`, claim.zoneConfirmed);
  });
  // The same field named twice (keyDate by two pre-project claims) is one problem, as on the server.
  const seen = new Set();
  return problems.filter((p) => {
    const key = `${p.field} ${p.code}`;
    return seen.has(key) ? false : seen.add(key);
  });
}

/**
 * The contract's body from what form-js submits: empty fields and empty groups left out, a money group without
 * an amount left out, the fields of another category or project kind (hidden in the form) never sent.
 */
export function toApplicationBody(data) {
  return prune({
    applicant: data.applicant,
    declarations: data.declarations,
    project: data.project,
    claims: (data.claims || []).map((claim) => prune(claim) || {}),
  });
}

function prune(value) {
  if (Array.isArray(value)) return value;
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value !== 'object') return value;
  if ('amount' in value && 'currency' in value && blank(value.amount)) return undefined;
  const out = {};
  for (const [key, inner] of Object.entries(value)) {
    const kept = prune(inner);
    if (kept !== undefined) out[key] = kept;
  }
  return Object.keys(out).length ? out : undefined;
}
