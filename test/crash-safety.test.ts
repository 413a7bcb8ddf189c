// Killing the import process (SIGKILL) at random points, many times: after each kill the library
// passes its integrity check and holds exactly the exports that completed; the next import of the
// same export completes with no duplicates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { projectRoot } from './fixtures/google-takeout.ts';
import { writeManyRecordingsTakeout } from './fixtures/many-recordings.ts';
import { tempDir } from './helpers/zip.ts';

const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
const cli = path.join(projectRoot, 'electron', 'cli.ts');
const kills = Number(process.env.EARSHOT_CRASH_KILLS ?? 8);

function importProcess(
  db: string,
  file: string,
  killAfterMs: number | null,
  extra: string[] = [],
): Promise<{ killed: boolean; code: number | null; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(tsx, [cli, 'import', file, '--db', db, '--json', ...extra], { stdio: 'ignore' });
    const timer = killAfterMs == null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', code, ms: Date.now() - started });
    });
  });
}

function inspect(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      exports: db.prepare('SELECT COUNT(*) FROM exports').pluck().get() as number,
      recordings: db.prepare('SELECT COUNT(*) FROM recordings').pluck().get() as number,
      audio: db.prepare('SELECT COUNT(*) FROM audio').pluck().get() as number,
      orphans: db
        .prepare(
          'SELECT COUNT(*) FROM recordings r WHERE NOT EXISTS (SELECT 1 FROM exports e WHERE e.id = r.export_id)',
        )
        .pluck()
        .get() as number,
      fts: db.prepare('SELECT COUNT(*) FROM recordings_fts_docsize').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

test(`the library survives ${kills} SIGKILLs during an import`, { timeout: 900_000 }, async () => {
  const dir = tempDir();
  const baselineDb = path.join(dir, 'baseline.sqlite');
  const small = await writeManyRecordingsTakeout(path.join(dir, 'takeout-small.zip'), 20, 7);
  const large = await writeManyRecordingsTakeout(path.join(dir, 'takeout-large.zip'), 1500, 3);
  assert.equal((await importProcess(baselineDb, small, null, ['--no-analyze'])).code, 0);
  const baseline = inspect(baselineDb);
  assert.equal(baseline.exports, 1);
  assert.equal(baseline.recordings, 20);

  // Kill times are spread over how long an uninterrupted import takes on this machine, so the
  // kills land inside the import however fast it is.
  const full = await importProcess(path.join(dir, 'timing.sqlite'), large, null, ['--no-analyze']);
  assert.equal(full.code, 0);
  // A seeded random sequence of kill times, so a failure can be reproduced.
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let beforeCommit = 0;
  for (let i = 0; i < kills; i++) {
    // Each kill starts from the library as it was before: one completed export.
    const db = path.join(dir, `library-${i}.sqlite`);
    copyFileSync(baselineDb, db);
    const at = Math.floor(full.ms * (0.1 + 0.85 * random()));
    const result = await importProcess(db, large, at, ['--no-analyze']);
    const state = inspect(db);
    const where = `after kill ${i} at ${at} of ${full.ms} ms`;
    assert.equal(state.integrity, 'ok', `integrity ${where}`);
    assert.equal(state.orphans, 0);
    // Exactly the exports that completed: the large one wholly or not at all.
    assert.ok(state.exports === 1 || state.exports === 2, `exports ${where}: ${state.exports}`);
    assert.equal(state.recordings, 20 + (state.exports - 1) * 1500, `recordings ${where}`);
    assert.equal(state.audio, state.recordings);
    assert.equal(state.fts, state.recordings, 'the search index matches the rows');
    if (!result.killed) assert.equal(result.code, 0);
    if (state.exports === 1) beforeCommit++;

    // The next import of the same export completes, with no duplicates.
    assert.equal((await importProcess(db, large, null, ['--no-analyze'])).code, 0);
    const finished = inspect(db);
    assert.equal(finished.exports, 2, `exports after re-import ${i}`);
    assert.equal(finished.recordings, 1520, `recordings after re-import ${i}`);
  }
  console.log(`crash safety: ${kills} kills over a ${full.ms} ms import, ${beforeCommit} before its commit`);
  assert.ok(beforeCommit >= Math.ceil(kills / 3), 'most kills should land inside the import');
});
