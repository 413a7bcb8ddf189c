// Assembles core for one running app (Electron or the test harness): the library, the handlers,
// the import jobs and the audio server. Transports only wire these to the outside.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { audioResponse } from './api/audio-response.ts';
import { answeringWindow } from './waveforms/background.ts';
import { createHandlers, OPENED_WAVEFORM_WAIT_MS } from './api/handlers.ts';
import { openLibrary, type Db } from './db/library.ts';
import { ImportJobs } from './import/import-jobs.ts';
import { AnalysisService } from './analysis/analysis-service.ts';
import type { ImportStatus } from './api/contract.ts';
import { EventBus, throttled } from './events.ts';
import { workerScript } from './waveforms/waveform-thread.ts';

export interface EarshotOptions {
  /** The library database file. */
  libraryFile: string;
  /** Electron-ABI build of better-sqlite3, when running inside Electron. */
  nativeBinding?: string;
  /** Runs imports on a worker thread from this script (see ImportJobs). */
  importWorker?: { script: string | URL; execArgv?: string[] };
  /** Runs the voice analysis on a worker thread from this script (see AnalysisService). */
  analysisWorker?: { script: string | URL };
  /** Decodes waveforms on a second thread from this script (waveforms/waveform-worker.ts). */
  waveformWorker?: { script: string | URL };
  /** Resume unfinished analysis at start (default true). */
  resumeAnalysis?: boolean;
}

export interface Earshot {
  db: Db;
  libraryFile: string;
  handlers: ReturnType<typeof createHandlers>;
  imports: ImportJobs;
  analysis: AnalysisService;
  /** What the window is told without asking: import and analysis progress, what changed. */
  events: EventBus;
  /** How long opening a recording waits for its waveform to be worked out (tests set null: leave it to the pass). */
  openedWaveform: { waitMs: number | null };
  serveAudio(request: Request): Response;
  close(): Promise<void>;
}

/** How often progress events go out at most, in milliseconds. */
const PROGRESS_MS = 150;

export function createEarshot(options: EarshotOptions): Earshot {
  const db = openLibrary(options.libraryFile, { nativeBinding: options.nativeBinding });
  // Temporary files of imports (nested ZIPs) stay inside Earshot's own private folder.
  const tempDir = path.join(path.dirname(options.libraryFile), 'import-temp');
  mkdirSync(tempDir, { recursive: true, mode: 0o700 });
  const events = new EventBus();
  // Progress goes out a few times a second at most; the last word of a run goes out at once.
  const voices = throttled((v: { done: number; total: number; running: boolean }) => {
    events.emit({ type: 'analysis', voices: v });
  }, PROGRESS_MS);
  // Waveforms are stored in batches (every 5 s after an import's commit); the window hears of
  // them once a second at most.
  const waveforms = throttled(() => events.emit({ type: 'changed', what: ['waveforms'] }), 1000);
  const importProgress = new Map<string, ReturnType<typeof throttled<ImportStatus>>>();
  const importEvent = (status: ImportStatus) => events.emit({ type: 'import', ...structuredClone(status) });
  const progressOf = (jobId: string) => {
    let t = importProgress.get(jobId);
    if (!t) importProgress.set(jobId, (t = throttled(importEvent, PROGRESS_MS)));
    return t;
  };
  const analysis = new AnalysisService({
    db,
    libraryFile: options.libraryFile,
    nativeBinding: options.nativeBinding,
    worker: options.analysisWorker,
    waveformWorker: workerScript(options.waveformWorker?.script),
    onVoices: (v) => (v.running ? voices.push(v) : voices.flush(v)),
    onWaveforms: () => waveforms.push(undefined),
    onVoicesFinished: () => events.emit({ type: 'changed', what: ['voices', 'warnings'] }),
  });
  const imports = new ImportJobs({
    libraryFile: options.libraryFile,
    tempDir,
    nativeBinding: options.nativeBinding,
    worker: options.importWorker,
    waveformWorker: workerScript(options.waveformWorker?.script),
    onWaveforms: () => waveforms.push(undefined),
    onProgress: (status) => {
      if (status.state === 'running') progressOf(status.jobId).push(status);
    },
    onFinished: (status) => {
      if (status.state === 'done' && status.report?.recordings) analysis.afterImport();
      progressOf(status.jobId).flush(status);
      importProgress.delete(status.jobId);
      if (status.state === 'done') events.emit({ type: 'changed', what: ['exports', 'recordings', 'warnings'] });
    },
    // The import's worker filled in waveforms after the commit; voices can use the same audio now.
    onSettled: (status) => {
      if (status.state === 'done' && status.report?.recordings) void analysis.startVoices();
    },
  });
  // Resume what an earlier run left undone (waveforms, voice signatures).
  if (options.resumeAnalysis ?? true) void analysis.startVoices();
  const openedWaveform: { waitMs: number | null } = { waitMs: OPENED_WAVEFORM_WAIT_MS };
  const handlers = createHandlers({
    db,
    libraryFile: options.libraryFile,
    imports,
    analysis,
    openedWaveform,
    onWaveforms: () => waveforms.push(undefined),
  });
  return {
    db,
    libraryFile: options.libraryFile,
    handlers,
    imports,
    analysis,
    events,
    openedWaveform,
    // Reading the audio is one of the window's requests: background work gives way to it.
    serveAudio: (request) => answeringWindow(() => audioResponse(db, request)),
    async close() {
      imports.cancelAll();
      await imports.settle();
      await analysis.stop();
      db.close();
    },
  };
}
