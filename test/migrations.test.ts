// Upgrading a library someone already has: a library built at every earlier schema version, with
// real rows in it, opens at the latest version with every row still there and still found by search.
// Data-driven: a migration that adds a table or a column adds a case here with rows of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openLibrary, type Db } from '../electron/core/db/library.ts';
import { latestVersion, migrations } from '../electron/core/db/migrations.ts';
import { listExports, listRecordings } from '../electron/core/db/recordings.ts';
import { listKeptFiles } from '../electron/core/db/kept-files.ts';
import { tempDir } from './helpers/zip.ts';
import { listWarnings } from '../electron/core/analysis/warnings.ts';
import { english, render } from '../electron/core/messages/index.ts';

interface UpgradeCase {
  /** The schema version whose tables these rows need. */
  since: number;
  /** Rows only versions before this one wrote (a migration converts them): the case is left out from it on. */
  before?: number;
  name: string;
  /** Rows written with plain SQL, as that version's app would have stored them. */
  seed(db: Database.Database): void;
  /** After the upgrade, through the app's own reading code where there is one. */
  check(db: Db): void;
}

const may2018 = Date.UTC(2018, 4, 1, 9, 30);
const report = JSON.stringify({
  exportId: 1,
  exportKind: 'amazon-2018',
  found: 2,
  recordings: 2,
  skipped: [],
  notes: [],
});

