// Audio stored by an import but not yet decoded: its waveform and duration, worked out afterwards in
// small transactions (by the import itself, and by the analysis at start-up after an interrupted run).
import { analyseAudio } from '../audio/index.ts';
import type { AudioAnalysis } from '../model.ts';
import { storedMessage } from '../messages/index.ts';
import type { Db } from './library.ts';

const PENDING_BATCH = 200;
/**
 * How long analysed waveforms may wait before they are stored together. Every commit empties the
 * page cache of every other connection: the window's next search reads its pages again (+6 to
 * +10 ms of CPU, measured during the 100,000 waveforms). Once a second, a tenth of the searches
 * typed at a key press every 100 ms paid for it, which put it into the p95; every 5 s, a fiftieth.
 * A waveform the user opens is worked out and stored at once (analyseAudioNow), so it never waits.
 */
const FLUSH_MS = 5000;
/** Files on their way to the second thread at any time: enough that it never waits for the next. */
const HELPER_QUEUE = 4;

/** Another thread that decodes audio (waveforms/waveform-thread.ts): given bytes, what analyseAudio finds. */
export interface AudioHelper {
  analyse(bytes: Uint8Array): Promise<AudioAnalysis>;
  /** Requests sent and not yet answered. */
  readonly waiting: number;
  /** False once the thread has failed: nothing more is sent to it. */
  readonly working: boolean;
  close(): Promise<void>;
}

/**
 * Decodes every recording whose audio has not been analysed yet (has audio, no peaks, no error) and
 * stores its peaks and duration — or, if it cannot be decoded after all, the reason, exactly as an
 * inline import would have. Small transactions, so readers are never blocked for long. Returns how
 * many recordings were analysed. Safe to call at any time (e.g. at start-up after an interrupted run).
 */
export async function analysePendingAudio(
  db: Db,
  options: {
    signal?: AbortSignal;
    exportId?: number;
    onBatch?: () => void;
    /**
     * Starts a second thread that decodes a share of the files; called once there is a full batch
     * to do (a few files are not worth a thread), and closed at the end.
     */
    secondThread?: () => AudioHelper;
    /** Recordings another thread is already working out (sent during the import): left to it. */
    leave?: ReadonlySet<number>;
    /** Awaited before each file decoded here: the window's requests come first (waveforms/background.ts). */
    giveWay?: () => Promise<void>;
  } = {},
): Promise<number> {
  const pending = db.prepare(pendingAudioQuery(options.exportId != null));
  const store = storeAnalysis(db);
  let after = 0;
  let done = 0;
  let results: { id: number; analysis: AudioAnalysis }[] = [];
  let helper: AudioHelper | undefined;
  const sent = new Set<Promise<void>>();
  let flushedAt = performance.now();
  const flush = () => {
    if (results.length === 0) return;
    const stored = results;
    results = [];
    db.transaction(() => {
      for (const { id, analysis } of stored) store(id, analysis);
    })();
    done += stored.length;
    flushedAt = performance.now();
    // Each stored batch is news for a window waiting on a waveform.
    options.onBatch?.();
  };
  try {
    for (;;) {
      if (options.signal?.aborted) break;
      const batch = (options.exportId != null ? pending.all(after, options.exportId) : pending.all(after)) as {
        id: number;
        bytes: Buffer;
      }[];
      if (batch.length === 0) break;
      if (!helper && options.secondThread && batch.length === PENDING_BATCH) helper = options.secondThread();
      for (const { id, bytes } of batch) {
        if (options.signal?.aborted) break;
        if (options.leave?.has(id)) continue;
        if (helper?.working && helper.waiting < HELPER_QUEUE) {
          const job = helper.analyse(bytes).then(
            (analysis) => void results.push({ id, analysis }),
            // The thread is gone: this file (and, as it is no longer working, the rest) is decoded here.
            async () => void results.push({ id, analysis: await analyseAudio(bytes) }),
          );
          sent.add(job);
          void job.finally(() => sent.delete(job));
          continue;
        }
        await options.giveWay?.();
        results.push({ id, analysis: await analyseAudio(bytes) });
        // Decoding here never yields to the event loop: let the second thread's answers in, so it
        // is sent the next file as soon as it is done with one.
        if (helper) await new Promise((resolve) => setImmediate(resolve));
      }
      // Rows still on the second thread are still pending in the library: the next batch starts after
      // them and they are stored with whichever batch is flushed when they come back.
      after = batch[batch.length - 1]!.id;
      // Every commit empties the page cache of every other connection (the window's searches).
      if (performance.now() - flushedAt >= FLUSH_MS) flush();
    }
  } finally {
    await Promise.allSettled(sent);
    await helper?.close();
  }
  flush();
  return done;
}

