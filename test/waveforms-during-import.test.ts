// An import that leaves MP3 waveforms for after its commit (as the app's import worker does) hands
// them to the waveform thread while it is still reading, and goes on with that thread after the
// commit. Whichever thread worked out a waveform, the library ends up exactly as an import that
// decoded every file before its commit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openLibrary, type Db } from '../electron/core/db/library.ts';
import { newImportTimings, runImport } from '../electron/core/import/run-import.ts';
import { generateExport } from '../scripts/generate-export.ts';
import { tempDir } from './helpers/zip.ts';

const missing = ['espeak-ng', 'ffmpeg', 'lame'].find((t) => {
  try {
    execFileSync('sh', ['-c', `command -v ${t}`], { stdio: 'pipe' });
    return false;
  } catch {
    return true;
  }
});
const skip = missing ? `${missing} is not installed` : false;
const SCRIPT = new URL('../e2e/harness/waveform-worker.mjs', import.meta.url).href;

interface Stored {
  key: string;
  peaks: Buffer | null;
  duration_ms: number | null;
  sample_rate: number | null;
  channels: number | null;
  codec: string | null;
  audio_error: string | null;
}
const stored = (db: Db) =>
  db
    .prepare(
      `SELECT key, peaks, duration_ms, sample_rate, channels, codec, audio_error FROM recordings
       WHERE has_audio = 1 ORDER BY key`,
    )
    .all() as Stored[];

/** A generated Google export and what an import that decodes every file before its commit stores. */
async function exportAndInlineImport(prefix: string, count: number, seed: number) {
  const dir = tempDir(prefix);
  const g = generateExport({ kind: 'google', count, seed, outDir: path.join(dir, 'export') });
  const inline = openLibrary(path.join(dir, 'inline.sqlite'));
  await runImport(inline, g.files);
  const expected = stored(inline);
  inline.close();
  return { dir, g, expected, mp3s: expected.filter((r) => r.codec === 'mp3').length };
}

/** A waveform thread's script that says it is ready and then does what `onMessages` says (never answers). */
function fakeWaveformThread(dir: string, onMessages: string): string {
  const file = path.join(dir, 'fake-waveform-worker.mjs');
  writeFileSync(
    file,
    `import { parentPort } from 'node:worker_threads';
     parentPort.postMessage({ ready: true });
     ${onMessages}`,
  );
  return pathToFileURL(file).href;
}

test('MP3 waveforms worked out during the import and after it are those of an inline import', { skip }, async () => {
  const { dir, g, expected, mp3s } = await exportAndInlineImport('earshot-ahead-', 1200, 5);
  assert.ok(mp3s > 400, `the export has many MP3s (${mp3s})`);

  const db = openLibrary(path.join(dir, 'deferred.sqlite'));
  const timings = newImportTimings();
  let pendingAtCommit = -1;
  let waveformNews = 0;
  await runImport(db, g.files, {
    deferredAudio: 'after-commit',
    waveformWorker: SCRIPT,
    timings,
    onCommitted: () => {
      pendingAtCommit = db
        .prepare('SELECT COUNT(*) FROM recordings WHERE has_audio = 1 AND peaks IS NULL AND audio_error IS NULL')
        .pluck()
        .get() as number;
    },
    onWaveforms: () => waveformNews++,
  });

  // The commit really left waveforms for later, and some were worked out while it read.
  assert.ok(pendingAtCommit > 0, `${pendingAtCommit} waveforms pending at the commit`);
  assert.ok((timings.waveformsAhead ?? 0) > 0, `${timings.waveformsAhead} worked out during the import`);
  assert.ok((timings.waveformsAhead ?? 0) < pendingAtCommit, 'and the rest after it');
  // At the commit the thread was given more of them, to work on while the import's thread copies
  // the write-ahead log: no more than half of what it did not have.
  const topUp = timings.waveformsTopUp ?? 0;
  assert.ok(topUp > 0, `${topUp} more sent to the thread at the commit`);
  assert.ok(topUp <= (pendingAtCommit - (timings.waveformsAhead ?? 0)) / 2, `${topUp}: at most half of the rest`);
  assert.ok(waveformNews >= 1, 'the window was told');
  const got = stored(db);
  assert.equal(got.length, expected.length);
  for (const [i, row] of got.entries()) assert.deepEqual(row, expected[i], row.key);
  db.close();
});

test(
  'when the waveform thread stops during the import, what it was sent is still worked out',
  { skip, timeout: 120_000 },
  async () => {
    const { dir, g, expected, mp3s } = await exportAndInlineImport('earshot-ahead-stops-', 600, 6);
    assert.ok(mp3s > 300, `enough MP3s for the thread to start (${mp3s})`);

    // A thread that takes files without answering and stops a moment after the first: everything
    // sent to it is lost there (as when it crashes), during the import and after it.
    const stopping = fakeWaveformThread(
      dir,
      `parentPort.once('message', () => setTimeout(() => process.exit(1), 200));`,
    );
    const db = openLibrary(path.join(dir, 'deferred.sqlite'));
    const timings = newImportTimings();
    await runImport(db, g.files, {
      deferredAudio: 'after-commit',
      waveformWorker: stopping,
      timings,
    });

    assert.equal(timings.waveformsAhead, 0, 'the thread answered nothing');
    const got = stored(db);
    for (const [i, row] of got.entries()) assert.deepEqual(row, expected[i], row.key);
    db.close();
  },
);

test(
  'a cancel after the commit does not wait for the files still on the waveform thread',
  { skip, timeout: 120_000 },
  async () => {
    const { dir, g, mp3s } = await exportAndInlineImport('earshot-ahead-cancel-', 600, 7);
    assert.ok(mp3s > 300, `enough MP3s for the thread to start (${mp3s})`);
    // A thread that takes files and never answers: only closing it ends what it was sent.
    const silent = fakeWaveformThread(dir, `parentPort.on('message', () => {});`);
    const db = openLibrary(path.join(dir, 'deferred.sqlite'));
    const controller = new AbortController();
    const report = await runImport(db, g.files, {
      deferredAudio: 'after-commit',
      waveformWorker: silent,
      signal: controller.signal,
      onCommitted: () => controller.abort(),
    });
    assert.equal(report.recordings, 600, 'the import itself is kept');
    const pending = db
      .prepare('SELECT COUNT(*) FROM recordings WHERE has_audio = 1 AND peaks IS NULL AND audio_error IS NULL')
      .pluck()
      .get() as number;
    assert.ok(pending > 0, `${pending} waveforms left for the next pass`);
    db.close();
  },
);
