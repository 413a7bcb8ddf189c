// At an import's commit the waveform thread is topped up with the export's last pending recordings,
// so that it keeps working while the import's thread copies the write-ahead log (seconds at 100,000
// MP3s). The top-up must not take more than its share (the pass after the commit does the rest on
// the other core), must not resend what the thread already has, and must read no more than it sends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WaveformsAhead } from '../electron/core/waveforms/waveforms-ahead.ts';
import { tempDir } from './helpers/zip.ts';

/** A thread that says it is ready and answers every file with "not audio" — or, `silent`, never. */
function fakeThread(silent: boolean): string {
  const file = path.join(tempDir('earshot-top-up-'), 'worker.mjs');
  writeFileSync(
    file,
    `import { parentPort } from 'node:worker_threads';
     parentPort.postMessage({ ready: true });
     parentPort.on('message', ({ job }) => {
       ${silent ? '' : `parentPort.postMessage({ job, analysis: { ok: false, reason: { key: 'audio.notAudio' } } });`}
     });`,
  );
  return pathToFileURL(file).href;
}

/** The import's offers: the first 200 are never sent (not worth a thread), the next ones are. */
function offerDuringImport(ahead: WaveformsAhead, count: number): void {
  for (let id = 1; id <= count; id++) ahead.offer(id, new Uint8Array(1024));
}

/** Pending recordings from `from` down to 1, counting how many were read. */
function lastFirst(from: number, size = 1024) {
  const read = { count: 0 };
  const pending = function* () {
    for (let id = from; id >= 1; id--) {
      read.count++;
      yield { id, bytes: new Uint8Array(size) };
    }
  };
  return { pending, read };
}

test('the top-up sends at most half of what is left, skips what the thread has, reads no further', async () => {
  const ahead = new WaveformsAhead(fakeThread(true));
  try {
    offerDuringImport(ahead, 300);
    assert.equal(ahead.sentIds.size, 100, 'the thread was sent the import’s files after the first 200');

    // 1,000 pending, 100 of them on the thread: 900 left, of which the thread may take 450.
    const { pending, read } = lastFirst(1000);
    const sent = ahead.topUp(pending, 900);
    assert.equal(sent, 450);
    assert.equal(ahead.sentIds.size, 550);
    for (let id = 1000; id > 550; id--) assert.ok(ahead.sentIds.has(id), `the last ones first: ${id}`);
    assert.ok(!ahead.sentIds.has(550), 'and no more');
    assert.equal(read.count, 451, 'read one past what it sent, not the rest');
  } finally {
    await ahead.close();
  }
});

test('the top-up never resends a file the thread already has', async () => {
  const ahead = new WaveformsAhead(fakeThread(true));
  try {
    offerDuringImport(ahead, 300);
    // The last pending recordings are the ones the thread was sent while the import read (201–300).
    const { pending } = lastFirst(300);
    const sent = ahead.topUp(pending, 400);
    assert.equal(sent, 200, 'the 200 it did not have');
    for (let id = 1; id <= 300; id++) assert.ok(ahead.sentIds.has(id), `${id} is on the thread once`);
  } finally {
    await ahead.close();
  }
});

test('the top-up holds at most 64 MB of audio', async () => {
  const ahead = new WaveformsAhead(fakeThread(true));
  try {
    offerDuringImport(ahead, 300); // 100 KB on the thread
    const { pending } = lastFirst(10_000, 2 * 1024 * 1024);
    assert.equal(ahead.topUp(pending, 10_000), 31, '31 × 2 MB fit beside the 100 KB, not 32');
  } finally {
    await ahead.close();
  }
});

test('without a thread (a small import) there is no top-up, and nothing is read', async () => {
  const ahead = new WaveformsAhead(fakeThread(true));
  offerDuringImport(ahead, 200);
  let asked = false;
  const sent = ahead.topUp(() => {
    asked = true;
    return [];
  }, 5000);
  assert.equal(sent, 0);
  assert.equal(asked, false);
  await ahead.close();
});

test('what the thread answers for the top-up is taken with the rest, counted apart', async () => {
  const ahead = new WaveformsAhead(fakeThread(false));
  try {
    offerDuringImport(ahead, 300);
    const { pending } = lastFirst(1000);
    const sent = ahead.topUp(pending, 900);
    const { results, whileReading } = await ahead.take();
    assert.equal(results.length, 100 + sent, 'every file sent came back');
    assert.equal(whileReading, 100, 'of which 100 were sent while the import read');
    assert.deepEqual(new Set(results.map((r) => r.id)), ahead.sentIds, 'exactly the files sent, each once');
  } finally {
    await ahead.close();
  }
});
