// The CLI over the same core: JSON report fields, listing and search, and one-line errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { englishJsonTakeout, makeTempDir, projectRoot, realworldDir, writeZip } from './fixtures/google-takeout.ts';

const run = promisify(execFile);
const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
const cli = path.join(projectRoot, 'electron', 'cli.ts');

async function earshot(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx, [cli, ...args], { cwd: projectRoot, timeout: 120_000 });
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
