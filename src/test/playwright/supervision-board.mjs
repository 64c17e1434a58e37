// Headless Chromium over the supervision board: logs in as a supervisor, opens the board filtered on one program
// with pages of two rows, and checks the counts drawn on the diagram, the aging chart and the overdue table, its
// pages and its server-side order against the API. Exits non-zero on the first difference. Run by SupervisionBoardBrowserTest with BASE_URL, PROGRAM and SCREENSHOT set.
// Uses Debian's /usr/bin/chromium (CHROMIUM overrides it); never downloads a browser.
import assert from 'node:assert/strict';
import { base, launch, program, screenshot } from './browser.mjs';

const browser = await launch();
let failed = false;
const page = await (await browser.newContext({ viewport: { width: 1500, height: 1300 } })).newPage();
page.on('pageerror', (error) => console.error('page error:', error.message));
try {
  // Log in on the form as a person would.
  await page.goto(`${base}/supervision?program=${encodeURIComponent(program)}&size=2`);
  await page.waitForURL(/\/login/);
  await page.fill('input[name=username]', 'supervisor');
  await page.fill('input[name=password]', 'demo');
  await Promise.all([page.waitForURL(/\/supervision/), page.click('button[type=submit]')]);
  await page.waitForSelector('body[data-ready]', { timeout: 30000 });
  assert.equal(await page.getAttribute('body', 'data-ready'), 'true', await page.textContent('#error'));

  // The filter from the URL is applied and shown; the default language is Chinese.
  assert.equal(await page.inputValue('select[name=program]'), program);
  assert.equal(await page.textContent('h1'), '监督看板');

  // The API, with the browser's own session.
  const query = `?program=${encodeURIComponent(program)}`;
  const summary = await (await page.request.get(`${base}/api/supervision/summary${query}`)).json();
  const overdueApi = async (order, offset, limit) => (await page.request.get(
    `${base}/api/supervision/overdue${query}${order}&offset=${offset}&limit=${limit}`)).json();
  const overdue = await overdueApi('', 0, 500);
  assert.ok(summary.byActivity.length > 0, 'the seeded program has open tasks');
  assert.ok(overdue.total > 2, 'the seeded program has more overdue tasks than a page of two');

  // Counts drawn on the diagram, element by element.
  for (const row of summary.byActivity) {
    const badge = page.locator(`.djs-overlay .counts[data-activity="${row.activityId}"]`);
    assert.equal(await badge.count(), 1, `a badge on ${row.activityId}`);
    assert.equal(await badge.getAttribute('data-open'), String(row.open), `open at ${row.activityId}`);
    assert.equal(await badge.getAttribute('data-overdue'), String(row.overdue), `overdue at ${row.activityId}`);
    assert.equal((await badge.locator('.count-badge').first().textContent()).trim(), String(row.open));
    if (row.overdue > 0) {
      assert.equal((await badge.locator('.count-badge.overdue').textContent()).trim(), String(row.overdue));
      assert.ok(await page.locator(`g.djs-element[data-element-id="${row.activityId}"].has-overdue`).count() === 1,
        `${row.activityId} is marked overdue`);
    }
  }
  assert.equal(await page.locator('.djs-overlay .counts').count(),
    summary.byActivity.length + (summary.casesAwaitingPlan > 0 ? 1 : 0), 'no badge the API does not know');

  // The aging chart.
  for (const bucket of ['dueSoon', 'overdue1to2', 'overdue3to5', 'overdueOver5']) {
    assert.equal(await page.getAttribute(`rect[data-bucket="${bucket}"]`, 'data-count'), String(summary.total[bucket]),
      `aging bucket ${bucket}`);
  }

  // The overdue table: one row a task, most overdue first, each linking to its case and to Tasklist, two a page.
  const rows = page.locator('#overdue tbody tr[data-task-id]');
  const taskIds = async () => rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.taskId));
  const ids = (answer) => answer.items.map((item) => item.taskId);
  assert.deepEqual(await taskIds(), ids(overdue).slice(0, 2), 'the first page, most overdue first');
  // The shared total says when it was counted, in Shenzhen time like every time on the page.
  assert.match(await page.textContent('#table-count'),
    new RegExp(`^第 1–2 项 / 共 ${overdue.total} 项（总数 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d 统计）$`));
  assert.ok(await page.isDisabled('#page-prev'), 'no page before the first');
  await page.click('#page-next');
  await page.waitForFunction(() => /[?&]page=2/.test(window.location.search));
  await page.waitForSelector('#table-count:has-text("第 3–")');
  assert.deepEqual(await taskIds(), ids(overdue).slice(2, 4), 'the second page continues the order');
  await page.click('#page-prev');
  await page.waitForSelector('#table-count:has-text("第 1–2 项")');
  await page.selectOption('#page-size', '50');
  await page.waitForFunction((n) => document.querySelectorAll('#overdue tbody tr[data-task-id]').length === n,
    overdue.items.length);
  assert.deepEqual(await taskIds(), ids(overdue), 'a page of fifty shows them all');
  for (const item of overdue.items) {
    const row = page.locator(`#overdue tbody tr[data-task-id="${item.taskId}"]`);
    assert.equal(await row.getAttribute('data-overdue-days'), String(item.overdueWorkingDays));
    assert.equal(await row.locator('td').nth(6).textContent(), String(item.overdueWorkingDays));
    assert.equal(await row.locator('a').first().getAttribute('href'), `/api/cases/${item.caseId}`);
    assert.equal(await row.locator('a').nth(1).getAttribute('href'),
      `/camunda/app/tasklist/default/#/?task=${item.taskId}`);
  }
  const days = async () => rows.evaluateAll((trs) => trs.map((tr) => Number(tr.dataset.overdueDays)));
  const descending = await days();
  assert.deepEqual(descending, [...descending].sort((a, b) => b - a), 'most overdue first');

  // The server sorts: by holder, the order of the whole list, back on its first page; it survives a reload.
  await page.selectOption('#page-size', '25');
  await page.click('#overdue th[data-sort="holder"] button');
  await page.waitForFunction(() => /[?&]sort=holder/.test(window.location.search));
  await page.waitForSelector('#overdue th[data-sort="holder"][aria-sort="ascending"]');
  assert.deepEqual(await taskIds(), ids(await overdueApi('&sort=holder&dir=asc', 0, 25)), 'sorted by holder');
  assert.doesNotMatch(page.url(), /[?&]page=/, 'a new order starts on its first page');
  await page.click('#overdue th[data-sort="overdueWorkingDays"] button');
  await page.waitForSelector('#overdue th[data-sort="overdueWorkingDays"][aria-sort="descending"]');
  await page.click('#overdue th[data-sort="overdueWorkingDays"] button');
  await page.waitForSelector('#overdue th[data-sort="overdueWorkingDays"][aria-sort="ascending"]');
  const ascending = await days();
  assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b), 'sorted ascending after a second click');
  assert.deepEqual(await taskIds(), ids(await overdueApi('&dir=asc', 0, 25)), 'least overdue first');
  await page.click('.lang-switch button[data-lang="en"]');
  assert.equal(await page.textContent('h1'), 'Supervision board');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.textContent('h1'), 'Supervision board');
  assert.equal(await page.inputValue('select[name=program]'), program);
  assert.deepEqual(await days(), ascending, 'the sort order survived the reload');
  assert.match(page.url(), /lang=en/);

  // Filtering in the form narrows the table and lands in the URL.
  await page.selectOption('select[name=group]', 'auditors');
  await page.click('#filters button[type=submit]');
  await page.waitForFunction(() => !document.querySelector('#overdue tbody tr[data-task-id]'));
  assert.match(page.url(), /group=auditors/);
  await page.selectOption('select[name=group]', '');
  await page.click('#filters button[type=submit]');
  await page.waitForSelector('#overdue tbody tr[data-task-id]');
  await page.click('.lang-switch button[data-lang="zh-CN"]');

  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`supervision board: ${summary.byActivity.length} diagram elements, ${overdue.items.length} overdue rows `
    + `checked; screenshot ${screenshot}`);
} catch (error) {
  failed = true;
  console.error(error);
  await page.screenshot({ path: screenshot.replace(/\.png$/, '-failed.png'), fullPage: true }).catch(() => {});
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
