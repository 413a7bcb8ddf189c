// Runs one import end to end: open the dropped files, recognise the export, let its importer fill
// one transaction, and report. Cancel or failure rolls back, so the library is exactly as before.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { openExportFiles, type ArchiveLimits, type ExportEntry, type ExportFiles } from '../archive/export-files.ts';
import { analyseAudio, isGzip } from '../audio/index.ts';
import type { Db } from '../db/library.ts';
import type { Importer, ImportSink } from '../importers/importer.ts';
import { allImporters, describeUnknownExport, pickImporter } from '../importers/registry.ts';
import {
  ImportError,
  type AccountIdentity,
  type AudioAnalysis,
  type ImportProgress,
  type ImportReport,
  type NewRecording,
  type SkippedFile,
} from '../model.ts';
import { exportLabel } from './labels.ts';

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Where temporary files (nested ZIPs) go: inside the app's own storage. */
  tempDir?: string;
  limits?: Partial<ArchiveLimits>;
  importers?: Importer[];
  /** Largest audio file read into memory. */
  maxAudioBytes?: number;
}

const PROGRESS_INTERVAL_MS = 100;

/** Imports `inputs` (files or folders that together form one export) into `db`. */
export async function runImport(db: Db, inputs: string[], options: ImportOptions = {}): Promise<ImportReport> {
  const started = Date.now();
  const signal = options.signal ?? new AbortController().signal;
  if (inputs.length === 0) throw new ImportError('Nothing to import: choose an export file or folder.', 'no-input');
  const files = await openExportFiles(inputs, { limits: options.limits, tempDir: options.tempDir });
  try {
    const importers = options.importers ?? allImporters;
    const picked = pickImporter(importers, files);
    if (!picked) throw new ImportError(describeUnknownExport(importers, files), 'unknown-export');
    return await importWith(db, files, picked.importer, picked.detection.kind, options, signal, started);
  } finally {
    await files.close();
  }
}

