// The c't case in Chromium through the harness, as a new user meets it: a 2018 Amazon delivery (one
// ZIP of WAVs and a transcripts PDF, no account, no device list) of a stranger couple is dropped on
// the window; the user says who they are, where they live and that they have no voice assistant;
// the window then says "very likely not yours" with each sign, and leads to the not-mine page.
// Once in English and once with the window in German — with screenshots of the banner and signs.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { makeTempDir } from '../../test/fixtures/google-takeout.ts';
import { writeCtDelivery } from '../../test/fixtures/amazon.ts';
import type { CtDelivery } from '../../scripts/generator/amazon-2018.ts';
import {
  browserSkipReason,
  dropFiles,
  expectText,
  launchChromium,
  openPage,
  screenshotDir,
  setLanguage,
  startTestApp,
  type TestApp,
} from '../support/browser.ts';

let browser: Browser;
let delivery: CtDelivery | null = null;
let noDelivery = '';
const apps: TestApp[] = [];

before(async () => {
  if (browserSkipReason) return;
  browser = await launchChromium();
  try {
    delivery = writeCtDelivery(await makeTempDir('earshot-e2e-ct-'), { seed: 'ct-e2e', count: 120 });
  } catch (error) {
    noDelivery = `the generator needs espeak-ng and ffmpeg: ${(error as Error).message}`;
  }
});

after(async () => {
  await browser?.close();
  for (const app of apps) await app.close();
});

/** What the user sees, in each language. */
const TEXT = {
  en: {
    verdict: /This export is very likely not yours — 3 signs/,
    places: /\d+ of \d+ recordings that name a place ask about Regensburg, not where you live\./,
    names: /\d+ recordings name people outside your household \(.*(Markus|Sabine).*\), and none names anyone in it\./,
    devices: (n: number) =>
      new RegExp(`${n} recordings come from Alexa devices, but you said you have no voice assistant`),
    weight: { strong: /\(a strong sign\)/, supporting: /\(counts only with others\)/ },
    notMine: /When the data isn’t yours/,
    label: /^Amazon data export · Amazon-Daten-2018$/,
  },
  de: {
    verdict: /Dieser Export ist sehr wahrscheinlich nicht deiner – 3 Anzeichen/,
    places: /\d+ von \d+ Aufnahmen, die einen Ort nennen, fragen nach Regensburg – nicht nach deinem Wohnort\./,
    names:
      /\d+ Aufnahmen nennen Menschen außerhalb deines Haushalts \(.*(Markus|Sabine).*\), keine nennt jemanden daraus\./,
    devices: (n: number) =>
      new RegExp(`${n} Aufnahmen stammen von Alexa-Geräten, aber du hast gesagt, du hast keinen Sprachassistenten`),
    weight: { strong: /\(ein starkes Anzeichen\)/, supporting: /\(zählt nur mit anderen\)/ },
    notMine: /Wenn es nicht deine Daten sind/,
    label: /^Amazon-Datenexport · Amazon-Daten-2018$/,
  },
} as const;

/** English words that must not show in the German window's banner and signs. */
const ENGLISH = /\b(recordings?|signs?|yours|household|voice assistant|not where you live|counts only)\b/;

