// Runs one import end to end: open the dropped files, recognise the export, let its importer fill
// one transaction, and report. Cancel or failure rolls back, so the library is exactly as before.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { openExportFiles, type ArchiveLimits, type ExportEntry, type ExportFiles } from '../archive/export-files.ts';
import { analyseAudio, isGzip, sniffAudio } from '../audio/index.ts';
import { describeOtherFormat } from '../audio/sniff.ts';
import { DecompressionBudget } from '../archive/budget.ts';
import { scanMpeg } from '../audio/mpeg-frames.ts';
import type { Db } from '../db/library.ts';
import { english, importError, message, say, storedMessage, type Message } from '../messages/index.ts';
import type { Importer, ImportSink } from '../importers/importer.ts';
import { allImporters, describeUnknownExport, pickImporter } from '../importers/registry.ts';
import {
  type AccountIdentity,
  type AudioAnalysis,
  type ImportProgress,
  type ImportReport,
  type NewRecording,
  type SkippedFile,
} from '../model.ts';
import { fingerprintInputs } from './fingerprints.ts';
import { analysePendingAudio, lastPendingAudio, storeAnalysedAudio } from '../db/pending-audio.ts';
import { WaveformsAhead } from '../waveforms/waveforms-ahead.ts';
import { lentThread, secondWaveformThread, type WorkerScript } from '../waveforms/waveform-thread.ts';
import { giveWayToWindow } from '../waveforms/background.ts';
import { exportLabel } from '../messages/export-labels.ts';

export interface ImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Where temporary files (nested ZIPs) go: inside the app's own storage. */
  tempDir?: string;
  limits?: Partial<ArchiveLimits>;
  importers?: Importer[];
  /** Largest audio file read into memory. */
  maxAudioBytes?: number;
  /**
   * When given, time spent per phase is added to it (benchmarks). Without it nothing is measured:
   * the import pays no clock reads.
   */
  timings?: ImportTimings;
  /**
   * 'after-commit': MP3 recordings are committed listed and playable with their duration read from
   * the frame headers, and their waveform peaks (a full decode, ~2 ms each) are computed after the
   * commit by `analysePendingAudio`, in small transactions, while the library can be browsed.
   * `onCommitted` is called with the report as soon as the recordings are in the library.
   * Default 'inline': every file is decoded before the commit.
   */
  deferredAudio?: 'inline' | 'after-commit';
  onCommitted?: (report: ImportReport) => void;
  /** After each small batch of waveforms stored after the commit (the window shows them as they come). */
  onWaveforms?: () => void;
  /** The waveform thread's script (waveforms/waveform-worker.ts): decodes a share of those waveforms. */
  waveformWorker?: WorkerScript;
}

/** Milliseconds per phase of an import; what is left of `totalMs` is the importer's own parsing. */
export interface ImportTimings {
  /** Opening the archives and reading audio entries (inflate + CRC). */
  unzipMs: number;
  /** Decoding audio for duration and waveform peaks. */
  decodeMs: number;
  /** SHA-256 of the audio. */
  hashMs: number;
  /** Statements, the FTS index and the commit. */
  dbMs: number;
  totalMs: number;
  /** With deferredAudio 'after-commit': the follow-up that fills waveform peaks after the commit. */
  backgroundMs?: number;
  /** Of those waveforms, how many the waveform thread worked out while the import was still reading. */
  waveformsAhead?: number;
  /** And how many it was sent at the commit, to work on while the write-ahead log is copied. */
  waveformsTopUp?: number;
}

export function newImportTimings(): ImportTimings {
  return { unzipMs: 0, decodeMs: 0, hashMs: 0, dbMs: 0, totalMs: 0 };
}

const PROGRESS_INTERVAL_MS = 100;

/** Imports `inputs` (files or folders that together form one export) into `db`. */
/** SQLite's page cache during an import, in KiB (negative: a size, not a page count). */
const IMPORT_CACHE_KIB = -8192;

