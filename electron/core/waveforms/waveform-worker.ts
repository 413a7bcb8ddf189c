// A second thread for waveforms: decodes the audio it is sent and answers with what analyseAudio
// found. It stores nothing; the thread that owns the library connection does (one writer).
import { parentPort } from 'node:worker_threads';
import { analyseAudio } from '../audio/index.ts';
import { lowerThisThreadsPriority } from './background.ts';
import type { WaveformAnswer, WaveformRequest } from './waveform-thread.ts';

lowerThisThreadsPriority();

const port = parentPort!;
port.postMessage({ ready: true } satisfies WaveformAnswer);
port.on('message', (request: WaveformRequest) => {
  analyseAudio(request.bytes).then(
    (analysis) => port.postMessage({ job: request.job, analysis } satisfies WaveformAnswer),
    (error: unknown) =>
      port.postMessage({ job: request.job, failed: error instanceof Error ? error.message : String(error) }),
  );
});
