// The supervision board: counts on the case diagram, aging chart, overdue table. Filters, sort order, page and
// language live in the URL query, so a reload or a shared link shows the same board. The server sorts and pages the
// overdue list, so that sorting orders every overdue task, not the page on screen.
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import '../../shared/base.css';
import './board.css';
import { getJson, getText } from '../../shared/api.js';
import { createI18n } from '../../shared/i18n.js';
import { apiQuery, readState, writeState } from '../../shared/url-state.js';
import { BUCKETS, GROUPS, MESSAGES, STAGES } from './messages.js';

const FILTERS = ['program', 'stage', 'group', 'assignee'];
const DEFAULTS = {
  program: '', stage: '', group: '', assignee: '', sort: 'overdueWorkingDays', dir: '', page: '1', size: '50',
  lang: 'zh-CN',
};
const PAGE_SIZES = ['25', '50', '100', '200'];
const COLUMNS = [
  { key: 'businessKey', label: 'col.case' },
  { key: 'enterprise', label: 'col.enterprise' },
  { key: 'stage', label: 'col.stage' },
  { key: 'taskName', label: 'col.task' },
  { key: 'holder', label: 'col.holder' },
  { key: 'dueAt', label: 'col.due' },
  { key: 'overdueWorkingDays', label: 'col.overdue' },
  { key: 'escalationLevel', label: 'col.escalation' },
];

const state = readState(DEFAULTS);
const i18n = createI18n(MESSAGES, state.lang);
const t = i18n.t;
let summary = null;
let page = null;
let viewer = null;

const $ = (selector) => document.querySelector(selector);

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null) continue;
    if (name === 'dataset') Object.assign(node.dataset, value);
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}

const stageName = (stage) => (MESSAGES[i18n.lang][`stage.${stage}`] ? t(`stage.${stage}`) : stage);
const groupName = (group) => (MESSAGES[i18n.lang][`group.${group}`] ? t(`group.${group}`) : group);
/** "2026-05-07T17:45:00+08:00" → "2026-05-07 17:45" (the API already gives Shenzhen time). */
const shenzhen = (iso) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '');

const pageSize = () => Math.min(Math.max(Number.parseInt(state.size, 10) || 50, 1), 500);
const pageNumber = () => Math.max(Number.parseInt(state.page, 10) || 1, 1);

function loadPage() {
  const ordered = apiQuery(state, [...FILTERS, 'sort', 'dir']);
  $('#csv').href = `/api/supervision/overdue.csv${ordered}`;
  const size = pageSize();
  return getJson(`/api/supervision/overdue${ordered}&offset=${(pageNumber() - 1) * size}&limit=${size}`);
}

async function load() {
  [summary, page] = await Promise.all([getJson(`/api/supervision/summary${apiQuery(state, FILTERS)}`), loadPage()]);
}

function render() {
  i18n.apply();
  document.title = `${t('title')} · ${i18n.lang === 'en' ? '监督看板' : 'Supervision'}`;
  document.querySelectorAll('.lang-switch button').forEach((b) => {
    b.setAttribute('aria-pressed', String(b.dataset.lang === i18n.lang));
  });
  $('#as-of').textContent = summary ? t('asOf', { time: shenzhen(summary.asOf) }) : '';
  renderFilters();
  if (!summary) return;
  renderCounts();
  renderAging();
  renderTables();
  renderOverdue();
}

function options(select, values, label, selected, withAll = true) {
  select.replaceChildren(...(withAll ? [el('option', { value: '', text: t('filter.all') })] : []),
    ...values.map((v) => el('option', { value: v, text: label(v) })));
  if (selected && !values.includes(selected)) select.append(el('option', { value: selected, text: label(selected) }));
  select.value = selected || '';
}

function renderFilters() {
  const form = $('#filters');
  options(form.program, summary ? summary.programs : [], (v) => v, state.program);
  options(form.stage, STAGES, stageName, state.stage);
  options(form.group, GROUPS, groupName, state.group);
  form.assignee.value = state.assignee;
}

