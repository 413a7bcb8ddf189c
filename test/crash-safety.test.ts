// Killing the import process (SIGKILL) at random points, many times: after each kill the library
// passes its integrity check and holds exactly the exports that completed; the next import of the
// same export completes with no duplicates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
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
): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, [cli, 'import', file, '--db', db, '--json'], { stdio: 'ignore' });
    const timer = killAfterMs == null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', code });
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

test(`the library survives ${kills} SIGKILLs during an import`, { timeout: 600_000 }, async () => {
  const dir = tempDir();
  const db = path.join(dir, 'library.sqlite');
  const small = await writeManyRecordingsTakeout(path.join(dir, 'takeout-small.zip'), 20, 7);
  const large = await writeManyRecordingsTakeout(path.join(dir, 'takeout-large.zip'), 1500, 3);
  assert.equal((await importProcess(db, small, null)).code, 0);
  const baseline = inspect(db);
  assert.equal(baseline.exports, 1);
  assert.equal(baseline.recordings, 20);

  // A seeded random sequence of kill times, so a failure can be reproduced.
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let completedEarly = 0;
  for (let i = 0; i < kills; i++) {
    const at = 400 + Math.floor(random() * 3200);
    const result = await importProcess(db, large, at);
    const state = inspect(db);
    assert.equal(state.integrity, 'ok', `integrity after kill ${i} at ${at} ms`);
    assert.equal(state.orphans, 0);
    if (result.killed) {
      // Exactly the exports that completed: the small one, plus the large one if an earlier run finished it.
      assert.equal(state.exports, 1 + completedEarly, `exports after kill ${i} at ${at} ms`);
      assert.equal(state.recordings, 20 + completedEarly * 1500);
    } else {
      assert.equal(result.code, 0);
      completedEarly = 1;
      assert.equal(state.recordings, 1520);
    }
    assert.equal(state.audio, state.recordings);
    assert.equal(state.fts, state.recordings, 'the search index matches the rows');
  }

  // The next full import completes; the one after adds nothing.
  assert.equal((await importProcess(db, large, null)).code, 0);
  const finished = inspect(db);
  assert.equal(finished.exports, 2);
  assert.equal(finished.recordings, 1520);
  assert.equal((await importProcess(db, large, null)).code, 0);
  assert.equal(inspect(db).recordings, 1520);
});
