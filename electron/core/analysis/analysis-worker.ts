// Computes voice signatures and regroups voices on a worker thread, so decoding thousands of
// recordings never blocks the app. Resumable: it only computes what is missing.
import { parentPort, workerData } from 'node:worker_threads';
import { openLibrary } from '../db/library.ts';
import { computeSignatures, regroupVoices } from './voice-groups.ts';
import { analysePendingAudio } from '../db/pending-audio.ts';
import { secondWaveformThread } from '../waveforms/waveform-thread.ts';
import { giveWayToWindow, joinWindowGate, lowerThisThreadsPriority } from '../waveforms/background.ts';

export interface AnalysisWorkerRequest {
  libraryFile: string;
  nativeBinding?: string;
  waveformWorker?: string;
  /** The window gate the waveforms and signatures give way to (waveforms/background.ts). */
  windowGate?: Int32Array;
}

export type AnalysisWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'waveforms' }
  | { type: 'done'; computed: number; groups: number }
  | { type: 'failed'; message: string };

const request = workerData as AnalysisWorkerRequest;
joinWindowGate(request.windowGate);
const controller = new AbortController();
const post = (m: AnalysisWorkerMessage) => parentPort!.postMessage(m);
parentPort!.on('message', (m: 'stop') => {
  if (m === 'stop') controller.abort();
});

// Nothing here is waited for: the window and its searches come first.
lowerThisThreadsPriority();
const db = openLibrary(request.libraryFile, { skipCheck: true, nativeBinding: request.nativeBinding });
// Waveforms an interrupted import left undone come first: the player shows them.
analysePendingAudio(db, {
  signal: controller.signal,
  onBatch: () => post({ type: 'waveforms' }),
  secondThread: secondWaveformThread(request.waveformWorker),
  giveWay: giveWayToWindow,
})
  .then(() =>
    computeSignatures(db, {
      signal: controller.signal,
      onProgress: (done, total) => post({ type: 'progress', done, total }),
    }),
  )
  .then((computed) => {
    const groups = controller.signal.aborted ? 0 : regroupVoices(db);
    post({ type: 'done', computed, groups });
  })
  .catch((error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }))
  .finally(() => {
    db.close();
    parentPort!.close();
  });
