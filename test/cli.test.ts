// The CLI over the same core: JSON report fields, listing and search, and one-line errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { englishJsonTakeout, makeTempDir, projectRoot, realworldDir, writeZip } from './fixtures/google-takeout.ts';
import { makeWav } from './helpers/wav.ts';

const run = promisify(execFile);
const cli = path.join(projectRoot, 'electron', 'cli.ts');

async function earshot(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    // One node process (tsx as a loader), not the tsx wrapper that runs the CLI in a child.
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', cli, ...args], {
      cwd: projectRoot,
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('import --json reports the fields scripts rely on, and a second import adds nothing', async () => {
  const dir = await makeTempDir();
  const zip = await writeZip(path.join(dir, 'takeout-20220304T000000Z-001.zip'), englishJsonTakeout());
  const db = path.join(dir, 'library.sqlite');
  const first = await earshot(['import', zip, '--db', db, '--json']);
  assert.equal(first.code, 0, first.stderr);
  const report = JSON.parse(first.stdout);
  assert.equal(report.exportKind, 'google-takeout');
  assert.ok(report.recordings > 0);
  assert.ok(report.withAudio > 0 && report.withAudio <= report.recordings);
  assert.ok(report.withTranscript > 0);
  assert.equal(report.duplicates, 0);
  assert.ok(
    Array.isArray(report.skipped) && report.skipped.every((s: { path: string; reason: string }) => s.path && s.reason),
  );
  assert.match(report.account, /@/);

  const again = JSON.parse((await earshot(['import', zip, '--db', db, '--json'])).stdout);
  assert.equal(again.recordings, 0);
  assert.equal(again.duplicates, report.recordings);

  const listed = JSON.parse((await earshot(['list', '--db', db, '--json'])).stdout);
  assert.equal(listed.total, report.recordings);
  const searched = await earshot(['list', '--db', db, '--search', 'weath']);
  assert.equal(searched.code, 0);
  assert.match(searched.stdout, /1 recording matching “weath”/);
});

test(
  'the real French takeout: 17 text-only recordings and the owner’s e-mail',
  { skip: existsSync(path.join(realworldDir, 'google-takeout-fr-2022.zip')) ? false : 'shared/realworld is absent' },
  async () => {
    const dir = await makeTempDir();
    const result = await earshot([
      'import',
      path.join(realworldDir, 'google-takeout-fr-2022.zip'),
      '--db',
      path.join(dir, 'l.sqlite'),
      '--json',
    ]);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.recordings, 17);
    assert.equal(report.withAudio, 0);
    assert.equal(report.account, 'tomtom74499@gmail.com');
    assert.ok(report.notes.some((n: string) => /no audio/i.test(n)));
  },
);

test('bad input exits non-zero with one specific line', async () => {
  const dir = await makeTempDir();
  const notZip = path.join(dir, 'export.zip');
  await fs.writeFile(notZip, 'hello');
  const bad = await earshot(['import', notZip, '--db', path.join(dir, 'l.sqlite')]);
  assert.notEqual(bad.code, 0);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
  assert.match(bad.stderr, /named like a ZIP archive but is not one/);

  const missing = await earshot(['import', path.join(dir, 'nope.zip'), '--db', path.join(dir, 'l.sqlite')]);
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /could not be found/);

  const usage = await earshot(['frobnicate']);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /unknown command/);
});

