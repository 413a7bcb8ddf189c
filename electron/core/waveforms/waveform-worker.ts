// A second thread for waveforms: decodes the audio it is sent and answers with what analyseAudio
// found. It stores nothing; the thread that owns the library connection does (one writer).
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { analyseAudio } from '../audio/index.ts';
import type { WaveformAnswer, WaveformRequest } from './waveform-thread.ts';

// Background work: on Linux the nice value is per thread, so this lowers only this thread and the
// window's searches keep their core. Elsewhere it would lower the whole app, so it is left alone.
if (process.platform === 'linux') {
  try {
    os.setPriority(0, 10);
  } catch {
    // not allowed: run at normal priority
  }
}

const port = parentPort!;
port.postMessage({ ready: true } satisfies WaveformAnswer);
port.on('message', (request: WaveformRequest) => {
  analyseAudio(request.bytes).then(
    (analysis) => port.postMessage({ job: request.job, analysis } satisfies WaveformAnswer),
    (error: unknown) =>
      port.postMessage({ job: request.job, failed: error instanceof Error ? error.message : String(error) }),
  );
});
