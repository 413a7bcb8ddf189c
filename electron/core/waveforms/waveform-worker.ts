// A second thread for waveforms: decodes the audio it is sent and answers with what analyseAudio
// found. It stores nothing; the thread that owns the library connection does (one writer).
import { parentPort, workerData } from 'node:worker_threads';
import { analyseAudio } from '../audio/index.ts';
import { giveWayToWindow, joinWindowGate, lowerThisThreadsPriority } from './background.ts';
import type { WaveformAnswer, WaveformRequest, WaveformThreadData } from './waveform-thread.ts';

lowerThisThreadsPriority();
joinWindowGate((workerData as WaveformThreadData | undefined)?.windowGate);

const port = parentPort!;
port.postMessage({ ready: true } satisfies WaveformAnswer);
// One file at a time, each after the window has been answered: files sent ahead wait their turn here.
let queue = Promise.resolve();
port.on('message', (request: WaveformRequest) => {
  queue = queue.then(async () => {
    await giveWayToWindow();
    try {
      port.postMessage({ job: request.job, analysis: await analyseAudio(request.bytes) } satisfies WaveformAnswer);
    } catch (error) {
      port.postMessage({ job: request.job, failed: error instanceof Error ? error.message : String(error) });
    }
  });
});
