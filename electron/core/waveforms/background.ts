// Work the user is not waiting for (waveforms after an import, voice signatures) gives way to the
// window, twice over:
// - a lower priority: on Linux the nice value belongs to a thread, so this lowers only the calling
//   thread and the window's searches keep their core; elsewhere it would lower the whole app, so it
//   does nothing. A thread cannot raise it again: only for threads that end with their work.
// - the window gate: while the main thread answers one of the window's requests, background work
//   starts no new file, so a search has the cores to itself. A lower priority alone did not do
//   that: during the 100,000 waveforms, a quarter of the searches waited more than 1 ms for a core
//   (measured from the thread's schedstat), and the same search took more CPU with both cores busy.
import os from 'node:os';
import { isMainThread } from 'node:worker_threads';

const BACKGROUND_NICE = 10;

export function lowerThisThreadsPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    os.setPriority(0, Math.max(os.getPriority(0), BACKGROUND_NICE));
  } catch {
    // not allowed: stays at normal priority
  }
}

/** The most one call waits: a request that never ends must not stop the background work for good. */
const MOST_WAIT_MS = 1000;

/**
 * How many of the window's requests are being answered, in memory every thread of the app shares:
 * made by the main thread, handed to each thread it starts (and on from there) in its workerData.
 */
let gate: Int32Array | undefined;

/** This thread's gate, to hand to a thread it starts; in the main thread, made on first use. */
export function windowGate(): Int32Array | undefined {
  if (!gate && isMainThread) gate = new Int32Array(new SharedArrayBuffer(4));
  return gate;
}

/** In a thread: the gate its starter handed over (none: it has nothing to give way to). */
export function joinWindowGate(shared: Int32Array | undefined): void {
  if (shared) gate = shared;
}

/**
 * Runs one of the window's requests with the gate closed. Only its synchronous part counts (the
 * library's queries are synchronous): a handler that goes on waiting for something else must not
 * hold back the background work meanwhile.
 */
export function answeringWindow<T>(answer: () => T): T {
  const g = windowGate();
  if (!g) return answer();
  Atomics.add(g, 0, 1);
  try {
    return answer();
  } finally {
    if (Atomics.sub(g, 0, 1) === 1) Atomics.notify(g, 0);
  }
}

/** Background work calls this before each file: returns at once, or when the window has been answered. */
export async function giveWayToWindow(): Promise<void> {
  const g = gate;
  if (!g) return;
  const until = performance.now() + MOST_WAIT_MS;
  for (;;) {
    const answering = Atomics.load(g, 0);
    const left = until - performance.now();
    if (answering === 0 || left <= 0) return;
    const wait = Atomics.waitAsync(g, 0, answering, left);
    if (wait.async) await wait.value;
  }
}
