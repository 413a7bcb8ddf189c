// An entry's head (what the importers sniff to recognise audio) is read without a stream where it
// can be; it must be the start of the same content the entry reads whole, for every kind of entry,
// and a damaged entry must still be reported the way its stream reports it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openExportFiles } from '../electron/core/archive/export-files.ts';
import { randomBytes } from './helpers/audio-fixtures.ts';
import { tempDir, writeZip } from './helpers/zip.ts';

/** Half noise, half silence: deflates to about two thirds, like a recording. */
function recordingLike(size: number, seed: number): Uint8Array {
  const noise = randomBytes(size, seed);
  for (let i = 0; i < size; i++) if (i % 200 < 100) noise[i] = 0;
  return noise;
}

const contents = {
  'a/big.wav': recordingLike(300_000, 1),
  'a/medium.wav': recordingLike(40_000, 2),
  'a/small.wav': recordingLike(3_000, 3),
  'a/noise.bin': randomBytes(60_000, 4),
  'a/zeros.bin': new Uint8Array(500_000),
  'a/empty.txt': new Uint8Array(0),
};

for (const compress of [true, false]) {
  test(`head() is the start of read(), ${compress ? 'deflated' : 'stored'} entries`, async () => {
    const dir = tempDir('earshot-head-');
    const zip = await writeZip(path.join(dir, 'x.zip'), contents, { compress });
    const files = await openExportFiles([zip]);
    try {
      assert.equal(files.entries.length, Object.keys(contents).length);
      for (const entry of files.entries) {
        const whole = await entry.read();
        for (const bytes of [16, 4096, 50_000]) {
          const head = await entry.head(bytes);
          assert.ok(head.length >= Math.min(bytes, whole.length), `${entry.path}: ${head.length} of ${bytes}`);
          assert.deepEqual(head, whole.subarray(0, head.length), `${entry.path} head(${bytes})`);
        }
      }
    } finally {
      await files.close();
    }
  });
}

test('head() of a file in a dropped folder is its first bytes', async () => {
  const dir = tempDir('earshot-head-');
  const data = recordingLike(10_000, 5);
  writeFileSync(path.join(dir, 'rec.wav'), data);
  const files = await openExportFiles([dir]);
  try {
    const entry = files.entries.find((e) => e.name === 'rec.wav')!;
    assert.deepEqual(new Uint8Array(await entry.head(4096)), data.subarray(0, 4096));
    assert.deepEqual(new Uint8Array(await entry.head(20_000)), data);
  } finally {
    await files.close();
  }
});

test('a damaged small entry is reported by head() as by its stream', async () => {
  const dir = tempDir('earshot-head-');
  const zip = await writeZip(path.join(dir, 'x.zip'), { 'a/small.wav': recordingLike(3_000, 6) }, { compress: false });
  // Flip a content byte: the stored entry's CRC no longer matches.
  const bytes = readFileSync(zip);
  const at = bytes.indexOf(Buffer.from('a/small.wav')) + 'a/small.wav'.length + 200;
  bytes[at] = bytes[at]! ^ 0xff;
  writeFileSync(zip, bytes);
  const files = await openExportFiles([zip]);
  try {
    const entry = files.entries[0]!;
    const viaStream = await (async () => {
      for await (const _ of await entry.stream()) void _;
    })().then(
      () => null,
      (e: Error) => e.message,
    );
    assert.ok(viaStream, 'the stream reports the damage');
    await assert.rejects(entry.head(4096), (e: Error) => e.message === viaStream);
  } finally {
    await files.close();
  }
});
