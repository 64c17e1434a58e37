// The applicant portal: open programs with their windows, the application form (forms/application.form rendered
// with form-js) with a live quote, my cases with their timeline, the task the bureau waits for, and the materials
// checklist with uploads. Routes live in the hash (#/programs, #/apply/<code>, #/cases, #/cases/<id>), the language
// in the query (?lang=en), so a reload or a shared link shows the same page.
import { Form } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import '@bpmn-io/form-js-viewer/dist/assets/flatpickr/light.css';
import '../../shared/base.css';
import './portal.css';
import { getJson, send } from '../../shared/api.js';
import { toApplicationBody, validateApplication } from '../../shared/application-rules.js';
import { createI18n } from '../../shared/i18n.js';
import { OPEN_STAGES } from '../../shared/stages.js';
import { readState, writeState } from '../../shared/url-state.js';
import { MESSAGES } from './messages.js';

const DEFAULTS = { lang: 'zh-CN' };
const QUOTE_DELAY_MS = 400;
const state = readState(DEFAULTS);
const i18n = createI18n(MESSAGES, state.lang);
const t = i18n.t;
const $ = (selector, root = document) => root.querySelector(selector);
const view = $('#view');
let leaveView = () => {};

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

const known = (key) => MESSAGES[i18n.lang][key] !== undefined;
const stageName = (stage) => (known(`stage.${stage}`) ? t(`stage.${stage}`) : stage);
const categoryName = (category) => (known(`category.${category}`) ? t(`category.${category}`) : category);
const reasonText = (code) => (known(`reason.${code}`) ? t(`reason.${code}`) : code);
/** "2026-05-07T17:45:00+08:00" → "2026-05-07 17:45": the API already answers in Shenzhen time. */
const shenzhen = (iso) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '');
const size = (bytes) => (bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

function say(text) {
  $('#status').textContent = text;
}

/** A refusal worded by its codes, field by field; the server's own message when this page lacks the code. */
function problemsOf(answer, labels = {}) {
  const errors = answer.body?.errors?.length ? answer.body.errors : [{ field: '', code: answer.body?.code, message: answer.body?.detail }];
  return errors.map((e) => ({ field: e.field, code: e.code, message: e.message, label: labelFor(e.field, labels) }));
}

function problemText(problem) {
  const message = known(`error.${problem.code}`) ? t(`error.${problem.code}`) : (problem.message || t('error.generic'));
  return problem.label ? `${problem.label}: ${message}` : message;
}

function problemList(problems, heading) {
  const box = el('div', { class: 'card problems', role: 'alert', tabindex: '-1' },
    heading ? el('p', { text: heading }) : null,
    el('ul', {}, ...problems.map((p) => el('li', { text: problemText(p), 'data-field': p.field, 'data-code': p.code }))));
  return box;
}

// ---- programs ---------------------------------------------------------------------------------------------------

function countdown(program, now) {
  const opens = Date.parse(program.filingOpensAt);
  const closes = Date.parse(program.filingClosesAt);
  const parts = (ms) => ({ days: Math.floor(ms / 86400000), hours: Math.floor(ms / 3600000) % 24, minutes: Math.floor(ms / 60000) % 60 });
  if (now < opens) return { open: false, text: t('programs.opensIn', parts(opens - now)) };
  if (now >= closes) return { open: false, text: t('programs.closed') };
  return { open: true, text: t('programs.closesIn', parts(closes - now)) };
}

async function showPrograms() {
  const programs = await getJson('/api/programs');
  const list = el('section', { class: 'card', 'aria-labelledby': 'programs-title' },
    el('h2', { id: 'programs-title', text: t('programs.title') }));
  if (programs.length === 0) list.append(el('p', { text: t('programs.none') }));
  const clocks = [];
  for (const program of programs) {
    const clock = el('p', { class: 'countdown' });
    const apply = el('a', { class: 'primary', href: `#/apply/${encodeURIComponent(program.code)}`, text: t('programs.apply') });
    clocks.push(() => {
      const c = countdown(program, Date.now());
      clock.textContent = c.text;
      clock.className = c.open ? 'countdown' : 'closed';
      apply.hidden = !c.open;
    });
    list.append(el('article', { class: 'program', 'data-program': program.code },
      el('h3', { text: `${program.title} (${program.code})` }),
      el('p', { text: t('programs.window', { from: shenzhen(program.filingOpensAt), to: shenzhen(program.filingClosesAt) }) }),
      el('p', { class: 'muted', text: t('programs.materials', { at: shenzhen(program.materialsCloseAt) }) }),
      clock, apply));
  }
  const tick = () => clocks.forEach((update) => update());
  tick();
  const timer = setInterval(tick, 30000);
  view.replaceChildren(list);
  return () => clearInterval(timer);
}

// ---- application form with the live quote -------------------------------------------------------------------------

/** Field path → label from the form itself ("claims.amount.amount" → "申请金额 · 金额"), so renaming a label in
 * the Modeler renames it in the problem list too. */
function labelsOf(schema) {
  const labels = {};
  const walk = (components, prefix, groupLabel) => {
    for (const c of components || []) {
      const path = c.path ? [...prefix, c.path] : prefix;
      if (c.components) walk(c.components, path, c.type === 'dynamiclist' ? null : (c.label || groupLabel));
      if (c.key) {
        const own = c.label || c.dateLabel || c.key;
        labels[[...prefix, c.key].join('.')] = groupLabel && prefix.length > 1 ? `${groupLabel} · ${own}` : own;
      }
      if (c.path && c.label) labels[path.join('.')] = c.label;
    }
  };
  walk(schema.components, [], null);
  return labels;
}

function labelFor(field, labels) {
  if (!field) return '';
  const index = /\[(\d+)\]/.exec(field);
  const plain = field.replace(/\[\d+\]/g, '');
  const label = labels[plain] || labels[plain.replace(/\.(amount|currency)$/, '')] || field;
  return index ? `${labels.claims || 'claims'} ${Number(index[1]) + 1} · ${label}` : label;
}

async function showApplication(code) {
  const [program, schema, me] = await Promise.all([
    getJson(`/api/programs/${encodeURIComponent(code)}`), getJson('/api/forms/application'), getJson('/api/me')]);
  const labels = labelsOf(schema);
  const currencies = ['CNY', ...Object.keys(program.fxRatesToCny || {})].map((c) => ({ label: c, value: c }));
  const formBox = el('div', { class: 'card' });
  const quoteBox = el('aside', { class: 'card quote', 'aria-labelledby': 'quote-title', 'aria-live': 'polite' },
    el('h2', { id: 'quote-title', text: t('apply.quote') }), el('div', { id: 'quote', text: t('apply.quote.pending') }));
  const problemsBox = el('div');
  const submit = el('button', { type: 'button', class: 'primary', id: 'submit-application', text: t('apply.submit') });
  view.replaceChildren(
    el('h2', { text: t('apply.title', { program: `${program.title} (${program.code})` }) }),
    el('div', { class: 'layout' }, el('div', {}, formBox, problemsBox, submit), quoteBox));

  // Every keystroke reaches the form's data at once (the quote debounces itself), so a click on Submit right after
  // typing sends what the applicant sees.
  const form = new Form({ container: formBox, debounce: false });
  // What the form holds now, hidden fields included; the condition checker drops those before a quote or filing.
  let data = {};
  form.on('changed', (changed) => {
    data = changed.data;
    requote();
    if (problemsBox.firstChild) recheck();
  });
  // One key for this page's filing: a double click or a retry after a lost answer files one case, not two.
  const idempotencyKey = crypto.randomUUID();
  const visibleBody = () => toApplicationBody(form.get('conditionChecker').applyConditions(data, data));

  let quoteTimer = null;
  let quoteRound = 0;
  const requote = () => {
    clearTimeout(quoteTimer);
    quoteTimer = setTimeout(async () => {
      const round = ++quoteRound;
      const body = visibleBody();
      const target = $('#quote');
      if (validateApplication(body, program).length) {
        target.textContent = t('apply.quote.pending');
        return;
      }
      const answer = await send('POST', `/api/programs/${encodeURIComponent(code)}/quote`, body);
      if (round !== quoteRound) return;
      if (!answer.ok) {
        target.replaceChildren(answer.status === 400 ? problemList(problemsOf(answer, labels)) : el('p', { text: t('apply.quote.failed') }));
        return;
      }
      renderQuote(target, answer.body);
    }, QUOTE_DELAY_MS);
  };
  const clientProblems = () => validateApplication(visibleBody(), program, { forFiling: true })
    .map((p) => ({ ...p, label: labelFor(p.field, labels) }));
  // Once the problems are shown, they follow the applicant's corrections as they are made.
  const recheck = () => {
    const problems = clientProblems();
    if (problems.length) problemsBox.replaceChildren(problemList(problems, t('apply.problems', { count: problems.length })));
    else problemsBox.replaceChildren();
  };
  await form.importSchema(schema, { currencies, applicant: { uscc: me.uscc || '' } });

  submit.addEventListener('click', async () => {
    const { errors } = form.submit();
    const body = visibleBody();
    const problems = clientProblems();
    if (problems.length || Object.keys(errors).length) {
      showProblems(problemsBox, problems);
      return;
    }
    submit.disabled = true;
    submit.textContent = t('apply.submitting');
    const answer = await send('POST', `/api/programs/${encodeURIComponent(code)}/applications`, body,
      { 'Idempotency-Key': idempotencyKey });
    submit.disabled = false;
    submit.textContent = t('apply.submit');
    if (!answer.ok) {
      showProblems(problemsBox, problemsOf(answer, labels));
      return;
    }
    say(t('apply.filed', { businessKey: answer.body.businessKey }));
    window.location.hash = `#/cases/${answer.body.caseId}`;
  });
  return () => clearTimeout(quoteTimer);
}

function showProblems(box, problems) {
  const list = problemList(problems, t('apply.problems', { count: problems.length }));
  box.replaceChildren(list);
  list.focus();
}

function renderQuote(target, quote) {
  target.replaceChildren(...[
    el('p', { class: 'total', 'data-total-wan': quote.totalWan, text: t('apply.quote.total', { wan: quote.totalWan }) }),
    quote.reasons.length ? el('ul', {}, ...quote.reasons.map((r) => el('li', { class: 'reason', 'data-reason': r, text: reasonText(r) }))) : null,
    el('ul', {}, ...quote.claims.map((claim, i) => el('li', { 'data-claim': i },
      t('apply.quote.claim', { n: i + 1, category: categoryName(claim.category), wan: claim.supportWan }),
      ...claim.reasons.map((r) => el('div', { class: 'reason', 'data-reason': r, text: reasonText(r) })))))]
    .filter(Boolean));
}

// ---- my cases -----------------------------------------------------------------------------------------------------

async function showCases() {
  const cases = await getJson('/api/cases');
  const columns = ['cases.col.case', 'cases.col.program', 'cases.col.project', 'cases.col.stage', 'cases.col.filed'];
  const table = el('table', {},
    el('thead', {}, el('tr', {}, ...columns.map((key) => el('th', { scope: 'col', text: t(key) })))),
    el('tbody', {}, ...cases.map((c) => el('tr', { 'data-case': c.caseId },
      el('td', {}, el('a', { href: `#/cases/${c.caseId}`, text: c.businessKey })),
      el('td', { text: c.programCode }),
      el('td', { text: c.projectName }),
      el('td', { text: stageName(c.stage) }),
      el('td', { class: 'muted', text: shenzhen(c.filedAt) })))));
  view.replaceChildren(el('section', { class: 'card' }, el('h2', { text: t('cases.title') }),
    cases.length ? table : el('p', { text: t('cases.none') })));
}

function timeline(stage) {
  const closed = stage !== 'FILED' && !OPEN_STAGES.includes(stage);
  const stages = ['FILED', ...OPEN_STAGES, closed ? stage : 'PAID'];
  const at = stages.indexOf(stage);
  return el('ol', { class: 'timeline', 'aria-label': t('case.timeline') }, ...stages.map((s, i) => {
    const current = i === at;
    return el('li', { class: current ? 'current' : i < at && !closed ? 'done' : '', 'aria-current': current ? 'step' : null, text: stageName(s) });
  }));
}

/** While the bureau holds the case, the page looks again now and then, so the applicant sees it move on. */
const CASE_REFRESH_MS = 5000;
let caseRefresh = null;

async function showCase(caseId) {
  clearTimeout(caseRefresh);
  const [record, task, checklist] = await Promise.all([
    getJson(`/api/cases/${caseId}`),
    send('GET', `/api/cases/${caseId}/applicant-task`),
    getJson(`/api/cases/${caseId}/required-materials`)]);
  const open = !record.outcome;
  const summary = el('section', { class: 'card', 'aria-labelledby': 'case-title' },
    el('h2', { id: 'case-title', text: t('case.title', { businessKey: record.businessKey }) }),
    el('p', { class: 'muted', text: `${record.project.name} · ${record.programCode}` }),
    timeline(record.stage),
    el('p', { id: 'case-stage', 'data-stage': record.stage }, `${t('case.stage')}: `, el('strong', { text: stageName(record.stage) })),
    record.outcome ? el('p', { text: t('case.outcome', { outcome: stageName(record.outcome) }) }) : null,
    ...holder(record, task),
    el('p', { 'data-plan': record.planAmountWan ?? '' , text: record.planAmountWan != null ? t('case.plan', { wan: record.planAmountWan }) : t('case.plan.none') }));
  const parts = [summary];
  if (task.status === 200) parts.push(await taskCard(caseId, task.body));
  parts.push(reviewsCard(record), checklistCard(caseId, checklist, open));
  if (record.payments?.length) parts.push(paymentsCard(record));
  view.replaceChildren(...parts);
  if (task.status !== 200 && !record.outcome) {
    const again = () => {
      if (window.location.hash !== `#/cases/${caseId}`) return;
      // Not while the applicant is choosing or sending a file: a fresh page would drop the choice.
      const busy = [...view.querySelectorAll('input[type=file]')].some((input) => input.files.length)
        || view.querySelector('button[disabled]');
      if (busy) caseRefresh = setTimeout(again, CASE_REFRESH_MS);
      else showCase(caseId);
    };
    caseRefresh = setTimeout(again, CASE_REFRESH_MS);
  }
  return () => clearTimeout(caseRefresh);
}

function holder(record, task) {
  if (task.status === 200) {
    return [el('p', { class: 'countdown', text: `${t('case.holder.you')} · ${t('task.due', { at: shenzhen(task.body.dueAt) })}` })];
  }
  const current = record.currentTasks?.[0];
  return current ? [el('p', { text: `${t('case.holder.bureau')} · ${t('case.deadline', { at: shenzhen(current.dueAt) })}` })] : [];
}

/** The applicant's task, rendered from its deployed Camunda Form: the same file Tasklist shows the bureau. */
async function taskCard(caseId, task) {
  const formBox = el('div');
  const problemsBox = el('div');
  const needsFile = task.taskKey === 'UserTask_SubmitDisbursementDocuments';
  const file = needsFile ? el('input', { type: 'file', id: 'task-file', accept: 'application/pdf,image/png,image/jpeg' }) : null;
  const submit = el('button', { type: 'button', class: 'primary', id: 'submit-task', text: t('task.submit') });
  const card = el('section', { class: 'card', id: 'task', 'data-task': task.taskKey, 'aria-labelledby': 'task-title' },
    el('h2', { id: 'task-title', text: t('task.title', { name: task.name }) }),
    el('p', { class: 'countdown', text: t('task.due', { at: shenzhen(task.dueAt) }) }),
    formBox,
    file ? el('label', { for: 'task-file', text: t('task.file') }) : null, file,
    problemsBox, submit);
  const form = new Form({ container: formBox, debounce: false });
  await form.importSchema(task.form, task.data);
  submit.addEventListener('click', async () => {
    const { data, errors } = form.submit();
    if (Object.keys(errors).length) return;
    submit.disabled = true;
    const answer = await completeTask(caseId, task.taskKey, data, file?.files?.[0]);
    submit.disabled = false;
    if (!answer.ok) {
      showProblems(problemsBox, problemsOf(answer));
      return;
    }
    say(t('task.done'));
    await settle(caseId, task.taskKey);
  });
  return card;
}

/** The contract's endpoint for each task the applicant does. */
function completeTask(caseId, taskKey, data, file) {
  const base = `/api/cases/${caseId}`;
  if (taskKey === 'UserTask_SubmitMaterials') return send('POST', `${base}/materials/submission`);
  if (taskKey === 'UserTask_CorrectBankAccount') {
    return send('PUT', `${base}/bank-account`, { bank: data.bank, accountName: data.accountName, accountNo: data.accountNo });
  }
  if (taskKey === 'UserTask_SubmitDisbursementDocuments') {
    const body = new FormData();
    if (file) body.append('file', file);
    return send('POST', `${base}/disbursement-documents`, body);
  }
  return send('POST', `${base}/corrections`, { note: data.note });
}

/** The case moves on asynchronously after a task: look again until the task is gone (a few seconds at most). */
async function settle(caseId, doneTaskKey) {
  for (let i = 0; i < 20; i++) {
    const task = await send('GET', `/api/cases/${caseId}/applicant-task`);
    if (task.status !== 200 || task.body.taskKey !== doneTaskKey) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (window.location.hash === `#/cases/${caseId}`) await showCase(caseId);
}

function reviewsCard(record) {
  const reviews = record.reviews || [];
  return el('section', { class: 'card', id: 'reviews' }, el('h2', { text: t('case.reviews') }),
    reviews.length ? el('ul', {}, ...reviews.map((r) => el('li', { 'data-decision': r.decision },
      t('case.review', { stage: stageName(r.stage), decision: known(`decision.${r.decision}`) ? t(`decision.${r.decision}`) : r.decision }),
      r.reason ? el('div', { class: 'reason', text: r.reason }) : null,
      el('div', { class: 'muted', text: shenzhen(r.decidedAt) })))) : el('p', { class: 'muted', text: '—' }));
}

function checklistCard(caseId, checklist, open) {
  const problemsBox = el('div');
  const items = checklist.map((item) => {
    const [latest, ...older] = item.files;
    const input = el('input', { type: 'file', id: `file-${item.code}`, accept: 'application/pdf,image/png,image/jpeg', 'aria-describedby': `name-${item.code}` });
    const button = el('button', { type: 'button', 'data-upload': item.code, text: t('materials.upload') });
    button.addEventListener('click', async () => {
      if (!input.files.length) return input.focus();
      const body = new FormData();
      body.append('kind', item.code);
      body.append('file', input.files[0]);
      button.disabled = true;
      const answer = await send('POST', `/api/cases/${caseId}/materials`, body);
      button.disabled = false;
      if (!answer.ok) {
        showProblems(problemsBox, problemsOf(answer).map((p) => ({ ...p, label: `${item.name} (${input.files[0].name})` })));
        return;
      }
      say(t('materials.uploaded', { name: answer.body.fileName, size: size(answer.body.sizeBytes), sha: answer.body.sha256.slice(0, 12) }));
      await showCase(caseId);
    });
    return el('li', { 'data-material': item.code },
      el('span', { id: `name-${item.code}`, text: item.name }),
      el('span', { class: 'muted', text: ` (${item.appliesTo === 'ALL' ? t('materials.kind.ALL') : categoryName(item.appliesTo)})` }),
      el('div', { class: 'files' }, latest ? fileLink(caseId, latest) : t('materials.none'),
        older.length ? el('details', {}, el('summary', { text: t('materials.older') }), ...older.map((f) => el('div', {}, fileLink(caseId, f)))) : null),
      open ? el('div', { class: 'upload' }, el('label', { for: input.id, class: 'muted', text: t('materials.choose') }), input, button) : null);
  });
  return el('section', { class: 'card checklist', id: 'checklist' }, el('h2', { text: t('materials.title') }),
    problemsBox, el('ul', {}, ...items));
}

function fileLink(caseId, file) {
  return el('span', {}, el('a', { href: `/api/cases/${caseId}/materials/${file.id}`, text: file.fileName }),
    ` · ${size(file.sizeBytes)} · ${shenzhen(file.uploadedAt)} · SHA-256 ${file.sha256.slice(0, 12)}…`);
}

function paymentsCard(record) {
  return el('section', { class: 'card', id: 'payments' }, el('h2', { text: t('case.payments') }),
    el('ul', {}, ...record.payments.map((p) => el('li', { 'data-payment': p.status },
      t('case.payment', { attempt: p.attempt, status: known(`payment.${p.status}`) ? t(`payment.${p.status}`) : p.status }),
      ` · ${p.amount.amount} ${p.amount.currency}`))));
}

// ---- routing --------------------------------------------------------------------------------------------------------

async function route() {
  leaveView();
  leaveView = () => {};
  const [, page, arg] = (window.location.hash || '#/programs').split('/');
  document.querySelectorAll('[data-nav]').forEach((a) => {
    a.toggleAttribute('aria-current', a.dataset.nav === (page === 'apply' ? 'programs' : page));
    if (a.hasAttribute('aria-current')) a.setAttribute('aria-current', 'page');
  });
  view.replaceChildren(el('p', { class: 'muted', text: t('loading') }));
  try {
    if (page === 'apply' && arg) leaveView = (await showApplication(decodeURIComponent(arg))) || leaveView;
    else if (page === 'cases' && arg) leaveView = await showCase(arg);
    else if (page === 'cases') await showCases();
    else leaveView = (await showPrograms()) || leaveView;
    view.dataset.ready = page || 'programs';
  } catch (error) {
    view.replaceChildren(el('p', { class: 'error', role: 'alert', text: t('error.generic') }));
    console.error(error);
  }
}

function applyLanguage() {
  i18n.apply();
  document.title = t('title');
  document.querySelectorAll('.lang-switch button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === i18n.lang)));
}

document.querySelectorAll('.lang-switch button').forEach((button) => button.addEventListener('click', () => {
  i18n.lang = button.dataset.lang;
  state.lang = i18n.lang;
  writeState(state, DEFAULTS);
  applyLanguage();
  route();
}));
window.addEventListener('hashchange', route);
applyLanguage();
route();
