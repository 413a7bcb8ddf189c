// "Delete all my data" in Settings: after confirming, nothing is left, and the window starts afresh.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { englishJsonTakeout, makeTempDir, writeZip } from '../../test/fixtures/google-takeout.ts';
import {
  browserSkipReason,
  dropFiles,
  shoot,
  openSession,
  type Session,
  type TestApp,
  expectText,
} from '../support/browser.ts';

let app: TestApp;
let page: Page;
const errors: string[] = [];

let session: Session | undefined;

before(async () => {
  if (browserSkipReason) return;
  session = await openSession(errors);
  ({ app, page } = session);
});

after(() => session?.close());

test('Delete all my data asks, removes everything, and says what it removed', { skip: browserSkipReason }, async () => {
  const dir = await makeTempDir('earshot-e2e-wipe-');
  const zip = await writeZip(path.join(dir, 'takeout-20220304T205809Z-001.zip'), englishJsonTakeout());
  await page.getByTestId('dropzone').waitFor();
  await dropFiles(page, 'body', [{ name: path.basename(zip), bytes: readFileSync(zip), type: 'application/zip' }]);
  await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
  await page.getByTestId('report-close').click();
  await page.getByTestId('about-skip').click();
  await page.getByTestId('recording-row').first().waitFor();
  const said = (await page.getByTestId('recording-row').first().locator('.row-text').innerText()).trim();
  assert.ok(said.length > 2, said);
  const before = app.harness.earshot.db.prepare('SELECT COUNT(*) FROM recordings').pluck().get() as number;
  assert.ok(before > 0);

  await page.getByTestId('open-settings').click();
  await page.getByTestId('wipe-start').click();
  await expectText(page.getByTestId('settings-wipe'), new RegExp(`Delete ${before} recordings`));
  await shoot(page, '20-settings-delete-all');
  await page.getByTestId('wipe-confirm').click();
  await page.getByTestId('wipe-done').waitFor();
  await expectText(page.getByTestId('wipe-done'), new RegExp(`Deleted ${before} recordings from 1 exports`));
  await shoot(page, '21-settings-deleted');
  for (const table of ['recordings', 'exports', 'audio', 'settings']) {
    assert.equal(app.harness.earshot.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get(), 0, table);
  }
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('earshot.')).length), 0);

  // Behind the dialog the library is already gone; closing it with Done (not only "Start afresh")
  // leaves the first-run welcome with nothing of the old library on screen.
  await page.getByTestId('settings-done').click();
  await page.getByTestId('dropzone').waitFor();
  await expectText(page.getByTestId('recording-count'), /^0 recordings$/);
  await expectWelcomeOnly(page, said);
  await shoot(page, '22-after-delete-all-welcome');
  assert.deepEqual(errors, []);
});

test('after deleting everything a new import starts a library of its own', { skip: browserSkipReason }, async () => {
  const dir = await makeTempDir('earshot-e2e-wipe-again-');
  const zip = await writeZip(path.join(dir, 'takeout-20220304T205809Z-001.zip'), englishJsonTakeout());
  await dropFiles(page, 'body', [{ name: path.basename(zip), bytes: readFileSync(zip), type: 'application/zip' }]);
  await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
  await page.getByTestId('report-close').click();
  await page.getByTestId('about-skip').click();
  const said = (await page.getByTestId('recording-row').first().locator('.row-text').innerText()).trim();
  await page.getByTestId('recording-row').first().click();
  // A recording opens (no "Loading recording…" left hanging from the deleted library).
  await page.getByTestId('detail').waitFor();
  await page.getByTestId('open-settings').click();
  await page.getByTestId('wipe-start').click();
  await page.getByTestId('wipe-confirm').click();
  await page.getByTestId('wipe-done').waitFor();
  // Esc closes the dialog as Done does.
  await page.keyboard.press('Escape');
  await page.getByTestId('dropzone').waitFor();
  await expectWelcomeOnly(page, said);
  assert.deepEqual(errors, []);
});

/** The welcome and nothing else: no list, sidebar, exports, warnings, banners, toasts or open dialog. */
async function expectWelcomeOnly(p: Page, said: string) {
  for (const id of ['recording-row', 'recording-list', 'toast', 'foreign-banner', 'selection-bar', 'settings'])
    assert.equal(await p.getByTestId(id).count(), 0, id);
  for (const selector of ['.sidebar', '.detail', '.banner', 'dialog[open]'])
    assert.equal(await p.locator(selector).count(), 0, selector);
  const text = await p.locator('body').innerText();
  assert.ok(!text.includes('Loading recording'), 'no recording left loading');
  assert.ok(!text.includes(said), `no transcript of the deleted library: ${said}`);
}
