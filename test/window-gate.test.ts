// Background work gives way to the window: while the main thread answers one of its requests, the
// waveform thread, the pass after an import and the voice signatures start no new file
// (waveforms/background.ts). The window's side here runs on a thread of its own, as the app's main
// thread is to the import's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { analysePendingAudio } from '../electron/core/db/pending-audio.ts';
import { dispatch } from '../electron/core/api/handlers.ts';
import { answeringWindow, giveWayToWindow, windowGate } from '../electron/core/waveforms/background.ts';
import { startWaveformThread } from '../electron/core/waveforms/waveform-thread.ts';
import { HAS_LAME, pendingMp3Library } from './helpers/pending-mp3.ts';

const BACKGROUND = JSON.stringify(new URL('../electron/core/waveforms/background.ts', import.meta.url).href);
const WAVEFORM_WORKER = new URL('../e2e/harness/waveform-worker.mjs', import.meta.url).href;

/**
 * The window on another thread: answers one request that keeps its thread busy for `ms`. Resolves
 * once that request is being answered, with when it ends and the thread's exit.
 */
async function windowAnswering(ms: number): Promise<{ endsAt: number; exited: Promise<void> }> {
  const gate = windowGate()!;
  const worker = new Worker(
    `import('tsx/esm/api').then((m) => { m.register(); return import(${BACKGROUND}); }).then((b) => {
       const { parentPort, workerData } = require('node:worker_threads');
       b.joinWindowGate(workerData.gate);
       b.answeringWindow(() => {
         const until = performance.now() + workerData.ms;
         parentPort.postMessage({ answering: Atomics.load(workerData.gate, 0), ends: performance.timeOrigin + until });
         while (performance.now() < until);
       });
     })`,
    { eval: true, workerData: { gate, ms } },
  );
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const first = await new Promise<{ answering: number; ends: number }>((resolve) => worker.once('message', resolve));
  assert.equal(first.answering, 1, 'the window thread closed the shared gate');
  // When it ends on this thread's clock (the message itself may come late).
  return { endsAt: first.ends - performance.timeOrigin, exited };
}

test('a request closes the gate while it runs, and opens it again when it ends or throws', () => {
  const gate = windowGate()!;
  assert.equal(Atomics.load(gate, 0), 0);
  assert.equal(
    answeringWindow(() => Atomics.load(gate, 0)),
    1,
  );
  assert.equal(Atomics.load(gate, 0), 0);
  assert.throws(() =>
    answeringWindow(() => {
      throw new Error('bad request');
    }),
  );
  assert.equal(Atomics.load(gate, 0), 0);
});

test("the window's requests through the API close the gate; only while they run", async () => {
  const gate = windowGate()!;
  let during = -1;
  const handlers = {
    listDevices: () => {
      during = Atomics.load(gate, 0);
      return [];
    },
  } as unknown as Parameters<typeof dispatch>[0];
  const answer = await dispatch(handlers, 'listDevices', {});
  assert.deepEqual(answer, { result: [] });
  assert.equal(during, 1);
  assert.equal(Atomics.load(gate, 0), 0);
});

test('background work waits while the window is answered, then goes on at once', async () => {
  const started = performance.now();
  await giveWayToWindow();
  assert.ok(performance.now() - started < 50, 'nothing to wait for');

  const window = await windowAnswering(400);
  await giveWayToWindow();
  const after = performance.now();
  assert.ok(after >= window.endsAt - 5, `went on ${(window.endsAt - after).toFixed(0)} ms before the answer ended`);
  assert.ok(after < window.endsAt + 300, `went on ${(after - window.endsAt).toFixed(0)} ms after it`);
  await window.exited;
});

test('a request that does not end holds the background work back for a second at most', async () => {
  const window = await windowAnswering(3000);
  const started = performance.now();
  await giveWayToWindow();
  const waited = performance.now() - started;
  assert.ok(waited >= 900 && waited < 2000, `waited ${waited.toFixed(0)} ms`);
  await window.exited;
});

test(
  'the waveform thread starts no file while the window is answered',
  { skip: !HAS_LAME && 'needs lame' },
  async () => {
    const { db, mp3 } = pendingMp3Library(1, 0.3);
    db.close();
    const thread = startWaveformThread(WAVEFORM_WORKER);
    try {
      await thread.ready;
      assert.ok((await thread.analyse(mp3)).ok, 'the thread decodes');
      const window = await windowAnswering(600);
      const analysis = await thread.analyse(mp3);
      const answered = performance.now();
      assert.ok(analysis.ok);
      assert.ok(
        answered >= window.endsAt - 5,
        `answered ${(window.endsAt - answered).toFixed(0)} ms before the window was`,
      );
      await window.exited;
    } finally {
      await thread.close();
    }
  },
);

test('the pass gives way before each file it decodes itself', { skip: !HAS_LAME && 'needs lame' }, async () => {
  const { db } = pendingMp3Library(30, 0.2);
  let givenWay = 0;
  const done = await analysePendingAudio(db, { giveWay: async () => void givenWay++ });
  assert.equal(done, 30);
  assert.equal(givenWay, 30);
  db.close();
});