export async function runImport(db: Db, inputs: string[], options: ImportOptions = {}): Promise<ImportReport> {
  const started = Date.now();
  const timings = options.timings;
  const t0 = timings ? performance.now() : 0;
  const signal = options.signal ?? new AbortController().signal;
  if (inputs.length === 0) throw importError('no-input', message('import.noInput'));
  const files = await openExportFiles(inputs, { limits: options.limits, tempDir: options.tempDir });
  if (timings) timings.unzipMs += performance.now() - t0;
  try {
    const importers = options.importers ?? allImporters;
    const picked = pickImporter(importers, files);
    if (!picked) throw importError('unknown-export', describeUnknownExport(importers, files));
    // An import writes once and reads little: a small page cache keeps its memory bounded
    // (the library's usual cache serves searching; it is put back afterwards).
    const cache = db.pragma('cache_size', { simple: true }) as number;
    db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
    try {
      return await importWith(db, files, picked.importer, picked.detection.kind, options, signal, started);
    } finally {
      db.pragma(`cache_size = ${cache}`);
    }
  } finally {
    await files.close();
    if (timings) timings.totalMs += performance.now() - t0;
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
  const budget = files.budget ?? new DecompressionBudget(Number.MAX_SAFE_INTEGER, 1000);
  const skipped: SkippedFile[] = [...files.skipped];
  const notes: Message[] = [];
  let account = null as AccountIdentity | null;
  let found = 0;
  let deferredCount = 0;
  // MP3 waveforms worked out on the second thread while this one imports (see WaveformsAhead).
  const ahead =
    options.deferredAudio === 'after-commit' && options.waveformWorker
      ? new WaveformsAhead(options.waveformWorker)
      : null;
  let added = 0;
  let duplicates = 0;
  // Recordings already in the library, without text, that this export gives a transcript to.
  let linked = 0;
  const linkedExports = new Set<number>();

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
  // SHA-256 of each dropped file and of each file in a dropped folder, for the evidence summary;
  // read alongside the import.
  const fingerprints = fingerprintInputs(files.inputs, signal);
  fingerprints.catch(() => undefined); // awaited at the end; a failure before then must not go unhandled
  const statements = prepare(db);

  // A storage failure (full disk, I/O error) poisons the sink: SQLite may already have rolled the
  // transaction back, so no importer may carry on writing, even one that catches errors per file.
  let storageFailure: unknown = null;
  const timings = options.timings;
  const store = <T>(write: () => T): T => {
    if (storageFailure) throw storageFailure;
    const t = timings ? performance.now() : 0;
    try {
      return write();
    } catch (error) {
      storageFailure = error;
      throw error;
    } finally {
      if (timings) timings.dbMs += performance.now() - t;
    }
  };

  // A smaller page cache while importing: one long transaction of audio blobs gains nothing from a
  // large one (pages are written once), and its dirty pages would count against the memory bound.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${IMPORT_CACHE_KB}`);
  // The commit of an export's audio would copy all of it from the write-ahead log into the library
  // file (and sync it) before anyone is told it is there: the copy is made just after, instead.
  const autoCheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  let walSettled = false;
  const settleWal = () => {
    if (walSettled || !db.open) return;
    walSettled = true;
    db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
    // PASSIVE: never waits for the window's readers; what it cannot copy now, a later commit does.
    if (committed && !db.inTransaction) db.pragma('wal_checkpoint(PASSIVE)');
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
        const existing = store(() => statements.existingByKey.get(recording.key)) as ExistingRecording | undefined;
        if (existing) {
          // Only across imports: within one export, the first of two same-keyed entries stays.
          if (existing.export_id !== exportId && bringsText(existing, recording)) {
            store(() => linkText(statements, existing.id, recording, exportLabel(kind, files.inputs)));
            linked++;
            linkedExports.add(existing.export_id);
          } else duplicates++;
          if (audioEntry) account_(audioEntry);
          return;
        }
        let audio: { bytes: Uint8Array; sha256: string; analysis: AudioAnalysis } | null = null;
        let audioError: Message | null = null;
        if (audioEntry) {
          try {
            let t = timings ? performance.now() : 0;
            let bytes: Uint8Array = await audioEntry.read(maxAudioBytes);
            // Gunzipped within the import's budget and the ratio limit, like any ZIP entry.
            if (isGzip(bytes)) bytes = budget.gunzip(bytes, maxAudioBytes);
            if (timings) timings.unzipMs += -t + (t = performance.now());
            // What is not audio by its content is never stored as audio, whatever its name.
            if (!sniffAudio(bytes)) throw new NotAudio(notAudioReason(bytes));
            const deferred = options.deferredAudio === 'after-commit' ? quickFacts(bytes) : null;
            if (deferred) deferredCount++;
            const analysis = deferred ?? (await analyseAudio(bytes));
            if (!analysis.ok) audioError = analysis.reason;
            if (timings) timings.decodeMs += -t + (t = performance.now());
            audio = { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), analysis };
            if (timings) timings.hashMs += performance.now() - t;
          } catch (error) {
            if (budget.exceeded) throw budget.exceeded;
            audio = null;
            if (error instanceof NotAudio) {
              audioError = error.reason;
              skipped.push({ path: audioEntry.path, reason: message('import.skipNotAudio', { detail: error.reason }) });
            } else {
              audioError = message('import.audioUnreadable', { detail: plain(error) });
              skipped.push({
                path: audioEntry.path,
                reason: message('import.skipAudioUnreadable', { detail: plain(error) }),
              });
            }
          }
          account_(audioEntry);
        }
        const id = store(() => insertRecording(statements, exportId, recording, audio, audioError));
        // Stored, so its bytes are no longer needed here: they go to the waveform thread as they are.
        if (ahead && audio?.analysis.ok && audio.analysis.peaks === PENDING_PEAKS) ahead.offer(id, audio.bytes);
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
        // The same sentence said twice (each of several files) is one note.
        const stored = storedMessage(text);
        if (!notes.some((n) => storedMessage(n) === stored)) notes.push(text);
      },
      consumed: account_,
      async attach(entry, reason, given) {
        const bytes = given ?? (await entry.read());
        store(() =>
          statements.insertAttachment.run({
            exportId,
            path: entry.path,
            reason: storedMessage(reason),
            sha256: createHash('sha256').update(bytes).digest('hex'),
            bytes,
          }),
        );
        account_(entry);
      },
    };

    report(true);
    try {
      await importer.run(files, sink);
    } catch (error) {
      if (signal.aborted) throw cancelled();
      throw storageFailure ?? budget.exceeded ?? error;
    }
    if (signal.aborted) throw cancelled();
    if (storageFailure) throw storageFailure;
    // An importer may have carried on past a file the budget refused: the export as a whole is refused.
    if (budget.exceeded) throw budget.exceeded;

    progress.phase = 'saving';
    report(true);

    if (linked > 0) {
      notes.unshift(message('import.linkedTranscripts', { count: linked }));
      for (const id of linkedExports) {
        statements.refreshExportTexts.run(id);
        // The recordings' own export now says whose they are, if it did not: the account check covers them.
        if (account)
          statements.adoptAccount.run({
            id,
            account: account.value,
            accountKind: account.kind,
            accountFoundIn: account.foundIn,
          });
      }
    }
    if (added === 0 && linked > 0) {
      // Nothing new of its own: the export's only contribution is the transcripts, kept on the
      // recordings they belong to; an empty export would only clutter the sidebar.
      statements.deleteExport.run(exportId);
      db.exec('COMMIT');
      committed = true;
      const base = emptyReport(kind, account, skipped, notes, started);
      base.found = found;
      base.duplicates = duplicates;
      return base;
    }
    if (added === 0) {
      db.exec('ROLLBACK');
      committed = true;
      // Everything already there: the importer's notes about this export's files were said when it
      // was first imported, and are not news now.
      const base = emptyReport(kind, account, skipped, duplicates > 0 ? [] : notes, started);
      if (duplicates > 0) {
        base.found = found;
        base.duplicates = duplicates;
        base.notes.unshift(message('import.allDuplicates', { count: duplicates }));
      } else {
        base.notes.unshift(message('import.noRecordings'));
      }
      return base;
    }

    const tSave = timings ? performance.now() : 0;
    const totals = statements.exportTotals.get(exportId) as {
      withAudio: number;
      withTranscript: number;
      firstTime: number | null;
      lastTime: number | null;
    };
    const devices = statements.exportDevices.all(say('import.unknownDevice'), exportId) as {
      name: string;
      recordings: number;
    }[];
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
      sourceFiles: JSON.stringify(await fingerprints),
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
    if (timings) timings.dbMs += performance.now() - tSave;
    if (deferredCount > 0) {
      options.onCommitted?.(result);
      // Timed from the commit: the waveforms wait for the copy of the import out of the write-ahead
      // log too (5–6 s of the 100,000-MP3 export's 1.3 GB).
      const t = timings ? performance.now() : 0;
      // The copy below keeps this thread busy for seconds: the waveform thread goes on meanwhile.
      const toppedUp = signal.aborted
        ? 0
        : (ahead?.topUp(() => lastPendingAudio(db, exportId), deferredCount - ahead.sentIds.size) ?? 0);
      if (timings) timings.waveformsTopUp = toppedUp;
      settleWal();
      // Listed and playable now; the waveforms follow. A cancel from here on only stops this
      // follow-up: what is left is picked up by the next analysePendingAudio.
      // What the thread worked out during the import is stored once the files still on it are
      // back; meanwhile the pass goes on with the rest, on this thread and that one.
      const early = ahead?.take().then(({ results, whileReading }) => {
        storeAnalysedAudio(db, results);
        if (timings) timings.waveformsAhead = whileReading;
        options.onWaveforms?.();
      });
      const thread = ahead?.handOver();
      const pass = (leave?: ReadonlySet<number>) =>
        analysePendingAudio(db, {
          signal,
          exportId,
          onBatch: options.onWaveforms,
          secondThread: thread?.working ? () => lentThread(thread) : secondWaveformThread(options.waveformWorker),
          giveWay: giveWayToWindow,
          leave,
        });
      try {
        await pass(ahead?.sentIds);
        if (!signal.aborted) await early;
        // The thread failed on files it had been sent: they are still pending, and done here.
        if (ahead?.failed && !signal.aborted) await pass();
      } finally {
        // The thread's files are back before it is closed; after a cancel it is closed at once,
        // and what it has not answered stays pending for the next pass.
        if (!signal.aborted) await early?.catch(() => undefined);
        await thread?.close();
        await early?.catch(() => undefined);
      }
      if (timings) timings.backgroundMs = (timings.backgroundMs ?? 0) + performance.now() - t;
    } else {
      options.onCommitted?.(result);
      settleWal();
    }
    progress.phase = 'done';
    report(true);
    return result;
  } finally {
    if (!committed && db.inTransaction) db.exec('ROLLBACK');
    if (db.open) {
      db.pragma(`cache_size = ${cacheSize}`);
    }
    settleWal();
    await ahead?.close();
  }
}

