// The list's faster query paths (counting in the search index, walking the sort's index, reading a
// late page from the other end) give exactly what the plain query gives: same total, same rows, same
// order, for every sort, at the start, middle and end, with and without words and filters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openLibrary, type Db } from '../electron/core/db/library.ts';
import { countSql, filterIndexPageSql, listRecordings, whereClause } from '../electron/core/db/recordings.ts';
import type { RecordingFilters } from '../electron/core/types/queries.ts';

const WORDS = ['play', 'jazz', 'timer', 'weather', 'turn', 'off', 'lights', 'music', 'call', 'mom'];
const COUNT = 1500;

function library(): Db {
  const db = openLibrary(':memory:');
  db.prepare(
    "INSERT INTO exports (kind, label, source_files, imported_at, report) VALUES ('amazon', 'x', '[]', 0, '{}')",
  ).run();
  const insert = db.prepare(
    `INSERT INTO recordings (export_id, key, source, time_utc, transcript, device, duration_ms, not_intended)
     VALUES (1, @key, 'alexa', @time, @text, @device, @duration, @notIntended)`,
  );
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  db.transaction(() => {
    for (let i = 0; i < COUNT; i++) {
      // Common words ("play" in most rows), rare ones, ties in time and duration, some NULLs.
      const text = Array.from({ length: 1 + (next() % 4) }, () => WORDS[next() % (next() % 2 ? 3 : 10)]).join(' ');
      insert.run({
        key: `r${i}`,
        time: next() % 10 === 0 ? null : 1_700_000_000_000 + (next() % 500) * 60_000,
        text,
        device: next() % 3 ? 'Kitchen' : null,
        duration: next() % 8 === 0 ? null : (next() % 50) * 100,
        notIntended: next() % 5 === 0 ? 1 : 0,
      });
    }
  })();
  assert.equal(db.prepare('SELECT COUNT(*) FROM recordings').pluck().get(), COUNT);
  return db;
}

const orders = {
  newest: 'r.time_utc DESC, r.id DESC',
  oldest: 'r.time_utc ASC, r.id ASC',
  longest: 'r.duration_ms DESC, r.id DESC',
  shortest: 'r.duration_ms ASC, r.id ASC',
} as const;

/** The plain query: every row that matches, counted and sorted by SQLite's own plan. */
function reference(db: Db, search: string, filters: RecordingFilters, sort: keyof typeof orders, offset: number) {
  const where = whereClause({ search, filters });
  const total = db.prepare(`SELECT COUNT(*) FROM recordings r ${where.sql}`).pluck().get(where.params) as number;
  const ids = db
    .prepare(`SELECT r.id FROM recordings r ${where.sql} ORDER BY ${orders[sort]} LIMIT 200 OFFSET @offset`)
    .pluck()
    .all({ ...where.params, offset }) as number[];
  return { total, ids };
}

test('every sort, page and search gives the rows and total of the plain query', () => {
  const db = library();
  let pages = 0;
  let nonEmpty = 0;
  for (const search of ['', 'play', 'p', 'jazz', 'mom', 'play -jazz', 'jazz OR mom', '"turn off"', 'xylophone']) {
    for (const filters of [
      {},
      { notIntended: false },
      { devices: ['Kitchen'] },
      // "No device" ('') is the rows without one: another form of the clause.
      { devices: [''] },
      { devices: ['', 'Kitchen'] },
      { from: 1_700_000_000_000 + 100 * 60_000, to: 1_700_000_000_000 + 400 * 60_000, hasAudio: false },
      { noTranscript: false },
    ] as RecordingFilters[]) {
      for (const sort of Object.keys(orders) as (keyof typeof orders)[]) {
        const { total } = reference(db, search, filters, sort, 0);
        for (const offset of [0, 1, Math.floor(total / 2) - 100, Math.floor(total / 2) + 3, total - 200, total - 7]) {
          if (offset < 0) continue;
          const want = reference(db, search, filters, sort, offset);
          const page = listRecordings(db, { search, filters, sort, offset, limit: 200 });
          const label = `${JSON.stringify(search)} ${JSON.stringify(filters)} ${sort} @${offset}`;
          assert.equal(page.total, want.total, label);
          assert.deepEqual(
            page.rows.map((r) => r.id),
            want.ids,
            label,
          );
          pages++;
          if (want.ids.length > 0) nonEmpty++;
        }
      }
    }
  }
  // The cases really reach the paths: many pages with rows, including late ones and big matches.
  assert.ok(pages > 500 && nonEmpty > 400, `${pages} pages, ${nonEmpty} with rows`);
  db.close();
});

test('a search that matches most of the library is counted and paged without reading every row', () => {
  const db = library();
  const where = whereClause({ search: 'play', filters: {} });
  assert.equal(where.searchOnly, true);
  assert.equal(whereClause({ search: 'play', filters: { notIntended: true } }).searchOnly, false);
  assert.equal(whereClause({ search: '', filters: {} }).searchOnly, false);
  const page = listRecordings(db, { search: 'play', sort: 'newest', offset: 0, limit: 200 });
  assert.ok(page.total > COUNT / 3, `"play" is common (${page.total} of ${COUNT})`);
  assert.equal(page.rows.length, 200);
  db.close();
});

