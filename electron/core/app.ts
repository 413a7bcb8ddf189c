// Assembles core for one running app (Electron or the test harness): the library, the handlers,
// the import jobs and the audio server. Transports only wire these to the outside.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { audioResponse } from './api/audio-response.ts';
import { createHandlers } from './api/handlers.ts';
import { openLibrary, type Db } from './db/library.ts';
import { ImportJobs } from './import/import-jobs.ts';
import { AnalysisService } from './analysis/analysis-service.ts';

export interface EarshotOptions {
  /** The library database file. */
  libraryFile: string;
  /** Electron-ABI build of better-sqlite3, when running inside Electron. */
  nativeBinding?: string;
  /** Runs imports on a worker thread from this script (see ImportJobs). */
  importWorker?: { script: string | URL; execArgv?: string[] };
  /** Runs the voice analysis on a worker thread from this script (see AnalysisService). */
  analysisWorker?: { script: string | URL };
  /** Resume unfinished analysis at start (default true). */
  resumeAnalysis?: boolean;
}

export interface Earshot {
  db: Db;
  libraryFile: string;
  handlers: ReturnType<typeof createHandlers>;
  imports: ImportJobs;
  analysis: AnalysisService;
  serveAudio(request: Request): Response;
  close(): Promise<void>;
}

export function createEarshot(options: EarshotOptions): Earshot {
  const db = openLibrary(options.libraryFile, { nativeBinding: options.nativeBinding });
  // Temporary files of imports (nested ZIPs) stay inside Earshot's own private folder.
  const tempDir = path.join(path.dirname(options.libraryFile), 'import-temp');
  mkdirSync(tempDir, { recursive: true, mode: 0o700 });
  const analysis = new AnalysisService({
    db,
    libraryFile: options.libraryFile,
    nativeBinding: options.nativeBinding,
    worker: options.analysisWorker,
  });
  const imports = new ImportJobs({
    libraryFile: options.libraryFile,
    tempDir,
    nativeBinding: options.nativeBinding,
    worker: options.importWorker,
    onFinished: (status) => {
      if (status.state === 'done' && status.report?.recordings) analysis.afterImport();
    },
    // The import's worker filled in waveforms after the commit; voices can use the same audio now.
    onSettled: (status) => {
      if (status.state === 'done' && status.report?.recordings) void analysis.startVoices();
    },
  });
  // Resume what an earlier run left undone (waveforms, voice signatures).
  if (options.resumeAnalysis ?? true) void analysis.startVoices();
  const handlers = createHandlers({ db, libraryFile: options.libraryFile, imports, analysis });
  return {
    db,
    libraryFile: options.libraryFile,
    handlers,
    imports,
    analysis,
    serveAudio: (request) => audioResponse(db, request),
    async close() {
      imports.cancelAll();
      await imports.settle();
      await analysis.stop();
      db.close();
    },
  };
}