/** Page cache of the import connection during an import, in KB. */
const IMPORT_CACHE_KB = 16 * 1024;

class NotAudio extends Error {
  constructor(readonly reason: Message) {
    super(english(reason));
  }
}

function notAudioReason(bytes: Uint8Array): Message {
  const other = bytes.length === 0 ? null : describeOtherFormat(bytes);
  if (bytes.length === 0) return message('audio.empty');
  return other ? message('audio.notAudioLike', { other }) : message('audio.notAudio');
}

function cancelled() {
  return importError('cancelled', message('import.cancelled'));
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
  notes: Message[],
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
      `UPDATE exports SET source_files = @sourceFiles, account = @account, account_kind = @accountKind, account_found_in = @accountFoundIn,
         recording_count = @count, with_audio = @withAudio, with_transcript = @withTranscript,
         first_time = @firstTime, last_time = @lastTime, report = @report
       WHERE id = @id`,
    ),
    existingByKey: db.prepare('SELECT id, export_id, title, transcript FROM recordings WHERE key = ?'),
    linkText: db.prepare(
      `UPDATE recordings SET title = @title, transcript = @transcript, response = @response,
         time_utc = COALESCE(@timeUtc, time_utc), time_original = COALESCE(@timeOriginal, time_original),
         time_zone = COALESCE(@timeZone, time_zone), device = COALESCE(@device, device),
         device_serial = COALESCE(@deviceSerial, device_serial), not_intended = @notIntended,
         unrecognized_speaker = @unrecognizedSpeaker, vendor_flags = @vendorFlags,
         speaker_label = COALESCE(@speakerLabel, speaker_label), extra = json_patch(extra, @extra)
       WHERE id = @id`,
    ),
    refreshExportTexts: db.prepare(
      `UPDATE exports SET with_transcript = (SELECT COUNT(*) FROM recordings r
         WHERE r.export_id = exports.id AND r.transcript IS NOT NULL AND r.transcript <> '') WHERE id = ?`,
    ),
    deleteExport: db.prepare('DELETE FROM exports WHERE id = ?'),
    adoptAccount: db.prepare(
      `UPDATE exports SET account = @account, account_kind = @accountKind, account_found_in = @accountFoundIn
       WHERE id = @id AND account IS NULL`,
    ),
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
    insertDevice: db.prepare(
      'INSERT INTO export_devices (export_id, name, model, serial) VALUES (@exportId, @name, @model, @serial)',
    ),
    insertName: db.prepare('INSERT INTO export_names (export_id, name, found_in) VALUES (@exportId, @name, @foundIn)'),
    exportTotals: db.prepare(
      `SELECT COALESCE(SUM(has_audio), 0) AS withAudio,
              COALESCE(SUM(transcript IS NOT NULL AND transcript <> ''), 0) AS withTranscript,
              MIN(time_utc) AS firstTime, MAX(time_utc) AS lastTime
       FROM recordings WHERE export_id = ?`,
    ),
    exportDevices: db.prepare(
      `SELECT COALESCE(device, ?) AS name, COUNT(*) AS recordings
       FROM recordings WHERE export_id = ? GROUP BY device ORDER BY recordings DESC`,
    ),
  };
}

