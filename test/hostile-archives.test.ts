// Hostile and broken archives: each gets a specific reason, the rest of the export still imports,
// and nothing is ever written outside Earshot's own storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, promises as fs, readdirSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createGzip, gzipSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import path from 'node:path';
import yazl from 'yazl';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { openExportFiles } from '../electron/core/archive/export-files.ts';
import { openLibrary } from '../electron/core/db/library.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { ImportError } from '../electron/core/model.ts';
import { inLanguage, english } from '../electron/core/messages/index.ts';
import { rawZip } from './helpers/raw-zip.ts';
import { fakeImporter } from './helpers/fake-export.ts';
import { makeWav } from './helpers/wav.ts';
import { tempDir, writeZip } from './helpers/zip.ts';
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
    const reasons = files.skipped.map((s) => english(s.reason));
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
    assert.match(english(files.skipped[0]!.reason), /password-protected/);
  } finally {
    await files.close();
  }
});

test('an archive whose files are all password-protected says so, not that it is empty', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'Alexa-locked.zip');
  await fs.writeFile(
    file,
    rawZip([
      { name: 'Alexa/audio-1.wav', data: 'xxxxxxxxxxxxxxxx', encrypted: true },
      { name: 'Alexa/transcripts.csv', data: 'yyyyyyyy', encrypted: true },
    ]),
  );
  const db = openLibrary(path.join(dir, 'l.sqlite'));
  await assert.rejects(runImport(db, [file]), (e: unknown) => {
    assert.ok(e instanceof ImportError);
    assert.equal(
      e.message,
      "“Alexa-locked.zip” is protected with a password, so Earshot cannot read it. Unpack it with your system's tools and drop the folder.",
    );
    assert.match(inLanguage(e.message, 'de', 'de-DE'), /mit einem Passwort geschützt/);
    return true;
  });
  assert.equal(db.prepare('SELECT COUNT(*) FROM exports').pluck().get(), 0);
  db.close();
});

