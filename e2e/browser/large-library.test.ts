// A library of 100,000 recordings: the list opens at once, scrolls anywhere, keeps only what is
// on screen in the DOM, and its day headers stay stuck to the top.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchChromium, openPage, shoot, startTestApp, type TestApp } from '../support/browser.ts';

const COUNT = 100_000;
let app: TestApp;
let browser: Browser;

/** Writes the rows straight into the library: this spec is about the window, not the importer. */
function seed(app: TestApp) {
  const db = app.harness.earshot.db;
  const phrases = [
    'play the sound of rain',
    'what time is it',
    'set a timer for ten minutes',
    'turn off the kitchen lights',
    'call Anna',
    "what's the weather tomorrow",
  ];
  const devices = ['Kitchen Echo', 'Living Room Dot', 'Bedroom', 'Pixel 7'];
  const start = Date.UTC(2018, 0, 1);
  db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO exports (kind, label, source_files, imported_at, recording_count, report) VALUES ('alexa-voice-history', 'Amazon 2018–2024', '[]', ?, ?, '{}')`,
      )
      .run(Date.now(), COUNT);
    const insert = db.prepare(
      `INSERT INTO recordings (export_id, key, source, time_utc, device, transcript, not_intended, unrecognized_speaker, has_audio, duration_ms)
       VALUES (?, ?, 'alexa', ?, ?, ?, ?, ?, 0, ?)`,
    );
    for (let i = 0; i < COUNT; i++) {
      const notIntended = i % 17 === 0 ? 1 : 0;
      insert.run(
        lastInsertRowid,
        `k${i}`,
        start + i * 1_800_000,
        devices[i % devices.length],
        notIntended || i % 23 === 0 ? null : phrases[i % phrases.length],
        notIntended,
        i % 29 === 0 ? 1 : 0,
        1000 + (i % 5000),
      );
    }
  })();
}

before(async () => {
  if (browserSkipReason) return;
  app = await startTestApp();
  seed(app);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await app?.close();
});

test(
  '100,000 recordings: the list renders only what is visible and scrolls anywhere',
  { skip: browserSkipReason },
  async () => {
    const errors: string[] = [];
    const page = await openPage(browser, app.harness.url, errors);
    await page.getByTestId('result-count').filter({ hasText: '100,000 recordings' }).waitFor();
    await page.getByTestId('recording-row').first().waitFor();
    const inDom = () => page.locator('.list-item').count();
    assert.ok((await inDom()) < 60, `only visible rows are rendered (saw ${await inDom()})`);

    // Jump to the middle: the page there is fetched on demand and drawn.
    await page.getByTestId('recording-list').evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=recording-row]').length > 10);
    assert.ok((await inDom()) < 60);
    const sticky = await page.locator('.day-header.sticky').innerText();
    assert.match(sticky, /20(19|20|21|22|23)/);

    // And the very end: the oldest recordings.
    await page.getByTestId('recording-list').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.day-header')].some((h) => /2018/.test(h.textContent ?? '')),
    );
    await page.getByTestId('recording-row').last().click();
    await page.getByTestId('detail').waitFor();
    await page.keyboard.press('k');
    await page.keyboard.press('ArrowUp');
    assert.ok((await inDom()) < 60);
    await shoot(page, '13-large-library');

    // Searching 100,000 recordings narrows the list while typing.
    await page.getByTestId('search').fill('kitchen lig');
    // Until the search answers, the count still shows all recordings (or is busy): wait for fewer.
    await page.waitForFunction((all) => {
      const count = document.querySelector('[data-testid=result-count]');
      const shown = Number((count?.textContent ?? '').replace(/[^\d]/g, ''));
      return count?.getAttribute('aria-busy') !== 'true' && /results?$/.test(count?.textContent ?? '') && shown < all;
    }, COUNT);
    const found = Number((await page.getByTestId('result-count').innerText()).replace(/[^\d]/g, ''));
    assert.ok(found > 1000 && found < COUNT, `found ${found}`);
    assert.deepEqual(errors, []);
  },
);
