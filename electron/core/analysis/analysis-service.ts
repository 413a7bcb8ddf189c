// Keeps the warnings up to date: after an import, after the user edits their profile or decides
// about a warning, and when the background voice analysis finishes.
import { Worker } from 'node:worker_threads';
import type { Db } from '../db/library.ts';
import { findPersonNames } from './names/index.ts';
import { recordNameMentions } from './name-mentions.ts';
import { computeSignatures, regroupVoices } from './voice-groups.ts';
import { analysePendingAudio } from '../db/pending-audio.ts';
import { secondWaveformThread, type WorkerScript } from '../waveforms/waveform-thread.ts';
import { giveWayToWindow, windowGate } from '../waveforms/background.ts';
import { refreshWarnings } from './warnings.ts';
import type { AnalysisWorkerMessage, AnalysisWorkerRequest } from './analysis-worker.ts';

export interface AnalysisServiceOptions {
  db: Db;
  libraryFile: string;
  nativeBinding?: string;
  /** Run voice analysis on a worker thread from this script; inline when absent (tests, CLI). */
  worker?: { script: string | URL };
  /** The waveform thread's script: waveforms an interrupted import left undone are decoded on two threads. */
  waveformWorker?: WorkerScript;
  /** Told when the voice analysis starts, moves on and stops (often: throttle before sending). */
  onVoices?: (voices: { done: number; total: number; running: boolean }) => void;
  /** Told when a voice pass has finished and the warnings have been brought up to date. */
  onVoicesFinished?: () => void;
  /** Told when a batch of waveforms has been stored (ones an interrupted import left undone). */
  onWaveforms?: () => void;
}

export class AnalysisService {
  private running: Promise<void> | null = null;
  private rerun = false;
  private worker: Worker | null = null;
  progress = { done: 0, total: 0 };

  constructor(private readonly options: AnalysisServiceOptions) {}

  /** Names and accounts are quick: checked at once. Voices follow in the background. */
  afterImport(): void {
    recordNameMentions(this.options.db, (text) => findPersonNames(text));
    this.refresh();
  }

  refresh(): number {
    const db = this.options.db;
    return refreshWarnings(db);
  }

  get voicesRunning(): boolean {
    return this.running != null;
  }

  /** Starts (or queues another pass of) the voice analysis. */
  startVoices(): Promise<void> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = this.runVoices().finally(() => {
      this.running = null;
      this.options.onVoices?.({ ...this.progress, running: false });
      this.options.onVoicesFinished?.();
      if (this.rerun) {
        this.rerun = false;
        void this.startVoices();
      }
    });
    return this.running;
  }

  private setProgress(done: number, total: number) {
    this.progress = { done, total };
    this.options.onVoices?.({ done, total, running: true });
  }

  private async runVoices(): Promise<void> {
    const { db, worker } = this.options;
    this.options.onVoices?.({ ...this.progress, running: true });
    if (!worker) {
      await analysePendingAudio(db, {
        onBatch: this.options.onWaveforms,
        secondThread: secondWaveformThread(this.options.waveformWorker),
        giveWay: giveWayToWindow,
      });
      await computeSignatures(db, { onProgress: (done, total) => this.setProgress(done, total) });
      regroupVoices(db);
    } else {
      await new Promise<void>((resolve) => {
        const request: AnalysisWorkerRequest = {
          libraryFile: this.options.libraryFile,
          nativeBinding: this.options.nativeBinding,
          waveformWorker: this.options.waveformWorker,
          windowGate: windowGate(),
        };
        const thread = new Worker(worker.script, { workerData: request });
        this.worker = thread;
        thread.on('message', (m: AnalysisWorkerMessage) => {
          if (m.type === 'progress') this.setProgress(m.done, m.total);
          else if (m.type === 'waveforms') this.options.onWaveforms?.();
        });
        thread.on('error', () => resolve());
        thread.on('exit', () => {
          this.worker = null;
          resolve();
        });
      });
    }
    this.refresh();
  }

  async stop(): Promise<void> {
    this.worker?.postMessage('stop');
    await this.running?.catch(() => undefined);
  }
}