test('words with a filter are counted and sorted in the filter index, not by reading each match', () => {
  const db = library();
  const covered = whereClause({ search: 'play', filters: { devices: ['Kitchen'], from: 1_700_000_000_000 } });
  assert.equal(covered.inFilterIndex, true);
  const plan = (
    db
      .prepare(`EXPLAIN QUERY PLAN SELECT COUNT(*) FROM recordings r INDEXED BY recordings_filter ${covered.sql}`)
      .all(covered.params) as { detail: string }[]
  )
    .map((r) => r.detail)
    .join('\n');
  assert.match(plan, /COVERING INDEX recordings_filter/);
  // The page: the matches are the outer loop, each found in the filter index by its id (scanning
  // the whole index against a list of the matches is what it replaced).
  const pagePlan = (
    db
      .prepare(`EXPLAIN QUERY PLAN ${filterIndexPageSql(covered, 'newest')}`)
      .all({ ...covered.params, limit: 200, offset: 0 }) as { detail: string }[]
  ).map((r) => r.detail);
  const outer = pagePlan.findIndex((d) => /^SCAN f VIRTUAL TABLE/.test(d));
  const inner = pagePlan.findIndex((d) => /^SEARCH r USING COVERING INDEX recordings_filter \(id=\?/.test(d));
  assert.ok(outer >= 0 && inner > outer, pagePlan.join('\n'));
  assert.ok(!pagePlan.some((d) => /^SCAN r\b/.test(d)), pagePlan.join('\n'));
  // A filter on a column the index does not hold (the transcript), words alone, or no words: the usual paths.
  assert.equal(whereClause({ search: 'play', filters: { noTranscript: false } }).inFilterIndex, false);
  assert.equal(whereClause({ search: 'play', filters: {} }).inFilterIndex, false);
  assert.equal(whereClause({ search: '', filters: { devices: ['Kitchen'] } }).inFilterIndex, false);
  db.close();
});

test('"no device" is the recordings without one, with words and without', () => {
  const db = library();
  const count = (sql: string) => db.prepare(`SELECT COUNT(*) FROM recordings WHERE ${sql}`).pluck().get() as number;
  const withoutDevice = count('device IS NULL');
  const kitchen = count("device = 'Kitchen'");
  assert.ok(withoutDevice > 100 && kitchen > 100, 'both kinds are there');
  assert.equal(listRecordings(db, { filters: { devices: [''] } }).total, withoutDevice);
  assert.equal(listRecordings(db, { filters: { devices: ['Kitchen'] } }).total, kitchen);
  assert.equal(listRecordings(db, { filters: { devices: ['', 'Kitchen'] } }).total, COUNT);
  const jazz = listRecordings(db, { search: 'jazz', filters: { devices: [''] }, limit: 500 });
  assert.ok(jazz.total > 0);
  assert.equal(jazz.rows.length, jazz.total);
  assert.ok(jazz.rows.every((r) => r.device === null && /jazz/.test(r.transcript ?? '')));
  db.close();
});

test('filters alone are counted in the filter index when SQLite would read a row per match', () => {
  const db = library();
  const plan = (sql: string, params: Record<string, unknown>) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail).join('\n');
  const from = 1_700_000_000_000 + 100 * 60_000;
  // "Has audio" in a date range: the date index narrows it, and each match's row says whether it has audio.
  const audio = whereClause({ search: '', filters: { hasAudio: false, from } });
  assert.equal(audio.filtersInFilterIndex, true);
  const plain = `SELECT COUNT(*) FROM recordings r ${audio.sql}`;
  assert.match(plan(plain, audio.params), /^SEARCH r USING INDEX recordings_time/m, 'the case is reached');
  assert.match(plan(countSql(db, audio), audio.params), /COVERING INDEX recordings_filter/);
  const want = db.prepare(plain).pluck().get(audio.params) as number;
  assert.ok(want > 100, `${want} match`);
  assert.equal(listRecordings(db, { search: '', filters: { hasAudio: false, from }, limit: 200 }).total, want);
  // An index that answers the filters by itself is kept: a date range, a device.
  for (const filters of [{ from }, { devices: ['Kitchen'] }] as RecordingFilters[]) {
    const where = whereClause({ search: '', filters });
    assert.equal(countSql(db, where), `SELECT COUNT(*) FROM recordings r ${where.sql}`, JSON.stringify(filters));
    assert.match(plan(countSql(db, where), where.params), /COVERING INDEX recordings_(time|device)/);
  }
  // A filter the index does not hold (the transcript) is counted as before.
  const text = whereClause({ search: '', filters: { noTranscript: false, from } });
  assert.equal(text.filtersInFilterIndex, false);
  assert.equal(countSql(db, text), `SELECT COUNT(*) FROM recordings r ${text.sql}`);
  db.close();
});
