// The waveform the user opens is worked out first: while the background pass works through a
// queue of MP3s, opening the last one in the queue gives its waveform at once, and the pass then
// neither redoes nor overwrites it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseAudio } from '../electron/core/audio/index.ts';
import { openLibrary, type Db } from '../electron/core/db/library.ts';
import { analyseAudioNow, analysePendingAudio } from '../electron/core/db/pending-audio.ts';
import { createHandlers, type ApiContext } from '../electron/core/api/handlers.ts';
import { HAS_LAME, pendingMp3Library } from './helpers/pending-mp3.ts';

const QUEUED = 60;

/** The queue the tests start from: the 2 s MP3s of an import, waveforms deferred. */
const pendingLibrary = () => pendingMp3Library(QUEUED, 2);

const pendingCount = (db: Db) =>
  db
    .prepare('SELECT COUNT(*) FROM recordings WHERE has_audio = 1 AND peaks IS NULL AND audio_error IS NULL')
    .pluck()
    .get() as number;

test(
  'opening a recording whose waveform is still queued computes it ahead of the queue',
  { skip: !HAS_LAME && 'needs lame' },
  async () => {
    const { db, mp3 } = pendingLibrary();
    assert.equal(pendingCount(db), QUEUED);
    const handlers = createHandlers({ db, libraryFile: ':memory:' } as unknown as ApiContext);
    const last = QUEUED; // ids 1…QUEUED: the background pass goes in id order, so this one is last.

    const pass = analysePendingAudio(db);
    const detail = await handlers.getRecording({ id: last });
    // Answered while the pass still had most of the queue before it.
    assert.ok(pendingCount(db) > QUEUED / 2, `${pendingCount(db)} still queued when the window got its waveform`);
    const expected = await analyseAudio(mp3);
    assert.ok(expected.ok);
    assert.deepEqual(detail!.peaks, Array.from(expected.peaks));
    assert.ok(Math.max(...detail!.peaks) > 50, 'the waveform is not flat');
    assert.equal(detail!.durationMs, expected.durationMs);

    // The pass finishes the others and does not count or overwrite the one already done.
    const done = await pass;
    assert.equal(done, QUEUED);
    assert.equal(pendingCount(db), 0);
    const stored = db.prepare('SELECT peaks FROM recordings WHERE id = ?').pluck().get(last) as Buffer;
    assert.deepEqual(Array.from(stored), Array.from(expected.peaks));
    db.close();
  },
);

test(
  'a recording with its waveform already, or without audio, is left as it is',
  { skip: !HAS_LAME && 'needs lame' },
  async () => {
    const { db } = pendingLibrary();
    assert.equal(await analyseAudioNow(db, 1), true);
    const before = db.prepare('SELECT peaks FROM recordings WHERE id = 1').pluck().get() as Buffer;
    assert.ok(before.length > 0);
    assert.equal(await analyseAudioNow(db, 1), false);
    assert.equal(await analyseAudioNow(db, 9999), false);
    db.prepare('UPDATE recordings SET has_audio = 0 WHERE id = 2').run();
    assert.equal(await analyseAudioNow(db, 2), false);
    assert.equal(db.prepare('SELECT peaks FROM recordings WHERE id = 2').pluck().get(), null);
    db.close();
  },
);

test('audio that cannot be decoded gets its reason at once, as the background pass would store it', async () => {
  const db = openLibrary(':memory:');
  db.prepare(
    "INSERT INTO exports (kind, label, source_files, imported_at, report) VALUES ('google', 'x', '[]', 0, '{}')",
  ).run();
  db.prepare("INSERT INTO recordings (export_id, key, source, has_audio) VALUES (1, 'k', 'google', 1)").run();
  db.prepare('INSERT INTO audio (recording_id, bytes) VALUES (1, ?)').run(Buffer.from('not audio at all'));
  assert.equal(await analyseAudioNow(db, 1), true);
  const r = db.prepare('SELECT peaks, audio_error FROM recordings WHERE id = 1').get() as {
    peaks: Buffer | null;
    audio_error: string | null;
  };
  assert.equal(r.peaks, null);
  assert.ok(r.audio_error && r.audio_error.length > 0);
  db.close();
});