test('a damaged ZIP is explained in plain words, not with the message of the ZIP library', async () => {
  const dir = tempDir();
  const good = await writeTakeout(path.join(dir, 'takeout.zip'), englishJsonTakeout());
  const truncated = path.join(dir, 'takeout-cut.zip');
  const bytes = await fs.readFile(good);
  await fs.writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
  const db = openLibrary(path.join(dir, 'l.sqlite'));
  await assert.rejects(runImport(db, [truncated]), (e: unknown) => {
    assert.ok(e instanceof ImportError);
    assert.match(e.message, /^“takeout-cut\.zip” is a damaged ZIP archive\. It may be incomplete/);
    assert.doesNotMatch(e.message, /end of central directory|signature|invalid|\(/i);
    return true;
  });
  db.close();
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
    report.skipped.some((s) => /checksum does not match/.test(english(s.reason))),
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

// ---------------------------------------------------------------------------------------------
// Decompression tricks (issue 12). Each is generated here and imported into a library that already
// holds an export: it ends with a clear reason, the library stays small, and what was there before
// is intact.

const MiB = 1024 * 1024;

async function libraryWithOneExport(dir: string) {
  const libraryFile = path.join(dir, 'library.sqlite');
  const db = openLibrary(libraryFile);
  const first = await writeZip(path.join(dir, 'mine.zip'), {
    'recordings.json': JSON.stringify([{ id: 'mine-1', time: '2024-01-01T10:00:00Z', text: 'my own', audio: 'm.wav' }]),
    'audio/m.wav': makeWav(1),
  });
  const report = await runImport(db, [first], { importers: [fakeImporter()] });
  assert.equal(report.withAudio, 1);
  return { db, libraryFile };
}

/** The library is as it was (one export, one recording with its audio) and a few MB at most. */
function assertIntactAndSmall(db: Database.Database, libraryFile: string, extraRecordings = 0) {
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  assert.equal(db.prepare("SELECT COUNT(*) FROM recordings WHERE key = 'fake:mine-1'").pluck().get(), 1);
  assert.equal(db.prepare('SELECT COUNT(*) FROM recordings').pluck().get(), 1 + extraRecordings);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const size =
    statSync(libraryFile).size + (existsSync(`${libraryFile}-wal`) ? statSync(`${libraryFile}-wal`).size : 0);
  assert.ok(size < 4 * MiB, `the library is ${(size / MiB).toFixed(1)} MB`);
}

/** The reason is a catalogue sentence, so the window shows it in German too. */
function assertBothLanguages(reason: string) {
  assert.notEqual(inLanguage(reason, 'de', 'de-DE'), reason, `German for: ${reason}`);
}

function fakeList(names: string[]) {
  return JSON.stringify(
    names.map((n, i) => ({ id: `t-${i}`, time: '2024-02-01T10:00:00Z', text: `trick ${i}`, audio: n })),
  );
}

test('entries of any size are refused above 1000:1, not just those over 1 MB', async () => {
  const dir = tempDir();
  const { db, libraryFile } = await libraryWithOneExport(dir);
  // 40 entries just under 1 MB each, zeros, ~1015:1: before, each slipped under the size threshold.
  const names = Array.from({ length: 40 }, (_, i) => `z${i}.wav`);
  const zeros = Buffer.alloc(MiB - 1);
  const file = path.join(dir, 'small-bombs.zip');
  await fs.writeFile(
    file,
    rawZip([
      { name: 'recordings.json', data: fakeList(names), deflate: true },
      ...names.map((n) => ({ name: `audio/${n}`, data: zeros, deflate: true })),
    ]),
  );
  assert.ok((await fs.stat(file)).size < 100 * 1024, 'a small archive');
  const report = await runImport(db, [file], { importers: [fakeImporter()] });
  const bombs = report.skipped.filter((s) => /compresses 1,0\d\d:1, like a “zip bomb”/.test(english(s.reason)));
  assert.equal(bombs.length, 40, JSON.stringify(report.skipped.slice(0, 2)));
  assertBothLanguages(english(bombs[0]!.reason));
  assert.equal(report.withAudio, 0);
  assertIntactAndSmall(db, libraryFile, 40);
  db.close();
});

test('gzip of zeros posing as audio is refused, never unpacked to 512 MiB nor stored', async () => {
  const dir = tempDir();
  const { db, libraryFile } = await libraryWithOneExport(dir);
  // 512 MiB of zeros gzipped, generated as a stream (about 500 KB), stored as is in the ZIP.
  const gz: Buffer[] = [];
  const gzip = createGzip({ level: 9 });
  const collected = (async () => {
    for await (const chunk of gzip) gz.push(chunk as Buffer);
  })();
  const block = Buffer.alloc(4 * MiB);
  for (let i = 0; i < 128; i++) if (!gzip.write(block)) await new Promise((r) => gzip.once('drain', r));
  gzip.end();
  await collected;
  const bomb = Buffer.concat(gz);
  assert.ok(bomb.length < MiB && bomb[0] === 0x1f && bomb[1] === 0x8b);
  const file = await writeZip(
    path.join(dir, 'gzip-bomb.zip'),
    { 'recordings.json': fakeList(['a.wav']), 'audio/a.wav': bomb },
    { compress: false },
  );
  const started = process.memoryUsage().rss;
  await assert.rejects(runImport(db, [file], { importers: [fakeImporter()] }), (e: unknown) => {
    assert.ok(e instanceof ImportError, String(e));
    assert.match(e.message, /gzip-compressed more than 1000:1|unpacks to more than/);
    assertBothLanguages(e.message.replace(/^.*?(This export|“)/, '$1'));
    return true;
  });
  assert.ok(process.memoryUsage().rss - started < 400 * MiB, 'never unpacked whole');
  assert.equal(db.prepare('SELECT COUNT(*) FROM audio').pluck().get(), 1);
  assertIntactAndSmall(db, libraryFile);
  db.close();
});

test('gzip that unpacks to something that is not audio is kept without audio', async () => {
  const dir = tempDir();
  const { db, libraryFile } = await libraryWithOneExport(dir);
  const file = await writeZip(path.join(dir, 'gzip-noise.zip'), {
    'recordings.json': fakeList(['a.wav']),
    'audio/a.wav': gzipSync(randomBytes(2 * MiB)),
  });
  const report = await runImport(db, [file], { importers: [fakeImporter()] });
  assert.equal(report.recordings, 1);
  assert.equal(report.withAudio, 0, 'not stored as audio');
  const found = report.skipped.find((s) => s.path === 'audio/a.wav')?.reason;
  const reason = found ? english(found) : '';
  assert.match(reason, /is not a recording \(not a recognised audio format/);
  assertBothLanguages(reason);
  assert.equal(db.prepare('SELECT COUNT(*) FROM audio').pluck().get(), 1, 'only the earlier recording’s');
  assertIntactAndSmall(db, libraryFile, 1);
  db.close();
});

test('directory entries that share one compressed body are refused whole', async () => {
  const dir = tempDir();
  const { db, libraryFile } = await libraryWithOneExport(dir);
  // One real 30-second WAV (~1 MB), and 300 directory entries pointing at it: 300 MB from 1 MB.
  const wav = makeWav(30);
  const names = Array.from({ length: 300 }, (_, i) => `a${i}.wav`);
  const file = path.join(dir, 'overlap.zip');
  await fs.writeFile(
    file,
    rawZip([
      { name: 'recordings.json', data: fakeList(names), deflate: true },
      { name: 'audio/a0.wav', data: wav },
      ...names.slice(1).map((n) => ({ name: `audio/${n}`, data: '', sharesDataOf: 1 })),
    ]),
  );
  assert.ok((await fs.stat(file)).size < 2 * MiB);
  await assert.rejects(runImport(db, [file], { importers: [fakeImporter()] }), (e: unknown) => {
    assert.ok(e instanceof ImportError && e.code === 'overlapping-entries', String(e));
    assert.match(e.message, /several of its files share the same compressed data/);
    assertBothLanguages(e.message);
    return true;
  });
  assertIntactAndSmall(db, libraryFile);
  db.close();
});

test('nested ZIPs unpacked to temp files count against the import’s budget', async () => {
  const dir = tempDir();
  const storage = tempDir();
  const { db, libraryFile } = await libraryWithOneExport(dir);
  // 40 inner ZIPs of 1 MB each (about 130:1, under the ratio limit), in one small outer ZIP.
  const sparse = Buffer.alloc(MiB);
  for (let i = 0; i < sparse.length; i += 512) sparse[i] = (i * 7919) & 0xff;
  const inner = rawZip([{ name: 'x.bin', data: sparse }]);
  const outer: Record<string, Buffer | string> = { 'recordings.json': fakeList(['a.wav']) };
  for (let i = 0; i < 40; i++) outer[`part${i}.zip`] = inner;
  const file = await writeZip(path.join(dir, 'nested.zip'), outer);
  assert.ok((await fs.stat(file)).size < 2 * MiB);
  const budget = 16 * MiB;
  await assert.rejects(
    runImport(db, [file], { importers: [fakeImporter()], tempDir: storage, limits: { maxUnpackedBytes: budget } }),
    (e: unknown) => {
      assert.ok(e instanceof ImportError && e.code === 'decompression-budget', String(e));
      assert.match(e.message, /unpacks to more than 16 MB/);
      assertBothLanguages(e.message);
      return true;
    },
  );
  assert.deepEqual(readdirSync(storage), [], 'the temp files are removed');
  assertIntactAndSmall(db, libraryFile);
  db.close();
});

test('the budget grows with the export, from a floor of 256 MB, and every read is charged', async () => {
  const { DecompressionBudget } = await import('../electron/core/archive/budget.ts');
  const b = new DecompressionBudget(200 * 1024 ** 3, 1000);
  assert.equal(b.limitBytes, 256 * MiB);
  b.allowFor(10 * MiB);
  assert.equal(b.limitBytes, 2000 * MiB);
  const dir = tempDir();
  const file = await writeZip(path.join(dir, 'plain.zip'), { 'a.txt': 'x'.repeat(5000), 'b.txt': 'hello' });
  const files = await openExportFiles([file]);
  try {
    for (const e of files.entries) await e.read();
    assert.equal(files.budget!.usedBytes, 5005);
    for await (const _ of await files.entries[0]!.stream());
    assert.equal(files.budget!.usedBytes, 10005, 'streams are charged too');
  } finally {
    await files.close();
  }
});
