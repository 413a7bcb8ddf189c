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
