// Background work (waveforms after an import, voice signatures) lowers its own thread's priority
// so the window's searches keep their core — and only its own: on Linux nice is per thread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import { Worker } from 'node:worker_threads';

const linux = process.platform === 'linux';

test(
  'a background thread runs at lower priority, and the thread that started it does not',
  { skip: !linux && 'nice is per thread only on Linux' },
  async () => {
    const before = os.getPriority(0);
    const script = JSON.stringify(new URL('../electron/core/waveforms/background.ts', import.meta.url).href);
    const worker = new Worker(
      `const os = require('node:os');
     const { parentPort } = require('node:worker_threads');
     import('tsx/esm/api').then((m) => { m.register(); return import(${script}); }).then((m) => {
       const at = os.getPriority(0);
       m.lowerThisThreadsPriority();
       const lowered = os.getPriority(0);
       m.lowerThisThreadsPriority();
       parentPort.postMessage({ at, lowered, again: os.getPriority(0) });
     });`,
      { eval: true },
    );
    const seen = (await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    })) as { at: number; lowered: number; again: number };
    await worker.terminate();
    assert.equal(seen.at, before, "the thread started at its parent's priority");
    assert.ok(seen.lowered > seen.at, `nice ${seen.at} → ${seen.lowered}`);
    assert.equal(seen.again, seen.lowered, 'lowering twice changes nothing more');
    assert.equal(os.getPriority(0), before, 'this thread kept its priority');
  },
);
