// The window by keyboard alone, in Chromium through the harness: the skip link is the first Tab
// stop, every stop shows its focus, Ctrl/Cmd+A selects the list, `?` lists every key, Esc in search.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { englishJsonTakeout, makeTempDir, writeZip } from '../../test/fixtures/google-takeout.ts';
import { SEARCH_PAUSE_MS } from '../../renderer/src/hooks/useSearchText.ts';
import { SHORTCUTS } from '../../renderer/src/lib/shortcuts.ts';
import {
  browserSkipReason,
  dropFiles,
  expectText,
  openSession,
  shoot,
  type Session,
  type TestApp,
} from '../support/browser.ts';

let page: Page;
let app: TestApp;
const errors: string[] = [];
let session: Session | undefined;

before(async () => {
  if (browserSkipReason) return;
  session = await openSession(errors);
  ({ page, app } = session);
  const dir = await makeTempDir('earshot-e2e-keys-');
  const zip = await writeZip(path.join(dir, 'takeout-20220304T205809Z-001.zip'), englishJsonTakeout());
  await page.getByTestId('dropzone').waitFor();
  await dropFiles(page, 'body', [{ name: path.basename(zip), bytes: readFileSync(zip), type: 'application/zip' }]);
  await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
  await page.getByTestId('report-close').click();
  await page.getByTestId('about-skip').click();
  await page.getByTestId('recording-row').first().waitFor();
});

after(() => session?.close());

/** What has the focus: its test id, or its tag and text. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.dataset.testid ?? `${el?.tagName.toLowerCase()}:${(el?.textContent ?? '').trim().slice(0, 40)}`;
  });

/** Whether the focused element (or, for the list, its marked row) draws a ring: an outline or a box shadow. */
const focusShows = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const target = el.matches('[data-testid="recording-list"]')
      ? (el.querySelector('.row.current, .row.cursor') ?? el)
      : el;
    const s = getComputedStyle(target);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    return el.matches(':focus-visible') && (outline || s.boxShadow !== 'none');
  });

const total = async () => {
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid=result-count]');
    return el != null && /\d/.test(el.textContent ?? '') && el.getAttribute('aria-busy') !== 'true';
  });
  return Number((await page.getByTestId('result-count').innerText()).replace(/[^\d]/g, ''));
};

test(
  'the skip link is the first Tab stop and Enter puts the focus in the list, on a ringed row',
  { skip: browserSkipReason },
  async () => {
    await page.reload();
    await page.getByTestId('recording-row').first().waitFor();
    assert.equal(
      await focused(),
      'body:' + (await page.evaluate(() => document.body.textContent ?? '')).trim().slice(0, 40),
    );
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'skip-link');
    const box = await page.getByTestId('skip-link').boundingBox();
    assert.ok(box && box.y >= 0 && box.height > 10, `the focused skip link is on screen: ${JSON.stringify(box)}`);
    await expectText(page.getByTestId('skip-link'), 'Skip to recordings');
    await shoot(page, '70-keyboard-skip-link');

    await page.keyboard.press('Enter');
    assert.equal(await focused(), 'recording-list');
    // Nothing is chosen yet, and still the list shows where its focus is.
    assert.equal(await page.locator('.row.current').count(), 0);
    const ring = await page.locator('.row.cursor').evaluate((el) => {
      const s = getComputedStyle(el);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    assert.equal(ring.style, 'solid');
    assert.ok(ring.width >= 2, `outline ${ring.width}px`);
    assert.equal(await focusShows(), true);
    await shoot(page, '71-keyboard-list-focused');

    // J chooses the first recording; the ring moves onto it.
    await page.keyboard.press('j');
    await page.locator('.row.current').waitFor();
    assert.equal(await page.locator('.row.cursor').count(), 0);
    assert.equal(await focusShows(), true);
    assert.deepEqual(errors, []);
  },
);

test('every Tab stop shows its focus', { skip: browserSkipReason }, async () => {
  await page.reload();
  await page.getByTestId('recording-row').first().waitFor();
  const unseen: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const id = await focused();
    // Round the whole window once: past the last stop the focus leaves the page (body) or wraps.
    if (id.startsWith('body:') || (seen.has(id) && id === 'skip-link')) break;
    seen.add(id);
    if (!(await focusShows())) unseen.push(id);
  }
  assert.ok(seen.size > 10, `Tab reached ${seen.size} stops`);
  assert.deepEqual(unseen, [], 'stops without a visible focus');
});