const cases: UpgradeCase[] = [
  {
    since: 1,
    name: 'an export, recordings with transcripts and audio, a kept file',
    seed(db) {
      db.prepare(
        `INSERT INTO exports (id, kind, label, source_files, account, account_kind, account_found_in, imported_at,
           recording_count, with_audio, with_transcript, first_time, last_time, report)
         VALUES (1, 'amazon-2018', 'Amazon data export · Mai 2018', '[{"name":"Alexa.zip","size":1234}]',
           'someone@example.com', 'email', 'Kundendaten.csv', ?, 2, 1, 2, ?, ?, ?)`,
      ).run(may2018 + 86_400_000, may2018, may2018 + 60_000, report);
      const rec = db.prepare(
        `INSERT INTO recordings (id, export_id, key, source, time_utc, device, transcript, response, has_audio, audio_sha256, audio_size, duration_ms)
         VALUES (?, 1, ?, 'alexa', ?, 'Küche', ?, ?, ?, ?, ?, ?)`,
      );
      rec.run(
        1,
        'amazon:1',
        may2018,
        'wie wird das Wetter in Gießen',
        'In Gießen regnet es',
        1,
        'ab'.repeat(32),
        4,
        1500,
      );
      rec.run(2, 'amazon:2', may2018 + 60_000, 'ruf lena schmidt an', null, 0, null, null, null);
      db.prepare('INSERT INTO audio (recording_id, bytes) VALUES (1, ?)').run(Buffer.from([1, 2, 3, 4]));
      db.prepare(
        "INSERT INTO attachments (export_id, path, reason, sha256, bytes) VALUES (1, 'Alexa-Transkripte.pdf', 'kept', ?, ?)",
      ).run('cd'.repeat(32), Buffer.from('%PDF-1.4'));
    },
    check(db) {
      const [exp] = listExports(db);
      assert.equal(exp?.label, 'Amazon data export · Mai 2018');
      assert.equal(exp?.account, 'someone@example.com');
      assert.equal(exp?.recordings, 2);
      assert.deepEqual(exp?.sourceFiles, [{ name: 'Alexa.zip', size: 1234 }]);
      const all = listRecordings(db, {});
      assert.equal(all.total, 2);
      const weather = listRecordings(db, { search: 'wetter' });
      assert.deepEqual(
        weather.rows.map((r) => r.id),
        [1],
        'the search index still finds an old transcript',
      );
      assert.deepEqual(
        listRecordings(db, { search: 'regnet' }).rows.map((r) => r.id),
        [1],
        'and its response',
      );
      assert.deepEqual(
        listRecordings(db, { search: 'lena' }).rows.map((r) => r.id),
        [2],
      );
      assert.equal(weather.rows[0]?.device, 'Küche');
      assert.equal(weather.rows[0]?.hasAudio, true);
      const audio = db.prepare('SELECT bytes FROM audio WHERE recording_id = 1').pluck().get() as Buffer;
      assert.deepEqual([...audio], [1, 2, 3, 4], 'the audio bytes are unchanged');
      assert.deepEqual(
        listKeptFiles(db, 1).map((f) => [f.path, f.size]),
        [['Alexa-Transkripte.pdf', 8]],
      );
    },
  },
  {
    since: 3,
    name: 'a warning with its recordings, a decision, name mentions, a removal record',
    seed(db) {
      db.prepare(
        `INSERT INTO warnings (id, key, kind, severity, export_id, subject, reason, evidence, first_time, last_time, created_at)
         VALUES (1, 'name:lena schmidt', 'name', 'warning', 1, 'Lena Schmidt',
           '1 recording mentions Lena Schmidt, who isn''t in your household.', '{"source":"transcript"}', ?, ?, ?)`,
      ).run(may2018 + 60_000, may2018 + 60_000, may2018 + 86_400_000);
      db.prepare('INSERT INTO warning_recordings (warning_id, recording_id) VALUES (1, 2)').run();
      db.prepare(
        "INSERT INTO warning_decisions (key, decision, decided_at) VALUES ('name:lena schmidt', 'dismissed', ?)",
      ).run(may2018 + 2 * 86_400_000);
      db.prepare(
        "INSERT INTO name_mentions (recording_id, name, folded, source) VALUES (2, 'lena schmidt', 'lena schmidt', 'transcript')",
      ).run();
      db.prepare('UPDATE recordings SET names_checked = 1 WHERE id = 2').run();
      db.prepare(
        "INSERT INTO removal_log (removed_at, export_label, account, summary) VALUES (?, 'Alexa voice history', 'x@example.com', 'removed')",
      ).run(may2018);
    },
    check(db) {
      const w = db.prepare('SELECT key, kind, severity, export_id, subject FROM warnings WHERE id = 1').get() as Record<
        string,
        unknown
      >;
      assert.deepEqual(w, {
        key: 'name:lena schmidt',
        kind: 'name',
        severity: 'warning',
        export_id: 1,
        subject: 'Lena Schmidt',
      });
      assert.deepEqual(
        db.prepare('SELECT recording_id FROM warning_recordings WHERE warning_id = 1').pluck().all(),
        [2],
      );
      assert.equal(
        db.prepare("SELECT decision FROM warning_decisions WHERE key = 'name:lena schmidt'").pluck().get(),
        'dismissed',
        'what the user decided is kept',
      );
      assert.equal(db.prepare('SELECT COUNT(*) FROM name_mentions WHERE recording_id = 2').pluck().get(), 1);
      assert.equal(db.prepare('SELECT names_checked FROM recordings WHERE id = 2').pluck().get(), 1);
      assert.equal(db.prepare('SELECT COUNT(*) FROM removal_log').pluck().get(), 1);
    },
  },
  {
    since: 3,
    before: 7,
    name: 'warnings stored as English sentences become catalogue keys with their parameters (migration 7)',
    seed(db) {
      const signs = [
        {
          kind: 'names',
          strength: 'strong',
          confidence: 0.8,
          reason: '2 recordings name people outside your household (Lena Schmidt, Tom), and none names anyone in it.',
          facts: {},
          warningKey: null,
        },
      ];
      const warning = db.prepare(
        `INSERT INTO warnings (id, key, kind, severity, export_id, subject, reason, evidence, created_at)
         VALUES (?, ?, ?, 'strong', 1, 'Alexa', ?, ?, ?)`,
      );
      warning.run(
        2,
        'export:1',
        'export',
        `This export is very likely not yours — 1 sign: ${signs[0]!.reason}`,
        JSON.stringify({ signs, recordings: 2 }),
        may2018,
      );
      warning.run(3, 'device:x', 'device', 'A sentence no catalogue has', '{}', may2018);
    },
    check(db) {
      const all = listWarnings(db, { includeDecided: true });
      const name = all.find((w) => w.key === 'name:lena schmidt');
      assert.deepEqual(name?.reason, { key: 'warnings.nameOutsider', params: { count: 1, name: 'Lena Schmidt' } });
      const sign = { key: 'warnings.signNames', params: { count: 2, names: 'Lena Schmidt, Tom' } };
      const verdict = all.find((w) => w.key === 'export:1');
      assert.deepEqual(verdict?.reason, {
        key: 'text.sentences',
        params: { sentences: [{ key: 'warnings.exportVerdict', params: { count: 1 } }, sign] },
      });
      assert.deepEqual((verdict?.evidence.signs as { reason: unknown }[])[0]?.reason, sign);
      assert.equal(
        render(verdict!.reason, 'de', 'de-DE'),
        'Dieser Export ist sehr wahrscheinlich nicht deiner – 1 Anzeichen: ' + render(sign, 'de', 'de-DE'),
      );
      const other = all.find((w) => w.key === 'device:x');
      assert.equal(english(other!.reason), 'A sentence no catalogue has', 'unrecognised text is kept as it was');
      const raw = db.prepare('SELECT reason FROM warnings WHERE id = 1').pluck().get() as string;
      assert.deepEqual(JSON.parse(raw), name?.reason, 'the row itself holds the key, not English');
    },
  },
  {
    since: 1,
    before: 10,
    name: 'an import report, a kept file and an audio error stored as English become catalogue keys (migration 10)',
    seed(db) {
      const english = {
        ...JSON.parse(report),
        notes: [
          '1,700 audio files are not named by any voice-history record; they were imported without a transcript.',
          'The transcripts in “Alexa-Transkripte.pdf” could not be read: it holds text, but no lines that start with a date and time, as transcripts do. The PDF was kept with this export, and the recordings were imported without its transcripts.',
          'A note no catalogue has',
        ],
        skipped: [
          { path: 'settings.json', reason: 'is not valid JSON (Unexpected token } in JSON at position 4)' },
          { path: 'empty.json', reason: 'is empty' },
        ],
      };
      db.prepare('UPDATE exports SET report = ? WHERE id = 1').run(JSON.stringify(english));
      db.prepare("UPDATE attachments SET reason = 'transcripts were read from this PDF; it is kept as it came'").run();
      db.prepare(
        "UPDATE recordings SET audio_error = 'the MP3 data is damaged and could not be decoded' WHERE id = 1",
      ).run();
    },
    check(db) {
      const stored = listExports(db).find((e) => e.id === 1)!.report;
      assert.deepEqual(stored.notes, [
        { key: 'alexa.unreferencedAudio', params: { count: 1700 } },
        {
          key: 'amazon.pdfUnread',
          params: { file: 'Alexa-Transkripte.pdf', reason: { key: 'amazon.pdfNoRows' } },
        },
        { key: 'text.raw', params: { text: 'A note no catalogue has' } },
      ]);
      assert.deepEqual(stored.skipped, [
        {
          path: 'settings.json',
          reason: { key: 'import.skipNotJson', params: { detail: 'Unexpected token } in JSON at position 4' } },
        },
        { path: 'empty.json', reason: { key: 'import.skipEmpty' } },
      ]);
      // The same English as before, and German for a German window.
      assert.equal(
        english(stored.notes[0]!),
        '1,700 audio files are not named by any voice-history record; they were imported without a transcript.',
      );
      assert.equal(
        render(stored.notes[0]!, 'de', 'de-DE'),
        '1.700 Audiodateien werden von keinem Eintrag im Sprachverlauf genannt; sie wurden ohne Transkript importiert.',
      );
      assert.equal(
        render(stored.notes[1]!, 'de', 'de-DE'),
        'Die Transkripte in „Alexa-Transkripte.pdf“ ließen sich nicht lesen: sie enthält Text, aber keine Zeilen, die wie Transkripte mit Datum und Uhrzeit beginnen. Die PDF wurde mit diesem Export aufbewahrt, und die Aufnahmen wurden ohne ihre Transkripte importiert.',
      );
      assert.equal(english(stored.notes[2]!), 'A note no catalogue has', 'unrecognised text is kept as it was');
      assert.equal(render(stored.skipped[1]!.reason, 'de', 'de-DE'), 'ist leer');
      const [kept] = listKeptFiles(db, 1);
      assert.deepEqual(kept?.reason, { key: 'amazon.pdfReadReason' });
      const audioError = listRecordings(db, { search: 'wetter' }).rows[0]?.audioError;
      assert.deepEqual(audioError, { key: 'audio.mp3Damaged' });
      assert.equal(
        render(audioError!, 'de', 'de-DE'),
        'die MP3-Daten sind beschädigt und ließen sich nicht dekodieren',
      );
      const raw = db.prepare('SELECT audio_error FROM recordings WHERE id = 1').pluck().get() as string;
      assert.deepEqual(JSON.parse(raw), audioError, 'the row itself holds the key, not English');
    },
  },
  {
    since: 3,
    before: 10,
    name: 'a voice signature’s error stored as English becomes a catalogue key (migration 10)',
    seed(db) {
      db.prepare(
        "INSERT INTO voice_signatures (recording_id, vector, method, error) VALUES (1, NULL, 'mfcc-v1', 'the audio could not be decoded')",
      ).run();
    },
    check(db) {
      const raw = db.prepare('SELECT error FROM voice_signatures WHERE recording_id = 1').pluck().get() as string;
      assert.deepEqual(JSON.parse(raw), { key: 'voices.undecodable' });
    },
  },
  {
    since: 1,
    name: 'words with a filter are found through the filter index (migration 8)',
    // The rows are the first case's: two recordings in the kitchen, a minute apart.
    seed() {},
    check(db) {
      const index = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'recordings_filter'");
      assert.equal(index.pluck().get(), 'recordings_filter');
      const page = listRecordings(db, { search: 'wetter', filters: { devices: ['Küche'], from: may2018 } });
      assert.deepEqual(
        page.rows.map((r) => r.id),
        [1],
      );
      assert.equal(page.total, 1);
      const later = listRecordings(db, { search: 'r', filters: { from: may2018 + 1 } });
      assert.deepEqual(
        later.rows.map((r) => r.id),
        [2],
      );
      const both = listRecordings(db, { search: 'lena OR gießen', filters: { exportIds: [1] }, sort: 'oldest' });
      assert.deepEqual(
        both.rows.map((r) => r.id),
        [1, 2],
      );
    },
  },
];

