// What the browser checks share: their settings from the environment (BASE_URL, PROGRAM, SCREENSHOT) and Debian's
// headless Chromium (CHROMIUM overrides /usr/bin/chromium), driven by playwright-core from the front-end's own
// dependencies. Never downloads a browser.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../main/frontend/package.json', import.meta.url));
const { chromium } = require('playwright-core');

export const base = process.env.BASE_URL;
export const program = process.env.PROGRAM;
export const screenshot = process.env.SCREENSHOT;
assert.ok(base && program && screenshot, 'BASE_URL, PROGRAM and SCREENSHOT are required');

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync'],
  });
}
