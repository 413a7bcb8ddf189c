// "Not mine" in Chromium through the harness: the About-you step, a Takeout that names someone
// else's account (the red banner, the guided page with its evidence and drafts, removing the
// export), names of people outside the household (warnings, "this is me", undo, the flagged
// filter), and voices (marking a group as "me" makes the voice flags go) — with screenshots.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  EMAILS,
  englishJsonTakeout,
  makeTempDir,
  mp3Samples,
  realMp3sPresent,
  takeoutJson,
  writeZip,
  type FixtureFile,
} from '../../test/fixtures/google-takeout.ts';
import {
  browserSkipReason,
  dropFiles,
  launchChromium,
  openPage,
  shoot,
  startTestApp,
  type TestApp,
  expectText,
} from '../support/browser.ts';

const STRANGER = 'stranger.person@example.net';
let browser: Browser;
const apps: TestApp[] = [];

before(async () => {
  if (browserSkipReason) return;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const app of apps) await app.close();
});

async function open(): Promise<{ app: TestApp; page: Page; errors: string[] }> {
  const app = await startTestApp();
  apps.push(app);
  const errors: string[] = [];
  const page = await openPage(browser, app.harness.url, errors);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write', 'microphone'], {
    origin: new URL(app.harness.url).origin,
  });
  return { app, page, errors };
}

/** The English Takeout, with the archive naming another account. */
function foreignTakeout(): FixtureFile[] {
  return englishJsonTakeout().map((f) =>
    f.path.endsWith('archive_browser.html') ? { ...f, data: String(f.data).replace(EMAILS.en, STRANGER) } : f,
  );
}

/** The English Takeout (the user's own account), where some requests call people by name. */
function namesTakeout(): FixtureFile[] {
  return englishJsonTakeout().map((f) => {
    if (!f.path.endsWith('Assistant/MyActivity.json')) return f;
    const items = JSON.parse(String(f.data)) as { title: unknown; time: string }[];
    const titles = ['Said call anna', 'Said text anna', 'Said call anna'];
    items.forEach((item, i) => {
      if (i < titles.length) item.title = titles[i];
    });
    items.push({ ...items[4]!, title: 'Said remind Bob Miller to water the plants', time: '2019-09-01T08:00:00.000Z' });
    return { ...f, data: takeoutJson(items) };
  });
}

async function importZip(page: Page, name: string, files: FixtureFile[]) {
  const dir = await makeTempDir('earshot-e2e-not-mine-');
  const zip = await writeZip(path.join(dir, name), files);
  await dropFiles(page, 'body', [{ name, bytes: readFileSync(zip), type: 'application/zip' }]);
  await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
  await page.getByTestId('report-close').click();
}

/** Adds entries to one list of the About-you form. */
async function addTo(page: Page, field: string, ...values: string[]) {
  const input = page.getByTestId(`about-${field}`).locator('input');
  for (const v of values) {
    await input.fill(v);
    await input.press('Enter');
  }
}

/** Clicks a toast away, so it does not cover the screenshots. */
async function noToast(page: Page) {
  const toast = page.getByTestId('toast');
  if (await toast.isVisible()) await toast.click({ position: { x: 4, y: 4 } });
  await toast.waitFor({ state: 'detached' });
}

/** Waits until the list's count answers the current search or filter (not the one before). */
const settledResults = (page: Page) =>
  page.waitForFunction(() => {
    const count = document.querySelector('[data-testid=result-count]');
    return count?.getAttribute('aria-busy') === 'false' && /results?$/.test(count.textContent ?? '');
  });

const countIn = async (page: Page, testId: string) =>
  Number((await page.getByTestId(testId).innerText()).replace(/[^\d]/g, '') || 0);

