// The background waveform pass stores its results once every 5 seconds, not every batch of 200:
// each commit empties the page cache of the window's connection, which slowed its searches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseAudio } from '../electron/core/audio/index.ts';
import {
  analysePendingAudio,
  LAST_PENDING_AUDIO,
  lastPendingAudio,
  pendingAudioQuery,
} from '../electron/core/db/pending-audio.ts';
import { HAS_LAME, pendingMp3Library } from './helpers/pending-mp3.ts';

const QUEUED = 1000; // five batches of 200

test('the pass stores every waveform, in one commit every 5 seconds', { skip: !HAS_LAME && 'needs lame' }, async () => {
  const { db, mp3 } = pendingMp3Library(QUEUED, 0.3);
  const pending = db.prepare('SELECT COUNT(*) FROM recordings WHERE peaks IS NULL').pluck();
  assert.equal(pending.get(), QUEUED);

  let commits = 0;
  const started = performance.now();
  const done = await analysePendingAudio(db, { onBatch: () => commits++ });
  const seconds = (performance.now() - started) / 1000;

  assert.equal(done, QUEUED);
  assert.equal(pending.get(), 0, 'every waveform stored');
  const expected = await analyseAudio(mp3);
  assert.ok(expected.ok);
  const stored = db.prepare('SELECT peaks FROM recordings WHERE id = ?').pluck();
  for (const id of [1, 500, QUEUED]) assert.deepEqual(new Uint8Array(stored.get(id) as Buffer), expected.peaks);
  assert.ok(commits >= 1, 'the window was told');
  assert.ok(commits <= Math.floor(seconds / 5) + 1, `${commits} commits in ${seconds.toFixed(1)} s`);
});

// At 100,000 recordings, the pass after an import (one export's recordings) spent 42 s of its 158 s
// in this query: SQLite took the export's index, read every pending recording's audio and sorted it
// to keep the first 200, for each batch.
test("each batch of one export's pending audio is read through the pending index, in order, nothing sorted", () => {
  const { db } = pendingMp3Library(50, 0.1);
  db.prepare(
    "INSERT INTO exports (kind, label, source_files, imported_at, report) VALUES ('google', 'y', '[]', 0, '{}')",
  ).run();
  db.exec('ANALYZE');
  const pending = db.prepare('SELECT COUNT(*) FROM recordings WHERE export_id = 1 AND peaks IS NULL').pluck();
  assert.equal(pending.get(), 50, 'the export has pending audio');
  for (const [ofOneExport, params] of [
    [true, [0, 1]],
    [false, [0]],
  ] as const) {
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${pendingAudioQuery(ofOneExport)}`).all(...params) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('\n');
    assert.match(plan, /USING (COVERING )?INDEX recordings_pending_audio/, plan);
    assert.doesNotMatch(plan, /TEMP B-TREE/, plan);
    assert.equal((db.prepare(pendingAudioQuery(ofOneExport)).all(...params) as unknown[]).length, 50);
  }
  db.close();
});

// The top-up of the waveform thread at an import's commit takes the export's last pending
// recordings first, and only as many as it sends: reading them all would read the export's audio.
test("one export's pending audio, the last first, through the pending index, read only as far as asked", () => {
  const { db } = pendingMp3Library(50, 0.1);
  db.exec('ANALYZE');
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${LAST_PENDING_AUDIO}`).all(1) as { detail: string }[])
    .map((r) => r.detail)
    .join('\n');
  assert.match(plan, /USING (COVERING )?INDEX recordings_pending_audio/, plan);
  assert.doesNotMatch(plan, /TEMP B-TREE/, plan);

  db.prepare("UPDATE recordings SET peaks = x'00' WHERE id IN (49, 47)").run();
  const ids: number[] = [];
  for (const { id, bytes } of lastPendingAudio(db, 1)) {
    assert.ok(bytes.byteLength > 0, 'with its audio');
    ids.push(id);
    if (ids.length === 3) break;
  }
  assert.deepEqual(ids, [50, 48, 46], 'the last pending first, those with a waveform left out');
  assert.equal(lastPendingAudio(db, 2).next().done, true, 'none of another export');
  // Leaving early ends the read: the connection is free for the next statement.
  assert.equal(db.prepare('SELECT COUNT(*) FROM recordings WHERE peaks IS NULL').pluck().get(), 48);
  db.close();
});

test('recordings another thread is working out are left to it', { skip: !HAS_LAME && 'needs lame' }, async () => {
  const { db } = pendingMp3Library(300, 0.1);
  const leave = new Set([1, 2, 150, 300]);
  const done = await analysePendingAudio(db, { leave });
  assert.equal(done, 300 - leave.size);
  const pending = db.prepare('SELECT id FROM recordings WHERE peaks IS NULL ORDER BY id').pluck().all();
  assert.deepEqual(pending, [...leave]);
  db.close();
});
