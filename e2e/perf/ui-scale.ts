// The window at scale, in Chromium through the loopback harness, on a large library (100,000
// recordings from `npm run bench`): time to the first rendered list, scroll smoothness over a fast
// scripted scroll, search-as-you-type latency per keystroke, and how many rows the list renders.
//
//   npx tsx e2e/perf/ui-scale.ts [--db /tmp/earshot-bench/libs/google-100000.sqlite] [--json]
//
// Uses build/renderer as it is (run `npm run build` first).
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { startHarness } from '../harness/server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rendererDir = path.join(root, 'build', 'renderer');
const defaultLibrary = path.join(os.tmpdir(), 'earshot-bench', 'libs', 'google-100000.sqlite');
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    json: { type: 'boolean', default: false },
    query: { type: 'string', default: 'turn off the lights' },
  },
});

export interface UiScaleResult {
  recordings: number;
  firstListMsAfterLoad: number;
  firstListMsAfterNavigation: number;
  scroll: { frames: number; seconds: number; fps: number; longFrames: number; pixelsPerSecond: number };
  maxRenderedRows: number;
  visibleRows: number;
  keystrokes: { key: string; ms: number | null }[];
  keystrokeP50: number;
  keystrokeMax: number;
  note: string;
}

async function firstList(page: Page) {
  await page.locator('[data-testid="recording-row"]').first().waitFor({ timeout: 30_000 });
  return page.evaluate(() => {
    const w = window as unknown as { __firstRow?: number };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { firstRow: w.__firstRow ?? performance.now(), loadEnd: nav?.loadEventEnd ?? 0 };
  });
}

