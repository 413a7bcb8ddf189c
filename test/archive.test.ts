import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { openExportFiles } from '../electron/core/archive/export-files.ts';
import { unsafeNameReason, normaliseEntryPath, foldName } from '../electron/core/archive/entry-names.ts';
import { ImportError } from '../electron/core/model.ts';
import { tempDir, writeZip, zipToBuffer } from './helpers/zip.ts';
import { english } from '../electron/core/messages/index.ts';

test('lists entries of a ZIP and reads them lazily', async () => {
  const dir = tempDir();
  const file = await writeZip(path.join(dir, 'a.zip'), { 'Takeout/x.json': '[1,2]', 'Takeout/y.txt': 'hello' });
  const files = await openExportFiles([file]);
  try {
    assert.deepEqual(
      files.entries.map((e) => e.path),
      ['Takeout/x.json', 'Takeout/y.txt'],
    );
    const x = files.entries[0]!;
    assert.equal(x.name, 'x.json');
    assert.equal(x.size, 5);
    assert.equal((await x.read()).toString(), '[1,2]');
    // Reading twice works: entries are re-opened, not consumed.
    assert.equal((await x.read()).toString(), '[1,2]');
  } finally {
    await files.close();
  }
});

test('several parts and a folder become one flat list', async () => {
  const dir = tempDir();
  const a = await writeZip(path.join(dir, 'takeout-001.zip'), { 'Takeout/a.json': 'a' });
  const b = await writeZip(path.join(dir, 'takeout-002.zip'), { 'Takeout/b.mp3': 'b' });
  const folder = path.join(dir, 'unpacked');
  await fs.mkdir(path.join(folder, 'Takeout'), { recursive: true });
  await fs.writeFile(path.join(folder, 'Takeout', 'c.json'), 'c');
  const files = await openExportFiles([a, b, folder]);
  try {
    assert.deepEqual(files.entries.map((e) => e.path).sort(), ['Takeout/a.json', 'Takeout/b.mp3', 'Takeout/c.json']);
    assert.equal(files.entries.find((e) => e.name === 'c.json')!.container, folder);
  } finally {
    await files.close();
  }
});

test('ZIPs inside ZIPs are opened, with their name as a prefix, up to a depth limit', async () => {
  const dir = tempDir();
  const inner = await zipToBuffer({ 'Alexa/voice.wav': 'RIFF' });
  const middle = await zipToBuffer({ 'Alexa.zip': inner, 'README.txt': 'hi' });
  const file = await writeZip(path.join(dir, 'outer.zip'), { 'Amazon.zip': middle });
  const files = await openExportFiles([file]);
  try {
    assert.deepEqual(files.entries.map((e) => e.path).sort(), [
      'Amazon.zip/Alexa.zip/Alexa/voice.wav',
      'Amazon.zip/README.txt',
    ]);
    const wav = files.entries.find((e) => e.name === 'voice.wav')!;
    assert.equal((await wav.read()).toString(), 'RIFF');
  } finally {
    await files.close();
  }
  const shallow = await openExportFiles([file], { limits: { maxNestingDepth: 1 } });
  try {
    assert.deepEqual(
      shallow.entries.map((e) => e.path),
      ['Amazon.zip/README.txt'],
    );
    assert.match(english(shallow.skipped[0]!.reason), /nested more than 1 level/);
  } finally {
    await shallow.close();
  }
});

test('temporary files of nested ZIPs are removed on close', async () => {
  const dir = tempDir();
  const temp = tempDir();
  const file = await writeZip(path.join(dir, 'outer.zip'), { 'inner.zip': await zipToBuffer({ 'a.txt': 'a' }) });
  const files = await openExportFiles([file], { tempDir: temp });
  assert.equal((await fs.readdir(temp)).length, 1);
  await files.close();
  assert.equal((await fs.readdir(temp)).length, 0);
});