/** Pending recordings with their audio, through the pending-audio index (see below). */
const PENDING_AUDIO = `SELECT r.id, a.bytes FROM recordings r INDEXED BY recordings_pending_audio
  CROSS JOIN audio a ON a.recording_id = r.id
  WHERE r.has_audio = 1 AND r.peaks IS NULL AND r.audio_error IS NULL`;

/**
 * The next batch of pending recordings (after a given id, optionally of one export), with their
 * audio. Through the pending-audio index, in id order: with `export_id = ?` SQLite would otherwise
 * pick the export's index (or start from the audio table), read every pending recording's audio
 * and sort it to keep 200: at 100,000 recordings, a quarter of the time the pass took. CROSS JOIN
 * keeps the recordings as the outer loop.
 */
export function pendingAudioQuery(ofOneExport: boolean): string {
  return `${PENDING_AUDIO} AND r.id > ? ${ofOneExport ? 'AND r.export_id = ?' : ''} ORDER BY r.id LIMIT ${PENDING_BATCH}`;
}

/**
 * One export's pending recordings with their audio, the last first, read as they are iterated (stop
 * early to read no more): the pass works from the first, so what another thread takes from here
 * is what the pass reaches last. Nothing else may run on the connection while iterating.
 */
export function lastPendingAudio(db: Db, exportId: number): IterableIterator<{ id: number; bytes: Buffer }> {
  return db.prepare(LAST_PENDING_AUDIO).iterate(exportId) as IterableIterator<{ id: number; bytes: Buffer }>;
}

export const LAST_PENDING_AUDIO = `${PENDING_AUDIO} AND r.export_id = ? ORDER BY r.id DESC`;

/** Stores waveforms worked out elsewhere (during the import), in one transaction. */
export function storeAnalysedAudio(db: Db, results: { id: number; analysis: AudioAnalysis }[]): void {
  if (!results.length) return;
  const store = storeAnalysis(db);
  db.transaction(() => {
    for (const { id, analysis } of results) store(id, analysis);
  })();
}

/**
 * Stores what the analysis found, only while the recording is still pending: a waveform the window
 * asked for first (analyseAudioNow) is never overwritten by the background pass, nor the reverse.
 */
function storeAnalysis(db: Db): (id: number, analysis: AudioAnalysis) => void {
  const pendingOnly = 'AND peaks IS NULL AND audio_error IS NULL';
  const ok = db.prepare(
    `UPDATE recordings SET peaks = ?, duration_ms = ?, sample_rate = ?, channels = ?, codec = ? WHERE id = ? ${pendingOnly}`,
  );
  const bad = db.prepare(
    `UPDATE recordings SET audio_error = ?, codec = NULL, sample_rate = NULL, channels = NULL, duration_ms = NULL
     WHERE id = ? ${pendingOnly}`,
  );
  return (id, a) => {
    if (a.ok)
      ok.run(
        Buffer.from(a.peaks.buffer, a.peaks.byteOffset, a.peaks.byteLength),
        Math.round(a.durationMs),
        a.sampleRate,
        a.channels,
        a.codec,
        id,
      );
    else bad.run(storedMessage(a.reason), id);
  };
}

/**
 * The waveform the user opens is worked out at once, ahead of every recording still queued for
 * the background pass (which may be minutes away from it). True when the recording was pending
 * and its analysis is now stored; false when there was nothing to do.
 */
export async function analyseAudioNow(db: Db, id: number): Promise<boolean> {
  const bytes = db
    .prepare(
      `SELECT a.bytes FROM recordings r JOIN audio a ON a.recording_id = r.id
       WHERE r.id = ? AND r.has_audio = 1 AND r.peaks IS NULL AND r.audio_error IS NULL`,
    )
    .pluck()
    .get(id) as Buffer | undefined;
  if (!bytes) return false;
  storeAnalysis(db)(id, await analyseAudio(bytes));
  return true;
}
