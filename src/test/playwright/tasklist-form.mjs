// Headless Chromium in Camunda's Tasklist: logs in as an initial reviewer, opens one case's initial review and checks
// that its Camunda Form (forms/initial-review.form, rendered by the form-js Tasklist bundles) shows the case it is
// about: the enterprise, the project and the claims the process carries for the form. Run by TasklistFormBrowserTest
// with BASE_URL, PROGRAM, SCREENSHOT, TASK and the expected texts in EXPECT (one a line).
// Uses Debian's /usr/bin/chromium (CHROMIUM overrides it); never downloads a browser.
import assert from 'node:assert/strict';
import { base, launch, screenshot } from './browser.mjs';

const task = process.env.TASK;
const expected = (process.env.EXPECT || '').split('\n').filter((line) => line.length > 0);
assert.ok(task && expected.length > 0, 'TASK and EXPECT are required');

const browser = await launch();
let failed = false;
const page = await (await browser.newContext({ viewport: { width: 1400, height: 1200 } })).newPage();
page.on('pageerror', (error) => console.error('page error:', error.message));
try {
  await page.goto(`${base}/camunda/app/tasklist/default/#/?task=${task}`);
  await page.waitForURL(/\/login/);
  await page.fill('input[name=username]', 'reviewer');
  await page.fill('input[name=password]', 'demo');
  await Promise.all([page.waitForURL(/\/camunda\/app\/tasklist/), page.click('button[type=submit]')]);
  // Tasklist keeps the task in its address; after the login it may land on its start page instead.
  if (!page.url().includes(task)) {
    await page.goto(`${base}/camunda/app/tasklist/default/#/?task=${task}`);
  }
  const form = page.locator('.fjs-container');
  await form.waitFor({ timeout: 60000 });
  await page.waitForFunction((texts) => texts.every((text) => document.querySelector('.fjs-container')
    ?.innerText.includes(text)), expected, { timeout: 30000 });
  const shown = await form.innerText();
  for (const text of expected) {
    assert.ok(shown.includes(text), `the form shows "${text}"; it shows:\n${shown}`);
  }
  assert.ok(!shown.includes('{{'), `no template left unfilled:\n${shown}`);
  console.log('the initial review form shows the case:', expected.join(' | '));
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await page.screenshot({ path: screenshot, fullPage: true }).catch(() => {});
  await browser.close();
}
process.exit(failed ? 1 : 0);