test(
  'Ctrl/Cmd+A in the list selects every recording in it, not the page text; Esc lets go',
  { skip: browserSkipReason },
  async () => {
    const n = await total();
    assert.ok(n > 1, `${n} recordings`);
    await page.getByTestId('recording-list').focus();
    await page.keyboard.press('ControlOrMeta+a');
    await expectText(page.getByTestId('selection-bar'), new RegExp(`^${n} selected`));
    assert.equal(
      await page.locator('.row.selected').count(),
      Math.min(n, await page.getByTestId('recording-row').count()),
    );
    assert.equal(await page.evaluate(() => window.getSelection()?.toString() ?? ''), '');
    await shoot(page, '72-keyboard-select-all');
    await page.keyboard.press('Escape');
    await page.getByTestId('selection-bar').waitFor({ state: 'detached' });
    // In the search box Ctrl+A is the box's own: it selects the typed text, not the recordings.
    await page.getByTestId('search').fill('hello');
    await page.getByTestId('search').press('ControlOrMeta+a');
    assert.equal(await page.getByTestId('selection-bar').count(), 0);
    assert.equal(await page.evaluate(() => window.getSelection()?.toString()), 'hello');
    await page.getByTestId('search').fill('');
  },
);

test(
  '? opens the shortcut sheet with every key of the table; Esc closes it; the sidebar opens it too',
  { skip: browserSkipReason },
  async () => {
    await page.getByTestId('recording-list').focus();
    await page.keyboard.press('?');
    const sheet = page.getByTestId('shortcut-sheet');
    await sheet.waitFor();
    assert.equal(await sheet.locator('[data-testid=shortcut-keys]').count(), SHORTCUTS.length);
    const text = await sheet.innerText();
    for (const words of [
      'Play or pause',
      'Next recording',
      'Previous recording',
      'Select every recording',
      'Search',
      'Show these shortcuts',
    ])
      assert.ok(text.includes(words), words);
    const keys = await sheet.locator('kbd').allInnerTexts();
    for (const k of ['J', 'K', '←', '→', '/', 'M', 'Delete', 'Esc', 'Space', '?', '[', ']', '0', 'A'])
      assert.ok(keys.includes(k), `${k} in ${keys.join(' ')}`);
    await shoot(page, '73-keyboard-shortcut-sheet');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });

    await page.getByTestId('open-shortcuts').click();
    await sheet.waitFor();
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    // In the search box `?` is typed, not a shortcut.
    await page.getByTestId('search').focus();
    await page.keyboard.press('?');
    assert.equal(await sheet.count(), 0);
    assert.equal(await page.getByTestId('search').inputValue(), '?');
    await page.getByTestId('search').fill('');
    assert.deepEqual(errors, []);
  },
);

test(
  'Esc in search empties it and stays there; a second Esc goes to the list',
  { skip: browserSkipReason },
  async () => {
    // The last test's search ('?') may still be clearing: wait for the whole list.
    await page.getByTestId('no-results').waitFor({ state: 'detached' });
    const n = await total();
    assert.ok(n > 0, `${n} recordings`);
    await page.getByTestId('recording-list').focus();
    await page.keyboard.press('/');
    assert.equal(await focused(), 'search');
    await page.keyboard.type('zzzz nothing like this');
    await page.getByTestId('no-results').waitFor();
    await page.keyboard.press('Escape');
    assert.equal(await page.getByTestId('search').inputValue(), '');
    assert.equal(await focused(), 'search');
    assert.equal(await total(), n);
    await page.keyboard.press('Escape');
    assert.equal(await focused(), 'recording-list');
    assert.deepEqual(errors, []);
  },
);

/**
 * Page-script lines that give `input` (the search field) and `setValue(v)`, which sets it the way
 * typing does (React's value setter, then an input event) within the caller's own task.
 */
const TYPE_IN_SEARCH = `
  const input = document.querySelector('[data-testid=search]');
  const setValue = (v) => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };`;

test(
  'a keystroke typed while the window is still applying the last search is kept',
  { skip: browserSkipReason },
  async () => {
    await page.getByTestId('no-results').waitFor({ state: 'detached' });
    const n = await total();
    // Types "zzzz", then empties the field in the very task where the paused search is sent, before
    // the window has drawn it: the moment a fast typist (or a busy machine) hits between keystrokes.
    // A string, not a function: tsx would name the helpers with a function the page does not have.
    const hit = await page.evaluate<boolean>(`(async () => {
      ${TYPE_IN_SEARCH}
      const realSetTimeout = window.setTimeout;
      const caught = new Promise((resolve) => {
        realSetTimeout(() => resolve(false), 5000);
        window.setTimeout = (fn, ms) => {
          if (ms !== ${SEARCH_PAUSE_MS}) return realSetTimeout(fn, ms);
          window.setTimeout = realSetTimeout;
          return realSetTimeout(() => {
            fn();
            setValue('');
            resolve(true);
          }, ms);
        };
      });
      input.focus();
      setValue('zzzz');
      const ok = await caught;
      window.setTimeout = realSetTimeout;
      return ok;
    })()`);
    assert.equal(hit, true, 'the paused search was caught as it was sent');
    await page.waitForTimeout(500);
    assert.equal(await page.getByTestId('search').inputValue(), '', 'the field keeps what was typed last');
    await expectText(page.getByTestId('result-count'), new RegExp(`^${n} recordings$`));
    assert.equal(await page.getByTestId('no-results').count(), 0);
    assert.equal(await total(), n);
    assert.deepEqual(errors, []);
  },
);