interface ExistingRecording {
  id: number;
  export_id: number;
  title: string | null;
  transcript: string | null;
}

/**
 * A recording already in the library with no text (audio imported without its activity file) gets
 * the text of a later import of the same recording, instead of a copy being added beside it.
 */
function bringsText(existing: ExistingRecording, r: NewRecording): boolean {
  return existing.title === null && existing.transcript === null && (r.title !== null || r.transcript !== null);
}

function linkText(s: Statements, id: number, r: NewRecording, fromExport: string) {
  const extra: Record<string, unknown> = {
    ...r.extra,
    transcriptFrom: fromExport,
    unreferencedAudio: null,
    timeFrom: r.extra.timeFrom ?? null,
  };
  delete extra.audioMissing;
  s.linkText.run({
    id,
    title: r.title,
    transcript: r.transcript,
    response: r.response,
    timeUtc: r.timeUtc,
    timeOriginal: r.timeUtc !== null ? r.timeOriginal : null,
    timeZone: r.timeUtc !== null ? r.timeZone : null,
    device: r.device,
    deviceSerial: r.deviceSerial,
    notIntended: r.notIntended ? 1 : 0,
    unrecognizedSpeaker: r.unrecognizedSpeaker ? 1 : 0,
    vendorFlags: JSON.stringify(r.vendorFlags),
    speakerLabel: r.speakerLabel,
    extra: JSON.stringify(extra),
  });
}