async function scroll(page: Page) {
  return page.evaluate(async () => {
    const list = document.querySelector<HTMLElement>('[data-testid="recording-list"]')!;
    const step = 400; // px per frame: about 24,000 px/s at 60 Hz — a flung scroll wheel
    const frames: number[] = [];
    let maxRows = 0;
    const started = performance.now();
    const startTop = list.scrollTop;
    await new Promise<void>((resolve) => {
      const tick = (t: number) => {
        frames.push(t);
        maxRows = Math.max(
          maxRows,
          document.querySelectorAll('[data-testid="recording-row"], .row.placeholder').length,
        );
        list.scrollTop += step;
        if (t - started < 3000) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    const gaps = frames.slice(1).map((t, i) => t - frames[i]!);
    const seconds = (frames[frames.length - 1]! - frames[0]!) / 1000;
    const visibleRows = Math.ceil(
      list.clientHeight / (document.querySelector<HTMLElement>('[data-testid="recording-row"]')?.offsetHeight || 36),
    );
    return {
      frames: frames.length,
      seconds,
      fps: (frames.length - 1) / seconds,
      longFrames: gaps.filter((g) => g > 34).length,
      pixelsPerSecond: (list.scrollTop - startTop) / seconds,
      maxRows,
      visibleRows,
    };
  });
}

async function typeAndMeasure(page: Page, text: string) {
  const search = page.locator('[data-testid="search"]');
  await search.click();
  const out: { key: string; ms: number | null }[] = [];
  for (const key of text) {
    const before = await page.evaluate(() => {
      const rows = [...document.querySelectorAll('[data-testid="recording-row"]')]
        .slice(0, 20)
        .map((r) => r.getAttribute('data-recording-id'))
        .join(',');
      return `${document.querySelector('[data-testid="result-count"]')?.textContent ?? ''}|${rows}`;
    });
    await page.evaluate(() => ((window as unknown as { __typed: number }).__typed = performance.now()));
    await page.keyboard.type(key);
    let ms: number | null = null;
    try {
      const handle = await page.waitForFunction(
        (prev) => {
          const rows = [...document.querySelectorAll('[data-testid="recording-row"]')]
            .slice(0, 20)
            .map((r) => r.getAttribute('data-recording-id'))
            .join(',');
          const now = `${document.querySelector('[data-testid="result-count"]')?.textContent ?? ''}|${rows}`;
          return now !== prev ? performance.now() - (window as unknown as { __typed: number }).__typed : false;
        },
        before,
        { polling: 'raf', timeout: 1500 },
      );
      ms = (await handle.jsonValue()) as number;
    } catch {
      ms = null; // the results did not change for this keystroke
    }
    out.push({ key, ms });
    await page.waitForTimeout(250);
  }
  return out;
}

export async function measureUi(libraryFile: string, query = 'turn off the lights'): Promise<UiScaleResult> {
  if (!existsSync(path.join(rendererDir, 'index.html')))
    throw new Error('build/renderer is missing: run `npm run build` first');
  const harness = await startHarness({ libraryFile, rendererDir });
  const recordings = harness.earshot.db.prepare('SELECT COUNT(*) FROM recordings').pluck().get() as number;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    // tsx compiles this file keeping function names, which wraps named functions in the page
    // callbacks below in an `__name(…)` helper that exists only here: give the page a stand-in.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await context.addInitScript(() => {
      const w = window as unknown as { __firstRow?: number };
      new MutationObserver((_m, observer) => {
        if (document.querySelector('[data-testid="recording-row"]')) {
          w.__firstRow = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    // A first visit warms the browser's HTTP and compile caches, as an installed app's window has them.
    await page.goto(harness.url);
    await firstList(page);
    await page.reload();
    const first = await firstList(page);
    await page.waitForTimeout(500);
    const s = await scroll(page);
    await page.waitForTimeout(300);
    const keystrokes = await typeAndMeasure(page, query);
    const measured = keystrokes
      .map((k) => k.ms)
      .filter((x): x is number => x !== null)
      .sort((a, b) => a - b);
    return {
      recordings,
      firstListMsAfterLoad: first.firstRow - first.loadEnd,
      firstListMsAfterNavigation: first.firstRow,
      scroll: {
        frames: s.frames,
        seconds: s.seconds,
        fps: s.fps,
        longFrames: s.longFrames,
        pixelsPerSecond: s.pixelsPerSecond,
      },
      maxRenderedRows: s.maxRows,
      visibleRows: s.visibleRows,
      keystrokes,
      keystrokeP50: measured[Math.floor(measured.length / 2)] ?? NaN,
      keystrokeMax: measured[measured.length - 1] ?? NaN,
      note: 'keystroke = key press to changed result count or rows; includes the search field’s debounce',
    };
  } finally {
    await browser.close();
    await harness.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Without --db: the 100,000-recording library `npm run bench` leaves behind, when it is there.
  const db = values.db ?? (existsSync(defaultLibrary) ? defaultLibrary : null);
  if (!db) {
    console.error('usage: npx tsx e2e/perf/ui-scale.ts --db LIBRARY.sqlite [--json]');
    console.error(
      `(no library at ${defaultLibrary}: build one with \`npm run bench -- --kinds google --sizes 100000\`)`,
    );
    process.exit(2);
  }
  const result = await measureUi(path.resolve(db), values.query);
  if (values.json) console.log(JSON.stringify(result));
  else {
    console.log(`Window on ${result.recordings.toLocaleString('en')} recordings (Chromium):`);
    console.log(
      `  first rendered list: ${result.firstListMsAfterLoad.toFixed(0)} ms after load (${result.firstListMsAfterNavigation.toFixed(0)} ms after navigation)`,
    );
    console.log(
      `  fast scroll: ${result.scroll.fps.toFixed(1)} fps over ${result.scroll.seconds.toFixed(1)} s, ${result.scroll.longFrames} frames over 34 ms, ${Math.round(result.scroll.pixelsPerSecond)} px/s`,
    );
    console.log(`  rows in the DOM: at most ${result.maxRenderedRows} (about ${result.visibleRows} visible)`);
    console.log(
      `  search as you type: p50 ${result.keystrokeP50.toFixed(0)} ms, max ${result.keystrokeMax.toFixed(0)} ms per keystroke (${result.note})`,
    );
  }
}
