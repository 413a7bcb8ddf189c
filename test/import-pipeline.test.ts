// The import pipeline on its own: one transaction, cancel and failure leave the library as it was,
// re-import adds nothing, progress is reported, unreadable audio is kept with a reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openLibrary } from '../electron/core/db/library.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { listRecordings, getRecording } from '../electron/core/db/recordings.ts';
import { ImportError, type ImportProgress } from '../electron/core/model.ts';
import { fakeImporter, type FakeRecording } from './helpers/fake-export.ts';
import { makeWav } from './helpers/wav.ts';
import { tempDir, writeZip } from './helpers/zip.ts';
import { english } from '../electron/core/messages/index.ts';

async function fakeExport(dir: string, items: FakeRecording[], audio: Record<string, Buffer> = {}) {
  const contents: Record<string, string | Buffer> = { 'export/recordings.json': JSON.stringify(items) };
  for (const [name, bytes] of Object.entries(audio)) contents[`export/audio/${name}`] = bytes;
  return writeZip(path.join(dir, 'export.zip'), contents);
}

const items: FakeRecording[] = [
  { id: '1', time: '2024-03-01T10:00:00Z', text: 'alexa play jazz', device: 'Kitchen', audio: 'a.wav' },
  { id: '2', time: '2024-03-02T11:00:00Z', text: 'what is the weather', device: 'Bedroom', audio: 'b.wav' },
  { id: '3', time: '2024-03-03T12:00:00Z', device: 'Kitchen', notIntended: true },
];

test('imports recordings with their audio byte-exact, in one export', async () => {
  const dir = tempDir();
  const a = makeWav(1.5);
  const file = await fakeExport(dir, items, { 'a.wav': a, 'b.wav': makeWav(0.5) });
  const db = openLibrary(path.join(dir, 'lib.sqlite'));
  const progress: ImportProgress[] = [];
  const report = await runImport(db, [file], { importers: [fakeImporter()], onProgress: (p) => progress.push(p) });
  assert.equal(report.recordings, 3);
  assert.equal(report.withAudio, 2);
  assert.equal(report.withTranscript, 2);
  assert.equal(report.account?.value, 'someone@example.com');
  assert.deepEqual(report.devices, [
    { name: 'Kitchen', recordings: 2 },
    { name: 'Bedroom', recordings: 1 },
  ]);
  assert.equal(report.firstTime, Date.parse('2024-03-01T10:00:00Z'));
  assert.ok(progress.length >= 2 && progress.at(-1)!.phase === 'done');
  const first = listRecordings(db, { sort: 'oldest' }).rows[0]!;
  const detail = getRecording(db, first.id)!;
  assert.equal(detail.codec, 'wav');
  assert.ok(Math.abs(detail.durationMs! - 1500) <= 5);
  assert.ok(detail.peaks.length > 10);
  const stored = db.prepare('SELECT bytes FROM audio WHERE recording_id = ?').pluck().get(first.id) as Buffer;
  assert.ok(stored.equals(a), 'audio is kept byte for byte');
  db.close();
});

test('importing the same export again adds nothing', async () => {
  const dir = tempDir();
  const file = await fakeExport(dir, items, { 'a.wav': makeWav(1), 'b.wav': makeWav(1) });
  const db = openLibrary(path.join(dir, 'lib.sqlite'));
  const note = '2 audio files have no entry in the export and were not imported.';
  const first = await runImport(db, [file], { importers: [fakeImporter({ note })] });
  assert.ok(first.notes.map(english).includes(note));
  const again = await runImport(db, [file], { importers: [fakeImporter({ note })] });
  assert.equal(again.recordings, 0);
  assert.equal(again.duplicates, 3);
  assert.equal(again.exportId, null);
  // It says it was all there already, and does not repeat the first import's notes about its files.
  assert.equal(again.notes.length, 1);
  assert.match(english(again.notes[0]!), /already in your library/);
  assert.equal(db.prepare('SELECT COUNT(*) FROM exports').pluck().get(), 1);
  assert.equal(db.prepare('SELECT COUNT(*) FROM recordings').pluck().get(), 3);
  db.close();
});

test('cancelling mid-import leaves the library exactly as before', async () => {
  const dir = tempDir();
  const db = openLibrary(path.join(dir, 'lib.sqlite'));
  const earlier = await fakeExport(tempDir(), [{ id: 'old', time: '2020-01-01T00:00:00Z', text: 'earlier import' }]);
  await runImport(db, [earlier], { importers: [fakeImporter()] });
  const file = await fakeExport(dir, items, { 'a.wav': makeWav(1), 'b.wav': makeWav(1) });
  const controller = new AbortController();
  await assert.rejects(
    runImport(db, [file], {
      importers: [fakeImporter({ afterEach: (i) => (i === 1 ? controller.abort() : undefined) })],
      signal: controller.signal,
    }),
    (e: unknown) => e instanceof ImportError && e.code === 'cancelled',
  );
  assert.equal(db.inTransaction, false);
  assert.deepEqual(
    listRecordings(db, {}).rows.map((r) => r.transcript),
    ['earlier import'],
  );
  assert.equal(db.prepare('SELECT COUNT(*) FROM exports').pluck().get(), 1);
  db.close();
});

test('a failure inside an importer rolls back everything it added', async () => {
  const dir = tempDir();
  const db = openLibrary(path.join(dir, 'lib.sqlite'));
  const file = await fakeExport(dir, items);
  await assert.rejects(
    runImport(db, [file], {
      importers: [
        fakeImporter({
          afterEach: (i) => {
            if (i === 1) throw new Error('boom');
          },
        }),
      ],
    }),
    /boom/,
  );
  assert.equal(db.prepare('SELECT COUNT(*) FROM recordings').pluck().get(), 0);
  assert.equal(db.prepare('SELECT COUNT(*) FROM exports').pluck().get(), 0);
  db.close();
});

test('audio that is not audio is kept as a recording without audio, saying why', async () => {
  const dir = tempDir();
  const file = await fakeExport(dir, [items[0]!], { 'a.wav': Buffer.from('definitely not a wave file') });
  const db = openLibrary(path.join(dir, 'lib.sqlite'));
  const report = await runImport(db, [file], { importers: [fakeImporter()] });
  assert.equal(report.recordings, 1);
  const row = listRecordings(db, {}).rows[0]!;
  // Issue 12: bytes that fail audio sniffing are never stored as audio (a bomb could pose as one).
  assert.equal(row.hasAudio, false, 'what is not audio is not stored as audio');
  assert.equal(db.prepare('SELECT COUNT(*) FROM audio').pluck().get(), 0);
  assert.ok(report.skipped.some((s) => /is not a recording \(not a recognised audio format/.test(english(s.reason))));
  assert.match(row.audioError ? english(row.audioError) : '', /not a recognised audio format/i);
  assert.equal(row.durationMs, null);
  db.close();
});

test('an archive of no known kind names what it holds', async () => {
  const dir = tempDir();
  const file = await writeZip(path.join(dir, 'photos.zip'), { 'holiday/beach.jpg': 'jpg' });
  const db = openLibrary(path.join(dir, 'lib.sqlite'));
  await assert.rejects(
    runImport(db, [file], { importers: [fakeImporter()] }),
    (e: unknown) => e instanceof ImportError && e.code === 'unknown-export' && /holiday\/beach\.jpg/.test(e.message),
  );
  db.close();
});
