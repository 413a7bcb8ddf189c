// Numbered schema migrations. Each runs once, in order, inside a transaction; PRAGMA user_version
// records how far a library has come. Never edit a released migration: add the next one.
import type Database from 'better-sqlite3';

/** The library's connection (Db in library.ts, which imports this file: named here to avoid a cycle). */
type Db = Database.Database;
import { storeReportsAsMessages, storeSentencesAsMessages } from './stored-messages.ts';

export interface Migration {
  version: number;
  description: string;
  sql: string;
  /** Work SQL cannot do (recognising stored sentences), run after `sql` in the same transaction. */
  run?: (db: Db) => void;
}

/**
 * Drops and rebuilds the search index with these prefix lengths kept. The triggers on recordings
 * name the table, not its contents, so they keep working on the new one.
 */
function searchIndexWithPrefixes(prefixes: string): string {
  return `DROP TABLE recordings_fts;
      CREATE VIRTUAL TABLE recordings_fts USING fts5(
        transcript, response,
        content='recordings', content_rowid='id',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '${prefixes}'
      );
      INSERT INTO recordings_fts(recordings_fts, rank) VALUES ('secure-delete', 1);
      INSERT INTO recordings_fts(recordings_fts) VALUES ('rebuild');`;
}

export const migrations: Migration[] = [
  {
    version: 1,
    description: 'exports, recordings with audio kept apart, full-text index',
    sql: `
      CREATE TABLE exports (
        id               INTEGER PRIMARY KEY,
        kind             TEXT NOT NULL,
        label            TEXT NOT NULL,
        source_files     TEXT NOT NULL,           -- JSON: [{name, size}]
        account          TEXT,                    -- identity found in the export
        account_kind     TEXT,
        account_found_in TEXT,
        imported_at      INTEGER NOT NULL,        -- ms since epoch
        recording_count  INTEGER NOT NULL DEFAULT 0,
        with_audio       INTEGER NOT NULL DEFAULT 0,
        with_transcript  INTEGER NOT NULL DEFAULT 0,
        first_time       INTEGER,
        last_time        INTEGER,
        report           TEXT NOT NULL            -- JSON ImportReport as shown to the user
      );

      CREATE TABLE recordings (
        id                   INTEGER PRIMARY KEY,
        export_id            INTEGER NOT NULL REFERENCES exports(id) ON DELETE CASCADE,
        key                  TEXT NOT NULL UNIQUE, -- stable identity: re-imports add nothing
        source               TEXT NOT NULL,
        time_utc             INTEGER,              -- ms since epoch
        time_original        TEXT,
        time_zone            TEXT,
        device               TEXT,
        device_serial        TEXT,
        title                TEXT,
        transcript           TEXT,
        response             TEXT,
        not_intended         INTEGER NOT NULL DEFAULT 0,
        unrecognized_speaker INTEGER NOT NULL DEFAULT 0,
        vendor_flags         TEXT NOT NULL DEFAULT '[]',
        speaker_label        TEXT,
        audio_path           TEXT,
        has_audio            INTEGER NOT NULL DEFAULT 0,
        audio_error          TEXT,
        audio_sha256         TEXT,
        audio_size           INTEGER,
        codec                TEXT,
        sample_rate          INTEGER,
        channels             INTEGER,
        duration_ms          INTEGER,
        peaks                BLOB,
        extra                TEXT NOT NULL DEFAULT '{}'
      );
      CREATE INDEX recordings_time ON recordings(time_utc DESC, id DESC);
      CREATE INDEX recordings_device ON recordings(device, time_utc DESC);
      CREATE INDEX recordings_export ON recordings(export_id, time_utc DESC);

      -- The original bytes, byte-exact, apart from the rows so that listing never pages through audio.
      CREATE TABLE audio (
        recording_id INTEGER PRIMARY KEY REFERENCES recordings(id) ON DELETE CASCADE,
        bytes        BLOB NOT NULL
      );

      CREATE VIRTUAL TABLE recordings_fts USING fts5(
        transcript, response,
        content='recordings', content_rowid='id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER recordings_fts_insert AFTER INSERT ON recordings BEGIN
        INSERT INTO recordings_fts(rowid, transcript, response) VALUES (new.id, new.transcript, new.response);
      END;
      CREATE TRIGGER recordings_fts_delete AFTER DELETE ON recordings BEGIN
        INSERT INTO recordings_fts(recordings_fts, rowid, transcript, response)
        VALUES ('delete', old.id, old.transcript, old.response);
      END;
      CREATE TRIGGER recordings_fts_update AFTER UPDATE OF transcript, response ON recordings BEGIN
        INSERT INTO recordings_fts(recordings_fts, rowid, transcript, response)
        VALUES ('delete', old.id, old.transcript, old.response);
        INSERT INTO recordings_fts(rowid, transcript, response) VALUES (new.id, new.transcript, new.response);
      END;

      -- Files of an export that Earshot keeps but cannot read (e.g. a PDF of transcripts).
      CREATE TABLE attachments (
        id        INTEGER PRIMARY KEY,
        export_id INTEGER NOT NULL REFERENCES exports(id) ON DELETE CASCADE,
        path      TEXT NOT NULL,
        reason    TEXT NOT NULL,
        sha256    TEXT NOT NULL,
        bytes     BLOB NOT NULL
      );

      -- Devices an export lists, and names it mentions (contacts), for the "not mine" analysis.
      CREATE TABLE export_devices (
        export_id INTEGER NOT NULL REFERENCES exports(id) ON DELETE CASCADE,
        name      TEXT,
        model     TEXT,
        serial    TEXT
      );
      CREATE TABLE export_names (
        export_id INTEGER NOT NULL REFERENCES exports(id) ON DELETE CASCADE,
        name      TEXT NOT NULL,
        found_in  TEXT NOT NULL
      );

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    description:
      'indexes: sorting by length, the not-intended and unrecognised-speaker filters, waveforms still to compute',
    sql: `
      -- "Longest"/"shortest" pages without sorting the whole library each time.
      CREATE INDEX recordings_duration ON recordings(duration_ms, id);
      -- The "not intended" and "unrecognised speaker" filters: few rows, found without a scan.
      CREATE INDEX recordings_not_intended ON recordings(time_utc DESC, id DESC) WHERE not_intended = 1;
      CREATE INDEX recordings_unrecognized ON recordings(time_utc DESC, id DESC) WHERE unrecognized_speaker = 1;
      -- Recordings imported before their waveform was computed (analysed after the commit).
      CREATE INDEX recordings_pending_audio ON recordings(id) WHERE has_audio = 1 AND peaks IS NULL AND audio_error IS NULL;
    `,
  },
  {
    version: 3,
    description: '"Not mine": voice signatures and groups, enrolled voices, name mentions, warnings and decisions',
    sql: `
      -- One voice signature per recording with audio; error says why none could be made.
      CREATE TABLE voice_signatures (
        recording_id INTEGER PRIMARY KEY REFERENCES recordings(id) ON DELETE CASCADE,
        vector       BLOB,
        method       TEXT NOT NULL,
        error        TEXT,
        group_id     INTEGER REFERENCES voice_groups(id) ON DELETE SET NULL
      );
      CREATE INDEX voice_signatures_group ON voice_signatures(group_id);

      -- Recordings grouped by voice. person: who the user said it is ('me' or a household name).
      CREATE TABLE voice_groups (
        id         INTEGER PRIMARY KEY,
        label      TEXT NOT NULL,
        centroid   BLOB NOT NULL,
        size       INTEGER NOT NULL,
        person     TEXT,
        created_at INTEGER NOT NULL
      );

      -- Voice samples the user gave for themselves or a household member.
      CREATE TABLE enrolled_voices (
        id         INTEGER PRIMARY KEY,
        person     TEXT NOT NULL,
        vector     BLOB NOT NULL,
        source     TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );

      -- Person names found in recordings (transcripts, contact names, Alexa's guess of the speaker).
      CREATE TABLE name_mentions (
        recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        name         TEXT NOT NULL,
        folded       TEXT NOT NULL,
        source       TEXT NOT NULL
      );
      CREATE INDEX name_mentions_recording ON name_mentions(recording_id);
      CREATE INDEX name_mentions_folded ON name_mentions(folded);

      -- Warnings as last computed. key is stable across recomputation so decisions stick.
      CREATE TABLE warnings (
        id          INTEGER PRIMARY KEY,
        key         TEXT NOT NULL UNIQUE,
        kind        TEXT NOT NULL,           -- account | name | voice | export-voice
        severity    TEXT NOT NULL,           -- strong | warning | notice
        export_id   INTEGER REFERENCES exports(id) ON DELETE CASCADE,
        subject     TEXT NOT NULL,
        reason      TEXT NOT NULL,
        evidence    TEXT NOT NULL DEFAULT '{}',
        confidence  REAL,
        first_time  INTEGER,
        last_time   INTEGER,
        created_at  INTEGER NOT NULL
      );
      CREATE TABLE warning_recordings (
        warning_id   INTEGER NOT NULL REFERENCES warnings(id) ON DELETE CASCADE,
        recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
        PRIMARY KEY (warning_id, recording_id)
      ) WITHOUT ROWID;
      CREATE INDEX warning_recordings_recording ON warning_recordings(recording_id);

      -- What the user decided about a warning, by its key: mine | dismissed | not-mine.
      CREATE TABLE warning_decisions (
        key        TEXT PRIMARY KEY,
        decision   TEXT NOT NULL,
        decided_at INTEGER NOT NULL
      );

      -- Set once a recording's transcript has been searched for person names.
      ALTER TABLE recordings ADD COLUMN names_checked INTEGER NOT NULL DEFAULT 0;

      -- Exports removed as "not my data": what was removed, for the evidence summary.
      CREATE TABLE removal_log (
        id          INTEGER PRIMARY KEY,
        removed_at  INTEGER NOT NULL,
        export_label TEXT NOT NULL,
        account     TEXT,
        summary     TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    description: 'voice signatures by method, so analysis progress is counted from an index',
    sql: `CREATE INDEX voice_signatures_method ON voice_signatures(method, vector IS NULL);`,
  },
  {
    version: 5,
    description: 'the search index forgets deleted recordings: FTS5 secure-delete, and a rebuild of what it kept',
    sql: `
      -- Without secure-delete, FTS5 records a deletion as a marker and keeps the deleted words in its
      -- segments, readable in the file. With it, they are removed from the segments themselves.
      INSERT INTO recordings_fts(recordings_fts, rank) VALUES ('secure-delete', 1);
      -- Words of recordings deleted before this version are still in the old segments: rebuild the
      -- index from the recordings that remain (secure_delete zeroes the pages it frees).
      INSERT INTO recordings_fts(recordings_fts) VALUES ('rebuild');
    `,
  },
  {
    version: 6,
    description: 'the search index keeps one- and two-letter prefixes, so a word being typed is found at once',
    sql: `
      -- A trailing single letter is searched as a prefix while the user types ("turn o"); without a
      -- prefix index FTS5 merges the lists of every word starting with it.
      ${searchIndexWithPrefixes('1 2')}
    `,
  },
  {
    version: 7,
    description: 'sentences for people stored as catalogue keys and parameters, not as English text',
    sql: '',
    run: storeSentencesAsMessages,
  },
  {
    version: 8,
    description:
      'a small index of the columns the list filters on, so words with a filter are counted and sorted without reading every matching row',
    sql: `CREATE INDEX IF NOT EXISTS recordings_filter ON recordings(
      id, time_utc, duration_ms, device, export_id, source, has_audio, not_intended, unrecognized_speaker);`,
  },
  {
    version: 9,
    description: 'the search index keeps prefixes of up to four letters, so short words typed are found at once',
    sql: `
      -- Every word typed is searched as a prefix ("the" finds "there", "them"…); for a prefix the
      -- index does not keep, FTS5 merges the list of every word starting with it. Short common words
      -- ("the", "off", "time") are the ones with many such words. About 40% more index for a
      -- search p95 at 100,000 recordings that drops from about 7 to under 5 ms.
      ${searchIndexWithPrefixes('1 2 3 4')}
    `,
  },
  {
    version: 10,
    description:
      'import reports, kept files, audio errors and voice-signature errors keep their sentences as catalogue keys, not English text',
    sql: '',
    run: storeReportsAsMessages,
  },
];

export const latestVersion = migrations[migrations.length - 1]!.version;
