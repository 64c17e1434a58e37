// Headless Chromium over the funding plan notice page: logs in as a program manager, opens the notice of one
// program, and checks every line, the summary and the CSV link against the API, in Chinese and in English.
// Run by PlanNoticeBrowserTest with BASE_URL, PROGRAM and SCREENSHOT set. Uses Debian's /usr/bin/chromium.
import assert from 'node:assert/strict';
import { base, launch, program, screenshot } from './browser.mjs';

const browser = await launch();
let failed = false;
const page = await (await browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
page.on('pageerror', (error) => { console.error('page error:', error.message); failed = true; });
try {
  await page.goto(`${base}/notice.html?program=${encodeURIComponent(program)}`);
  await page.waitForURL(/\/login/);
  await page.fill('input[name=username]', 'manager');
  await page.fill('input[name=password]', 'demo');
  await Promise.all([page.waitForURL(/\/notice\.html/), page.click('button[type=submit]')]);

  const plan = await (await page.request.get(`${base}/api/programs/${encodeURIComponent(program)}/plan`)).json();
  assert.ok(plan.lines.length > 0, 'the program has a plan with lines');
  await page.waitForFunction((n) => document.querySelectorAll('#lines tr').length === n, plan.lines.length);

  assert.equal(await page.textContent('h1'), '资助计划公示');
  assert.match(await page.textContent('#summary'), new RegExp(`合计 ${plan.totalWan} 万元`));
  const rows = page.locator('#lines tr');
  for (let i = 0; i < plan.lines.length; i++) {
    const cells = await rows.nth(i).locator('td').allTextContents();
    const line = plan.lines[i];
    assert.deepEqual([cells[0], cells[1], cells[3]], [line.enterprise, line.project, String(line.amountWan)],
      `line ${i}`);
  }
  assert.equal(await page.getAttribute('#csv', 'href'), `/api/programs/${encodeURIComponent(program)}/plan.csv`);

  // English, kept in the address so a reload stays in it.
  await page.click('#lang');
  assert.equal(await page.textContent('h1'), 'Funding plan notice');
  assert.match(page.url(), /lang=en/);
  await page.reload();
  await page.waitForFunction((n) => document.querySelectorAll('#lines tr').length === n, plan.lines.length);
  assert.equal(await page.textContent('h1'), 'Funding plan notice');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.screenshot({ path: screenshot, fullPage: true });
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
