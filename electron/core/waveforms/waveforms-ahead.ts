// Waveforms worked out during an import: the import reads, hashes and stores on its own thread, and
// until the commit the second core has nothing to do. MP3s whose waveform is left for after the commit
// are offered to the waveform thread as they are stored; it takes only what it can without making the
// import wait, and what it works out is stored right after the commit. The rest is done after the
// commit by the usual pass (analysePendingAudio), which goes on with the same thread.
import type { AudioAnalysis } from '../model.ts';
import { startWaveformThread, type WaveformThread, type WorkerScript } from './waveform-thread.ts';

/** A few files are done after the commit in a moment; a thread is started once an import has more. */
const START_AFTER = 200;
/**
 * Files on their way to the thread at most. The import answers the thread's messages only when it
 * yields to the event loop (every few dozen small entries), so the queue covers that stretch.
 */
const QUEUE = 32;

export class WaveformsAhead {
  private thread: WaveformThread | null = null;
  private offered = 0;
  private readonly sent = new Set<Promise<void>>();
  private results: { id: number; analysis: AudioAnalysis }[] = [];

  constructor(private readonly script: WorkerScript) {}

  /** A stored recording whose waveform is still to come; its bytes are handed over, not copied. */
  offer(id: number, bytes: Uint8Array): void {
    if (++this.offered <= START_AFTER) return;
    this.thread ??= startWaveformThread(this.script);
    if (!this.thread.working || this.thread.waiting >= QUEUE) return;
    const job = this.thread.analyse(bytes, true).then(
      (analysis) => void this.results.push({ id, analysis }),
      // Left pending: the pass after the commit does it.
      () => undefined,
    );
    this.sent.add(job);
    void job.finally(() => this.sent.delete(job));
  }

  /** What the thread worked out, once the files still on it are back. */
  async take(): Promise<{ id: number; analysis: AudioAnalysis }[]> {
    await Promise.allSettled(this.sent);
    const results = this.results;
    this.results = [];
    return results;
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