function renderCounts() {
  if (!viewer) return;
  const overlays = viewer.get('overlays');
  const canvas = viewer.get('canvas');
  const registry = viewer.get('elementRegistry');
  overlays.clear();
  registry.forEach((element) => canvas.removeMarker(element.id, 'has-overdue'));
  const counts = [...summary.byActivity];
  if (summary.casesAwaitingPlan > 0) {
    counts.push({ activityId: 'Gateway_AwaitPlan', open: summary.casesAwaitingPlan, overdue: 0, waiting: true });
  }
  for (const row of counts) {
    if (!registry.get(row.activityId)) continue;
    const badge = el('div', {
      class: 'counts',
      dataset: { activity: row.activityId, open: String(row.open), overdue: String(row.overdue) },
      title: row.waiting ? t('diagram.waiting') : `${t('diagram.open')}: ${row.open} · ${t('diagram.overdue')}: ${row.overdue}`,
    }, el('span', { class: 'count-badge', text: String(row.open) }));
    if (row.overdue > 0) {
      badge.append(el('span', { class: 'count-badge overdue', text: String(row.overdue) }));
      canvas.addMarker(row.activityId, 'has-overdue');
    }
    overlays.add(row.activityId, { position: { top: -12, left: -6 }, scale: false, html: badge });
  }
}

function renderAging() {
  const total = summary.total;
  const max = Math.max(1, ...BUCKETS.map((b) => total[b]));
  const width = 360;
  const barHeight = 26;
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${BUCKETS.length * (barHeight + 8)}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('aging.title'));
  BUCKETS.forEach((bucket, index) => {
    const y = index * (barHeight + 8);
    const length = Math.round(((width - 170) * total[bucket]) / max);
    const label = document.createElementNS(svgNs, 'text');
    label.setAttribute('x', '0');
    label.setAttribute('y', String(y + barHeight * 0.7));
    label.textContent = t(`bucket.${bucket}`);
    const bar = document.createElementNS(svgNs, 'rect');
    bar.setAttribute('x', '130');
    bar.setAttribute('y', String(y));
    bar.setAttribute('width', String(Math.max(length, 1)));
    bar.setAttribute('height', String(barHeight));
    bar.setAttribute('class', `bar ${bucket}`);
    bar.dataset.bucket = bucket;
    bar.dataset.count = String(total[bucket]);
    const value = document.createElementNS(svgNs, 'text');
    value.setAttribute('x', String(136 + length));
    value.setAttribute('y', String(y + barHeight * 0.7));
    value.textContent = String(total[bucket]);
    svg.append(label, bar, value);
  });
  $('#aging-chart').replaceChildren(svg);
}

function bucketHeader(first) {
  return el('tr', {}, el('th', { text: t(first) }), el('th', { text: t('col.open') }),
    ...BUCKETS.map((b) => el('th', { text: t(`bucket.${b}`) })));
}

function bucketCells(tasks) {
  return [el('td', { text: String(tasks.open) }), ...BUCKETS.map((b) => el('td', {
    class: tasks[b] > 0 && b !== 'dueSoon' ? `n ${b}` : 'n', text: String(tasks[b]),
  }))];
}

function renderTables() {
  $('#officers thead').replaceChildren(bucketHeader('col.officer'));
  $('#officers tbody').replaceChildren(...summary.byOfficer.map((row) => el('tr', { dataset: { officer: row.officer } },
    el('td', { text: row.kind === 'GROUP' ? groupName(row.officer) + t('group.label') : row.officer }),
    ...bucketCells(row.tasks))));
  $('#stages thead').replaceChildren(bucketHeader('col.stage'));
  $('#stages tbody').replaceChildren(...summary.byStage.map((row) => el('tr', { dataset: { stage: row.stage } },
    el('td', { text: stageName(row.stage) }), ...bucketCells(row.tasks))));
}

