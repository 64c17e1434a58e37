// Headless Chromium through the applicant portal (stages 2–6): log in as `applicant`, see the open program with its
// countdown, fill in the application form (forms/application.form, rendered by form-js) with a pre-project-fee
// claim, watch the live quote reach guide §9's 30 万元, file, upload materials (a wrong type and an oversized file
// refused with a clear message and nothing stored), submit them, answer the formal review's correction request with
// a new version of the file, and see the case move on. Run by PortalBrowserTest, which plays the officers;
// SCREENSHOT is the folder for the screenshots. Uses Debian's /usr/bin/chromium.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { base, launch, program, screenshot } from './browser.mjs';

const WAIT = { timeout: 60000 };
const PDF = Buffer.from('%PDF-1.4\n% 营业执照\n%%EOF\n');
const browser = await launch();
let failed = false;
const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: 'zh-CN' });
const page = await context.newPage();
page.on('pageerror', (error) => { console.error('page error:', error.message); failed = true; });
page.on('console', (message) => message.type() === 'error' && console.error('console:', message.text()));
page.on('response', (response) => response.status() >= 400 && console.error('HTTP', response.status(), response.url()));
const shot = (name) => page.screenshot({ path: join(screenshot, name), fullPage: true });
const field = (label, scope = page) => scope.getByLabel(label, { exact: false }).first();
const group = (name) => page.getByRole('group', { name });

/** Types into a field and leaves it, as a person does: form-js checks the field on blur and may lay out anew. */
async function type(label, value, scope = page) {
  const input = field(label, scope);
  await input.fill(value);
  await input.press('Tab');
}

/**
 * A form-js select: its labelled input is hidden; the box around it toggles the list, which focus (a Tab from the
 * field before) may already have opened.
 */
async function choose(label, option, scope = page) {
  const box = field(label, scope).locator('xpath=ancestor::div[contains(@class, "fjs-form-field")][1]');
  if (!(await box.locator('.fjs-dropdownlist').isVisible())) await box.locator('.fjs-input-group').click();
  await box.locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
}

/** A date as a zh-CN browser shows it (2025/6/1); form-js hands it on as 2025-06-01. */
async function date(label, shown, scope = page) {
  const input = field(label, scope);
  await input.fill(shown);
  await input.press('Enter');
}

async function upload(code, name, buffer, mimeType) {
  await page.setInputFiles(`#file-${code}`, { name, mimeType, buffer });
  await page.click(`[data-upload="${code}"]`);
}