async function importWith(
  db: Db,
  files: ExportFiles,
  importer: Importer,
  kind: NonNullable<ImportReport['exportKind']>,
  options: ImportOptions,
  signal: AbortSignal,
  started: number,
): Promise<ImportReport> {
  const maxAudioBytes = options.maxAudioBytes ?? 512 * 1024 * 1024;
  const skipped: SkippedFile[] = [...files.skipped];
  const notes: string[] = [];
  let account = null as AccountIdentity | null;
  let found = 0;
  let added = 0;
  let duplicates = 0;

  const progress: ImportProgress = {
    phase: 'reading',
    entriesDone: 0,
    entriesTotal: files.entries.length,
    bytesDone: 0,
    bytesTotal: files.entries.reduce((sum, e) => sum + e.size, 0),
    recordings: 0,
    currentFile: null,
  };
  let lastProgress = 0;
  const report = (force = false) => {
    const now = Date.now();
    if (!options.onProgress || (!force && now - lastProgress < PROGRESS_INTERVAL_MS)) return;
    lastProgress = now;
    options.onProgress({ ...progress });
  };
  const seen = new Set<ExportEntry>();
  const byPath = new Map(files.entries.map((e) => [e.path, e]));
  const account_ = (entry: ExportEntry) => {
    if (seen.has(entry)) return;
    seen.add(entry);
    progress.entriesDone++;
    progress.bytesDone += entry.size;
    progress.currentFile = entry.path;
    report();
  };

  const inputsInfo = files.inputs.map((p) => ({ name: path.basename(p), size: safeSize(p) }));
  const statements = prepare(db);

  // A storage failure (full disk, I/O error) poisons the sink: SQLite may already have rolled the
  // transaction back, so no importer may carry on writing, even one that catches errors per file.
  let storageFailure: unknown = null;
  const store = <T>(write: () => T): T => {
    if (storageFailure) throw storageFailure;
    try {
      return write();
    } catch (error) {
      storageFailure = error;
      throw error;
    }
  };

  db.exec('BEGIN IMMEDIATE');
  let committed = false;
  try {
    const exportId = Number(
      statements.insertExport.run({
        kind,
        label: exportLabel(kind, files.inputs),
        sourceFiles: JSON.stringify(inputsInfo),
        importedAt: Date.now(),
      }).lastInsertRowid,
    );

    const sink: ImportSink = {
      signal,
      setAccount(identity) {
        account ??= identity;
      },
      addDevice(device) {
        store(() => statements.insertDevice.run({ exportId, ...device }));
      },
      addMentionedName(name, foundIn) {
        store(() => statements.insertName.run({ exportId, name, foundIn }));
      },
      async addRecording(recording, audioEntry) {
        if (signal.aborted) throw cancelled();
        if (storageFailure) throw storageFailure;
        found++;
        if (store(() => statements.keyExists.get(recording.key))) {
          duplicates++;
          if (audioEntry) account_(audioEntry);
          return;
        }
        let audio: { bytes: Uint8Array; sha256: string; analysis: AudioAnalysis } | null = null;
        let audioError: string | null = null;
        if (audioEntry) {
          try {
            let bytes: Uint8Array = await audioEntry.read(maxAudioBytes);
            if (isGzip(bytes)) bytes = gunzipSync(bytes, { maxOutputLength: maxAudioBytes });
            const analysis = await analyseAudio(bytes);
            if (!analysis.ok) audioError = analysis.reason;
            audio = { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), analysis };
          } catch (error) {
            audioError = `the audio file could not be read: ${plain(error)}`;
            skipped.push({ path: audioEntry.path, reason: `could not be read (${plain(error)}); the recording was kept without audio` });
          }
          account_(audioEntry);
        }
        store(() => insertRecording(statements, exportId, recording, audio, audioError));
        added++;
        progress.recordings = added;
        report();
      },
      skip(p, reason) {
        skipped.push({ path: p, reason });
        const entry = byPath.get(p);
        if (entry) account_(entry);
      },
      note(text) {
        if (!notes.includes(text)) notes.push(text);
      },
      consumed: account_,
      async attach(entry, reason) {
        const bytes = await entry.read();
        store(() => statements.insertAttachment.run({
          exportId,
          path: entry.path,
          reason,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          bytes,
        }));
        account_(entry);
      },
    };

    report(true);
    try {
      await importer.run(files, sink);
    } catch (error) {
      if (signal.aborted) throw cancelled();
      throw storageFailure ?? error;
    }
    if (signal.aborted) throw cancelled();
    if (storageFailure) throw storageFailure;

    progress.phase = 'saving';
    report(true);

    if (added === 0) {
      db.exec('ROLLBACK');
      committed = true;
      const base = emptyReport(kind, account, skipped, notes, started);
      if (duplicates > 0) {
        base.found = found;
        base.duplicates = duplicates;
        base.notes.unshift(`Everything in this export is already in your library (${duplicates.toLocaleString('en')} recordings), so nothing was added.`);
      } else {
        base.notes.unshift('Earshot found no recordings in this export.');
      }
      return base;
    }

    const totals = statements.exportTotals.get(exportId) as {
      withAudio: number;
      withTranscript: number;
      firstTime: number | null;
      lastTime: number | null;
    };
    const devices = statements.exportDevices.all(exportId) as { name: string; recordings: number }[];
    const result: ImportReport = {
      exportId,
      exportKind: kind,
      found,
      recordings: added,
      withAudio: totals.withAudio,
      withTranscript: totals.withTranscript,
      duplicates,
      skipped,
      account,
      devices,
      firstTime: totals.firstTime,
      lastTime: totals.lastTime,
      notes,
      durationMs: Date.now() - started,
    };
    statements.finishExport.run({
      id: exportId,
      account: account?.value ?? null,
      accountKind: account?.kind ?? null,
      accountFoundIn: account?.foundIn ?? null,
      count: added,
      withAudio: totals.withAudio,
      withTranscript: totals.withTranscript,
      firstTime: totals.firstTime,
      lastTime: totals.lastTime,
      report: JSON.stringify(result),
    });
    db.exec('COMMIT');
    committed = true;
    progress.phase = 'done';
    report(true);
    return result;
  } finally {
    if (!committed && db.inTransaction) db.exec('ROLLBACK');
  }
}

function cancelled() {
  return new ImportError('The import was cancelled. Nothing was added to your library.', 'cancelled');
}

function plain(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^“[^”]*” /, '');
}

function safeSize(p: string): number {
  try {
    return statSync(p).size;
  } catch {
    return 0;
  }
}

function emptyReport(
  kind: ImportReport['exportKind'],
  account: AccountIdentity | null,
  skipped: SkippedFile[],
  notes: string[],
  started: number,
): ImportReport {
  return {
    exportId: null,
    exportKind: kind,
    found: 0,
    recordings: 0,
    withAudio: 0,
    withTranscript: 0,
    duplicates: 0,
    skipped,
    account,
    devices: [],
    firstTime: null,
    lastTime: null,
    notes: [...notes],
    durationMs: Date.now() - started,
  };
}

