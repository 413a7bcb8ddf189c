// Reading the library: the list with search, filters and sorting; one recording in full; summaries.
import type {
  DeviceSummary,
  ExportSummary,
  Overview,
  RecordingDetail,
  RecordingPage,
  RecordingRow,
} from '../types/library.ts';
import type { RecordingFilters, ListQuery } from '../types/queries.ts';
import { ListQuery as ListQuerySchema } from '../types/queries.ts';
import type { ExportKind, ImportReport, RecordingSource } from '../model.ts';
import type Database from 'better-sqlite3';
import type { Db } from './library.ts';
import { parseStoredMessage } from '../messages/index.ts';
import { searchQuery } from './search-text.ts';

/** Open warnings: not yet decided by the user. */
export const openWarningsOf = (recording: string) => `EXISTS (SELECT 1 FROM warning_recordings wr
  JOIN warnings w ON w.id = wr.warning_id LEFT JOIN warning_decisions d ON d.key = w.key
  WHERE wr.recording_id = ${recording} AND d.decision IS NULL)`;

const rowColumns = `r.id, r.export_id, r.source, r.time_utc, r.device, r.transcript, r.title, r.not_intended,
  r.unrecognized_speaker, r.has_audio, r.audio_error, r.duration_ms, ${openWarningsOf('r.id')} AS flagged`;

interface RowRecord {
  id: number;
  export_id: number;
  source: RecordingSource;
  time_utc: number | null;
  device: string | null;
  transcript: string | null;
  title: string | null;
  not_intended: number;
  unrecognized_speaker: number;
  has_audio: number;
  audio_error: string | null;
  duration_ms: number | null;
  flagged: number;
}

function toRow(r: RowRecord): RecordingRow {
  return {
    id: r.id,
    exportId: r.export_id,
    source: r.source,
    timeUtc: r.time_utc,
    device: r.device,
    transcript: r.transcript,
    title: r.title,
    notIntended: r.not_intended === 1,
    unrecognizedSpeaker: r.unrecognized_speaker === 1,
    hasAudio: r.has_audio === 1,
    audioError: parseStoredMessage(r.audio_error),
    durationMs: r.duration_ms,
    flagged: r.flagged === 1,
  };
}

const orders = {
  newest: 'r.time_utc DESC, r.id DESC',
  oldest: 'r.time_utc ASC, r.id ASC',
  longest: 'r.duration_ms DESC, r.id DESC',
  shortest: 'r.duration_ms ASC, r.id ASC',
} as const;

