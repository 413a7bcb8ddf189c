// Killing Earshot (SIGKILL) while it holds the library, many times: during an import, during the
// voice analysis that follows, and during a delete with its vacuum. The CLI runs as ONE node
// process (tsx as a loader, not the tsx wrapper whose child would live on), in its own process
// group, and every kill is proven to have landed: the process was running, it died of the signal,
// and neither its pid nor any process of its group exists afterwards. After each kill the library
// passes its integrity check and holds exactly the work that completed; the next run completes with
// no duplicates, and the temp files the killed import left are removed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { projectRoot } from './fixtures/google-takeout.ts';
import { manyRecordingsTakeout, writeManyRecordingsTakeout } from './fixtures/many-recordings.ts';
import { tempDir, writeZip, zipToBuffer } from './helpers/zip.ts';

const cli = path.join(projectRoot, 'electron', 'cli.ts');
/** Kills in all; a quarter during analysis, a quarter during delete + vacuum, the rest during imports. */
const kills = Math.max(4, Number(process.env.EARSHOT_CRASH_KILLS ?? 8));
const SMALL = 20;
const LARGE = 500;

interface Run {
  child: ChildProcess;
  pid: number;
  /** Everything the process wrote to stderr so far (its progress lines). */
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>;
}

function start(args: string[]): Run {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: projectRoot,
    detached: true, // its own process group, so the whole group can be signalled and checked
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - started })),
  );
  assert.ok(child.pid, 'the CLI started');
  return { child, pid: child.pid!, stderr: () => err, exited };
}

async function complete(args: string[]): Promise<{ code: number | null; ms: number; stderr: string }> {
  const run = start(args);
  const { code, ms } = await run.exited;
  return { code, ms, stderr: run.stderr() };
}

function exists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The last progress line written (progress is redrawn with \r). */
function lastLine(text: string): string {
  const lines = text.split(/[\r\n]/).filter((l) => l.trim());
  return lines[lines.length - 1] ?? '';
}

/**
 * Kills the run's process group with SIGKILL once `when` says so about its last progress line (then
 * after `delayMs`), and proves the kill landed: it was still running when signalled, it died of the
 * signal, and no process of its group is left. Returns false when the run ended before the moment came.
 */
async function killWhen(
  run: Run,
  when: (line: string) => boolean,
  delayMs = 0,
): Promise<{ landed: boolean; at: string }> {
  let at = '';
  let sent = false;
  const trigger = () => {
    if (at || !when(lastLine(run.stderr()))) return;
    at = lastLine(run.stderr());
    setTimeout(() => {
      if (run.child.exitCode !== null || run.child.signalCode !== null) return;
      process.kill(-run.pid, 'SIGKILL');
      sent = true;
    }, delayMs);
  };
  run.child.stderr!.on('data', trigger);
  const { code, signal } = await run.exited;
  if (!sent) return { landed: false, at: `${at || lastLine(run.stderr())} (exited ${code})` };
  // The run can end on its own in the instant between the check above and the signal: it exited
  // with success and the signal reached a process already gone (a zombie ignores it). That kill did
  // not land; the callers say whether that may happen. Any other ending must be the kill.
  if (signal === null && code === 0) return { landed: false, at: `${at} (finished before the kill)` };
  assert.equal(signal, 'SIGKILL', `the process died of the kill (${at}; exit code ${code})`);
  // Its pid is gone, and so is every process of its group (no importer left running orphaned).
  for (let i = 0; i < 50 && (exists(run.pid) || exists(-run.pid)); i++) await new Promise((r) => setTimeout(r, 100));
  assert.equal(exists(run.pid), false, `pid ${run.pid} no longer exists`);
  assert.equal(exists(-run.pid), false, `no process of group ${run.pid} is left`);
  return { landed: true, at };
}

function inspect(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      foreignKeys: (db.pragma('foreign_key_check') as unknown[]).length,
      exports: count('SELECT COUNT(*) FROM exports'),
      recordings: count('SELECT COUNT(*) FROM recordings'),
      distinctKeys: count('SELECT COUNT(DISTINCT key) FROM recordings'),
      audio: count('SELECT COUNT(*) FROM audio'),
      fts: count('SELECT COUNT(*) FROM recordings_fts_docsize'),
      signatures: count('SELECT COUNT(*) FROM voice_signatures'),
      orphans: count(
        'SELECT COUNT(*) FROM recordings r WHERE NOT EXISTS (SELECT 1 FROM exports e WHERE e.id = r.export_id)',
      ),
    };
  } finally {
    db.close();
  }
}

type State = ReturnType<typeof inspect>;

