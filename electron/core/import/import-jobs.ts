// Import jobs the window can start, watch and cancel. Each import uses its own database connection,
// so the library stays readable (WAL) while an import's transaction is open.
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { ImportStatus } from '../types/library.ts';
import { openLibrary } from '../db/library.ts';
// `message` names the worker's messages here, so the catalogue's is imported as `sentence`.
import { english, importError, message as sentence, rawText, type Message } from '../messages/index.ts';
import { ImportError, type ImportProgress } from '../model.ts';
import { removeLeftoverImportTemp } from '../archive/temp-files.ts';
import { runImport, type ImportOptions } from './run-import.ts';
import type { WorkerMessage, WorkerRequest } from './worker-messages.ts';
import type { WorkerScript } from '../waveforms/waveform-thread.ts';
import { windowGate } from '../waveforms/background.ts';

interface Job {
  status: ImportStatus;
  controller: AbortController;
  startedAt: number;
  done: Promise<void>;
}

export interface ImportJobsOptions {
  libraryFile: string;
  tempDir?: string;
  nativeBinding?: string;
  /** Called once when an import ends: its recordings are in the library (or it failed). */
  onFinished?: (status: ImportStatus) => void;
  /** Called when an import's worker has finished everything, waveforms included. */
  onSettled?: (status: ImportStatus) => void;
  /** Called as an import reads its way through (often: throttle before sending it anywhere). */
  onProgress?: (status: ImportStatus) => void;
  /** Called when a batch of waveforms has been stored after an import's commit. */
  onWaveforms?: () => void;
  importOptions?: Partial<ImportOptions>;
  /**
   * Run each import on a worker thread from this script (the app does, so its main process stays
   * responsive). Without it, imports run inline on this thread's event loop.
   */
  worker?: { script: string | URL; execArgv?: string[] };
  /** The waveform thread's script: waveforms after the commit are decoded on two threads. */
  waveformWorker?: WorkerScript;
}

const idle: ImportProgress = {
  phase: 'scanning',
  entriesDone: 0,
  entriesTotal: 0,
  bytesDone: 0,
  bytesTotal: 0,
  recordings: 0,
  currentFile: null,
};

export class ImportJobs {
  private jobs = new Map<string, Job>();

  constructor(private readonly options: ImportJobsOptions) {
    // Temp files (nested ZIPs) of an import that was killed or crashed are removed at the next start.
    if (options.tempDir) removeLeftoverImportTemp(options.tempDir);
  }

  start(paths: string[]): string {
    const jobId = randomUUID();
    const controller = new AbortController();
    const status: ImportStatus = {
      jobId,
      state: 'running',
      progress: { ...idle },
      secondsLeft: null,
      report: null,
      error: null,
    };
    const startedAt = Date.now();
    const job: Job = { status, controller, startedAt, done: Promise.resolve() };
    job.done = this.run(job, paths);
    this.jobs.set(jobId, job);
    return jobId;
  }

  private async run(job: Job, paths: string[]) {
    if (this.options.worker) return this.runOnWorker(job, paths, this.options.worker);
    const { status } = job;
    let db: ReturnType<typeof openLibrary> | null = null;
    try {
      db = openLibrary(this.options.libraryFile, { skipCheck: true, nativeBinding: this.options.nativeBinding });
      status.report = await runImport(db, paths, {
        ...this.options.importOptions,
        signal: job.controller.signal,
        tempDir: this.options.tempDir,
        onWaveforms: this.options.onWaveforms,
        waveformWorker: this.options.waveformWorker,
        onProgress: (p) => {
          status.progress = p;
          status.secondsLeft = estimateSecondsLeft(job.startedAt, p);
          this.options.onProgress?.(status);
        },
      });
      status.state = 'done';
      status.progress = { ...status.progress, phase: 'done' };
      status.secondsLeft = 0;
    } catch (error) {
      const cancelled = error instanceof ImportError && error.code === 'cancelled';
      status.state = cancelled ? 'cancelled' : 'failed';
      status.error = userSentence(error);
    } finally {
      db?.close();
      this.options.onFinished?.(status);
      this.options.onSettled?.(status);
    }
  }