/** A library file as the app at `version` left it: that version's schema and the rows of each case. */
function libraryAt(version: number, file: string): void {
  const db = new Database(file);
  try {
    for (const m of migrations) {
      if (m.version > version) break;
      db.transaction(() => {
        db.exec(m.sql);
        m.run?.(db);
        db.pragma(`user_version = ${m.version}`);
      })();
    }
    for (const c of cases) if (c.since <= version) db.transaction(() => c.seed(db))();
    assert.equal(db.pragma('user_version', { simple: true }), version);
  } finally {
    db.close();
  }
}

test('the migrations are numbered 1, 2, 3… with none missing', () => {
  assert.deepEqual(
    migrations.map((m) => m.version),
    migrations.map((_, i) => i + 1),
  );
  assert.ok(latestVersion >= 2, 'there is something to upgrade from');
});

for (let from = latestVersion - 1; from >= 1; from--) {
  test(`a library at version ${from} upgrades to ${latestVersion} with its rows and search intact`, () => {
    const file = path.join(tempDir(), 'library.sqlite');
    libraryAt(from, file);
    const db = openLibrary(file);
    try {
      assert.equal(db.pragma('user_version', { simple: true }), latestVersion);
      const run = cases.filter((c) => c.since <= from && (c.before == null || from < c.before));
      assert.ok(run.length > 0);
      for (const c of run) {
        try {
          c.check(db);
        } catch (error) {
          (error as Error).message = `${c.name}: ${(error as Error).message}`;
          throw error;
        }
      }
    } finally {
      db.close();
    }
  });
}