async function shot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  // The "Saved" toast would cover the signs: click it away first.
  const toast = page.getByTestId('toast');
  if (await toast.isVisible()) await toast.click({ position: { x: 4, y: 4 } });
  await toast.waitFor({ state: 'detached' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

async function addTo(page: Page, field: string, value: string) {
  const input = page.getByTestId(`about-${field}`).locator('input');
  await input.fill(value);
  await input.press('Enter');
}

for (const lang of ['en', 'de'] as const) {
  test(`a c't delivery of strangers, dropped on the window (${lang})`, { skip: browserSkipReason }, async (t) => {
    if (!delivery) return t.skip(noDelivery);
    const made = delivery;
    const text = TEXT[lang];
    const app = await startTestApp();
    apps.push(app);
    const errors: string[] = [];
    const page = await openPage(browser, app.harness.url, errors);
    if (lang === 'de') await setLanguage(page, 'de');
    await page.getByTestId('dropzone').waitFor();

    await t.test('the ZIP is dropped and imported: WAVs with their transcripts from the PDF', async () => {
      const name = path.basename(made.file);
      await dropFiles(page, 'body', [{ name, bytes: readFileSync(made.file), type: 'application/zip' }]);
      const report = page.getByTestId('import-report');
      await report.waitFor({ timeout: 120_000 });
      await expectText(report, new RegExp(String(made.recordings)));
      await page.getByTestId('report-close').click();
      const [stored] = await app.harness.earshot.handlers.listExports({});
      assert.equal(stored?.kind, 'amazon-2018');
      assert.equal(stored.account, null, 'nothing names the account');
      assert.equal(stored.recordings, made.recordings, 'every recording is in the library');
      assert.equal(stored.withTranscript, made.withTranscript, 'the transcripts came from the PDF');
    });

    await t.test('About you: the user’s name, a home town that is not Regensburg, no voice assistant', async () => {
      // After the first import the window asks by itself; otherwise it is in Settings.
      const dialog = page.getByTestId('about-you');
      if (!(await dialog.isVisible())) {
        await page.getByTestId('open-settings').click();
        await page.getByTestId('settings-about-you').click();
      }
      await dialog.waitFor();
      await shot(page, `29-ct-about-you-${lang}`);
      await addTo(page, 'names', 'Thomas Keller');
      await addTo(page, 'homePlaces', 'Hannover');
      await page.getByTestId('about-no-assistant').check();
      await page.getByTestId('about-save').click();
      await dialog.waitFor({ state: 'detached' });
      const profile = await app.harness.earshot.handlers.getProfile({});
      assert.deepEqual(profile.names, ['Thomas Keller']);
      assert.deepEqual(profile.homePlaces, ['Hannover']);
      assert.equal(profile.noAssistant, true);
    });

    await t.test('the red banner says "very likely not yours — 3 signs"', async () => {
      const banner = page.getByTestId('foreign-banner');
      await banner.first().waitFor({ timeout: 20_000 });
      const said = await expectText(banner.first(), text.verdict);
      if (lang === 'de') assert.doesNotMatch(said, ENGLISH, 'no English in the German banner');
      await shot(page, `30-ct-banner-${lang}`);
      // The export's name in the sidebar is in the window's language too.
      await expectText(page.getByTestId('nav-export').locator('.nav-label'), text.label);
    });

    await t.test('the verdict lists its signs with their evidence and how much each counts', async () => {
      await page.getByTestId('nav-warnings').click();
      const card = page.locator('[data-testid=warning-card][data-kind=export]');
      await card.waitFor();
      await expectText(card.getByTestId('warning-title'), text.verdict);
      const signs = card.getByTestId('warning-signs');
      const sign = (kind: string) => signs.locator(`[data-sign=${kind}]`);
      assert.equal(await signs.locator('li').count(), 3, await signs.innerText());
      await expectText(sign('places'), text.places);
      await expectText(sign('places'), text.weight.supporting);
      await expectText(sign('names'), text.names);
      await expectText(sign('names'), text.weight.supporting);
      await expectText(sign('devices'), text.devices(made.recordings));
      await expectText(sign('devices'), text.weight.strong);
      // Regensburg is a place, never one of the "people outside your household".
      assert.doesNotMatch(await sign('names').innerText(), /Regensburg/);
      if (lang === 'de') assert.doesNotMatch(await card.innerText(), ENGLISH, 'no English in the German card');
      await card.scrollIntoViewIfNeeded();
      await shot(page, `31-ct-signs-${lang}`);
    });

    await t.test('from the verdict to the not-mine page', async () => {
      await page.locator('[data-testid=warning-card][data-kind=export]').getByTestId('warning-not-mine').click();
      const notMine = page.getByTestId('not-mine');
      await notMine.getByTestId('evidence').waitFor();
      await expectText(notMine.locator('h1'), text.notMine);
      await expectText(page.getByTestId('evidence-files'), /Amazon-Daten-2018\.zip/);
      await shot(page, `32-ct-not-mine-${lang}`);
    });

    assert.deepEqual(errors, [], 'no errors in the window');
  });
}