function insertRecording(
  s: Statements,
  exportId: number,
  r: NewRecording,
  audio: { bytes: Uint8Array; sha256: string; analysis: AudioAnalysis } | null,
  audioError: Message | null,
): number {
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
      audioError: audioError && storedMessage(audioError),
      audioSha256: audio?.sha256 ?? null,
      audioSize: audio?.bytes.length ?? null,
      codec: facts?.codec ?? null,
      sampleRate: facts?.sampleRate ?? null,
      channels: facts?.channels ?? null,
      durationMs: facts ? Math.round(facts.durationMs) : null,
      peaks:
        facts && facts.peaks !== PENDING_PEAKS
          ? Buffer.from(facts.peaks.buffer, facts.peaks.byteOffset, facts.peaks.byteLength)
          : null,
      extra: JSON.stringify(r.extra),
    }).lastInsertRowid,
  );
  if (audio) s.insertAudio.run(id, Buffer.from(audio.bytes.buffer, audio.bytes.byteOffset, audio.bytes.byteLength));
  return id;
}

// ---------------------------------------------------------------------------------------------
// Waveform peaks after the commit (deferredAudio 'after-commit')

/**
 * What the frame headers alone say about an MP3 (codec, rate, channels, duration), with no peaks:
 * enough to list and play it. Null when the file is not a well-formed MP3 stream — then it is
 * analysed in full at once, so a damaged file is reported exactly as without deferral.
 */
function quickFacts(bytes: Uint8Array): AudioAnalysis | null {
  if (sniffAudio(bytes) !== 'mp3') return null;
  const scan = scanMpeg(bytes);
  if (!scan || scan.frames === 0 || scan.skippedBytes > 0) return null;
  const first = scan.first;
  return {
    ok: true,
    codec: 'mp3',
    sampleRate: first.sampleRate,
    channels: first.channels,
    durationMs: Math.round(((scan.frames * first.samplesPerFrame) / first.sampleRate) * 1000),
    peaks: PENDING_PEAKS,
  };
}

/** Marker: stored as NULL peaks, which with has_audio = 1 and no audio_error means "not analysed yet". */
const PENDING_PEAKS = new Uint8Array(0);
