// The same journey as e2e/browser/journey.test.ts, in the real Electron app: open an export (the
// app's file input gives Electron real paths), watch the import, search, play, filter by device,
// open insight, delete — and assert that no network request was ever attempted.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { englishJsonTakeout, makeTempDir, writeZip } from '../../test/fixtures/google-takeout.ts';
import { launchEarshot, skipReason } from './support.ts';

test(
  'Electron: open, import, search, play, filter, insight, delete — offline throughout',
  { skip: skipReason },
  async () => {
    const { app } = await launchEarshot();
    const requests: string[] = [];
    try {
      const window = await app.firstWindow();
      window.on('request', (r) => requests.push(r.url()));
      // The main process sees every request the session makes, including any the page does not.
      await app.evaluate(({ session }) => {
        const seen: string[] = [];
        (globalThis as { seenUrls?: string[] }).seenUrls = seen;
        session.defaultSession.webRequest.onCompleted((d) => seen.push(d.url));
        session.defaultSession.webRequest.onErrorOccurred((d) => seen.push(d.url));
      });
      await window.getByTestId('dropzone').waitFor();

      const dir = await makeTempDir('earshot-electron-fixture-');
      const zip = await writeZip(path.join(dir, 'takeout-20220304T205809Z-001.zip'), englishJsonTakeout());
      await window.getByTestId('file-input').setInputFiles(zip);
      await window.getByTestId('import-report').waitFor({ timeout: 60_000 });
      assert.match(await window.getByTestId('import-report').innerText(), /jane\.doe@example\.com/);
      await window.getByTestId('report-close').click();
      await window.getByTestId('about-skip').click();

      const rows = window.getByTestId('recording-row');
      await rows.first().waitFor();
      await window.getByTestId('search').fill('bouncer vibr');
      await window.waitForFunction(() =>
        /^1 result$/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''),
      );
      await rows.first().click();
      await window.getByTestId('play').click();
      // Audio comes through the app's own protocol.
      await window.waitForFunction(
        () => (document.querySelector<HTMLAudioElement>('[data-testid=audio]')?.currentTime ?? 0) > 0.3,
        null,
        { timeout: 15_000 },
      );
      assert.match(
        await window.evaluate(() => document.querySelector<HTMLAudioElement>('[data-testid=audio]')!.currentSrc),
        /^earshot-audio:\/\/recording\/\d+$/,
      );
      await window.keyboard.press('Space');
      await window.getByTestId('search').press('Escape');

      await window.getByTestId('filters-toggle').click();
      await window.getByTestId('filter-devices').locator('button').first().click();
      await window.waitForFunction(() =>
        /results?$/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''),
      );
      await window.getByTestId('nav-insight').click();
      await window.getByTestId('insight-bars').waitFor();
      await window.getByTestId('nav-library').click();

      await rows.first().click();
      await window.keyboard.press('Delete');
      await window
        .getByRole('dialog')
        .getByRole('button', { name: /Delete/ })
        .click();
      await window.getByRole('dialog').waitFor({ state: 'detached' });

      const seen = await app.evaluate(() => (globalThis as { seenUrls?: string[] }).seenUrls ?? []);
      const external = [...requests, ...seen].filter((u) => !/^(earshot|earshot-audio|data|blob|devtools):/.test(u));
      assert.deepEqual(external, [], 'no request ever left the app');
    } finally {
      await app.close();
    }
  },
);
