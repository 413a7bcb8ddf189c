// Runs one import on a worker thread, so the main process stays free to answer the window while
// an export is unpacked, decoded and saved. Talks to ImportJobs by messages only.
import { parentPort, workerData } from 'node:worker_threads';
import { openLibrary } from '../db/library.ts';
import { runImport } from './run-import.ts';
import { joinWindowGate, lowerThisThreadsPriority } from '../waveforms/background.ts';
import type { WorkerRequest, WorkerMessage } from './worker-messages.ts';
import type { Message } from '../model.ts';

const request = workerData as WorkerRequest;
joinWindowGate(request.windowGate);
const controller = new AbortController();
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

parentPort!.on('message', (message: 'cancel') => {
  if (message === 'cancel') controller.abort();
});

const db = openLibrary(request.libraryFile, { skipCheck: true, nativeBinding: request.nativeBinding });
// MP3 waveforms follow the commit: recordings are listed and playable as soon as they are saved.
runImport(db, request.paths, {
  signal: controller.signal,
  tempDir: request.tempDir,
  deferredAudio: 'after-commit',
  onCommitted: (report) => {
    post({ type: 'committed', report });
    // Listed and playable: what follows (the waveforms) is background work, and this thread ends with it.
    lowerThisThreadsPriority();
  },
  onProgress: (progress) => post({ type: 'progress', progress }),
  onWaveforms: () => post({ type: 'waveforms' }),
  waveformWorker: request.waveformWorker,
})
  .then((report) => post({ type: 'done', report }))
  .catch((error: unknown) =>
    post({
      type: 'failed',
      error: {
        name: (error as Error)?.name ?? 'Error',
        message: (error as Error)?.message ?? String(error),
        code: (error as { code?: string })?.code ?? null,
        sentence: (error as { sentence?: Message })?.sentence ?? null,
      },
    }),
  )
  .finally(() => {
    db.close();
    parentPort!.close();
  });
