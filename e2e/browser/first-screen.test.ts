// The first screen in Chromium through the harness: the app's name, the drop zone and the count.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  browserSkipReason,
  launchChromium,
  openPage,
  shoot,
  startTestApp,
  type TestApp,
  expectText,
} from '../support/browser.ts';

let app: TestApp;
let browser: Browser;

before(async () => {
  if (browserSkipReason) return;
  app = await startTestApp();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await app?.close();
});

test(
  'first screen shows the name, the drop zone and the number of recordings',
  { skip: browserSkipReason },
  async () => {
    const errors: string[] = [];
    const page = await openPage(browser, app.harness.url, errors);
    await page
      .getByTestId('recording-count')
      .filter({ hasText: /recordings/ })
      .waitFor();
    await expectText(page.getByRole('heading', { level: 1 }), /Earshot/);
    await expectText(page.getByTestId('recording-count'), '0 recordings');
    assert.ok(await page.getByTestId('dropzone').isVisible());
    assert.ok(await page.getByRole('button', { name: 'Open export…' }).isVisible());
    await expectText(page.getByText('Get your Amazon (Alexa) data'), /Amazon/);
    await expectText(page.getByText('Get your Google Assistant data'), /Google/);
    await shoot(page, '01-welcome');
    // German follows the saved language, and the count follows it too.
    await page.evaluate(() => localStorage.setItem('earshot.language', 'de'));
    await page.reload();
    await page
      .getByTestId('recording-count')
      .filter({ hasText: /Aufnahmen/ })
      .waitFor();
    await expectText(page.getByTestId('recording-count'), '0 Aufnahmen');
    assert.deepEqual(errors, []);
  },
);

test(
  'the welcome copies each address, and sets language and theme before any import',
  { skip: browserSkipReason },
  async () => {
    const errors: string[] = [];
    const page = await openPage(browser, app.harness.url, errors);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('dropzone').waitFor();
    await page.getByTestId('copy-google').click();
    await expectText(page.getByTestId('copy-google'), /Copied/);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'https://takeout.google.com/');
    await expectText(page.getByTestId('copy-amazon'), /Copy link/);

    await page.getByTestId('welcome-settings').locator('summary').click();
    await page.getByTestId('welcome-language').selectOption('de');
    await expectText(page.getByTestId('copy-amazon'), /Link kopieren/);
    await page.getByTestId('welcome-theme').selectOption('dark');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    // Both are kept for the next start.
    await page.reload();
    await page.getByTestId('dropzone').waitFor();
    await expectText(page.getByTestId('copy-amazon'), /Link kopieren/);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await page.getByTestId('welcome-settings').locator('summary').click();
    // (The screenshots set their own language and scheme, and leave the language as the system's.)
    await shoot(page, '01-welcome-settings');
    await page.evaluate(() => {
      localStorage.removeItem('earshot.language');
      localStorage.removeItem('earshot.theme');
    });
    assert.deepEqual(errors, []);
  },
);