test(
  'the count is marked as still coming from the first keystroke until the typed search is answered',
  { skip: browserSkipReason },
  async () => {
    await page.getByTestId('no-results').waitFor({ state: 'detached' });
    const n = await total();
    // Types and reads the count in the same task (after React's microtasks, before any timer): the
    // paused search cannot have been sent yet.
    const busyAtOnce = await page.evaluate<string | null>(`(async () => {
      ${TYPE_IN_SEARCH}
      input.focus();
      setValue('zzzz');
      for (let i = 0; i < 5; i++) await Promise.resolve();
      return document.querySelector('[data-testid=result-count]').getAttribute('aria-busy');
    })()`);
    assert.equal(busyAtOnce, 'true');
    await page.getByTestId('no-results').waitFor();
    assert.equal(await total(), 0);
    await page.getByTestId('search').fill('');
    // Straight after emptying the field, total() waits for the whole list again, never the old "0".
    assert.equal(await total(), n);
    assert.deepEqual(errors, []);
  },
);

const stored = () => app.harness.earshot.db.prepare('SELECT COUNT(*) FROM recordings').pluck().get() as number;
const isStored = (id: number) =>
  app.harness.earshot.db.prepare('SELECT COUNT(*) FROM recordings WHERE id = ?').pluck().get(id) === 1;

/** Chooses the first row by keyboard, presses Delete and confirms; returns the recording's id. */
async function deleteFirstByKeyboard(): Promise<number> {
  await page.getByTestId('recording-list').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('j');
  const row = page.locator('.row.current');
  await row.waitFor();
  const id = Number(await row.getAttribute('data-recording-id'));
  await page.keyboard.press('Delete');
  await page.getByTestId('confirm-delete-button').waitFor();
  await expectText(page.getByTestId('confirm-delete'), /Delete 1 recording/);
  await page.getByTestId('confirm-delete-button').click();
  return id;
}

test('Delete, then Undo: the recording stays, nothing is deleted', { skip: browserSkipReason }, async () => {
  await page.getByTestId('recording-row').first().waitFor();
  const before = stored();
  const id = await deleteFirstByKeyboard();
  await expectText(page.getByTestId('toast'), /1 recording will be deleted/);
  // Until the undo time is over the row stays, struck through, and the recording is still stored.
  await page.locator(`[data-recording-id="${id}"].deleting`).waitFor();
  assert.equal(isStored(id), true);
  await shoot(page, '74-delete-undo-toast');
  await page.getByTestId('toast-action').click();
  await page.locator(`[data-recording-id="${id}"].deleting`).waitFor({ state: 'detached' });
  await page.waitForTimeout(9_000);
  assert.equal(stored(), before, 'undone: nothing deleted after the undo time');
  assert.equal(isStored(id), true);
  assert.equal(await page.evaluate(() => localStorage.getItem('earshot.pendingDelete.v1')), null);
  assert.deepEqual(errors, []);
});

test('Delete without Undo really deletes once the undo time is over', { skip: browserSkipReason }, async () => {
  const before = stored();
  const id = await deleteFirstByKeyboard();
  await page.locator(`[data-recording-id="${id}"].deleting`).waitFor();
  await expectText(page.getByTestId('toast'), /1 recording deleted/, 15_000);
  assert.equal(isStored(id), false);
  assert.equal(stored(), before - 1);
  await page.locator(`[data-recording-id="${id}"]`).waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
});

test(
  'closing the window during the undo time still deletes what was confirmed',
  { skip: browserSkipReason },
  async () => {
    const before = stored();
    const id = await deleteFirstByKeyboard();
    await page.locator(`[data-recording-id="${id}"].deleting`).waitFor();
    // The window goes (a reload here) long before the undo time is over.
    await page.reload();
    await page.getByTestId('recording-row').first().waitFor();
    await page.waitForFunction(() => localStorage.getItem('earshot.pendingDelete.v1') === null);
    assert.equal(isStored(id), false);
    assert.equal(stored(), before - 1);
    assert.equal(await page.locator(`[data-recording-id="${id}"]`).count(), 0);
    assert.deepEqual(errors, []);
  },
);
