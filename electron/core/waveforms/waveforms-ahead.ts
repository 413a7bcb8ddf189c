// Waveforms worked out during an import: the import reads, hashes and stores on its own thread, and
// until the commit the second core has nothing to do. MP3s whose waveform is left for after the commit
// are offered to the waveform thread as they are stored; it takes only what it can without making the
// import wait, and what it works out is stored as it comes back after the commit. At the commit it is
// topped up from the library's last pending recordings, to keep it busy while the import's thread
// copies the write-ahead log. The rest is done after the commit by the usual pass
// (analysePendingAudio, from the first recording on), which goes on with the same thread.
import type { AudioAnalysis } from '../model.ts';
import { startWaveformThread, type WaveformThread, type WorkerScript } from './waveform-thread.ts';

/** A few files are done after the commit in a moment; a thread is started once an import has more. */
const START_AFTER = 200;
/**
 * Files and bytes on their way to the thread at most. The import answers the thread's messages only
 * when it yields to the event loop, so the thread waits whenever its queue runs dry in between: at
 * 100,000 recordings it did 15–16,000 of 92,000 during the import with 32, 18,000 with this. The
 * bytes are handed over, not copied, so a deep queue costs only what it holds: a few MB of small
 * clips, a bound on long ones.
 */
const QUEUE_FILES = 1024;
const QUEUE_BYTES = 16 * 1024 * 1024;
/**
 * Just after the commit the import's thread copies the import out of the write-ahead log (5.5 s for
 * the 100,000-MP3 export's 1.3 GB) while the waveform thread has only its queue (about 2 s of work):
 * the top-up gives it enough to go on through the copy — 3,000 files is 6–7 s of work.
 */
const TOP_UP_FILES = 3000;
const TOP_UP_BYTES = 64 * 1024 * 1024;

export class WaveformsAhead {
  private thread: WaveformThread | null = null;
  private offered = 0;
  private queuedBytes = 0;
  private readonly sent = new Set<Promise<void>>();
  private results: { id: number; analysis: AudioAnalysis }[] = [];
  private failures = 0;
  private readonly toppedUp = new Set<number>();
  /**
   * Recordings sent to the thread: the pass after the commit leaves them to it, and starts at once
   * instead of waiting for what is still on the thread (up to a queue's worth, seconds of work).
   */
  readonly sentIds = new Set<number>();

  constructor(private readonly script: WorkerScript) {}

  /** A stored recording whose waveform is still to come; its bytes are handed over, not copied. */
  offer(id: number, bytes: Uint8Array): void {
    if (++this.offered <= START_AFTER) return;
    this.thread ??= startWaveformThread(this.script);
    if (!this.thread.working || this.thread.waiting >= QUEUE_FILES) return;
    if (this.queuedBytes > 0 && this.queuedBytes + bytes.byteLength > QUEUE_BYTES) return;
    this.send(this.thread, id, bytes);
  }

  /**
   * After the commit, before the copy out of the write-ahead log: more of the export's pending
   * recordings for the thread (`pending` is read lazily, and left as soon as it has enough), at most
   * half of the `left` not sent yet, so that on a small export the two threads still share the rest.
   * Returns how many were sent.
   */
  topUp(pending: () => Iterable<{ id: number; bytes: Uint8Array }>, left: number): number {
    const thread = this.thread;
    const most = Math.min(TOP_UP_FILES, (thread?.waiting ?? 0) + Math.floor(left / 2));
    if (!thread?.working || thread.waiting >= most) return 0;
    let sent = 0;
    for (const { id, bytes } of pending()) {
      if (thread.waiting >= most || this.queuedBytes + bytes.byteLength > TOP_UP_BYTES) break;
      if (this.sentIds.has(id)) continue;
      this.toppedUp.add(id);
      this.send(thread, id, bytes);
      sent++;
    }
    return sent;
  }

  private send(thread: WaveformThread, id: number, bytes: Uint8Array): void {
    const size = bytes.byteLength;
    this.queuedBytes += size;
    this.sentIds.add(id);
    const job = thread.analyse(bytes, true).then(
      (analysis) => void this.results.push({ id, analysis }),
      // Left pending: see `failed`.
      () => void this.failures++,
    );
    this.sent.add(job);
    void job.finally(() => {
      this.sent.delete(job);
      this.queuedBytes -= size;
    });
  }

  /**
   * What the thread worked out, once the files still on it are back (those sent from here on are
   * not waited for: send none after this), and how many of them it was sent while the import read.
   */
  async take(): Promise<{ results: { id: number; analysis: AudioAnalysis }[]; whileReading: number }> {
    await Promise.allSettled(this.sent);
    const results = this.results;
    this.results = [];
    return { results, whileReading: results.filter((r) => !this.toppedUp.has(r.id)).length };
  }

  /** Whether some file sent to the thread came back without a waveform (the thread failed): still pending. */
  get failed(): boolean {
    return this.failures > 0;
  }

  /** The thread, for the pass after the commit to go on with and close; null when none was started. */
  handOver(): WaveformThread | null {
    const thread = this.thread;
    this.thread = null;
    return thread;
  }

  async close(): Promise<void> {
    await this.thread?.close();
    this.thread = null;
  }
}
