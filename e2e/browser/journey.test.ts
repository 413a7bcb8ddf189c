// The whole journey in Chromium through the harness: drop a generated Google Takeout (a real drop
// event carrying the ZIP), watch the progress, read the report, search, play, filter by device,
// open insight, delete with confirmation and export a selection — with screenshots of every screen.
import { OPENED_WAVEFORM_WAIT_MS } from '../../electron/core/api/handlers.ts';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import yauzl from 'yauzl';
import { englishJsonTakeout, makeTempDir, realMp3sPresent, writeZip } from '../../test/fixtures/google-takeout.ts';
import {
  browserSkipReason,
  dropFiles,
  shoot,
  openSession,
  type Session,
  type TestApp,
  expectText,
  setLanguage,
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

/** A count as shown, once it is there and answered (the list may still be fetching its first page). */
const count = async (testId: string) => {
  await page.waitForFunction((id) => {
    const el = document.querySelector(`[data-testid=${id}]`);
    return el != null && /\d/.test(el.textContent ?? '') && el.getAttribute('aria-busy') !== 'true';
  }, testId);
  return Number((await page.getByTestId(testId).innerText()).replace(/[^\d]/g, ''));
};
const rows = () => page.getByTestId('recording-row');

function zipEntries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

test(
  'the journey: drop, import, search, play, filter, insight, delete, export',
  { skip: browserSkipReason },
  async (t) => {
    await page.getByTestId('dropzone').waitFor();
    const dir = await makeTempDir('earshot-e2e-fixture-');
    const zip = await writeZip(path.join(dir, 'takeout-20220304T205809Z-001.zip'), englishJsonTakeout());

    await t.test('dropping the export shows progress, then the report', async () => {
      await dropFiles(page, 'body', [{ name: path.basename(zip), bytes: readFileSync(zip), type: 'application/zip' }]);
      await page
        .getByTestId('import-progress')
        .waitFor({ timeout: 5000 })
        .catch(() => {});
      if (await page.getByTestId('import-progress').isVisible()) await shoot(page, '02-import-progress');
      await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
      const stats = await page.getByTestId('report-stats').innerText();
      assert.match(stats, /Found/);
      assert.match(stats, /New/);
      await expectText(page.getByTestId('import-report'), /jane\.doe@example\.com/);
      // Other Google products are skipped, grouped by reason with a count.
      const skipped = page.getByTestId('report-skipped');
      await expectText(skipped, /\d+ files? — /);
      await skipped.locator('details').first().locator('summary').click();
      await shoot(page, '03-import-report', { fullPage: false });
      // In German, the core's notes and skip reasons are German too, not only the window's labels.
      await setLanguage(page, 'de');
      await expectText(skipped, /\d+ Dateien? – ist eine Aktivität eines anderen Google-Produkts/);
      await expectText(page.getByTestId('import-report'), /Assistant-Eintr(ag|äge) nenn/);
      await expectText(page.getByTestId('import-report'), /Unbekanntes Gerät/);
      await setLanguage(page, null);
      await page.getByTestId('report-close').click();
    });

    await t.test('after the first import, About you asks once, and can be skipped', async () => {
      await page.getByTestId('about-you').waitFor();
      await page.getByTestId('about-skip').click();
      await page.getByTestId('about-you').waitFor({ state: 'detached' });
    });

    let total = 0;
    await t.test('the library lists every recording, grouped by day', async () => {
      await rows().first().waitFor();
      total = await count('result-count');
      assert.ok(total >= 5, `expected at least 5 recordings, saw ${total}`);
      await expectText(page.getByTestId('nav-library'), new RegExp(`${total}`));
      assert.ok((await page.locator('.day-header').count()) >= 2);
      await rows().first().click();
      await page.getByTestId('detail').waitFor();
      await shoot(page, '04-library');
    });

    await t.test('search finds a recording as you type, with the words highlighted', async () => {
      await page.getByTestId('search').fill('bounc');
      await page.waitForFunction(() =>
        /^3 results$/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''),
      );
      assert.equal(await rows().count(), 3);
      assert.equal(
        await rows()
          .first()
          .locator('mark')
          .first()
          .innerText()
          .then((s) => s.toLowerCase()),
        'bounc',
      );
      // A single letter being typed is the start of a word: the result stays, it never flashes 0.
      await page.getByTestId('search').fill('bouncer v');
      await page.waitForFunction(() =>
        /^1 result$/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''),
      );
      await page.getByTestId('search').fill('bouncer vibr');
      await page.waitForFunction(() =>
        /^1 result$/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''),
      );
      await rows().first().click();
      await page.getByTestId('transcript').waitFor();
      await expectText(page.getByTestId('transcript'), /Automatic Bouncer with vibration/i);
      await shoot(page, '05-search-results');
    });

    await t.test('playing a recording advances its position', async () => {
      const play = page.getByTestId('play');
      assert.equal(await play.isEnabled(), true);
      await play.click();
      await page.waitForFunction(
        () => (document.querySelector<HTMLAudioElement>('[data-testid=audio]')?.currentTime ?? 0) > 0.3,
        null,
        { timeout: 15_000 },
      );
      const slider = page.getByRole('slider', { name: 'Playback position' });
      assert.ok(Number(await slider.getAttribute('aria-valuemax')) > 0);
      await page.keyboard.press('Space');
      await page.waitForFunction(
        () => document.querySelector<HTMLAudioElement>('[data-testid=audio]')?.paused === true,
      );
      await shoot(page, '06-player');
      if (!realMp3sPresent()) t.diagnostic('the fixture used constructed MP3 frames (no ../shared/realworld samples)');
    });

    await t.test('a waveform still being prepared: it plays meanwhile, and is drawn when it comes', async () => {
      // MP3 waveforms are prepared in the background after an import: take this one's away again.
      const db = app.harness.earshot.db;
      const id = Number(await rows().first().getAttribute('data-recording-id'));
      const peaks = db.prepare('SELECT peaks FROM recordings WHERE id = ?').pluck().get(id) as Buffer | null;
      assert.ok(peaks && peaks.length > 0, 'the recording has its waveform after the import');
      db.prepare('UPDATE recordings SET peaks = NULL WHERE id = ?').run(id);
      // Opening a recording works its waveform out at once; here it is left to the background pass,
      // as for a recording too long to wait for, so the window has to show it being prepared.
      app.harness.earshot.openedWaveform.waitMs = null;
      const asked: number[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('/api/getRecording')) asked.push((JSON.parse(r.postData() ?? '{}') as { id: number }).id);
      });
      try {
        await page.reload();
        await rows().first().click();
        const pending = page.getByTestId('waveform-pending');
        await pending.waitFor();
        await expectText(pending, 'Preparing waveform…');
        // The audio plays while the waveform is prepared.
        const play = page.getByTestId('play');
        assert.equal(await play.isEnabled(), true);
        await shoot(page, '06b-player-waveform-pending');
        await play.click();
        await page.waitForFunction(
          () => (document.querySelector<HTMLAudioElement>('[data-testid=audio]')?.currentTime ?? 0) > 0.3,
          null,
          { timeout: 15_000 },
        );
        // The peaks arrive as the background work stores them and says so (the core's "waveforms"
        // event); the window reads the recording again then, draws them, and playback goes on.
        const before = asked.filter((x) => x === id).length;
        db.prepare('UPDATE recordings SET peaks = ? WHERE id = ?').run(peaks, id);
        app.harness.earshot.events.emit({ type: 'changed', what: ['waveforms'] });
        await pending.waitFor({ state: 'detached', timeout: 8000 });
        assert.ok(asked.filter((x) => x === id).length > before, 'the recording was fetched again');
        assert.equal(await page.getByTestId('waveform').getAttribute('data-pending'), null);
        assert.ok(
          await page.evaluate(() => {
            const audio = document.querySelector<HTMLAudioElement>('[data-testid=audio]')!;
            return audio.ended || audio.currentTime > 0.3;
          }),
          'playback was not restarted when the waveform was drawn',
        );
        await page.evaluate(() => document.querySelector<HTMLAudioElement>('[data-testid=audio]')!.pause());
        await shoot(page, '06c-player-waveform-arrived');

        // Asking again stops when another recording is selected.
        db.prepare('UPDATE recordings SET peaks = NULL WHERE id = ?').run(id);
        await page.getByTestId('search').press('Escape');
        await page.waitForFunction(() =>
          /recordings$/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''),
        );
        await page.locator(`[data-testid=recording-row][data-recording-id="${id}"]`).click();
        await pending.waitFor();
        await page.locator(`[data-testid=recording-row]:not([data-recording-id="${id}"])`).first().click();
        await pending.waitFor({ state: 'detached' });
        const settled = asked.filter((x) => x === id).length;
        await page.waitForTimeout(4500);
        assert.equal(asked.filter((x) => x === id).length, settled, 'no more requests for the deselected recording');

        // With the app's own setting, the waveform of the recording opened is worked out at once.
        app.harness.earshot.openedWaveform.waitMs = OPENED_WAVEFORM_WAIT_MS;
        const opened = page.waitForResponse((r) => r.url().endsWith('/api/getRecording'));
        await page.locator(`[data-testid=recording-row][data-recording-id="${id}"]`).click();
        await opened;
        await page.getByTestId('waveform').waitFor();
        assert.equal(await page.getByTestId('waveform-pending').count(), 0, 'drawn, not "Preparing waveform…"');
        assert.equal(await page.getByTestId('waveform').getAttribute('data-pending'), null);
        const computed = db.prepare('SELECT peaks FROM recordings WHERE id = ?').pluck().get(id) as Buffer | null;
        assert.ok(computed && computed.length > 0, 'the opened recording’s waveform was stored');
      } finally {
        app.harness.earshot.openedWaveform.waitMs = OPENED_WAVEFORM_WAIT_MS;
        db.prepare('UPDATE recordings SET peaks = ? WHERE id = ?').run(peaks, id);
      }
      await page.getByTestId('search').fill('bouncer vibr');
      await page.waitForFunction(() =>
        /^1 result$/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''),
      );
    });

    await t.test('no results says so', async () => {
      await page.getByTestId('search').fill('zebra xylophone');
      await page.getByTestId('no-results').waitFor();
      await expectText(page.getByTestId('result-count'), /^0 results$/);
      await shoot(page, '07-no-results');
      await page.getByTestId('search').fill('👍');
      await expectText(page.getByTestId('no-results'), /Search for words or numbers/);
      await shoot(page, '07b-no-words');
      await page.getByTestId('search').press('Escape');
      await page.waitForFunction(
        (n) => document.querySelector('[data-testid=result-count]')?.textContent === `${n} recordings`,
        total,
      );
    });

    await t.test('filtering by device narrows the list, and the filter survives a restart', async () => {
      await page.getByTestId('filters-toggle').click();
      const chips = page.getByTestId('filter-devices').locator('button');
      assert.ok((await chips.count()) >= 1, 'at least one device to filter by');
      const chipText = await chips.first().innerText();
      const expected = Number(chipText.split('\n').pop()!.replace(/[^\d]/g, ''));
      await chips.first().click();
      await page.waitForFunction(
        (n) =>
          document.querySelector('[data-testid=result-count]')?.textContent ===
          `${n} ${n === 1 ? 'result' : 'results'}`,
        expected,
      );
      await page.getByTestId('filter-status').getByRole('button', { name: 'Has audio' }).click();
      // The count of the query before stays (marked busy) until this one is answered.
      await page.waitForFunction(() => {
        const count = document.querySelector('[data-testid=result-count]');
        return count?.getAttribute('aria-busy') === 'false' && /results?$/.test(count.textContent ?? '');
      });
      const filtered = await count('result-count');
      assert.ok(filtered <= expected);
      await shoot(page, '08-filters');
      await page.reload();
      await page
        .getByTestId('result-count')
        .filter({ hasText: /results?$/ })
        .waitFor();
      assert.equal(await count('result-count'), filtered);
      await expectText(page.getByTestId('filters-toggle'), /2 filters/);
      // Back to everything through the sidebar.
      await page.getByTestId('nav-library').click();
      await page.waitForFunction(
        (n) => document.querySelector('[data-testid=result-count]')?.textContent === `${n} recordings`,
        total,
      );
    });

    await t.test('insight shows the pictures, and a bar filters the list', async () => {
      await page.getByTestId('nav-insight').click();
      await page.getByTestId('insight-bars').waitFor();
      await expectText(page.getByTestId('insight'), /Most frequent requests/);
      await shoot(page, '09-insight', { fullPage: true });
      const bar = page.getByTestId('insight-bars').locator('button.bar:not([disabled])').last();
      await bar.click();
      await page.getByTestId('recording-list').waitFor();
      const inRange = await count('result-count');
      assert.ok(inRange >= 1 && inRange <= total);
      await page.getByTestId('nav-library').click();
      await page.waitForFunction(
        (n) => document.querySelector('[data-testid=result-count]')?.textContent === `${n} recordings`,
        total,
      );
    });

    await t.test('a multi-selection can be exported as a ZIP', async () => {
      await rows().nth(0).click();
      await rows()
        .nth(2)
        .click({ modifiers: ['Shift'] });
      await page.getByTestId('selection-bar').waitFor();
      await expectText(page.getByTestId('selection-bar'), /3 selected/);
      await shoot(page, '10-library-selection');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-selection').click(),
      ]);
      assert.equal(download.suggestedFilename(), 'earshot-selection.zip');
      const file = path.join(app.dir, 'selection.zip');
      await download.saveAs(file);
      const names = await zipEntries(file);
      assert.ok(
        names.some((n) => /\.csv$/i.test(n)),
        `a CSV of the metadata in ${names.join(', ')}`,
      );
    });

    await t.test('deleting asks first, saying how many, then removes them', async () => {
      await rows().nth(0).click();
      await rows()
        .nth(1)
        .click({ modifiers: ['Control'] });
      await page.keyboard.press('Delete');
      await page.getByTestId('confirm-delete').waitFor();
      await page.getByTestId('confirm-delete').getByText('Delete 2 recordings?').waitFor();
      await shoot(page, '11-delete-confirmation');
      await page.getByTestId('confirm-delete-button').click();
      await page.waitForFunction(
        (n) => document.querySelector('[data-testid=result-count]')?.textContent === `${n} recordings`,
        total - 2,
      );
      await expectText(page.getByTestId('toast'), /2 recordings deleted/);
    });

    await t.test('warnings have a calm empty state', async () => {
      await page.getByTestId('nav-warnings').click();
      await page.getByText('Everything here sounds like you').waitFor();
      await shoot(page, '12-warnings-empty');
    });

    assert.deepEqual(errors, []);
  },
);
