// Hostile and broken archives: each gets a specific reason, the rest of the export still imports,
// and nothing is ever written outside Earshot's own storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, readdirSync } from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { openExportFiles } from '../electron/core/archive/export-files.ts';
import { openLibrary } from '../electron/core/db/library.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { ImportError } from '../electron/core/model.ts';
import { rawZip } from './helpers/raw-zip.ts';
import { tempDir } from './helpers/zip.ts';
import { englishJsonTakeout, writeZip as writeTakeout } from './fixtures/google-takeout.ts';

test('crafted names are skipped one by one with reasons; nothing is written by them', async () => {
  const dir = tempDir();
  const storage = tempDir();
  const file = path.join(dir, 'crafted.zip');
  await fs.writeFile(
    file,
    rawZip([
      { name: '../../escape.txt', data: 'x' },
      { name: '/etc/cron.d/evil', data: 'x' },
      { name: 'C:/Windows/evil.dll', data: 'x' },
      { name: 'a\\..\\..\\evil.txt', data: 'x' },
      { name: 'nul\0byte.txt', data: 'x' },
      { name: 'link-to-root', data: '/', unixMode: 0o120777 },
      { name: 'fine/ok.txt', data: 'ok' },
    ]),
  );
  const files = await openExportFiles([file], { tempDir: storage });
  try {
    assert.deepEqual(
      files.entries.map((e) => e.path),
      ['fine/ok.txt'],
    );
    const reasons = files.skipped.map((s) => s.reason);
    assert.equal(reasons.filter((r) => /climbs out/.test(r)).length, 2);
    assert.equal(reasons.filter((r) => /absolute/.test(r)).length, 2);
    assert.equal(reasons.filter((r) => /NUL/.test(r)).length, 1);
    assert.equal(reasons.filter((r) => /link/.test(r)).length, 1);
  } finally {
    await files.close();
  }
  assert.deepEqual(readdirSync(storage), [], 'the storage folder is left empty');
  await assert.rejects(fs.stat(path.join(dir, '..', 'escape.txt')));
});

test('encrypted entries are skipped as password-protected', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'locked.zip');
  await fs.writeFile(
    file,
    rawZip([
      { name: 'secret.wav', data: 'xxxxxxxxxxxxxxxx', encrypted: true },
      { name: 'open.txt', data: 'ok' },
    ]),
  );
  const files = await openExportFiles([file]);
  try {
    assert.deepEqual(
      files.entries.map((e) => e.path),
      ['open.txt'],
    );
    assert.match(files.skipped[0]!.reason, /password-protected/);
  } finally {
    await files.close();
  }
});

test('names without the UTF-8 flag are read as CP437, as old Windows tools wrote them', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'old.zip');
  // "Müller.txt" in code page 437: ü is 0x81.
  await fs.writeFile(
    file,
    rawZip([{ name: Buffer.from([0x4d, 0x81, 0x6c, 0x6c, 0x65, 0x72, 0x2e, 0x74, 0x78, 0x74]), data: 'x', flags: 0 }]),
  );
  const files = await openExportFiles([file]);
  try {
    assert.deepEqual(
      files.entries.map((e) => e.path),
      ['Müller.txt'],
    );
  } finally {
    await files.close();
  }
});

test('ZIP64 archives import', async () => {
  const dir = tempDir();
  const zip = new yazl.ZipFile();
  for (const f of englishJsonTakeout()) zip.addBuffer(Buffer.from(f.data), f.path, { forceZip64Format: true });
  zip.end({ forceZip64Format: true, comment: '' });
  const file = path.join(dir, 'takeout-zip64.zip');
  await pipeline(zip.outputStream, createWriteStream(file));
  const db = openLibrary(path.join(dir, 'l.sqlite'));
  const report = await runImport(db, [file]);
  assert.equal(report.exportKind, 'google-takeout');
  assert.ok(report.recordings > 5);
  assert.ok(report.withAudio > 0);
  db.close();
});

test('a damaged entry is skipped with its reason and the rest is imported', async () => {
  const dir = tempDir();
  const file = await writeTakeout(path.join(dir, 'takeout.zip'), englishJsonTakeout());
  const bytes = await fs.readFile(file);
  // Flip bytes inside the first stored MP3 so its CRC no longer matches.
  const at = bytes.indexOf(Buffer.from('.mp3')) + 200;
  for (let i = 0; i < 16; i++) bytes[at + i] = bytes[at + i]! ^ 0xff;
  await fs.writeFile(file, bytes);
  const db = openLibrary(path.join(dir, 'l.sqlite'));
  const report = await runImport(db, [file]);
  assert.ok(report.recordings > 5, 'the export still imports');
  assert.ok(
    report.skipped.some((s) => /checksum does not match/.test(s.reason)),
    JSON.stringify(report.skipped.slice(0, 3)),
  );
  db.close();
});

test('a failed import leaves earlier imports untouched and no half-imported export', async () => {
  const dir = tempDir();
  const db = openLibrary(path.join(dir, 'l.sqlite'));
  const good = await writeTakeout(path.join(dir, 'takeout-good.zip'), englishJsonTakeout());
  const first = await runImport(db, [good]);
  const notZip = path.join(dir, 'takeout-bad.zip');
  await fs.writeFile(notZip, 'PK\u0003\u0004 but then garbage');
  await assert.rejects(
    runImport(db, [notZip]),
    (e: unknown) => e instanceof ImportError && /damaged ZIP/.test(e.message),
  );
  assert.equal(db.prepare('SELECT COUNT(*) FROM recordings').pluck().get(), first.recordings);
  assert.equal(db.prepare('SELECT COUNT(*) FROM exports').pluck().get(), 1);
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  db.close();
});

test('a full disk during import rolls back with a plain message', async () => {
  const dir = tempDir();
  const db = openLibrary(path.join(dir, 'l.sqlite'));
  const before = db.prepare('SELECT COUNT(*) FROM recordings').pluck().get();
  // SQLite reports a full disk as SQLITE_FULL; a page limit makes it happen on cue.
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages + 3}`);
  const file = await writeTakeout(path.join(dir, 'takeout.zip'), englishJsonTakeout());
  const { userMessage } = await import('../electron/core/import/import-jobs.ts');
  await assert.rejects(runImport(db, [file]), (e: unknown) => /disk is full/.test(userMessage(e)));
  assert.equal(db.inTransaction, false);
  assert.equal(db.prepare('SELECT COUNT(*) FROM recordings').pluck().get(), before);
  db.close();
});

test('an entry with a lying size or a broken local header fails alone', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'mixed.zip');
  const bytes = rawZip([
    { name: 'short.txt', data: 'only ten b', declaredSize: 100, deflate: true },
    { name: 'long.txt', data: 'x'.repeat(5000), declaredSize: 10, deflate: true },
    { name: 'badheader.txt', data: 'bad header' },
    { name: 'good.txt', data: 'good' },
  ]);
  // Break the third entry's local header signature.
  const third = bytes.indexOf(Buffer.from('badheader.txt')) - 30;
  bytes.writeUInt32LE(0xdeadbeef, third);
  await fs.writeFile(file, bytes);
  const files = await openExportFiles([file]);
  try {
    const byName = new Map(files.entries.map((e) => [e.name, e]));
    assert.equal((await byName.get('good.txt')!.read()).toString(), 'good');
    await assert.rejects(byName.get('short.txt')!.read(), /shorter than its declared size/);
    await assert.rejects(byName.get('long.txt')!.read(), /more than its declared size/);
    await assert.rejects(byName.get('badheader.txt')!.read());
  } finally {
    await files.close();
  }
});
