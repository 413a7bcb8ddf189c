// Waveforms after an import are decoded on two threads: this one and the waveform thread
// (electron/core/waveforms). Whatever the thread does — answers, fails, is not worth starting — every
// pending recording ends up with exactly the waveform a single thread would have stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { analyseAudio } from '../electron/core/audio/index.ts';
import { analysePendingAudio, type AudioHelper } from '../electron/core/db/pending-audio.ts';
import { startWaveformThread } from '../electron/core/waveforms/waveform-thread.ts';
import { HAS_LAME, pendingMp3Library } from './helpers/pending-mp3.ts';
import { tempDir } from './helpers/zip.ts';

const skip = !HAS_LAME && 'needs lame';
/** The thread's script under tsx, as the harness and the benchmark start it. */
const SCRIPT = new URL('../e2e/harness/waveform-worker.mjs', import.meta.url).href;

/** The real thread, counting what it answered. */
function countingThread() {
  const thread = startWaveformThread(SCRIPT);
  const counted = { answered: 0, closed: false };
  const helper: AudioHelper = {
    analyse: async (bytes) => {
      const analysis = await thread.analyse(bytes);
      counted.answered++;
      return analysis;
    },
    get waiting() {
      return thread.waiting;
    },
    get working() {
      return thread.working;
    },
    close: async () => {
      counted.closed = true;
      await thread.close();
    },
  };
  return { helper, counted, thread };
}

async function expectedPeaks(mp3: Buffer): Promise<Uint8Array> {
  const expected = await analyseAudio(mp3);
  assert.ok(expected.ok);
  return expected.peaks;
}

test('two threads share the waveforms and store what one thread would have', { skip }, async () => {
  const queued = 800;
  const { db, mp3 } = pendingMp3Library(queued, 0.5);
  const pending = db.prepare('SELECT COUNT(*) FROM recordings WHERE peaks IS NULL').pluck();
  assert.equal(pending.get(), queued);
  const { helper, counted, thread } = countingThread();
  // The app's bundled thread loads in a moment; under tsx it takes about a second, as long as this
  // whole pass: started together, this thread would have done nearly everything by then.
  await thread.ready;

  const done = await analysePendingAudio(db, { secondThread: () => helper });

  assert.equal(done, queued);
  assert.equal(pending.get(), 0, 'every waveform stored');
  // Both threads worked: neither did (nearly) everything.
  assert.ok(counted.answered > queued / 10, `the waveform thread answered ${counted.answered} of ${queued}`);
  assert.ok(counted.answered < queued, 'this thread decoded some too');
  assert.ok(counted.closed, 'the thread is closed once the pass is over');
  const peaks = await expectedPeaks(mp3);
  const stored = db.prepare('SELECT peaks, duration_ms FROM recordings ORDER BY id').all() as {
    peaks: Buffer;
    duration_ms: number;
  }[];
  assert.equal(stored.length, queued);
  for (const row of stored) assert.deepEqual(new Uint8Array(row.peaks), peaks);
  assert.ok(stored.every((r) => r.duration_ms === stored[0]!.duration_ms && r.duration_ms > 400));
});

test('a few files are decoded here without starting a thread', { skip }, async () => {
  const { db } = pendingMp3Library(30, 0.3);
  let started = 0;
  const done = await analysePendingAudio(db, {
    secondThread: () => {
      started++;
      return countingThread().helper;
    },
  });
  assert.equal(done, 30);
  assert.equal(started, 0);
});

test('when the waveform thread fails, this thread decodes the rest', { skip }, async () => {
  const queued = 400;
  const { db, mp3 } = pendingMp3Library(queued, 0.3);
  let calls = 0;
  let closed = false;
  const failing: AudioHelper = {
    analyse: () => {
      calls++;
      return Promise.reject(new Error('the waveform thread stopped'));
    },
    waiting: 0,
    // As the real thread: broken once its first request failed.
    get working() {
      return calls === 0;
    },
    close: () => {
      closed = true;
      return Promise.resolve();
    },
  };

  const done = await analysePendingAudio(db, { secondThread: () => failing });

  assert.equal(done, queued);
  assert.ok(calls >= 1, 'the thread was tried');
  assert.equal(calls, 1, 'given up after its first failure');
  assert.ok(closed);
  const peaks = await expectedPeaks(mp3);
  const stored = db.prepare('SELECT peaks FROM recordings WHERE peaks IS NOT NULL').pluck().all() as Buffer[];
  assert.equal(stored.length, queued);
  for (const p of stored) assert.deepEqual(new Uint8Array(p), peaks);
});

test('the waveform thread turns damaged audio into a reason, as this thread does', async () => {
  const thread = startWaveformThread(SCRIPT);
  try {
    const damaged = Buffer.from('ID3\u0003\u0000\u0000\u0000\u0000\u0000\u0000 not really an mp3');
    const [there, here] = [await thread.analyse(damaged), await analyseAudio(damaged)];
    assert.equal(there.ok, false);
    assert.deepEqual(there, here);
  } finally {
    await thread.close();
  }
  await assert.rejects(thread.analyse(new Uint8Array(4)), /closed/);
});

test('closing a thread whose first message comes in after the close still ends, and lets its owner go on', async () => {
  // Seen in CI, once in about 15 runs of the cancel-after-the-commit test: the import closed a thread
  // still loading; its "ready" came in after the close, the thread let go of the owner's event loop,
  // and the import never got past the close.
  const dir = tempDir('earshot-late-ready-');
  const late = path.join(dir, 'late-ready-worker.mjs');
  const sent = path.join(dir, 'ready-sent');
  // Says it is ready, leaves a mark that it did, then stays busy: the close comes while that message
  // is still on its way.
  writeFileSync(
    late,
    `import { parentPort } from 'node:worker_threads';
     import { writeFileSync } from 'node:fs';
     parentPort.postMessage({ ready: true });
     writeFileSync(${JSON.stringify(sent)}, '');
     const until = Date.now() + 2000;
     while (Date.now() < until);`,
  );
  // In its own process: an owner whose event loop ends during the close exits with 13 (a top-level
  // await never settled), which inside this test file would cancel every test still to run. A file,
  // not -e: an owner run with -e stays alive by itself and hid the fault.
  const owner = path.join(dir, 'owner.mjs');
  writeFileSync(
    owner,
    `
    import { existsSync } from 'node:fs';
    import { startWaveformThread } from ${JSON.stringify(path.resolve('electron/core/waveforms/waveform-thread.ts'))};
    const thread = startWaveformThread(${JSON.stringify(late)});
    let ready = false;
    void thread.ready.then(() => (ready = true));
    // Not yielding until the thread has sent its "ready": it is on its way, not yet taken in.
    const until = Date.now() + 20000;
    while (!existsSync(${JSON.stringify(sent)}) && Date.now() < until);
    const sentFirst = existsSync(${JSON.stringify(sent)});
    await thread.close();
    console.log(JSON.stringify({ sentFirst, ready, working: thread.working }));`,
  );
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', owner], {
    cwd: path.resolve('.'),
  });
  assert.deepEqual(JSON.parse(stdout), { sentFirst: true, ready: true, working: false });
});