test(
  'someone else’s export: About you, the red banner, the guided page, removal',
  { skip: browserSkipReason },
  async (t) => {
    const { app, page, errors } = await open();
    await page.getByTestId('dropzone').waitFor();

    await t.test('About you from the welcome screen checks what is typed and saves it', async () => {
      await page.getByTestId('welcome-about-you').click();
      const dialog = page.getByTestId('about-you');
      await dialog.waitFor();
      await expectText(page.getByTestId('about-why'), /aren’t yours\. It stays on this computer/);
      await addTo(page, 'names', 'Jane Doe');
      await addTo(page, 'emails', 'jane@');
      await page.getByTestId('about-emails').getByRole('alert').waitFor();
      await expectText(page.getByTestId('about-emails').getByRole('alert'), /“jane@” is not a complete e-mail address/);
      // Saving is refused while it is wrong.
      await page.getByTestId('about-save').click();
      assert.ok(await dialog.isVisible());
      await page.getByRole('button', { name: 'Remove jane@' }).click();
      await addTo(page, 'emails', EMAILS.en);
      await addTo(page, 'household', 'Tom Doe');
      assert.equal(await page.getByTestId('about-emails').getByRole('alert').count(), 0);
      await noToast(page);
      await shoot(page, '20-about-you');
      await page.getByTestId('about-save').click();
      await dialog.waitFor({ state: 'detached' });
    });

    await t.test('an export naming another account raises the red banner with the identity', async () => {
      await importZip(page, 'takeout-20220304T205809Z-001.zip', foreignTakeout());
      const banner = page.getByTestId('foreign-banner');
      await banner.waitFor({ timeout: 15_000 });
      await expectText(banner, new RegExp(`This export appears to belong to ${STRANGER}, not to you`));
      assert.ok(await page.locator('.nav-strong').isVisible(), 'a red dot on Warnings');
      await expectText(page.getByTestId('nav-warnings'), /[1-9]/); // at least one warning
      assert.equal(await page.getByTestId('nav-export').first().getAttribute('data-mark'), 'strong');
      await page.getByTestId('recording-row').first().click();
      await noToast(page);
      await shoot(page, '21-foreign-banner');
    });

    await t.test('About you can be changed later from Settings', async () => {
      await page.getByTestId('open-settings').click();
      await page.getByTestId('settings-about-you').click();
      const dialog = page.getByTestId('about-you');
      await dialog.waitFor();
      await expectText(page.getByTestId('about-names'), /Jane Doe/);
      await expectText(page.getByTestId('about-household'), /Tom Doe/);
      // The devices of the export are offered to confirm.
      const devices = page.getByTestId('about-devices').locator('input[type=checkbox]');
      assert.ok((await devices.count()) >= 1);
      await devices.first().check();
      await page.getByTestId('about-save').click();
      await dialog.waitFor({ state: 'detached' });
      const profile = await app.harness.earshot.handlers.getProfile({});
      assert.equal(profile.devices.length, 1);
      assert.deepEqual(profile.emails, [EMAILS.en]);
    });

    await t.test('the warnings list explains it, and "This is not my data" opens the guided page', async () => {
      await page.getByTestId('nav-warnings').click();
      const card = page
        .getByTestId('warning-card')
        .filter({ has: page.locator('[data-kind=account]') })
        .or(page.locator('[data-testid=warning-card][data-kind=account]'));
      await card.first().waitFor();
      await expectText(card.first(), /It names|names the account/);
      await expectText(card.first(), /How sure/);
      await card.first().getByTestId('warning-not-mine').click();
      await page.getByTestId('not-mine').getByTestId('evidence').waitFor();
    });

    await t.test('the guided page shows the evidence with SHA-256 hashes, and drafts to copy', async () => {
      const evidence = page.getByTestId('evidence');
      await expectText(page.getByTestId('evidence-identity'), new RegExp(STRANGER));
      await expectText(page.getByTestId('evidence-counts'), /\d+ recordings? \(\d+ with audio/);
      await expectText(page.getByTestId('evidence-files'), /takeout-20220304T205809Z-001\.zip/);
      await expectText(page.getByTestId('evidence-files'), /[0-9a-f]{64}/);
      // No recording content in the evidence.
      assert.doesNotMatch(await evidence.innerText(), /bouncer/i);
      await noToast(page);
      await shoot(page, '22-guided-page');
      await page.getByTestId('draft-company').scrollIntoViewIfNeeded();
      await shoot(page, '22-guided-page-drafts');
      // The drafts follow the UI's language: back in English after the German screenshot.
      await page.waitForFunction(() =>
        /^Dear/.test(document.querySelector<HTMLTextAreaElement>('[data-testid=draft-company-body]')?.value ?? ''),
      );

      await page.getByTestId('draft-company-copy').click();
      await page.getByTestId('draft-company').getByText('Copied').waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(copied, /Dear Data Protection Officer/);
      assert.match(copied, /[0-9a-f]{64}/);
      // The drafts can be edited before copying.
      const body = page.getByTestId('draft-authority-body');
      await body.fill(`${await body.inputValue()}\nP.S. edited`);
      await page.getByTestId('draft-authority-copy').click();
      await page.getByTestId('draft-authority').getByText('Copied').waitFor();
      assert.match(await page.evaluate(() => navigator.clipboard.readText()), /P\.S\. edited$/);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-evidence').click()]);
      assert.match(download.suggestedFilename(), /^earshot-evidence-.*\.html$/);
      const saved = readFileSync((await download.path())!, 'utf8');
      assert.match(saved, /[0-9a-f]{64}/);
    });

    await t.test('removing the export leaves the library empty and shows the record of it', async () => {
      await page.getByTestId('remove-export').click();
      const confirm = page.getByTestId('confirm-remove');
      await confirm.waitFor();
      await expectText(confirm, /Remove “.+” and its \d+ recordings?\?/);
      await page.getByTestId('confirm-remove-button').click();
      const record = page.getByTestId('removal-record');
      await record.waitFor();
      await expectText(page.getByTestId('removal-time'), /was removed from Earshot on/);
      await expectText(page.getByTestId('removal-summary'), /SHA-256 [0-9a-f]{64}/);
      await expectText(page.getByTestId('removal-summary'), /Removed: /);
      await page.getByText('No exports yet').waitFor();
      await expectText(page.getByTestId('nav-library'), /^[^1-9]*$/); // no count but zero
      assert.equal(await page.getByTestId('foreign-banner').count(), 0);
      await page.getByTestId('copy-removal').click();
      assert.match(await page.evaluate(() => navigator.clipboard.readText()), /Removed: /);
      await noToast(page);
      await shoot(page, '23-removal-record');
      await page.getByTestId('removal-done').click();
      await page.getByTestId('dropzone').waitFor();
    });

    assert.deepEqual(errors, []);
  },
);

test('names and voices: warnings, "this is me", undo, the flagged filter', { skip: browserSkipReason }, async (t) => {
  const { app, page, errors } = await open();
  await page.getByTestId('dropzone').waitFor();

  await t.test('after the first import, About you asks — the second step of the first run', async () => {
    await importZip(page, 'takeout-20220304T205809Z-001.zip', namesTakeout());
    await page.getByTestId('about-you').waitFor();
    // The devices come from the export.
    assert.ok((await page.getByTestId('about-devices').locator('input[type=checkbox]').count()) >= 0);
    await addTo(page, 'names', 'Jane Doe');
    await addTo(page, 'emails', EMAILS.en);
    await addTo(page, 'household', 'Tom Doe');
    await page.getByTestId('about-save').click();
    await page.getByTestId('about-you').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('foreign-banner').count(), 0, 'the own export raises no banner');
  });

  await t.test('the warnings list says which names are mentioned, how often and how sure', async () => {
    await page.getByTestId('nav-warnings').click();
    const anna = page.getByTestId('warning-card').filter({ hasText: /mention anna/i });
    await anna.first().waitFor({ timeout: 15_000 });
    await expectText(anna.first(), /3 recordings mention anna, who isn’t in your household/i);
    await expectText(anna.first(), /How sure/);
    await expectText(anna.first().getByTestId('warning-evidence'), /3 recordings/);
    await anna.first().getByTestId('warning-listen').click();
    await anna.first().getByTestId('warning-recordings').locator('li').first().waitFor();
    assert.equal(await anna.first().getByTestId('warning-recordings').locator('li').count(), 3);
    await noToast(page);
    await shoot(page, '24-warnings');
  });

  await t.test('the flagged filter lists the flagged recordings, each with its warning', async () => {
    await page.getByTestId('show-flagged').click();
    await page.getByTestId('recording-list').waitFor();
    await settledResults(page);
    const flagged = await countIn(page, 'result-count');
    assert.ok(flagged >= 3, `at least the three recordings mentioning anna, saw ${flagged}`);
    assert.equal((await page.locator('[data-testid=recording-row] .flag.warn').count()) >= 3, true);
    const row = page.getByTestId('recording-row').filter({ hasText: /anna/ }).first();
    await row.click();
    await page.getByTestId('detail-warning').first().waitFor();
    await expectText(page.getByTestId('detail-warnings'), /mention anna/i);
    await noToast(page);
    await shoot(page, '25-flagged-detail');
  });

  await t.test('"This is me / my household" (the M key) makes the warning go, with undo', async () => {
    await page.getByTestId('nav-warnings').click();
    const anna = page.getByTestId('warning-card').filter({ hasText: /mention anna/i });
    await anna.first().focus();
    await page.keyboard.press('m');
    await anna.first().waitFor({ state: 'detached' });
    await page
      .getByTestId('toast')
      .filter({ hasText: /Earshot won’t warn about it again/ })
      .waitFor();
    // Undo brings it back…
    await page.getByTestId('toast-action').click();
    await anna.first().waitFor();
    // …and the button does the same as the key.
    await anna.first().getByTestId('warning-mine').click();
    await anna.first().waitFor({ state: 'detached' });
    await page.getByTestId('show-decided').check();
    const decided = page.getByTestId('warnings-decided').getByTestId('warning-card').filter({ hasText: /anna/i });
    await decided.waitFor();
    await expectText(decided, /You said this is you or your household/);
    // The core keeps the decided warning (same id) and what "this is me" taught it.
    const api = app.harness.earshot.handlers;
    assert.ok((await api.getProfile({})).knownPeople.some((p) => /anna/i.test(p)));
    await noToast(page);
    await shoot(page, '24b-warnings-dealt-with');
    // Undo from the dealt-with list: open again, and Anna is no longer someone Earshot knows.
    const openAnna = page.locator('[data-testid=warning-card]:not(.decided)').filter({ hasText: /mention anna/i });
    await decided.getByTestId('warning-undo').click();
    await decided.waitFor({ state: 'detached' });
    await openAnna.waitFor();
    assert.ok(!(await api.getProfile({})).knownPeople.some((p) => /anna/i.test(p)));
    await openAnna.getByTestId('warning-mine').click();
    await openAnna.waitFor({ state: 'detached' });
    await decided.waitFor();
    await page.getByTestId('show-decided').uncheck();
    // The three recordings are no longer flagged for it.
    await page.getByTestId('nav-library').click();
    await page.getByTestId('filters-toggle').click();
    await page.getByTestId('filter-status').getByRole('button', { name: 'Flagged' }).click();
    await settledResults(page);
    const rows = await page.getByTestId('recording-row').allInnerTexts();
    assert.ok(!rows.some((r) => /call anna|text anna/.test(r)), 'no recording mentioning anna stays flagged');
    await page.getByTestId('nav-library').click();
  });

  await t.test(
    'voices: groups to listen to; "someone else" flags a group, "me" makes its flags go',
    async (tt: TestContext) => {
      // The analysis runs in the background after the import (once the waveforms are prepared).
      const deadline = Date.now() + 90_000;
      let status = await app.harness.earshot.handlers.getAnalysisStatus({});
      while ((status.voices.running || status.voices.done < status.voices.total) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 500));
        status = await app.harness.earshot.handlers.getAnalysisStatus({});
      }
      tt.diagnostic(`voice analysis: ${JSON.stringify(status)}`);
      await page.getByTestId('nav-voices').click();
      await page.getByTestId('voices').waitFor();
      await page.getByTestId('sample').waitFor();
      if (!realMp3sPresent()) {
        await page.getByTestId('voices-empty').waitFor();
        tt.skip('the real Assistant MP3s are not in ../shared/realworld: the constructed ones hold no voice');
        return;
      }
      assert.ok(status.groups >= 1, `the five real recordings make at least one voice group (${status.method})`);
      assert.equal(status.voices.withoutSignature, 0);
      const groups = page.getByTestId('voice-group');
      await groups.first().waitFor();
      await expectText(groups.first(), /Voice A — \d+ recordings?/);
      assert.ok((await groups.first().getByTestId('voice-clip').count()) >= 1, 'sample clips to listen to');
      await expectText(groups.first().getByTestId('voice-state'), 'Not named yet');
      await noToast(page);
      await shoot(page, '26-voices');

      const api = app.harness.earshot.handlers;
      const voiceWarning = async (label: string) =>
        (await api.listWarnings({ includeDecided: false })).find((x) => x.kind === 'voice' && x.subject === label);
      const flagged = async () =>
        new Set(
          (
            await api.listRecordings({
              search: '',
              filters: { flagged: true },
              sort: 'newest',
              offset: 0,
              limit: 1000,
            })
          ).rows.map((r) => r.id),
        );

      // Nothing is called someone else's voice before Earshot knows a voice of the household: Tom
      // gives a sample (another speaker's real recording, chosen as a file).
      assert.equal(await voiceWarning('Voice A'), undefined);
      await page.getByTestId('sample-person').selectOption('Tom Doe');
      await page.getByTestId('sample-file-input').setInputFiles({
        name: 'tom.mp3',
        mimeType: 'audio/mpeg',
        buffer: mp3Samples()[5]!.bytes,
      });
      await page
        .getByTestId('sample-result')
        .getByText(/1 sample/)
        .waitFor({ timeout: 30_000 });
      tt.diagnostic(`sample: ${await page.getByTestId('sample-result').innerText()}`);

      // "Someone else": the core keeps it with the group and flags the group's recordings.
      const first = groups.first();
      await first.getByTestId('voice-someone-else').click();
      await first.getByTestId('voice-state').filter({ hasText: 'Someone else' }).waitFor();
      await first
        .getByTestId('voice-warning')
        .filter({ hasText: /You said this is someone else’s voice/ })
        .waitFor();
      const warning = await voiceWarning('Voice A');
      assert.ok(warning, 'a voice warning for Voice A');
      const inA = (
        await api.listRecordings({
          search: '',
          filters: { warningId: warning.id },
          sort: 'newest',
          offset: 0,
          limit: 1000,
        })
      ).rows.map((r) => r.id);
      assert.equal(inA.length, warning.recordings);
      assert.ok(inA.length >= 1);
      const before = await flagged();
      assert.ok(
        inA.every((id) => before.has(id)),
        'every recording of Voice A is flagged',
      );
      // It stays after a restart of the window: the core has it, not the window.
      await page.reload();
      await page.getByTestId('nav-voices').click();
      await page
        .getByTestId('voice-group')
        .first()
        .getByTestId('voice-state')
        .filter({ hasText: 'Someone else' })
        .waitFor();

      // "This is me": the group's flags go.
      await groups.first().getByTestId('voice-me').click();
      await groups.first().getByTestId('voice-state').filter({ hasText: 'You' }).waitFor();
      await groups.first().getByTestId('voice-warning').waitFor({ state: 'detached' });
      assert.equal(await voiceWarning('Voice A'), undefined);
      const after = await flagged();
      assert.deepEqual(
        inA.filter((id) => after.has(id)),
        [],
        'no recording of Voice A is flagged once it is the user',
      );
      // The list says so too: a recording of Voice A shows no warning flag.
      await page.getByTestId('nav-library').click();
      const row = page.locator(`[data-testid=recording-row][data-recording-id="${inA[0]}"]`);
      await row.waitFor();
      assert.equal(await row.locator('[aria-label="Has a warning"]').count(), 0);
      await page.getByTestId('nav-voices').click();

      const count = await groups.count();
      if (count > 1) {
        const second = groups.nth(1);
        const label = (await second.getAttribute('data-label'))!;
        tt.diagnostic(`${label}: ${(await voiceWarning(label))?.recordings ?? 0} recordings flagged before naming it`);
        await second.getByTestId('voice-household').click();
        await page.getByTestId('household-dialog').waitFor();
        await page.getByTestId('household-choose').click();
        await second.getByTestId('voice-state').filter({ hasText: 'Tom Doe · household' }).waitFor();
        assert.equal(await voiceWarning(label), undefined, `${label} is no longer flagged once it is Tom`);
      }
      await noToast(page);
      await shoot(page, '27-voices-named');
    },
  );

  await t.test('a voice sample from the microphone (a fake one here) or a file gets an answer', async () => {
    await page.getByTestId('sample-record').click();
    await page.getByTestId('sample-recording').waitFor();
    await page.waitForTimeout(3000);
    await page.getByTestId('sample-stop').click();
    const result = page.getByTestId('sample-result');
    await page.waitForFunction(
      () => {
        const text = document.querySelector('[data-testid=sample-result]')?.textContent ?? '';
        return text.length > 0 && !/Listening to the sample/.test(text);
      },
      null,
      { timeout: 30_000 },
    );
    await expectText(result, /Sounds like Voice|doesn’t clearly sound like|could not|too short|\w+/);
  });

  assert.deepEqual(errors, []);
});