/** Builds the WHERE clause shared by the page and its count. */
export function whereClause(query: { search: string; filters: RecordingFilters }) {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const search = searchQuery(query.search);
  if (search.noWords) clauses.push('0');
  const matchClause = 'r.id IN (SELECT rowid FROM recordings_fts WHERE recordings_fts MATCH @match)';
  if (search.match) {
    clauses.push(matchClause);
    params.match = search.match;
  }
  if (search.exclude) {
    clauses.push('r.id NOT IN (SELECT rowid FROM recordings_fts WHERE recordings_fts MATCH @exclude)');
    params.exclude = search.exclude;
  }
  const searchClauses = clauses.length;
  const f = query.filters;
  // Filters on columns of the filter index (migration 8) can be checked without reading the rows.
  const uncovered = f.flagged != null || f.warningId != null || f.slot != null || f.noTranscript != null;
  if (f.from != null) {
    clauses.push('r.time_utc >= @from');
    params.from = f.from;
  }
  if (f.to != null) {
    clauses.push('r.time_utc < @to');
    params.to = f.to;
  }
  if (f.devices?.length) {
    // '' stands for "no device"; without it the device index can find the rows (COALESCE hides it).
    clauses.push(
      f.devices.includes('')
        ? `COALESCE(r.device, '') IN (SELECT value FROM json_each(@devices))`
        : `r.device IN (SELECT value FROM json_each(@devices))`,
    );
    params.devices = JSON.stringify(f.devices);
  }
  if (f.exportIds?.length) {
    clauses.push('r.export_id IN (SELECT value FROM json_each(@exportIds))');
    params.exportIds = JSON.stringify(f.exportIds);
  }
  if (f.sources?.length) {
    clauses.push('r.source IN (SELECT value FROM json_each(@sources))');
    params.sources = JSON.stringify(f.sources);
  }
  if (f.notIntended != null) clauses.push(`r.not_intended = ${f.notIntended ? 1 : 0}`);
  if (f.unrecognizedSpeaker != null) clauses.push(`r.unrecognized_speaker = ${f.unrecognizedSpeaker ? 1 : 0}`);
  if (f.hasAudio != null) clauses.push(`r.has_audio = ${f.hasAudio ? 1 : 0}`);
  if (f.flagged != null) clauses.push(f.flagged ? openWarningsOf('r.id') : `NOT ${openWarningsOf('r.id')}`);
  if (f.warningId != null) {
    clauses.push('r.id IN (SELECT recording_id FROM warning_recordings WHERE warning_id = @warningId)');
    params.warningId = f.warningId;
  }
  if (f.slot) {
    // The same local weekday and hour as Insight's heatmap (SQLite's %w counts from Sunday).
    const local = `(r.time_utc + @slotShift) / 1000, 'unixepoch'`;
    clauses.push(
      `(CAST(strftime('%w', ${local}) AS INTEGER) + 6) % 7 = @slotWeekday AND CAST(strftime('%H', ${local}) AS INTEGER) = @slotHour`,
    );
    Object.assign(params, {
      slotShift: -f.slot.tzOffsetMinutes * 60_000,
      slotWeekday: f.slot.weekday,
      slotHour: f.slot.hour,
    });
  }
  if (f.noTranscript != null) {
    clauses.push(
      f.noTranscript
        ? `(r.transcript IS NULL OR r.transcript = '')`
        : `(r.transcript IS NOT NULL AND r.transcript <> '')`,
    );
  }
  const rest = clauses.filter((c) => c !== matchClause);
  return {
    sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '',
    /** Every clause but the words (when a query finds the words itself), each after an AND. */
    andFilters: rest.map((c) => ` AND ${c}`).join(''),
    params,
    noWords: search.noWords,
    /** Words to find and nothing else: the search index alone can count the matches. */
    searchOnly: search.match != null && !search.noWords && clauses.length === searchClauses,
    /** Words and filters that the filter index holds: matches are counted and sorted in that index. */
    inFilterIndex: search.match != null && !search.noWords && clauses.length > searchClauses && !uncovered,
    /** Filters alone, all held by the filter index: it can count them if SQLite's own plan reads rows. */
    filtersInFilterIndex: search.match == null && !search.noWords && clauses.length > 0 && !uncovered,
  };
}

type Where = ReturnType<typeof whereClause>;

/** What is worked out once per connection and SQL text, kept with the connection (200 at most). */
function perStatement<T>(cache: WeakMap<Db, Map<string, T>>, db: Db, sql: string, make: () => T): T {
  let known = cache.get(db);
  if (!known) cache.set(db, (known = new Map()));
  let value = known.get(sql);
  if (value === undefined) {
    if (known.size > 200) known.clear();
    value = make();
    known.set(sql, value);
  }
  return value;
}

/**
 * Statements by their SQL, per connection: the list is asked for on every key press, and
 * preparing costs as much as running a small query.
 */
const statements = new WeakMap<Db, Map<string, Database.Statement>>();
function prepared(db: Db, sql: string): Database.Statement {
  return perStatement(statements, db, sql, () => db.prepare(sql));
}

/**
 * How many recordings match. Words alone are counted in the search index, which holds exactly one
 * entry per recording (kept by triggers): looking up every matching row would cost a random read
 * each, 60,000 of them for a single letter at 100,000 recordings.
 */