test('an upgraded library keeps prefixes of up to four letters in its search index', () => {
  const file = path.join(tempDir(), 'library.sqlite');
  libraryAt(8, file);
  const db = openLibrary(file);
  try {
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'recordings_fts'").pluck().get() as string;
    assert.match(sql, /prefix = '1 2 3 4'/);
    // The rebuilt index holds the old rows, found by a prefix of each length kept.
    for (const typed of ['g', 'gi', 'gie', 'gieß', 'wett'])
      assert.deepEqual(
        listRecordings(db, { search: typed }).rows.map((r) => r.id),
        [1],
        typed,
      );
  } finally {
    db.close();
  }
});

test('migration 10 run again leaves converted rows as they are', () => {
  const file = path.join(tempDir(), 'library.sqlite');
  libraryAt(9, file);
  const db = openLibrary(file);
  try {
    const before = db.prepare('SELECT report FROM exports WHERE id = 1').pluck().get() as string;
    const beforeKept = db.prepare('SELECT reason FROM attachments').pluck().all();
    const beforeAudio = db.prepare('SELECT audio_error FROM recordings ORDER BY id').pluck().all();
    migrations.find((m) => m.version === 10)!.run!(db);
    assert.equal(db.prepare('SELECT report FROM exports WHERE id = 1').pluck().get(), before);
    assert.deepEqual(db.prepare('SELECT reason FROM attachments').pluck().all(), beforeKept);
    assert.deepEqual(db.prepare('SELECT audio_error FROM recordings ORDER BY id').pluck().all(), beforeAudio);
  } finally {
    db.close();
  }
});