type Statements = ReturnType<typeof prepare>;

function prepare(db: Db) {
  return {
    insertExport: db.prepare(
      `INSERT INTO exports (kind, label, source_files, imported_at, report)
       VALUES (@kind, @label, @sourceFiles, @importedAt, '{}')`,
    ),
    finishExport: db.prepare(
      `UPDATE exports SET account = @account, account_kind = @accountKind, account_found_in = @accountFoundIn,
         recording_count = @count, with_audio = @withAudio, with_transcript = @withTranscript,
         first_time = @firstTime, last_time = @lastTime, report = @report
       WHERE id = @id`,
    ),
    keyExists: db.prepare('SELECT 1 FROM recordings WHERE key = ?').pluck(),
    insertRecording: db.prepare(
      `INSERT INTO recordings (export_id, key, source, time_utc, time_original, time_zone, device, device_serial,
         title, transcript, response, not_intended, unrecognized_speaker, vendor_flags, speaker_label, audio_path,
         has_audio, audio_error, audio_sha256, audio_size, codec, sample_rate, channels, duration_ms, peaks, extra)
       VALUES (@exportId, @key, @source, @timeUtc, @timeOriginal, @timeZone, @device, @deviceSerial,
         @title, @transcript, @response, @notIntended, @unrecognizedSpeaker, @vendorFlags, @speakerLabel, @audioPath,
         @hasAudio, @audioError, @audioSha256, @audioSize, @codec, @sampleRate, @channels, @durationMs, @peaks, @extra)`,
    ),
    insertAudio: db.prepare('INSERT INTO audio (recording_id, bytes) VALUES (?, ?)'),
    insertAttachment: db.prepare(
      'INSERT INTO attachments (export_id, path, reason, sha256, bytes) VALUES (@exportId, @path, @reason, @sha256, @bytes)',
    ),
    insertDevice: db.prepare('INSERT INTO export_devices (export_id, name, model, serial) VALUES (@exportId, @name, @model, @serial)'),
    insertName: db.prepare('INSERT INTO export_names (export_id, name, found_in) VALUES (@exportId, @name, @foundIn)'),
    exportTotals: db.prepare(
      `SELECT COALESCE(SUM(has_audio), 0) AS withAudio,
              COALESCE(SUM(transcript IS NOT NULL AND transcript <> ''), 0) AS withTranscript,
              MIN(time_utc) AS firstTime, MAX(time_utc) AS lastTime
       FROM recordings WHERE export_id = ?`,
    ),
    exportDevices: db.prepare(
      `SELECT COALESCE(device, 'Unknown device') AS name, COUNT(*) AS recordings
       FROM recordings WHERE export_id = ? GROUP BY device ORDER BY recordings DESC`,
    ),
  };
}

function insertRecording(
  s: Statements,
  exportId: number,
  r: NewRecording,
  audio: { bytes: Uint8Array; sha256: string; analysis: AudioAnalysis } | null,
  audioError: string | null,
) {
  const facts = audio?.analysis.ok ? audio.analysis : null;
  const id = Number(
    s.insertRecording.run({
      exportId,
      key: r.key,
      source: r.source,
      timeUtc: r.timeUtc,
      timeOriginal: r.timeOriginal,
      timeZone: r.timeZone,
      device: r.device,
      deviceSerial: r.deviceSerial,
      title: r.title,
      transcript: r.transcript,
      response: r.response,
      notIntended: r.notIntended ? 1 : 0,
      unrecognizedSpeaker: r.unrecognizedSpeaker ? 1 : 0,
      vendorFlags: JSON.stringify(r.vendorFlags),
      speakerLabel: r.speakerLabel,
      audioPath: r.audioPath,
      hasAudio: audio ? 1 : 0,
      audioError,
      audioSha256: audio?.sha256 ?? null,
      audioSize: audio?.bytes.length ?? null,
      codec: facts?.codec ?? null,
      sampleRate: facts?.sampleRate ?? null,
      channels: facts?.channels ?? null,
      durationMs: facts ? Math.round(facts.durationMs) : null,
      peaks: facts ? Buffer.from(facts.peaks.buffer, facts.peaks.byteOffset, facts.peaks.byteLength) : null,
      extra: JSON.stringify(r.extra),
    }).lastInsertRowid,
  );
  if (audio) s.insertAudio.run(id, Buffer.from(audio.bytes.buffer, audio.bytes.byteOffset, audio.bytes.byteLength));
}
