// Assembles core for one running app (Electron or the test harness): the library, the handlers,
// the import jobs and the audio server. Transports only wire these to the outside.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { audioResponse } from './api/audio-response.ts';
import { createHandlers } from './api/handlers.ts';
import { openLibrary, type Db } from './db/library.ts';
import { ImportJobs } from './import/import-jobs.ts';

export interface EarshotOptions {
  /** The library database file. */
  libraryFile: string;
  /** Electron-ABI build of better-sqlite3, when running inside Electron. */
  nativeBinding?: string;
  /** Runs imports on a worker thread from this script (see ImportJobs). */
  importWorker?: { script: string | URL; execArgv?: string[] };
}

export interface Earshot {
  db: Db;
  libraryFile: string;
  handlers: ReturnType<typeof createHandlers>;
  imports: ImportJobs;
  serveAudio(request: Request): Response;
  close(): Promise<void>;
}

export function createEarshot(options: EarshotOptions): Earshot {
  const db = openLibrary(options.libraryFile, { nativeBinding: options.nativeBinding });
  // Temporary files of imports (nested ZIPs) stay inside Earshot's own private folder.
  const tempDir = path.join(path.dirname(options.libraryFile), 'import-temp');
  mkdirSync(tempDir, { recursive: true, mode: 0o700 });
  const imports = new ImportJobs({
    libraryFile: options.libraryFile,
    tempDir,
    nativeBinding: options.nativeBinding,
    worker: options.importWorker,
  });
  const handlers = createHandlers({ db, libraryFile: options.libraryFile, imports });
  return {
    db,
    libraryFile: options.libraryFile,
    handlers,
    imports,
    serveAudio: (request) => audioResponse(db, request),
    async close() {
      imports.cancelAll();
      await imports.settle();
      db.close();
    },
  };
}