function countMatching(db: Db, where: Where): number {
  if (where.searchOnly) {
    const exclude =
      where.params.exclude != null
        ? ' AND rowid NOT IN (SELECT rowid FROM recordings_fts WHERE recordings_fts MATCH @exclude)'
        : '';
    return prepared(db, `SELECT COUNT(*) FROM recordings_fts WHERE recordings_fts MATCH @match${exclude}`)
      .pluck()
      .get(where.params) as number;
  }
  return prepared(db, countSql(db, where)).pluck().get(where.params) as number;
}

/**
 * The count's statement. Filters alone are counted by SQLite through the index that narrows them
 * most, reading each match's row for a condition that index does not hold: "has audio" in the
 * last year is 18,000 random reads of a 128 MB table at 100,000 recordings (167 ms with a cold
 * cache, 53 ms while waveforms are being stored, 8 ms warm). When its plan would read rows, the
 * filter index, 4 MB holding every filter column, counts them without (49 ms cold, 6 ms warm);
 * when an index answers the filters alone (a date range, a device), SQLite's plan stays.
 */
export function countSql(db: Db, where: Where): string {
  const plain = `SELECT COUNT(*) FROM recordings r ${where.sql}`;
  const inIndex = `SELECT COUNT(*) FROM recordings r INDEXED BY recordings_filter ${where.sql}`;
  if (where.inFilterIndex) return inIndex;
  if (!where.filtersInFilterIndex) return plain;
  return planReadsRows(db, plain, where.params) ? inIndex : plain;
}

/** Per connection and statement: whether SQLite's plan reads the recordings' rows. */
const readsRows = new WeakMap<Db, Map<string, boolean>>();
function planReadsRows(db: Db, sql: string, params: Record<string, unknown>): boolean {
  return perStatement(readsRows, db, sql, () =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).some(
      // Any step over the table that is not on a covering index: a full scan or a row per match.
      (p) => /^(SCAN|SEARCH) r\b/.test(p.detail) && !/COVERING INDEX/.test(p.detail),
    ),
  );
}

/** The index that gives each sort its order, and its reverse (same index, read backwards). */
const sortIndexes = {
  newest: 'recordings_time',
  oldest: 'recordings_time',
  longest: 'recordings_duration',
  shortest: 'recordings_duration',
} as const;
const reverseSort = { newest: 'oldest', oldest: 'newest', longest: 'shortest', shortest: 'longest' } as const;

type Sort = keyof typeof orders;

function pageRows(db: Db, where: Where, sort: Sort, offset: number, limit: number, total: number): RowRecord[] {
  if (limit <= 0 || offset >= total) return [];
  // A page in the second half is the same rows read from the other end: the index walk skips
  // `total - offset` entries instead of `offset`. Every order ends in the id, so it is strict and
  // its reverse is exact.
  if (offset > 0 && offset + limit / 2 > total / 2) {
    const count = Math.min(limit, total - offset);
    const fromEnd = total - offset - count;
    return readPage(db, where, reverseSort[sort], fromEnd, count, total).reverse();
  }
  return readPage(db, where, sort, offset, limit, total);
}

function readPage(db: Db, where: Where, sort: Sort, offset: number, limit: number, total: number): RowRecord[] {
  // With many matches, walking the sort's index and keeping the matching rows finds a page after
  // (offset + limit) × rows / matches entries; SQLite's own plan reads and sorts every match. With
  // few matches, reading them all is cheaper than walking the index to find them. Only for words
  // alone: a filter needs each walked row read from the table, which is the cost saved.
  let from = 'recordings r';
  if (where.searchOnly && total > 0) {
    // Two subqueries: each is one step down the table's b-tree, where `MAX(id) - MIN(id)` reads every row.
    const span =
      (prepared(db, 'SELECT (SELECT MAX(id) FROM recordings) - (SELECT MIN(id) FROM recordings) + 1').pluck().get() as
        number | null) ?? 0;
    const walked = ((offset + limit) * span) / total;
    if (walked < total * WALK_PER_READ) from = `recordings r INDEXED BY ${sortIndexes[sort]}`;
  }
  return prepared(
    db,
    `SELECT ${rowColumns} FROM ${from} ${where.sql} ORDER BY ${orders[sort]} LIMIT @limit OFFSET @offset`,
  ).all({ ...where.params, limit, offset }) as RowRecord[];
}

