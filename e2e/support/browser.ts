// Shared launch code for the browser specs: a fresh build of the window (only when stale), the
// loopback harness on a temporary library, Debian's Chromium through playwright-core, screenshots
// in light, dark and German, and a real drop of files onto the page.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startHarness, type Harness } from '../harness/server.ts';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const chromiumPath = '/usr/bin/chromium';
export const rendererDir = path.join(root, 'build', 'renderer');
export const screenshotDir = path.join(root, 'test-output', 'screenshots');

/** Why the browser specs cannot run here, or false when they can. */
export const browserSkipReason = existsSync(chromiumPath)
  ? false
  : `no Chromium at ${chromiumPath} (apt-get install chromium)`;

function newest(dir: string): number {
  let latest = 0;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const s = statSync(full);
    latest = Math.max(latest, s.isDirectory() ? newest(full) : s.mtimeMs);
  }
  return latest;
}

/** Builds the window unless build/renderer is newer than every source file of the renderer. */
export async function ensureBuilt(): Promise<void> {
  const index = path.join(rendererDir, 'index.html');
  const sources = Math.max(newest(path.join(root, 'renderer')), statSync(path.join(root, 'vite.config.ts')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  const { buildApp } = (await import(path.join(root, 'scripts', 'build.mjs'))) as {
    buildApp(o: { quiet: boolean }): Promise<void>;
  };
  await buildApp({ quiet: true });
}

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      ...extraArgs,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--autoplay-policy=no-user-gesture-required',
      // A fake microphone (a test tone) that needs no permission prompt, for the voice sample.
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  });
}

export interface TestApp {
  harness: Harness;
  dir: string;
  close(): Promise<void>;
}

/** The harness on a new, empty library in a temporary folder. */
export async function startTestApp(): Promise<TestApp> {
  await ensureBuilt();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'earshot-e2e-'));
  const harness = await startHarness({ libraryFile: path.join(dir, 'library.sqlite'), rendererDir });
  return {
    harness,
    dir,
    async close() {
      await harness.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A page that fails the test on any uncaught error or CSP violation in the window. `url` is the harness's, with its token. */
export async function openPage(browser: Browser, url: string, errors: string[]): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    acceptDownloads: true,
    colorScheme: 'light',
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text()))
      errors.push(`console: ${m.text()}`);
  });
  // The harness's address carries this run's token; the page's own requests then carry its cookie.
  const response = await page.goto(url);
  assert.ok(response?.ok(), `the harness served the window (HTTP ${response?.status()}): ${url}`);
  return page;
}

export interface Session {
  app: TestApp;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** The harness on a new, empty library, Chromium, and one page on it: what a journey spec starts from. */
export async function openSession(errors: string[]): Promise<Session> {
  const app = await startTestApp();
  const browser = await launchChromium();
  const page = await openPage(browser, app.harness.url, errors);
  return {
    app,
    browser,
    page,
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

async function settle(page: Page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(120);
}

/** Sets the UI language the way another window would: saved setting plus a storage event. */
export async function setLanguage(page: Page, lang: 'en' | 'de' | null) {
  await page.evaluate((l) => {
    if (l) localStorage.setItem('earshot.language', l);
    else localStorage.removeItem('earshot.language');
    window.dispatchEvent(new StorageEvent('storage', { key: 'earshot.language', newValue: l }));
  }, lang);
}

/** Screenshots of the page as it is, in light, dark (the OS setting) and German. */
export async function shoot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string[]> {
  mkdirSync(screenshotDir, { recursive: true });
  const written: string[] = [];
  const take = async (suffix: string) => {
    await settle(page);
    const file = path.join(screenshotDir, `${name}-${suffix}.png`);
    await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
    written.push(file);
  };
  await page.emulateMedia({ colorScheme: 'light' });
  await take('light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await take('dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await setLanguage(page, 'de');
  await take('de');
  await setLanguage(page, null);
  await settle(page);
  return written;
}

/**
 * Drops files on the page with a real DragEvent whose DataTransfer carries File objects, as the
 * OS does: dragenter, dragover, then drop, on the given element.
 */
export async function dropFiles(page: Page, selector: string, files: { name: string; bytes: Buffer; type?: string }[]) {
  const payload = files.map((f) => ({
    name: f.name,
    base64: f.bytes.toString('base64'),
    type: f.type ?? 'application/octet-stream',
  }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const binary = atob(f.base64);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  }, payload);
  await page.dispatchEvent(selector, 'dragenter', { dataTransfer });
  await page.dispatchEvent(selector, 'dragover', { dataTransfer });
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
  await dataTransfer.dispose();
}

/**
 * Waits until the element's text matches, as Playwright Test's `toHaveText` does, then returns it.
 * The window fills many texts in after a request (counts show "…" first), so reading once races it.
 * On timeout it fails with the last text seen.
 */
export async function expectText(locator: Locator, expected: RegExp | string, timeout = 15_000): Promise<string> {
  const matches = (text: string) => (typeof expected === 'string' ? text === expected : expected.test(text));
  const deadline = Date.now() + timeout;
  let text = await locator.innerText({ timeout });
  while (!matches(text) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    text = await locator.innerText({ timeout: Math.max(1, deadline - Date.now()) });
  }
  if (typeof expected === 'string') assert.equal(text, expected);
  else assert.match(text, expected);
  return text;
}