test('a file that is not a ZIP, an empty file, and a missing file get specific messages', async () => {
  const dir = tempDir();
  const renamed = path.join(dir, 'export.zip');
  await fs.writeFile(renamed, 'this is a text file');
  await assert.rejects(
    openExportFiles([renamed]),
    (e: unknown) => e instanceof ImportError && /not one/.test(e.message),
  );
  const empty = path.join(dir, 'empty.zip');
  await fs.writeFile(empty, '');
  await assert.rejects(
    openExportFiles([empty]),
    (e: unknown) => e instanceof ImportError && /empty \(0 bytes\)/.test(e.message),
  );
  await assert.rejects(
    openExportFiles([path.join(dir, 'gone.zip')]),
    (e: unknown) => e instanceof ImportError && /could not be found/.test(e.message),
  );
});

test('a truncated ZIP is reported as damaged', async () => {
  const dir = tempDir();
  const file = await writeZip(path.join(dir, 'a.zip'), { 'a.txt': 'x'.repeat(1000) });
  const bytes = await fs.readFile(file);
  await fs.writeFile(file, bytes.subarray(0, bytes.length - 30));
  await assert.rejects(openExportFiles([file]), (e: unknown) => e instanceof ImportError && e.code === 'corrupt-zip');
});

test('a CRC mismatch fails only that entry', async () => {
  const dir = tempDir();
  const file = await writeZip(
    path.join(dir, 'a.zip'),
    { 'good.txt': 'good data', 'bad.txt': 'bad data!' },
    { compress: false },
  );
  const bytes = await fs.readFile(file);
  const at = bytes.indexOf('bad data!');
  bytes[at] = 'B'.charCodeAt(0);
  await fs.writeFile(file, bytes);
  const files = await openExportFiles([file]);
  try {
    const good = files.entries.find((e) => e.name === 'good.txt')!;
    const bad = files.entries.find((e) => e.name === 'bad.txt')!;
    assert.equal((await good.read()).toString(), 'good data');
    await assert.rejects(bad.read(), /checksum does not match/);
  } finally {
    await files.close();
  }
});

test('entry names that climb out, are absolute or hide NUL bytes are refused with a reason', () => {
  assert.match(english(unsafeNameReason('../../etc/passwd')!), /climbs out/);
  assert.match(english(unsafeNameReason('a\\..\\..\\b')!), /climbs out/);
  assert.match(english(unsafeNameReason('/etc/passwd')!), /absolute/);
  assert.match(english(unsafeNameReason('C:/Windows/x')!), /absolute/);
  assert.match(english(unsafeNameReason('a\0b')!), /NUL/);
  assert.equal(unsafeNameReason('Takeout/My Activity/Assistant/x.mp3'), null);
  assert.equal(normaliseEntryPath('.\\Takeout\\Mon activite\u0301'), 'Takeout/Mon activité');
  assert.equal(foldName('Mon\u00a0Activité'), 'mon activité');
});

test('the entry-count limit stops a bomb of tiny files', async () => {
  const dir = tempDir();
  const contents: Record<string, string> = {};
  for (let i = 0; i < 50; i++) contents[`f${i}.txt`] = 'x';
  const file = await writeZip(path.join(dir, 'many.zip'), contents);
  await assert.rejects(
    openExportFiles([file], { limits: { maxEntries: 10 } }),
    (e: unknown) => e instanceof ImportError && e.code === 'too-many-entries',
  );
});

test('a highly compressed entry is skipped as a likely zip bomb', async () => {
  const dir = tempDir();
  const file = await writeZip(path.join(dir, 'bomb.zip'), {
    'zeros.bin': new Uint8Array(20 * 1024 * 1024),
    'ok.txt': 'ok',
  });
  const files = await openExportFiles([file]);
  try {
    assert.deepEqual(
      files.entries.map((e) => e.name),
      ['ok.txt'],
    );
    assert.match(english(files.skipped[0]!.reason), /zip bomb/);
  } finally {
    await files.close();
  }
});

test('links inside a folder are not followed', async () => {
  const dir = tempDir();
  await fs.writeFile(path.join(dir, 'real.txt'), 'x');
  await fs.symlink('/etc/passwd', path.join(dir, 'link.txt'));
  const files = await openExportFiles([dir]);
  try {
    assert.deepEqual(
      files.entries.map((e) => e.name),
      ['real.txt'],
    );
    assert.match(english(files.skipped[0]!.reason), /link/);
  } finally {
    await files.close();
  }
});