/** Sound, and exactly `recordings` rows, each with its audio and search entry, no duplicates. */
function assertWhole(state: State, exports: number, recordings: number, where: string) {
  assert.equal(state.integrity, 'ok', `integrity ${where}`);
  assert.equal(state.foreignKeys, 0, `foreign keys ${where}`);
  assert.equal(state.orphans, 0, `orphans ${where}`);
  assert.equal(state.exports, exports, `exports ${where}`);
  assert.equal(state.recordings, recordings, `recordings ${where}`);
  assert.equal(state.distinctKeys, recordings, `no duplicates ${where}`);
  assert.equal(state.audio, recordings, `audio ${where}`);
  assert.equal(state.fts, recordings, `search index ${where}`);
}

function leftoverTemp(libraryFile: string): string[] {
  const dir = path.join(path.dirname(libraryFile), 'import-temp');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('earshot-import-')) : [];
}

/** A library folder of its own (the temp folder lives beside the library), starting from `from`. */
function libraryCopy(root: string, name: string, from: string): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'library.sqlite');
  copyFileSync(from, file);
  return file;
}

test(
  `the library survives ${kills} SIGKILLs during imports, analysis and deletes`,
  { timeout: 1_500_000 },
  async () => {
    const root = tempDir();
    const small = await writeManyRecordingsTakeout(path.join(root, 'takeout-small.zip'), SMALL, 7);
    // The large export is a takeout inside a ZIP, as Amazon nests them: opening it unpacks the inner
    // ZIP to a temp file, which a killed import leaves behind.
    const large = await writeZip(
      path.join(root, 'export-large.zip'),
      {
        'takeout-large.zip': await zipToBuffer(
          Object.fromEntries(manyRecordingsTakeout(LARGE, 3).map((f) => [f.path, f.data])),
        ),
      },
      { compress: false },
    );
    const baseline = path.join(root, 'baseline.sqlite');
    assert.equal((await complete(['import', small, '--db', baseline, '--no-analyze'])).code, 0);
    assertWhole(inspect(baseline), 1, SMALL, 'in the baseline');
    const fullDir = libraryCopy(root, 'full', baseline);
    const full = await complete(['import', large, '--db', fullDir, '--no-analyze']);
    assert.equal(full.code, 0, full.stderr);
    assertWhole(inspect(fullDir), 2, SMALL + LARGE, 'after an uninterrupted import');
    assert.deepEqual(leftoverTemp(fullDir), [], 'a finished import leaves no temp files');

    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const analysisKills = Math.max(1, Math.round(kills / 4));
    const deleteKills = Math.max(1, Math.round(kills / 4));
    const importKills = kills - analysisKills - deleteKills;
    const log: string[] = [];

    /** The next import of the large export completes, adds what is missing, and duplicates nothing. */
    const reimport = async (db: string, where: string) => {
      const again = await complete(['import', large, '--db', db, '--no-analyze']);
      assert.equal(again.code, 0, `re-import ${where}: ${again.stderr.slice(-300)}`);
      assertWhole(inspect(db), 2, SMALL + LARGE, `after the re-import ${where}`);
      assert.deepEqual(leftoverTemp(db), [], `the killed import's temp files are gone ${where}`);
    };

    // 1. During the import: at a seeded share of its recordings; the last one as it saves.
    for (let i = 0; i < importKills; i++) {
      const db = libraryCopy(root, `import-${i}`, baseline);
      const saving = i === importKills - 1;
      const target = Math.floor(LARGE * (0.05 + 0.85 * random()));
      const run = start(['import', large, '--db', db, '--no-analyze']);
      const kill = await killWhen(run, (line) =>
        saving ? /^saving/.test(line) : Number(/^reading: .*?(\d+) recordings/.exec(line)?.[1] ?? -1) >= target,
      );
      const where = `after import kill ${i} (${kill.at})`;
      if (!saving) assert.ok(kill.landed, `the kill landed inside the import: ${kill.at}`);
      const state = inspect(db);
      if (!saving) assertWhole(state, 1, SMALL, `${where}: it had not committed`);
      else if (state.exports === 1) assertWhole(state, 1, SMALL, `${where}: before its commit`);
      else assertWhole(state, 2, SMALL + LARGE, `${where}: after its commit`);
      if (kill.landed && !saving) assert.ok(leftoverTemp(db).length > 0, 'the killed import left its nested ZIP');
      log.push(
        `import ${kill.landed ? 'killed' : 'finished'} at “${kill.at}”, ${state.exports === 2 ? 'committed' : 'not committed'}`,
      );
      await reimport(db, where);
    }

    // 2. During the voice analysis after an import: its small transactions keep the library whole.
    for (let i = 0; i < analysisKills; i++) {
      const db = libraryCopy(root, `analysis-${i}`, fullDir);
      // After the first batch is saved, at a seeded moment of the rest (the analysis takes many seconds).
      const delay = Math.floor(3000 * random());
      const run = start(['analyze', '--db', db]);
      const kill = await killWhen(run, (line) => Number(/^analysing voices: (\d+)\//.exec(line)?.[1] ?? 0) > 0, delay);
      const where = `after analysis kill ${i} (${delay} ms after “${kill.at}”)`;
      assert.ok(kill.landed, `the kill landed inside the analysis: ${kill.at}`);
      const state = inspect(db);
      assertWhole(state, 2, SMALL + LARGE, where);
      assert.ok(state.signatures > 0 && state.signatures < SMALL + LARGE, `signatures ${where}: ${state.signatures}`);
      log.push(`analysis killed ${delay} ms after “${kill.at}” with ${state.signatures} signatures saved`);
      await reimport(db, where);
    }

    // 3. During a delete and its vacuum: the delete is whole or not at all.
    const timing = libraryCopy(root, 'delete-timing', fullDir);
    const timed = start(['delete', '--export', '2', '--db', timing]);
    let deleteStarted = 0;
    timed.child.stderr!.on('data', () => (deleteStarted ||= /Deleting/.test(timed.stderr()) ? Date.now() : 0));
    assert.equal((await timed.exited).code, 0);
    const deleteMs = Date.now() - deleteStarted;
    assertWhole(inspect(timing), 1, SMALL, 'after an uninterrupted delete');
    for (let i = 0; i < deleteKills; i++) {
      // A seeded moment of the delete; a delete that finished first is tried again, sooner, on a
      // fresh copy, until a kill lands (the vacuum takes well under a second here).
      let delay = Math.floor(deleteMs * 0.8 * random());
      let db = '';
      let kill = { landed: false, at: '' };
      for (let attempt = 0; attempt < 4 && !kill.landed; attempt++) {
        if (attempt > 0) delay = Math.floor(delay / 3);
        db = libraryCopy(root, `delete-${i}-${attempt}`, fullDir);
        const run = start(['delete', '--export', '2', '--db', db]);
        kill = await killWhen(run, (line) => /^Deleting/.test(line), delay);
      }
      assert.ok(kill.landed, `a kill landed inside delete ${i}: ${kill.at}`);
      const where = `after delete kill ${i} (${delay} of ${deleteMs} ms)`;
      const state = inspect(db);
      if (state.exports === 2) {
        assertWhole(state, 2, SMALL + LARGE, `${where}: before its commit`);
        const again = await complete(['delete', '--export', '2', '--db', db]);
        assert.equal(again.code, 0, `the delete completes ${where}`);
      } else assertWhole(state, 1, SMALL, `${where}: after its commit`);
      assertWhole(inspect(db), 1, SMALL, `deleted ${where}`);
      log.push(
        `delete ${kill.landed ? 'killed' : 'finished'} ${delay} ms in, ${state.exports === 1 ? 'committed' : 'not committed'}`,
      );
      await reimport(db, where);
    }
    console.log(`crash safety (${full.ms} ms import of ${LARGE}, ${deleteMs} ms delete):\n  ${log.join('\n  ')}`);
  },
);

test('temp folders of a killed import are removed at the next start; a running import’s are kept', async () => {
  const root = tempDir();
  const libraryFile = path.join(root, 'library.sqlite');
  const temp = path.join(root, 'import-temp');
  mkdirSync(temp, { recursive: true });
  // A pid that surely belongs to no process: one that has just exited.
  const gone = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => gone.on('exit', r));
  assert.equal(exists(gone.pid!), false);
  const dead = path.join(temp, 'earshot-import-killed');
  mkdirSync(dead);
  writeFileSync(path.join(dead, 'owner.pid'), String(gone.pid));
  writeFileSync(path.join(dead, 'nested.zip'), Buffer.alloc(1024 * 1024));
  const alive = path.join(temp, 'earshot-import-running');
  mkdirSync(alive);
  writeFileSync(path.join(alive, 'owner.pid'), String(process.pid));
  const other = path.join(temp, 'something-else');
  writeFileSync(other, 'not an import folder');

  const small = await writeManyRecordingsTakeout(path.join(root, 'takeout-small.zip'), 3, 1);
  const result = await complete(['import', small, '--db', libraryFile, '--no-analyze']);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(existsSync(dead), false, 'the killed import’s folder and its nested ZIP are removed');
  assert.equal(existsSync(alive), true, 'a running import’s folder is kept');
  assert.equal(existsSync(other), true, 'nothing that is not an import folder is touched');
  assert.deepEqual(leftoverTemp(libraryFile).sort(), ['earshot-import-running']);
});