test('enroll takes every usable file, names each refused one, and fails only when none was taken', async () => {
  const dir = await makeTempDir();
  const db = path.join(dir, 'l.sqlite');
  const good = path.join(dir, 'me-1.wav');
  const alsoGood = path.join(dir, 'me-2.wav');
  const notes = path.join(dir, 'notes.wav');
  await fs.writeFile(good, makeWav(3));
  await fs.writeFile(alsoGood, makeWav(2, { frequency: 220 }));
  await fs.writeFile(notes, 'These are my notes, not a recording.');
  const missing = path.join(dir, 'gone.wav');
  const mixed = await earshot(['enroll', '--person', 'me', notes, good, missing, alsoGood, '--db', db]);
  assert.equal(mixed.code, 0, mixed.stderr);
  assert.match(mixed.stdout, /Added “me-1\.wav” as a voice sample for me \(1 in all\)/);
  assert.match(mixed.stdout, /Added “me-2\.wav” as a voice sample for me \(2 in all\)/, 'files after a refused one');
  assert.match(mixed.stderr, /“notes\.wav” was not added: .+/);
  assert.match(mixed.stderr, /“gone\.wav” was not added: .+/);
  assert.match(mixed.stderr, /2 of 4 files added/);
  assert.doesNotMatch(mixed.stderr, /Usage:/, 'not a usage error');

  const none = await earshot(['enroll', '--person', 'me', notes, missing, '--db', db]);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /“notes\.wav” was not added/);
  assert.doesNotMatch(none.stderr, /Usage:/);
  const usage = await earshot(['enroll', good, '--db', db]);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /needs --person[\s\S]*Usage:/, 'a usage error shows the usage');
});

test('an import whose only history file is damaged exits non-zero with the reason', async () => {
  const dir = await makeTempDir();
  // The history file cut short, and no audio beside it: nothing Earshot can import.
  const files = englishJsonTakeout()
    .filter((f) => !f.path.endsWith('.mp3'))
    .map((f) => (/Assistant\/MyActivity\.json$/.test(f.path) ? { ...f, data: String(f.data).slice(0, 300) } : f));
  const zip = await writeZip(path.join(dir, 'takeout-20220304T000000Z-001.zip'), files);
  const result = await earshot(['import', zip, '--db', path.join(dir, 'l.sqlite'), '--json']);
  assert.equal(result.code, 1, result.stdout);
  assert.match(result.stderr, /found no recordings/);
  assert.match(result.stderr, /Assistant\/MyActivity\.json is not valid JSON/);
  assert.equal(JSON.parse(result.stdout).recordings, 0, 'the report is still printed for scripts');
});

test('delete removes recordings and exports as the window does and says what it removed', async () => {
  const dir = await makeTempDir();
  const db = path.join(dir, 'library.sqlite');
  const zip = await writeZip(path.join(dir, 'takeout-20220304T000000Z-001.zip'), englishJsonTakeout());
  const imported = await earshot(['import', zip, '--db', db, '--json', '--no-analyze']);
  assert.equal(imported.code, 0, imported.stderr);
  const { exportId, recordings } = JSON.parse(imported.stdout) as { exportId: number; recordings: number };
  const listed = JSON.parse((await earshot(['list', '--db', db, '--json'])).stdout) as {
    rows: { id: number; transcript: string | null }[];
  };
  const [a, b] = listed.rows;
  const some = await earshot(['delete', '--id', String(a!.id), '--id', String(b!.id), '--db', db]);
  assert.equal(some.code, 0, some.stderr);
  assert.match(some.stdout, /Deleted 2 recordings with their audio/);
  assert.equal(JSON.parse((await earshot(['list', '--db', db, '--json'])).stdout).total, recordings - 2);

  const whole = await earshot(['delete', '--export', String(exportId), '--db', db, '--json']);
  assert.equal(whole.code, 0, whole.stderr);
  const result = JSON.parse(whole.stdout) as { recordings: number; exports: { id: number; label: string }[] };
  assert.equal(result.recordings, recordings - 2);
  assert.deepEqual(
    result.exports.map((e) => e.id),
    [exportId],
  );
  assert.equal(JSON.parse((await earshot(['list', '--db', db, '--json'])).stdout).total, 0);
  const check = new Database(db, { readonly: true });
  assert.equal(check.pragma('integrity_check', { simple: true }), 'ok');
  assert.equal(check.prepare('SELECT COUNT(*) FROM audio').pluck().get(), 0);
  check.close();

  const gone = await earshot(['delete', '--id', String(a!.id), '--db', db]);
  assert.equal(gone.code, 1);
  assert.match(gone.stderr, new RegExp(`not in the library: recording ${a!.id}`));
  const usage = await earshot(['delete', '--db', db]);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /delete needs --id N/);
  const bad = await earshot(['delete', '--id', 'all', '--db', db]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--id takes a whole number/);
});
