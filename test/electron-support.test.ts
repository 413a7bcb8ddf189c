// Electron on a supported major: package.json must pin one of the newest three, judged offline from
// the release table in electron/core/electron-releases.json and today's date. Majors released after
// the table's newest entry are estimated from Electron's 8-week cadence, so a stale table cannot
// keep an unsupported Electron passing; the message then says the table needs updating.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const DAY = 86_400_000;

interface ReleaseTable {
  supportedMajors: number;
  cadenceDays: number;
  releases: { major: number; stable: string }[];
}

const table = JSON.parse(
  readFileSync(path.join(root, 'electron', 'core', 'electron-releases.json'), 'utf8'),
) as ReleaseTable;
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};

/** A range's major: "^45.5.0", "~45.5.0", "45.5.0", ">=45.0.0 <46" → 45; null when there is none. */
export function pinnedMajor(range: string): number | null {
  const m = /(\d+)\.\d+\.\d+/.exec(range) ?? /^\D*(\d+)/.exec(range);
  return m ? Number(m[1]) : null;
}

/** Days a new major may be late before the estimate counts it (Electron skips December, for one). */
const graceDays = 21;

export interface Support {
  supported: boolean;
  /** The newest major as of `today`: the table's, or estimated beyond it. */
  newest: number;
  oldestSupported: number;
  /** The table is missing majors that have probably shipped since its newest entry. */
  tableStale: boolean;
  message: string;
}

export function electronSupport(major: number, releases: ReleaseTable, today: Date): Support {
  const released = releases.releases
    .map((r) => ({ major: r.major, stable: Date.parse(`${r.stable}T00:00:00Z`) }))
    .filter((r) => r.stable <= today.getTime())
    .sort((a, b) => b.major - a.major);
  const latest = released[0];
  if (!latest) throw new Error('the release table has no major released by today');
  const days = Math.floor((today.getTime() - latest.stable) / DAY);
  const missed = Math.max(0, Math.floor((days - graceDays) / releases.cadenceDays));
  const newest = latest.major + missed;
  const oldestSupported = newest - releases.supportedMajors + 1;
  const tableStale = missed > 0;
  const supported = major >= oldestSupported;
  const stale = tableStale
    ? ` The table's newest entry, Electron ${latest.major}, shipped ${days} days ago; at one major every ${releases.cadenceDays} days Electron ${newest} is probably out: add the majors since to electron/core/electron-releases.json.`
    : '';
  const message = supported
    ? `Electron ${major} is supported (newest ${newest}, supported ${oldestSupported}–${newest}).${stale}`
    : `Electron ${major} is out of support: Electron supports only its newest ${releases.supportedMajors} majors, ${oldestSupported}–${newest}. Update "electron" in package.json.${stale}`;
  return { supported, newest, oldestSupported, tableStale, message };
}

test('package.json pins an Electron major that is still supported', (t) => {
  const range = manifest.devDependencies.electron;
  assert.ok(range, 'package.json pins electron');
  const major = pinnedMajor(range);
  assert.ok(major, `a major in "${range}"`);
  const installed = (require('electron/package.json') as { version: string }).version;
  assert.equal(pinnedMajor(installed), major, `the installed Electron (${installed}) is the pinned major`);
  const support = electronSupport(major, table, new Date());
  t.diagnostic(support.message);
  assert.ok(support.supported, support.message);
});

test('the release table is in order and follows the 8-week cadence', () => {
  const majors = table.releases.map((r) => r.major);
  assert.deepEqual(
    majors,
    majors.map((_, i) => majors[0]! + i),
    'consecutive majors',
  );
  for (let i = 1; i < table.releases.length; i++) {
    const gap = (Date.parse(table.releases[i]!.stable) - Date.parse(table.releases[i - 1]!.stable)) / DAY;
    assert.ok(gap >= 42 && gap <= 84, `${table.releases[i]!.major} came ${gap} days after the one before`);
  }
  assert.equal(table.supportedMajors, 3);
});

test('the check fails for an old major, and counts majors the table does not list yet', () => {
  const at = (day: string) => new Date(`${day}T12:00:00Z`);
  assert.deepEqual(
    [40, 42, 43, 45].map((m) => electronSupport(m, table, at('2026-12-02')).supported),
    [false, false, true, true],
  );
  const old = electronSupport(40, table, at('2026-12-02'));
  assert.match(old.message, /Electron 40 is out of support.*43–45/);
  assert.equal(old.tableStale, false);
  // Before 45 shipped, 42 was still supported.
  assert.equal(electronSupport(42, table, at('2026-10-01')).supported, true);
  // Half a year after the newest entry, three more majors have probably shipped: 45 is out, and
  // the message says the table needs updating.
  const later = electronSupport(45, table, at('2027-05-01'));
  assert.equal(later.tableStale, true);
  assert.equal(later.newest, 48);
  assert.equal(later.supported, false);
  assert.match(later.message, /add the majors since to electron\/core\/electron-releases\.json/);
  // Nine weeks on, 46 is probably out; 45 is still supported, but the table is stale.
  const soon = electronSupport(45, table, at('2027-01-15'));
  assert.deepEqual([soon.supported, soon.tableStale, soon.newest], [true, true, 46]);
  assert.deepEqual(['^45.5.0', '~44.0.1', '45.0.0-beta.3', '>=43.0.0 <44', 'latest'].map(pinnedMajor), [
    45,
    44,
    45,
    43,
    null,
  ]);
});
