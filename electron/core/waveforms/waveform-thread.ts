// The host side of the waveform thread (waveform-worker.ts): hands it audio to decode and resolves
// each request with the analysis. The worker's script is supplied by whoever runs the app — the
// bundled build/waveform-worker.cjs, or a tsx loader in the harness and the benchmark.
import { Worker } from 'node:worker_threads';
import { windowGate } from './background.ts';
import type { AudioAnalysis } from '../model.ts';

export interface WaveformRequest {
  job: number;
  bytes: Uint8Array;
}
export type WaveformAnswer =
  | { job: number; analysis: AudioAnalysis }
  | { job: number; failed: string }
  /** Sent once, when the thread has loaded and can decode. */
  | { ready: true };

/** Decodes audio off this thread; `analyse` rejects once the thread has failed or been closed. */
export interface WaveformThread {
  /** With `hand over`, bytes that own their whole buffer are moved to the thread, not copied (and unusable here after). */
  analyse(bytes: Uint8Array, handOver?: boolean): Promise<AudioAnalysis>;
  /** Requests sent and not yet answered. */
  readonly waiting: number;
  /** False once the thread has failed or been closed. */
  readonly working: boolean;
  /** Resolves once the thread has loaded (requests sent before then wait for it). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/** What the thread is started with: the window gate it gives way to (background.ts). */
export interface WaveformThreadData {
  windowGate?: Int32Array;
}

/** A script path, or a file: URL as text (what can cross to another thread in workerData). */
export type WorkerScript = string;

export function startWaveformThread(script: WorkerScript): WaveformThread {
  const worker = new Worker(script.startsWith('file:') ? new URL(script) : script, {
    workerData: { windowGate: windowGate() } satisfies WaveformThreadData,
  });
  const pending = new Map<number, { resolve: (a: AudioAnalysis) => void; reject: (e: Error) => void }>();
  let next = 0;
  let broken: Error | null = null;
  let closing = false;
  // An idle thread must not keep its owner alive (the CLI, a test); a busy one must, and so must one
  // being closed until it has stopped: an answer or its "ready" that comes in after close() must not
  // let the owner's event loop end while close() still waits for the thread's exit (it did: rc 13).
  const holdOwner = () => {
    if (closing || (!broken && pending.size > 0)) worker.ref();
    else worker.unref();
  };
  const failAll = (error: Error) => {
    broken ??= error;
    for (const p of pending.values()) p.reject(broken);
    pending.clear();
    holdOwner();
  };
  const settle = (job: number) => {
    const p = pending.get(job);
    pending.delete(job);
    if (pending.size === 0) holdOwner();
    return p;
  };
  let loaded = () => {};
  const ready = new Promise<void>((resolve) => (loaded = resolve));
  worker.on('message', (answer: WaveformAnswer) => {
    if ('ready' in answer) {
      holdOwner();
      return loaded();
    }
    const p = settle(answer.job);
    if (!p) return;
    if ('analysis' in answer) p.resolve(answer.analysis);
    else p.reject(new Error(answer.failed));
  });
  worker.on('error', failAll);
  worker.on('exit', () => {
    closing = false;
    failAll(new Error('the waveform thread stopped'));
  });
  return {
    analyse(bytes, handOver = false) {
      if (broken) return Promise.reject(broken);
      const job = next++;
      const movable = handOver && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      return new Promise((resolve, reject) => {
        pending.set(job, { resolve, reject });
        if (pending.size === 1) holdOwner();
        worker.postMessage({ job, bytes } satisfies WaveformRequest, movable ? [bytes.buffer as ArrayBuffer] : []);
      });
    },
    get waiting() {
      return pending.size;
    },
    get working() {
      return broken === null;
    },
    ready,
    async close() {
      closing = true;
      failAll(new Error('the waveform thread was closed'));
      await worker.terminate();
    },
  };
}

/** The same thread, for a pass that closes what it is given, while its owner still has files on it. */
export function lentThread(thread: WaveformThread): WaveformThread {
  return {
    analyse: (bytes, handOver) => thread.analyse(bytes, handOver),
    get waiting() {
      return thread.waiting;
    },
    get working() {
      return thread.working;
    },
    ready: thread.ready,
    close: async () => undefined,
  };
}

/** What analysePendingAudio is given to start the thread when there is enough to do; none without a script. */
export function secondWaveformThread(script: WorkerScript | undefined): (() => WaveformThread) | undefined {
  return script ? () => startWaveformThread(script) : undefined;
}

/** A script as a path or a URL, as the app's options name it, in the form that crosses threads. */
export function workerScript(script: string | URL | undefined): WorkerScript | undefined {
  return script === undefined ? undefined : typeof script === 'string' ? script : script.href;
}
