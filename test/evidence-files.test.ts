// The evidence summary lists every file an export arrived as: each ZIP part, and each file inside a
// dropped folder, with its size and SHA-256; a huge folder ends with "and N more files".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { openLibrary } from '../electron/core/db/library.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { buildEvidence } from '../electron/core/analysis/evidence.ts';
import { fingerprintInputs } from '../electron/core/import/fingerprints.ts';
import { fakeImporter, type FakeRecording } from './helpers/fake-export.ts';
import { tempDir, writeZip } from './helpers/zip.ts';

const sha = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');
const items: FakeRecording[] = [
  { id: '1', time: '2024-01-01T10:00:00Z', text: 'what time is it' },
  { id: '2', time: '2024-01-02T10:00:00Z', text: 'turn on the lights' },
];

async function writeFolder(root: string, files: Record<string, string | Buffer>): Promise<void> {
  for (const [rel, data] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await fs.writeFile(path.join(root, rel), data);
  }
}

test('a folder import lists every file inside with its size and SHA-256', async () => {
  const dir = tempDir();
  const folder = path.join(dir, 'Alexa export');
  const files: Record<string, string | Buffer> = {
    'recordings.json': JSON.stringify(items),
    'audio/a.wav': Buffer.alloc(3000, 1),
    'audio/b.wav': Buffer.alloc(70_000, 2),
    'notes/readme.txt': 'hello',
  };
  await writeFolder(folder, files);
  await fs.symlink('/etc/hostname', path.join(folder, 'link-outside')).catch(() => undefined);
  const db = openLibrary(path.join(dir, 'l.sqlite'));
  const report = await runImport(db, [folder], { importers: [fakeImporter()] });
  assert.equal(report.recordings, 2, 'the folder was imported');
  const evidence = buildEvidence(db, report.exportId!)!;
  assert.deepEqual(
    evidence.files,
    Object.entries(files)
      .map(([rel, data]) => ({ name: `Alexa export/${rel}`, size: Buffer.byteLength(data), sha256: sha(data) }))
      .sort((a, b) => (a.name < b.name ? -1 : 1)),
    'every file, sorted, and no link followed',
  );
  for (const f of evidence.files)
    assert.ok(
      evidence.summary.includes(`${f.name} — ${f.size.toLocaleString('en')} bytes — SHA-256 ${f.sha256}`),
      f.name,
    );
  assert.doesNotMatch(evidence.summary, /\(folder|— 0 bytes/);
  const de = buildEvidence(db, report.exportId!, 'de')!;
  assert.ok(de.summary.includes(`Alexa export/audio/b.wav — 70.000 Bytes — SHA-256 ${sha(files['audio/b.wav']!)}`));
  db.close();
});

test('each ZIP part is listed with its own size and SHA-256', async () => {
  const dir = tempDir();
  const part1 = await writeZip(path.join(dir, 'takeout-001.zip'), { 'recordings.json': JSON.stringify(items) });
  const part2 = await writeZip(path.join(dir, 'takeout-002.zip'), { 'other/readme.txt': 'part two' });
  const db = openLibrary(path.join(dir, 'l.sqlite'));
  const report = await runImport(db, [part1, part2], { importers: [fakeImporter()] });
  assert.equal(report.recordings, 2);
  const evidence = buildEvidence(db, report.exportId!)!;
  const expected = await Promise.all(
    [part1, part2].map(async (p) => {
      const bytes = await fs.readFile(p);
      return { name: path.basename(p), size: bytes.length, sha256: sha(bytes) };
    }),
  );
  assert.deepEqual(evidence.files, expected);
  // The same parts dropped as one folder: each part, by its path inside the folder.
  const folder = path.join(dir, 'Takeout parts');
  await fs.mkdir(folder);
  for (const p of [part1, part2]) await fs.copyFile(p, path.join(folder, path.basename(p)));
  const listed = await fingerprintInputs([folder]);
  assert.deepEqual(
    listed,
    expected.map((f) => ({ ...f, name: `Takeout parts/${f.name}` })),
  );
  db.close();
});

test('a huge folder is bounded: past the cap the rest is counted as "and N more files"', async () => {
  const dir = tempDir();
  const folder = path.join(dir, 'big');
  const files = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}.bin`, Buffer.alloc(100 + i, i)]));
  await writeFolder(folder, files);
  const listed = await fingerprintInputs([folder], undefined, 5);
  assert.equal(listed.length, 6);
  assert.deepEqual(
    listed.slice(0, 5).map((f) => [f.name, f.sha256]),
    Object.entries(files)
      .slice(0, 5)
      .map(([rel, data]) => [`big/${rel}`, sha(data)]),
  );
  assert.deepEqual(listed[5], { name: 'big/', size: 105 + 106 + 107, sha256: null, more: 3 });

  // How the summary says it, and how it reads an older library's folder entry.
  const db = openLibrary(path.join(dir, 'l.sqlite'));
  const zip = await writeZip(path.join(dir, 'e.zip'), { 'recordings.json': JSON.stringify(items) });
  const { exportId } = await runImport(db, [zip], { importers: [fakeImporter()] });
  const legacy = { name: 'Old folder', size: 0, sha256: null };
  db.prepare('UPDATE exports SET source_files = ? WHERE id = ?').run(JSON.stringify([...listed, legacy]), exportId!);
  const summary = buildEvidence(db, exportId!)!.summary;
  assert.match(summary, /big\/ … and 3 more files — 318 bytes together — not hashed one by one/);
  assert.match(summary, /Old folder — 0 bytes — SHA-256 \(folder, its files not listed when it was imported\)/);
  assert.match(buildEvidence(db, exportId!, 'de')!.summary, /big\/ … und 3 weitere Dateien/);
  db.close();
});

test('the default cap lists thousands of files one by one', async () => {
  const dir = tempDir();
  const folder = path.join(dir, 'many');
  await fs.mkdir(folder);
  await Promise.all(
    Array.from({ length: 2500 }, (_, i) =>
      fs.writeFile(path.join(folder, `r${String(i).padStart(4, '0')}.wav`), String(i)),
    ),
  );
  const listed = await fingerprintInputs([folder]);
  assert.equal(listed.length, 2500);
  assert.ok(listed.every((f) => f.sha256 && f.more === undefined));
  assert.equal(listed[1234]!.sha256, sha('1234'));
});