/** Index entries walked for the cost of reading one matching row by its id and sorting it. */
const WALK_PER_READ = 8;

export function listRecordings(db: Db, input: ListQuery): RecordingPage {
  const query = ListQuerySchema.parse(input);
  const where = whereClause(query);
  const { total, rows } = where.inFilterIndex
    ? pageInFilterIndex(db, where, query.sort, query.offset, query.limit)
    : (() => {
        const total = countMatching(db, where);
        return { total, rows: pageRows(db, where, query.sort, query.offset, query.limit, total) };
      })();
  return { total, offset: query.offset, rows: rows.map(toRow), ...(where.noWords ? { searchHasNoWords: true } : {}) };
}

/**
 * Words with filters: every match is checked and sorted in the small filter index, and only the
 * page's rows are read from the table (a match's row is a random read; a page is 200 of them). The
 * page and its count come from one pass: each match is looked up in the search index once, not
 * once for the count and again for the page. The matches are the outer loop, each one a step down
 * the filter index by its id: scanning the whole index against a list of the matches built first
 * took a quarter longer at 100,000 recordings, and for a single letter a third.
 */
function pageInFilterIndex(db: Db, where: Where, sort: Sort, offset: number, limit: number) {
  const found = prepared(db, filterIndexPageSql(where, sort)).all({ ...where.params, limit, offset }) as {
    id: number;
    total: number;
  }[];
  // A page past the end has no row to carry the count.
  const total = found[0]?.total ?? (offset > 0 ? countMatching(db, where) : 0);
  return {
    total,
    rows: rowsInOrder(
      db,
      found.map((f) => f.id),
    ),
  };
}

/** The ids of a page of words with filters, and how many match in all (pageInFilterIndex). */
export function filterIndexPageSql(where: Where, sort: Sort): string {
  return `SELECT r.id, COUNT(*) OVER () AS total FROM recordings_fts f
     CROSS JOIN recordings r INDEXED BY recordings_filter ON r.id = f.rowid
     WHERE recordings_fts MATCH @match${where.andFilters}
     ORDER BY ${orders[sort]} LIMIT @limit OFFSET @offset`;
}

