// Insight and the list share one search and filter state: a date filter set in the list shapes
// Insight (shown there as chips, with Clear all), a top request opens a list that matches, the
// sidebar's Library keeps the search, and a heatmap square opens its weekday and hour.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { browserSkipReason, expectText, openSession, shoot, type Session } from '../support/browser.ts';

let session: Session | undefined;
let page: Page;
const errors: string[] = [];

// 2023 is dominated by one phrase that 2024 never has, so a top list that ignored the date
// filter would offer it, and clicking it would then find 0 recordings in 2024.
const old = 'turn on the porch light';
const phrases = ['play the sound of rain', 'what time is it', 'set a timer for ten minutes', 'call anna'];

function seed(s: Session): { all: number; in2024: number } {
  const db = s.app.harness.earshot.db;
  let all = 0;
  let in2024 = 0;
  db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO exports (kind, label, source_files, imported_at, recording_count, report) VALUES ('alexa-voice-history', 'Amazon 2023–2024', '[]', ?, 0, '{}')`,
      )
      .run(Date.now());
    const insert = db.prepare(
      `INSERT INTO recordings (export_id, key, source, time_utc, device, transcript, not_intended, unrecognized_speaker, has_audio, duration_ms)
       VALUES (?, ?, 'alexa', ?, ?, ?, 0, 0, 0, 2000)`,
    );
    const start = Date.UTC(2023, 0, 2, 7);
    for (let i = 0; i < 400; i++) {
      const time = start + i * 43 * 3_600_000;
      const year = new Date(time).getUTCFullYear();
      if (year > 2024) break;
      const text = year === 2023 && i % 2 === 0 ? old : phrases[i % phrases.length]!;
      insert.run(lastInsertRowid, `k${i}`, time, i % 3 ? 'Kitchen Echo' : 'Bedroom', text);
      all++;
      if (year === 2024) in2024++;
    }
    // One recording whose export named its zone (WIB, UTC+7) and wrote its time as epoch ms.
    db.prepare(
      `INSERT INTO recordings (export_id, key, source, time_utc, time_original, time_zone, device, transcript, not_intended, unrecognized_speaker, has_audio, duration_ms)
       VALUES (?, 'zoned', 'alexa', ?, ?, 'WIB', 'Bedroom', 'zoned clip', 0, 0, 0, 2000)`,
    ).run(lastInsertRowid, zonedUtc, String(zonedUtc));
    all++;
  })();
  return { all, in2024 };
}

let counts = { all: 0, in2024: 0 };
const zonedUtc = Date.UTC(2023, 5, 1, 3, 15);

before(async () => {
  if (browserSkipReason) return;
  session = await openSession(errors);
  page = session.page;
  counts = seed(session);
  await page.reload();
});

after(() => session?.close());

const shown = async () => {
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid=result-count]');
    return el != null && /\d/.test(el.textContent ?? '') && el.getAttribute('aria-busy') !== 'true';
  });
  return Number((await page.getByTestId('result-count').innerText()).replace(/[^\d]/g, ''));
};
const waitForCount = (n: number) =>
  page.waitForFunction((want) => {
    const el = document.querySelector('[data-testid=result-count]');
    return el?.getAttribute('aria-busy') !== 'true' && Number((el?.textContent ?? '').replace(/[^\d]/g, '')) === want;
  }, n);
const insightTotal = async () => {
  await page.locator('.insight-facts dd').first().waitFor();
  return Number((await page.locator('.insight-facts dd').first().innerText()).replace(/[^\d]/g, ''));
};

test(
  'Insight pictures the list’s own filters, and its clicks land in the same state',
  { skip: browserSkipReason },
  async (t) => {
    await page.getByTestId('recording-row').first().waitFor();
    assert.equal(await shown(), counts.all);
    assert.ok(counts.in2024 > 20 && counts.in2024 < counts.all, `seeded ${counts.in2024} of ${counts.all} in 2024`);

    await t.test('a date filter set in the list shows on Insight as a chip and shapes its numbers', async () => {
      await page.getByTestId('filters-toggle').click();
      await page.getByTestId('filter-from').fill('2024-01-01');
      await page.getByTestId('filter-to').fill('2024-12-31');
      await page.getByTestId('filters-toggle').click();
      await waitForCount(counts.in2024);
      await page.getByTestId('nav-insight').click();
      await page.getByTestId('insight-filters').locator('[data-testid=chip-date]').waitFor();
      assert.equal(await insightTotal(), counts.in2024);
      const top = await page.locator('.top-text').allInnerTexts();
      assert.ok(top.length > 0 && !top.includes(old), `2023's phrase is not in 2024's top list: ${top.join(' | ')}`);
      // The over-time chart labels the months of 2024, not only its two ends.
      const ticks = await page.getByTestId('insight-axis').locator('span').allInnerTexts();
      assert.ok(ticks.length >= 4 && ticks.length <= 8, `axis labels: ${ticks.join(' | ')}`);
      await shoot(page, '20-insight-filtered', { fullPage: true });
    });

    await t.test('a top request searches within the same filters and finds its recordings', async () => {
      const first = page.locator('.top-item').first();
      const text = await first.locator('.top-text').innerText();
      const n = Number((await first.locator('.mini-count').innerText()).replace(/[^\d]/g, ''));
      assert.ok(n > 0);
      await first.click();
      await page.getByTestId('recording-list').waitFor();
      await waitForCount(n);
      assert.equal(await page.getByTestId('search').inputValue(), text);
      await page.locator('.toolbar-wrap [data-testid=chip-date]').waitFor();
    });

    await t.test('the sidebar’s Library drops the filters but keeps the search it shows', async () => {
      const text = await page.getByTestId('search').inputValue();
      await page.getByTestId('nav-library').click();
      await page.locator('.toolbar-wrap [data-testid=chip-date]').waitFor({ state: 'detached' });
      assert.equal(await page.getByTestId('search').inputValue(), text);
      const n = await shown();
      assert.ok(n > 0 && n < counts.all, `the search alone finds ${n}`);
      await page.getByTestId('nav-insight').click();
      await page.getByTestId('insight-filters').locator('[data-testid=chip-search]').waitFor();
      assert.equal(await insightTotal(), n);
      // Clear all on Insight clears the one shared state: the list shows everything again.
      await page.getByTestId('chips-clear').click();
      await page.getByTestId('insight-filters').waitFor({ state: 'detached' });
      assert.equal(await insightTotal(), counts.all);
      await page.getByTestId('nav-library').click();
      await waitForCount(counts.all);
      assert.equal(await page.getByTestId('search').inputValue(), '');
    });

    await t.test('the heatmap has a legend, and a square opens its weekday and hour in the list', async () => {
      await page.getByTestId('nav-insight').click();
      await page.getByTestId('heat-legend').waitFor();
      const busiest = page.getByTestId('heatmap').locator('button[tabindex="0"]');
      const label = (await busiest.getAttribute('aria-label')) ?? '';
      const n = Number(label.replace(/^.*–\s*/, '').replace(/[^\d]/g, ''));
      assert.ok(n > 0, `the busiest square says how many: ${label}`);
      // Low counts are visible: a one-step square differs from an empty one in dark mode too.
      await page.emulateMedia({ colorScheme: 'dark' });
      // No helper function inside evaluate: the test's transpiler would wrap it in a name it lacks there.
      const colours = await page.evaluate(() =>
        ['heat-l0', 'heat-l1', 'heat-l4'].map(
          (c) => getComputedStyle(document.querySelector(`.heat-legend .heat-cell.${c}`)!).backgroundColor,
        ),
      );
      await page.emulateMedia({ colorScheme: 'light' });
      assert.equal(new Set(colours).size, 3, `three different shades in dark mode: ${colours.join(', ')}`);
      await page.getByTestId('heatmap').scrollIntoViewIfNeeded();
      await shoot(page, '21-insight-heatmap');
      await busiest.click();
      await page.getByTestId('recording-list').waitFor();
      await page.locator('.toolbar-wrap [data-testid=chip-slot]').waitFor();
      await waitForCount(n);
      await expectText(page.locator('.toolbar-wrap [data-testid=chip-slot]'), /:00–/);
      await shoot(page, '22-list-heatmap-slot');
    });

    assert.deepEqual(errors, []);
  },
);

test(
  'the list and the detail show one local time, with the export’s zone beside it',
  { skip: browserSkipReason },
  async () => {
    await page.getByTestId('nav-library').click();
    await page.getByTestId('search').fill('zoned clip');
    await waitForCount(1);
    const local = await page.evaluate(
      (ms) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }).format(ms),
      zonedUtc,
    );
    const row = page.getByTestId('recording-row').first();
    await expectText(row, new RegExp(local));
    await row.click();
    await page.getByTestId('detail').waitFor();
    await expectText(page.locator('.detail-when'), new RegExp(`${local}:00`));
    await expectText(page.getByTestId('detail-export-zone'), /10:15 in WIB, the export’s time zone/);
    // The raw epoch milliseconds are shown as a date, with the number kept beneath.
    const meta = page.locator('.meta');
    await expectText(meta, /As written in the export.*2023/s);
    await expectText(meta, new RegExp(String(zonedUtc)));
    await shoot(page, '23-detail-time-zone');
    await page.getByTestId('search').press('Escape');
    assert.deepEqual(errors, []);
  },
);
