// Work the user is not waiting for (waveforms after an import, voice signatures) gives way to the
// window. On Linux the nice value belongs to a thread, so this lowers only the calling thread and
// the window's searches keep their core; elsewhere it would lower the whole app, so it does nothing.
// A thread cannot raise it again: only for threads that end with their work.
import os from 'node:os';

const BACKGROUND_NICE = 10;

export function lowerThisThreadsPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    os.setPriority(0, Math.max(os.getPriority(0), BACKGROUND_NICE));
  } catch {
    // not allowed: stays at normal priority
  }
}