try {
  await page.goto(`${base}/portal`);
  await page.waitForURL(/\/login/);
  await page.fill('input[name=username]', 'applicant');
  await page.fill('input[name=password]', 'demo');
  await Promise.all([page.waitForURL(/\/portal/), page.click('button[type=submit]')]);

  // The open program, its window in Shenzhen time and a countdown.
  const card = page.locator(`[data-program="${program}"]`);
  await card.waitFor(WAIT);
  assert.match(await card.textContent(), /网上申报：\d{4}-\d\d-\d\d \d\d:\d\d 至 \d{4}-\d\d-\d\d \d\d:\d\d（深圳时间）/);
  assert.match(await card.locator('.countdown').textContent(), /距申报截止还有 1[34] 天/);
  await shot('1-programs.png');
  await card.getByRole('link').click();
  await page.waitForSelector('.fjs-form', WAIT);

  // The form knows the enterprise's USCC; a wrong check character gets the same words the server would use.
  const uscc = field('统一社会信用代码');
  assert.equal(await uscc.inputValue(), '91440300MA5F000181');
  await type('统一社会信用代码', '91440300MA5F000182');
  await page.click('#submit-application');
  const usccProblem = page.locator('.problems [data-field="applicant.uscc"]');
  await usccProblem.waitFor(WAIT);
  assert.equal(await usccProblem.getAttribute('data-code'), 'INVALID_USCC');
  assert.match(await usccProblem.textContent(), /统一社会信用代码.*: 不是有效的统一社会信用代码（18 位，校验码不符）/);
  await type('统一社会信用代码', '91440300MA5F000181');

  await type('单位名称', '深圳示例有限公司');
  await type('开户银行', '中国银行深圳分行');
  await type('账户名称', '深圳示例有限公司');
  await type('银行账号', '7550012345678');
  for (const declaration of ['按规定报送对外投资合作统计', '持有境外投资证书', '承诺所填内容及材料真实']) {
    await page.locator('label', { hasText: declaration }).click();
    await page.waitForFunction((id) => document.getElementById(id)?.checked,
      await field(declaration).getAttribute('id'), WAIT);
  }
  await type('项目名称', '金边工厂 Phnom Penh plant');
  await type('所在国家（地区）代码', 'KH');
  await type('境外投资证书编号', '境外投资证第N4403202500123号');
  await date('证书首次颁发日期', '2024/3/1');
  await date('关键日期', '2025/6/1');
  const investment = group('中方投资额 Chinese investment');
  await type('金额 Amount', '2000000', investment);
  await choose('币种 Currency', 'USD', investment);

  // Guide §9, first worked example: fees CNY 600,000 on an investment of US$2,000,000 → 30 万元.
  const claims = group('申请支持事项 Claims');
  await choose('支持类别 Category', '前期费用 Pre-project fees', claims);
  await type('金额 Amount', '600000', group('申请金额（实际支付） Amount paid'));
  await date('支付日期 Paid on', '2025/5/1', claims);
  await date('服务合同签订日期', '2025/3/1', claims);
  await page.waitForSelector('[data-total-wan="30"]', WAIT);
  assert.match(await page.textContent('#quote [data-claim="0"]'), /第 1 项 前期费用：30 万元/);
  await shot('2-quote.png');

  // A claim below the minimum shows its reason in plain words before anything is filed.
  await type('金额 Amount', '80000', group('申请金额（实际支付） Amount paid'));
  await page.waitForSelector('#quote [data-reason="BELOW_MINIMUM_SUPPORT"]', WAIT);
  assert.match(await page.textContent('#quote'), /测算金额不足 5 万元，不予支持/);
  await type('金额 Amount', '600000', group('申请金额（实际支付） Amount paid'));
  await page.waitForSelector('[data-total-wan="30"]', WAIT);

  await page.click('#submit-application');
  await page.waitForURL(/#\/cases\/[0-9a-f-]{36}$/, WAIT);
  const caseId = page.url().split('/').pop();

  // The officers accept the initial review; the case then waits for the materials.
  await page.waitForSelector('#task[data-task="UserTask_SubmitMaterials"]', WAIT);
  assert.equal(await page.getAttribute('#case-stage', 'data-stage'), 'MATERIALS');
  assert.match(await page.textContent('#task'), /请在 \d{4}-\d\d-\d\d \d\d:\d\d（深圳时间）前完成/);
  assert.ok(await page.locator('[data-material="BUSINESS_LICENCE"]').count() === 1, 'the checklist has the licence');
  assert.ok(await page.locator('[data-material="PRE_PROJECT_FEE_INVOICES"]').count() === 1,
    'the checklist has the pre-project fee invoices');

  // A text file and a file over 20 MB are refused with a clear message, and nothing is stored.
  await upload('BUSINESS_LICENCE', 'licence.pdf', Buffer.from('just text, not a PDF'), 'application/pdf');
  await page.waitForSelector('#checklist .problems [data-code="UNSUPPORTED_FILE_TYPE"]', WAIT);
  assert.match(await page.textContent('#checklist .problems'), /只接受 PDF、PNG 或 JPEG 文件/);
  const oversized = Buffer.concat([PDF, Buffer.alloc(21 * 1024 * 1024, 0x20)]);
  await upload('BUSINESS_LICENCE', 'licence-scan.pdf', oversized, 'application/pdf');
  await page.waitForSelector('#checklist .problems [data-code="FILE_TOO_LARGE"]', WAIT);
  assert.match(await page.textContent('#checklist .problems'), /文件过大：单个文件不超过 20 MB/);
  const stored = await (await page.request.get(`${base}/api/cases/${caseId}/materials`)).json();
  assert.equal(stored.length, 0, 'nothing was stored of the refused files');

  await upload('BUSINESS_LICENCE', 'licence.pdf', PDF, 'application/pdf');
  await page.waitForSelector('[data-material="BUSINESS_LICENCE"] a[href*="/materials/"]', WAIT);
  await shot('3-case.png');
  await page.locator('label', { hasText: '确认材料真实完整' }).click();
  await page.click('#submit-task');

  // Formal review returns the case: the request and its reason appear, in the task form and among the reviews.
  await page.waitForSelector('#task[data-task="UserTask_CorrectMaterials"]', WAIT);
  assert.match(await page.textContent('#task'), /营业执照复印件不清晰，请重新上传/);
  assert.match(await page.textContent('#reviews'), /形式审查：退回补正/);
  await shot('4-correction.png');

  // A new version of the file; the first one stays, listed among the earlier versions.
  await upload('BUSINESS_LICENCE', 'licence-clear.pdf', Buffer.concat([PDF, Buffer.from('% clearer\n')]), 'application/pdf');
  await page.waitForSelector('[data-material="BUSINESS_LICENCE"] details', WAIT);
  assert.match(await page.textContent('[data-material="BUSINESS_LICENCE"]'), /licence-clear\.pdf[\s\S]*licence\.pdf/);
  await page.waitForSelector('#task[data-task="UserTask_CorrectMaterials"]', WAIT);
  await type('补正说明', '已重新上传清晰的营业执照复印件');
  await page.click('#submit-task');

  // Formal review accepts: the case moves on to the special audit.
  await page.waitForFunction(() => document.querySelector('#case-stage')?.dataset.stage === 'SPECIAL_AUDIT', null, WAIT);
  assert.equal(await page.locator('#task').count(), 0, 'nothing waits for the applicant');
  assert.equal(await page.textContent('.timeline [aria-current="step"]'), '专项审计');
  await shot('5-advanced.png');

  // My cases lists it; English is one click away and stays on reload; a phone screen shows the same case.
  await page.click('[data-nav="cases"]');
  await page.waitForSelector(`[data-case="${caseId}"]`, WAIT);
  await page.goto(`${base}/portal#/cases/${caseId}`);
  await page.click('[data-lang="en"]');
  await page.waitForFunction(() => document.querySelector('#case-stage')?.textContent.includes('Special audit'), null, WAIT);
  assert.match(page.url(), /lang=en#\/cases\//);
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling on a phone (overflow ${overflow}px)`);
  await shot('6-phone-en.png');

  // Keyboard: on a fresh page the first Tab lands on the skip link, which leads to the content.
  await page.reload();
  await page.waitForSelector('#case-stage', WAIT);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
} catch (error) {
  console.error(error);
  failed = true;
  await shot('failure.png').catch(() => {});
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
