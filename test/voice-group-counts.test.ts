// Voice groups show their true size after an export is removed or recordings are deleted, also
// after the library is opened again; a group with nothing left disappears.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openLibrary, type Db } from '../electron/core/db/library.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { deleteSelection } from '../electron/core/db/deleting.ts';
import { removeExportAsNotMine } from '../electron/core/analysis/evidence.ts';
import { analysisStatus, listVoiceGroups, regroupVoices, voiceMethod } from '../electron/core/analysis/voice-groups.ts';
import { defaultVoiceModel, signatureToBytes } from '../electron/core/analysis/voices/index.ts';
import { fakeImporter, type FakeRecording } from './helpers/fake-export.ts';
import { tempDir, writeZip } from './helpers/zip.ts';

/** A voice: a fixed direction with a little per-recording noise (seeded, so the test is stable). */
function voice(seed: number): () => Float32Array {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  const dims = defaultVoiceModel().outDims;
  const base = Float32Array.from({ length: dims }, rand);
  return () => {
    // Signatures are unit length (grouping relies on it).
    const v = Float32Array.from(base, (x) => x + 0.05 * rand());
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  };
}

async function importExport(db: Db, dir: string, name: string, count: number, day: string): Promise<number[]> {
  const items: FakeRecording[] = Array.from({ length: count }, (_, i) => ({
    id: `${name}-${i}`,
    time: `${day}T10:${String(i % 60).padStart(2, '0')}:${String(Math.floor(i / 60)).padStart(2, '0')}Z`,
    text: 'what time is it',
  }));
  const file = await writeZip(path.join(dir, `${name}.zip`), { 'recordings.json': JSON.stringify(items) });
  await runImport(db, [file], { importers: [fakeImporter()] });
  const exportId = db.prepare('SELECT MAX(id) FROM exports').pluck().get() as number;
  return db.prepare('SELECT id FROM recordings WHERE export_id = ? ORDER BY id').pluck().all(exportId) as number[];
}

function giveSignatures(db: Db, ids: number[], next: () => Float32Array): void {
  const insert = db.prepare('INSERT INTO voice_signatures (recording_id, vector, method) VALUES (?, ?, ?)');
  for (const id of ids) insert.run(id, Buffer.from(signatureToBytes(next())), voiceMethod());
}

const sizes = (db: Db) => listVoiceGroups(db).map((g) => [g.size, g.exports.map((e) => e.recordings)]);

test('removing an export and deleting recordings leave true group sizes; empty groups go', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'l.sqlite');
  let db = openLibrary(file);
  const mine = voice(1);
  const stranger = voice(2);
  const own = await importExport(db, dir, 'own', 30, '2024-01-01');
  const foreign = await importExport(db, dir, 'foreign', 100, '2024-02-01');
  const ownExport = db.prepare('SELECT export_id FROM recordings WHERE id = ?').pluck().get(own[0]) as number;
  const foreignExport = db.prepare('SELECT export_id FROM recordings WHERE id = ?').pluck().get(foreign[0]) as number;
  // The stranger's voice is in the foreign export (99) and once in the user's own export.
  giveSignatures(db, own.slice(0, 29), mine);
  giveSignatures(db, [own[29]!, ...foreign.slice(0, 99)], stranger);
  giveSignatures(db, [foreign[99]!], mine);
  assert.equal(regroupVoices(db), 2, 'two voices were found');
  assert.deepEqual(sizes(db), [
    [100, [99, 1]],
    [30, [29, 1]],
  ]);

  // The foreign export is removed as not mine: the stranger's group keeps the one recording left.
  assert.ok(removeExportAsNotMine(db, foreignExport, 'en'));
  assert.deepEqual(sizes(db), [
    [29, [29]],
    [1, [1]],
  ]);
  assert.deepEqual(
    db.prepare('SELECT size FROM voice_groups ORDER BY size DESC').pluck().all(),
    [29, 1],
    'the stored sizes follow too',
  );
  db.close();

  // Opened again ("after a reload"): the same true sizes.
  db = openLibrary(file);
  assert.deepEqual(sizes(db), [
    [29, [29]],
    [1, [1]],
  ]);

  // Deleting the last recording of a group removes the group.
  assert.equal(deleteSelection(db, { ids: [own[29]!] }).deleted, 1);
  assert.deepEqual(sizes(db), [[29, [29]]]);
  assert.equal(db.prepare('SELECT COUNT(*) FROM voice_groups').pluck().get(), 1, 'the empty group is gone');
  assert.equal(analysisStatus(db, false).groups, 1);

  // Deleting a few recordings by time shrinks the group.
  const from = Date.parse('2024-01-01T10:00:00Z');
  assert.equal(deleteSelection(db, { from, to: from + 10 * 60_000 }).deleted, 10);
  assert.deepEqual(sizes(db), [[19, [19]]]);
  assert.equal(deleteSelection(db, { exportId: ownExport }).deleted, 19);
  assert.deepEqual(listVoiceGroups(db), []);
  assert.equal(analysisStatus(db, false).groups, 0);
  db.close();
});

test('a library saved with stale group sizes lists the true ones', async () => {
  const dir = tempDir();
  const db = openLibrary(path.join(dir, 'l.sqlite'));
  const ids = await importExport(db, dir, 'own', 12, '2024-03-01');
  giveSignatures(db, ids, voice(3));
  assert.equal(regroupVoices(db), 1);
  // As an older version left it: signatures gone, the stored size not updated, an empty group kept.
  db.prepare('DELETE FROM voice_signatures WHERE recording_id IN (SELECT value FROM json_each(?))').run(
    JSON.stringify(ids.slice(0, 11)),
  );
  db.prepare('UPDATE voice_groups SET size = 100').run();
  db.prepare(
    "INSERT INTO voice_groups (label, centroid, size, created_at) VALUES ('Voice Z', x'00000000', 5, 0)",
  ).run();
  assert.equal(db.prepare('SELECT COUNT(*) FROM voice_groups').pluck().get(), 2, 'the stale state was set up');
  assert.deepEqual(sizes(db), [[1, [1]]]);
  assert.equal(analysisStatus(db, false).groups, 1);
  db.close();
});