  private async runOnWorker(job: Job, paths: string[], worker: { script: string | URL; execArgv?: string[] }) {
    const { status } = job;
    const request: WorkerRequest = {
      libraryFile: this.options.libraryFile,
      paths,
      tempDir: this.options.tempDir,
      nativeBinding: this.options.nativeBinding,
      waveformWorker: this.options.waveformWorker,
      windowGate: windowGate(),
    };
    await new Promise<void>((resolve) => {
      const thread = new Worker(worker.script, { workerData: request, execArgv: worker.execArgv });
      job.controller.signal.addEventListener('abort', () => thread.postMessage('cancel'));
      thread.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') {
          status.progress = message.progress;
          status.secondsLeft = estimateSecondsLeft(job.startedAt, message.progress);
          this.options.onProgress?.(status);
        } else if (message.type === 'waveforms') {
          this.options.onWaveforms?.();
        } else if (message.type === 'committed' || message.type === 'done') {
          // Committed: the recordings are in the library; waveforms may still be filling in.
          if (status.state === 'running') {
            status.report = message.report;
            status.state = 'done';
            status.progress = { ...status.progress, phase: 'done' };
            status.secondsLeft = 0;
            this.options.onFinished?.(status);
          }
        } else {
          const { error } = message;
          status.state = error.code === 'cancelled' ? 'cancelled' : 'failed';
          status.error =
            error.name === 'ImportError' || error.name === 'LibraryError'
              ? (error.sentence ?? rawText(error.message))
              : userSentence(Object.assign(new Error(error.message), { code: error.code }));
        }
      });
      thread.on('error', (error) => {
        status.state = 'failed';
        status.error = userSentence(error);
      });
      thread.on('exit', () => {
        if (status.state === 'running') {
          status.state = 'failed';
          status.error ??= sentence('import.stoppedUnexpectedly');
        }
        if (status.state !== 'done') this.options.onFinished?.(status);
        this.options.onSettled?.(status);
        resolve();
      });
    });
  }

  status(jobId: string): ImportStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw importError('unknown-job', sentence('import.unknownJob'));
    return structuredClone(job.status);
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job || job.status.state !== 'running') return false;
    job.controller.abort();
    return true;
  }

  /** Waits for every running import (used when quitting, and by tests). */
  async settle(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((j) => j.done));
  }

  cancelAll(): void {
    for (const job of this.jobs.values()) job.controller.abort();
  }
}

function estimateSecondsLeft(startedAt: number, p: ImportProgress): number | null {
  const elapsed = (Date.now() - startedAt) / 1000;
  if (p.bytesTotal <= 0 || p.bytesDone <= 0 || elapsed < 1) return null;
  const rate = p.bytesDone / elapsed;
  return Math.max(0, Math.round((p.bytesTotal - p.bytesDone) / rate));
}

/**
 * A sentence for the user, as a catalogue message: ours as said (ImportError, LibraryError), anything
 * unexpected wrapped so no stack trace shows.
 */
export function userSentence(error: unknown): Message {
  if (error instanceof ImportError) return error.sentence;
  if (error instanceof Error && error.name === 'LibraryError') {
    const said = (error as { sentence?: Message }).sentence;
    return said ?? rawText(error.message);
  }
  const code = (error as { code?: string } | null)?.code;
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return sentence('import.diskFull');
  if (code === 'SQLITE_READONLY' || code === 'EROFS') return sentence('import.libraryReadOnly');
  if (code === 'EACCES' || code === 'EPERM') return sentence('import.notAllowed');
  const detail = error instanceof Error ? error.message : String(error);
  return sentence('import.unexpected', { detail });
}

/** The same sentence in English: what the CLI prints. */
export function userMessage(error: unknown): string {
  return english(userSentence(error));
}