/** The rows of these recordings, in this order. */
function rowsInOrder(db: Db, ids: number[]): RowRecord[] {
  if (!ids.length) return [];
  const rows = prepared(
    db,
    `SELECT ${rowColumns} FROM recordings r WHERE r.id IN (SELECT value FROM json_each(@ids))`,
  ).all({ ids: JSON.stringify(ids) }) as RowRecord[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** One recording in full; the API adds what the stored zone means (its offset), which the importers know. */
export function getRecording(db: Db, id: number): Omit<RecordingDetail, 'timeZoneOffsetMinutes'> | null {
  const r = db
    .prepare(
      `SELECT ${rowColumns}, r.time_original, r.time_zone, r.device_serial, r.response, r.vendor_flags, r.speaker_label,
         r.audio_path, r.codec, r.sample_rate, r.channels, r.audio_sha256, r.audio_size, r.peaks, r.extra, e.label AS export_label
       FROM recordings r JOIN exports e ON e.id = r.export_id WHERE r.id = ?`,
    )
    .get(id) as
    | (RowRecord & {
        time_original: string | null;
        time_zone: string | null;
        device_serial: string | null;
        response: string | null;
        vendor_flags: string;
        speaker_label: string | null;
        audio_path: string | null;
        codec: string | null;
        sample_rate: number | null;
        channels: number | null;
        audio_sha256: string | null;
        audio_size: number | null;
        peaks: Buffer | null;
        extra: string;
        export_label: string;
      })
    | undefined;
  if (!r) return null;
  return {
    ...toRow(r),
    timeOriginal: r.time_original,
    timeZone: r.time_zone,
    deviceSerial: r.device_serial,
    response: r.response,
    vendorFlags: JSON.parse(r.vendor_flags) as string[],
    speakerLabel: r.speaker_label,
    audioPath: r.audio_path,
    codec: r.codec,
    sampleRate: r.sample_rate,
    channels: r.channels,
    audioSha256: r.audio_sha256,
    audioSize: r.audio_size,
    peaks: r.peaks ? Array.from(r.peaks) : [],
    exportLabel: r.export_label,
    extra: JSON.parse(r.extra) as Record<string, unknown>,
    warnings: db
      .prepare(
        `SELECT w.id, w.kind, w.severity, w.subject, w.reason FROM warning_recordings wr
         JOIN warnings w ON w.id = wr.warning_id LEFT JOIN warning_decisions d ON d.key = w.key
         WHERE wr.recording_id = ? AND d.decision IS NULL ORDER BY w.id`,
      )
      .all(id)
      .map((w) => {
        const row = w as Omit<RecordingDetail['warnings'][number], 'reason'> & { reason: string };
        return { ...row, reason: parseStoredMessage(row.reason)! };
      }),
    voice:
      (db
        .prepare(
          `SELECT g.id AS groupId, g.label, g.person FROM voice_signatures s JOIN voice_groups g ON g.id = s.group_id
           WHERE s.recording_id = ?`,
        )
        .get(id) as RecordingDetail['voice'] | undefined) ?? null,
  };
}

export function getOverview(db: Db, libraryFile: string): Overview {
  const o = db
    .prepare(
      `SELECT COUNT(*) AS recordings, COALESCE(SUM(has_audio), 0) AS withAudio,
         MIN(time_utc) AS firstTime, MAX(time_utc) AS lastTime FROM recordings`,
    )
    .get() as { recordings: number; withAudio: number; firstTime: number | null; lastTime: number | null };
  const exports = db.prepare('SELECT COUNT(*) FROM exports').pluck().get() as number;
  const warnings = db
    .prepare(
      `SELECT COUNT(*) AS warnings, COALESCE(SUM(w.severity = 'strong'), 0) AS strongWarnings
       FROM warnings w LEFT JOIN warning_decisions d ON d.key = w.key WHERE d.decision IS NULL`,
    )
    .get() as { warnings: number; strongWarnings: number };
  return { ...o, exports, libraryFile, ...warnings };
}

export function listExports(db: Db): ExportSummary[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.kind, e.label, e.account, e.imported_at, e.with_audio, e.with_transcript, e.first_time,
         e.last_time, e.source_files, e.report, (SELECT COUNT(*) FROM recordings r WHERE r.export_id = e.id) AS recordings
       FROM exports e ORDER BY e.imported_at DESC, e.id DESC`,
    )
    .all() as {
    id: number;
    kind: ExportKind;
    label: string;
    account: string | null;
    imported_at: number;
    recordings: number;
    with_audio: number;
    with_transcript: number;
    first_time: number | null;
    last_time: number | null;
    source_files: string;
    report: string;
  }[];
  return rows.map((e) => ({
    id: e.id,
    kind: e.kind,
    label: e.label,
    account: e.account,
    importedAt: e.imported_at,
    recordings: e.recordings,
    withAudio: e.with_audio,
    withTranscript: e.with_transcript,
    firstTime: e.first_time,
    lastTime: e.last_time,
    sourceFiles: JSON.parse(e.source_files) as { name: string; size: number }[],
    report: JSON.parse(e.report) as ImportReport,
  }));
}

export function listDevices(db: Db): DeviceSummary[] {
  return db
    .prepare(
      `SELECT COALESCE(device, '') AS name, COUNT(*) AS recordings FROM recordings
       GROUP BY COALESCE(device, '') ORDER BY recordings DESC, name`,
    )
    .all() as DeviceSummary[];
}

/** The original audio bytes and their type, for the audio protocol. */
export function getAudio(db: Db, id: number): { bytes: Buffer; codec: string | null } | null {
  const row = db
    .prepare('SELECT a.bytes, r.codec FROM audio a JOIN recordings r ON r.id = a.recording_id WHERE a.recording_id = ?')
    .get(id) as { bytes: Buffer; codec: string | null } | undefined;
  return row ?? null;
}
