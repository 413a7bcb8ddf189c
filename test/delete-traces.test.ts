// Deleting leaves no trace: after deleting recordings, removing an export, or "Delete all my data",
// none of their words are left in the library file or its WAL (rows, search index, name mentions,
// warnings), the moved-aside damaged libraries go with "all my data", and the CSV of an export
// selection cannot smuggle a formula into a spreadsheet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, promises as fs, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createEarshot } from '../electron/core/app.ts';
import { dispatch } from '../electron/core/api/handlers.ts';
import { recordNameMentions } from '../electron/core/analysis/name-mentions.ts';
import { findPersonNames } from '../electron/core/analysis/names/index.ts';
import { setProfile } from '../electron/core/analysis/profile.ts';
import { allWarnings, refreshWarnings } from '../electron/core/analysis/warnings.ts';
import { csvField } from '../electron/core/export/selection-zip.ts';
import { openLibrary } from '../electron/core/db/library.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { fakeImporter, type FakeRecording } from './helpers/fake-export.ts';
import { tempDir, writeZip } from './helpers/zip.ts';

// Words found nowhere else. FTS5 stores a term after the prefix it shares with the term before it,
// so each begins with a rare pair of letters and the test looks for what follows that pair.
const secretWords = ['zqmarmaladeflux', 'xjquillotropic', 'vkbrontesquall', 'qwzephyrmangold'];
const trace = (word: string) => Buffer.from(word.slice(2));
const keptWord = 'ohiocaterpillar';

function recordings(exportTag: string, words: string[]): FakeRecording[] {
  return words.map((w, i) => ({
    id: `${exportTag}-${i}`,
    time: `2024-0${i + 1}-0${exportTag === 'a' ? 1 : 2}T10:00:00Z`,
    // A name too, so name mentions and a name warning hold transcript text.
    text: `call Quintabella ${w} about the ${w} please`,
    response: `Calling Quintabella about ${w}`,
    device: 'Kitchen',
  }));
}

/** The library file and its WAL, as bytes (what someone with the disk could read). */
async function fileBytes(libraryFile: string): Promise<Buffer> {
  const parts = [await fs.readFile(libraryFile)];
  if (existsSync(`${libraryFile}-wal`)) parts.push(await fs.readFile(`${libraryFile}-wal`));
  return Buffer.concat(parts);
}

async function importTwoExports(dir: string) {
  const libraryFile = path.join(dir, 'library.sqlite');
  const app = createEarshot({ libraryFile, resumeAnalysis: false });
  const a = await writeZip(path.join(dir, 'a.zip'), {
    'recordings.json': JSON.stringify([...recordings('a', secretWords.slice(0, 2)), keptRecording()]),
  });
  const b = await writeZip(path.join(dir, 'b.zip'), {
    'recordings.json': JSON.stringify(recordings('b', secretWords.slice(2)).map((r) => ({ ...r, id: `b${r.id}` }))),
  });
  await runImport(app.db, [a], { importers: [fakeImporter()] });
  await runImport(app.db, [b], { importers: [fakeImporter()] });
  setProfile(app.db, { names: ['Robin'], emails: [], household: [], accounts: [], skipped: false });
  recordNameMentions(app.db, (text) => findPersonNames(text));
  refreshWarnings(app.db, allWarnings(app.db));
  return { app, libraryFile };
}

function keptRecording(): FakeRecording {
  return { id: 'kept', time: '2024-06-01T10:00:00Z', text: `play ${keptWord} songs`, device: 'Kitchen' };
}

test('deleted recordings and a removed export leave none of their words in the file or its WAL', async () => {
  const dir = tempDir();
  const { app, libraryFile } = await importTwoExports(dir);
  try {
    const db = app.db;
    assert.ok(
      (db.prepare('SELECT COUNT(*) FROM name_mentions').pluck().get() as number) > 0,
      'names were recorded from the transcripts',
    );
    assert.ok(
      (db.prepare("SELECT COUNT(*) FROM warnings WHERE subject LIKE '%Quintabella%'").pluck().get() as number) > 0,
      'a name warning holds the name',
    );
    const before = await fileBytes(libraryFile);
    for (const w of secretWords) assert.notEqual(before.indexOf(trace(w)), -1, `${w} is in the file before`);
    assert.notEqual(before.indexOf(Buffer.from('intabella')), -1);

    // Delete two recordings one by one, as the window does.
    const ids = db.prepare("SELECT id FROM recordings WHERE key LIKE 'fake:a-%' ORDER BY id").pluck().all() as number[];
    assert.equal(ids.length, 2);
    const deleted = await dispatch(app.handlers, 'deleteRecordings', { ids });
    assert.ok('result' in deleted, JSON.stringify(deleted));
    assert.equal((deleted.result as { deleted: number }).deleted, 2);
    // Remove the other export whole ("remove this export").
    const exportB = db
      .prepare("SELECT export_id FROM recordings WHERE key LIKE 'fake:bb-%' LIMIT 1")
      .pluck()
      .get() as number;
    const removed = await dispatch(app.handlers, 'removeExport', { exportId: exportB, notMine: false });
    assert.ok('result' in removed, JSON.stringify(removed));
    assert.equal((removed.result as { deleted: number }).deleted, 2);

    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.equal(db.prepare('SELECT COUNT(*) FROM recordings').pluck().get(), 1);
    assert.equal(
      db.prepare("SELECT COUNT(*) FROM recordings_fts WHERE recordings_fts MATCH 'quintabella'").pluck().get(),
      0,
    );
    assert.equal(
      db.prepare(`SELECT COUNT(*) FROM recordings_fts WHERE recordings_fts MATCH '${keptWord}'`).pluck().get(),
      1,
    );
    const after = await fileBytes(libraryFile);
    for (const w of secretWords) assert.equal(after.indexOf(trace(w)), -1, `${w} is gone from the file and its WAL`);
    assert.equal(after.indexOf(Buffer.from('intabella')), -1, 'the name is gone from mentions and warnings');
    assert.notEqual(after.indexOf(trace(keptWord)), -1, 'what was kept is still there');
  } finally {
    await app.close();
  }
});