function renderOverdue() {
  const column = COLUMNS.find((c) => c.key === page.sort) || COLUMNS[6];
  const direction = page.dir === 'asc' ? 1 : -1;
  const { items } = page;
  $('#overdue thead').replaceChildren(el('tr', {}, ...COLUMNS.map((c) => {
    const sorted = c.key === column.key;
    const th = el('th', {
      'aria-sort': sorted ? (direction > 0 ? 'ascending' : 'descending') : 'none',
      dataset: { sort: c.key },
    }, el('button', { type: 'button', class: 'sort', text: t(c.label) + (sorted ? (direction > 0 ? ' ▲' : ' ▼') : '') }));
    return th;
  })));
  // The total is shared among supervisors for a few seconds, the rows are read fresh: say when it was counted.
  $('#table-count').textContent = t('table.count', {
    from: items.length ? page.offset + 1 : 0, to: page.offset + items.length, total: page.total,
    asOf: shenzhen(page.totalAsOf),
  });
  $('#page-prev').disabled = page.offset === 0;
  $('#page-next').disabled = items.length < page.limit || page.offset + items.length >= page.total;
  options($('#page-size'), PAGE_SIZES, (v) => v, String(pageSize()), false);
  const rows = items.map((item) => el('tr', {
    dataset: { taskId: item.taskId, caseId: item.caseId, stage: item.stage, overdueDays: String(item.overdueWorkingDays) },
    class: `age-${item.overdueWorkingDays > 5 ? 'over5' : item.overdueWorkingDays > 2 ? '3to5' : '1to2'}`,
  },
  el('td', {}, el('a', { href: item.caseUrl, text: item.businessKey })),
  el('td', { text: item.enterprise.name }),
  el('td', { text: stageName(item.stage) }),
  el('td', {}, el('a', { href: item.tasklistUrl, title: t('task.open'), text: item.taskName })),
  el('td', { text: item.assignee || item.candidateGroups.map(groupName).join('、') }),
  el('td', { text: shenzhen(item.dueAt) }),
  el('td', { class: 'n', text: String(item.overdueWorkingDays) }),
  el('td', { text: t(`escalation.${Math.min(item.escalationLevel, 2)}`) })));
  $('#overdue tbody').replaceChildren(...(rows.length ? rows
    : [el('tr', {}, el('td', { colspan: String(COLUMNS.length), class: 'muted', text: t('table.empty') }))]));
}

function showError(error) {
  const box = $('#error');
  box.hidden = false;
  box.textContent = String(error.message || error);
}

async function refresh() {
  writeState(state, DEFAULTS);
  try {
    await load();
    render();
  } catch (error) {
    showError(error);
  }
}

/** Another order or page of the overdue list; the counts above it stay. */
async function refreshTable() {
  writeState(state, DEFAULTS);
  try {
    page = await loadPage();
    renderOverdue();
  } catch (error) {
    showError(error);
  }
}

function wire() {
  $('#filters').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target;
    for (const key of FILTERS) state[key] = form[key].value.trim();
    state.page = '1';
    refresh();
  });
  $('#reset').addEventListener('click', () => {
    for (const key of FILTERS) state[key] = '';
    state.page = '1';
    refresh();
  });
  document.querySelectorAll('.lang-switch button').forEach((button) => {
    button.addEventListener('click', () => {
      state.lang = button.dataset.lang;
      i18n.lang = state.lang;
      writeState(state, DEFAULTS);
      render();
    });
  });
  $('#overdue thead').addEventListener('click', (event) => {
    const th = event.target.closest('th');
    if (!th) return;
    // A second click turns the order shown round; a new column starts in the server's direction for it (numbers
    // highest first, words from A).
    if (page.sort === th.dataset.sort) state.dir = page.dir === 'asc' ? 'desc' : 'asc';
    else {
      state.sort = th.dataset.sort;
      state.dir = '';
    }
    state.page = '1';
    refreshTable();
  });
  $('#page-prev').addEventListener('click', () => {
    state.page = String(Math.max(pageNumber() - 1, 1));
    refreshTable();
  });
  $('#page-next').addEventListener('click', () => {
    state.page = String(pageNumber() + 1);
    refreshTable();
  });
  $('#page-size').addEventListener('change', (event) => {
    state.size = event.target.value;
    state.page = '1';
    refreshTable();
  });
}

async function start() {
  wire();
  render();
  try {
    viewer = new NavigatedViewer({ container: '#diagram' });
    const [xml] = await Promise.all([getText('/api/supervision/diagram'), load()]);
    await viewer.importXML(xml);
    viewer.get('canvas').zoom('fit-viewport');
    writeState(state, DEFAULTS);
    render();
    document.body.dataset.ready = 'true';
  } catch (error) {
    showError(error);
    document.body.dataset.ready = 'error';
  }
}

start();