test('a library from before secure-delete forgets words deleted earlier once it is opened', async () => {
  const dir = tempDir();
  const libraryFile = path.join(dir, 'library.sqlite');
  const db = openLibrary(libraryFile);
  // Back to the index as version 4 kept it: deletions recorded as markers beside the old segments.
  db.exec("INSERT INTO recordings_fts(recordings_fts, rank) VALUES ('secure-delete', 0)");
  db.pragma('user_version = 4');
  const zip = await writeZip(path.join(dir, 'a.zip'), {
    'recordings.json': JSON.stringify(recordings('a', secretWords)),
  });
  await runImport(db, [zip], { importers: [fakeImporter()] });
  db.prepare("DELETE FROM recordings WHERE key = 'fake:a-0'").run();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const stale = await fileBytes(libraryFile);
  assert.notEqual(stale.indexOf(trace(secretWords[0]!)), -1, 'version 4 kept the deleted word in its index');
  db.close();

  const reopened = openLibrary(libraryFile);
  reopened.pragma('wal_checkpoint(TRUNCATE)');
  reopened.close();
  const clean = await fileBytes(libraryFile);
  assert.equal(clean.indexOf(trace(secretWords[0]!)), -1, 'the migration rebuilt the index without it');
  assert.notEqual(clean.indexOf(trace(secretWords[1]!)), -1, 'and kept the others');
});

test('"Delete all my data" removes moved-aside damaged libraries too and says so', async () => {
  const dir = tempDir();
  const { app, libraryFile } = await importTwoExports(dir);
  const aside = [
    `${libraryFile}.damaged-2025-01-01T00-00-00-000Z`,
    `${libraryFile}.damaged-2025-01-01T00-00-00-000Z-wal`,
    `${libraryFile}.damaged-2026-02-03T00-00-00-000Z`,
  ];
  for (const f of aside) writeFileSync(f, `old library holding ${secretWords[0]}`);
  const unrelated = path.join(dir, 'notes.txt');
  writeFileSync(unrelated, 'mine');
  try {
    const answer = await dispatch(app.handlers, 'deleteAllData', { confirm: 'delete everything' });
    assert.ok('result' in answer, JSON.stringify(answer));
    const { removed } = answer.result as { removed: string[] };
    assert.ok(removed.includes('2 damaged copies of the library that had been moved aside'), JSON.stringify(removed));
    for (const f of aside) assert.equal(existsSync(f), false, `${path.basename(f)} is removed`);
    assert.equal(existsSync(unrelated), true, 'files that are not Earshot’s stay');
    const bytes = await fileBytes(libraryFile);
    for (const w of secretWords) assert.equal(bytes.indexOf(trace(w)), -1);
    assert.equal(bytes.indexOf(trace(keptWord)), -1);
  } finally {
    await app.close();
  }
});

test('every CSV cell that a spreadsheet would run as a formula is neutralised', () => {
  for (const cell of ['=1+1', '+1', '-1+cmd', '@SUM(A1)', '\t=1', '\r=1', ';=1', ';cmd', '  =1', '|cmd']) {
    const out = csvField(cell);
    const unquoted = out.startsWith('"') ? out.slice(1, -1).replace(/""/g, '"') : out;
    assert.ok(unquoted.startsWith("'"), `${JSON.stringify(cell)} → ${out}`);
  }
  // German spreadsheets split on `;`: a cell holding one is quoted whole.
  assert.equal(csvField('ja; nein'), '"ja; nein"');
  assert.equal(csvField('a\tb'), '"a\tb"');
  assert.equal(csvField('plain words'), 'plain words');
  assert.equal(csvField(-5), '-5', 'a number is a value');
  assert.equal(csvField('-5'), `"'-5"`, 'text that looks like one is guarded');
  assert.equal(csvField(42), '42');
});
