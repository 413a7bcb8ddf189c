// Fuzzing the import: generated exports mutated byte-wise (in the ZIP) and structurally (in the
// files inside), imported one after another into one library. Asserts: no uncaught exception, no
// hang past a bound, nothing written outside Earshot's storage, the library intact. Failing inputs
// are saved to test-output/fuzz-failures/; copy them into test/fuzz-regressions/ to keep them.
//   EARSHOT_FUZZ_SECONDS (default 25) and EARSHOT_FUZZ_CASES (default 3000) bound the run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, promises as fs, readdirSync } from 'node:fs';
import path from 'node:path';
import { openLibrary } from '../electron/core/db/library.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { ImportError } from '../electron/core/model.ts';
import {
  englishHtmlTakeout,
  englishJsonTakeout,
  germanHtmlTakeout,
  malformedTakeout,
  projectRoot,
  writeZip,
  type FixtureFile,
} from './fixtures/google-takeout.ts';
import { rawZip } from './helpers/raw-zip.ts';
import { tempDir, zipToBuffer } from './helpers/zip.ts';

const seconds = Number(process.env.EARSHOT_FUZZ_SECONDS ?? 25);
const maxCases = Number(process.env.EARSHOT_FUZZ_CASES ?? 3000);
const perCaseLimitMs = 10_000;
const regressions = path.join(projectRoot, 'test', 'fuzz-regressions');
const failures = path.join(projectRoot, 'test-output', 'fuzz-failures');

/** Small, fast seeds: the big "other products" files are left out. */
const small = (files: FixtureFile[]) => files.filter((f) => !/Location History|YouTube/.test(f.path));

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

type Random = () => number;
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

function mutateBytes(r: Random, input: Buffer): Buffer {
  const bytes = Buffer.from(input);
  switch (Math.floor(r() * 5)) {
    case 0: // flip a few bytes
      for (let i = 0, n = 1 + Math.floor(r() * 8); i < n; i++)
        bytes[Math.floor(r() * bytes.length)] = Math.floor(r() * 256);
      return bytes;
    case 1: // truncate
      return bytes.subarray(0, Math.floor(r() * bytes.length));
    case 2: {
      // overwrite a range with a copy of another
      const from = Math.floor(r() * bytes.length);
      const to = Math.floor(r() * bytes.length);
      bytes.copy(bytes, to, from, Math.min(bytes.length, from + 1 + Math.floor(r() * 64)));
      return bytes;
    }
    case 3: {
      // insert junk
      const at = Math.floor(r() * bytes.length);
      const junk = Buffer.from(Array.from({ length: 1 + Math.floor(r() * 32) }, () => Math.floor(r() * 256)));
      return Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)]);
    }
    default: // interesting values in 32-bit fields (sizes, offsets, counts)
      for (let i = 0, n = 1 + Math.floor(r() * 3); i < n; i++) {
        const at = Math.floor(r() * Math.max(1, bytes.length - 4));
        bytes.writeUInt32LE(pick(r, [0, 1, 0x7fffffff, 0xffffffff, 0xfffffffe, bytes.length, 65535]), at);
      }
      return bytes;
  }
}

function mutateText(r: Random, text: string): string {
  const tokens = [
    '"',
    '[',
    ']',
    '{',
    '}',
    ',',
    ':',
    'null',
    '1e999',
    '"\\u0000"',
    '<div class="outer-cell">',
    '</div>',
    '<br>',
    '\u00a0',
    '"audioFiles":["../../x.mp3"]',
    '"time":"not a time"',
    '"title":{}',
  ];
  const at = Math.floor(r() * (text.length + 1));
  switch (Math.floor(r() * 3)) {
    case 0:
      return text.slice(0, at) + pick(r, tokens) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 40));
    default:
      return text.slice(0, at);
  }
}

async function makeCase(r: Random, seeds: FixtureFile[][]): Promise<Buffer> {
  const files = pick(r, seeds).map((f) => ({ ...f }));
  const kind = r();
  if (kind < 0.4) return mutateBytes(r, await zipBytes(files));
  if (kind < 0.8) {
    const target = files.filter((f) => /\.(json|html)$/.test(f.path));
    const f = pick(r, target.length ? target : files);
    f.data = typeof f.data === 'string' ? mutateText(r, f.data) : mutateBytes(r, f.data);
    return zipBytes(files);
  }
  // Structure: nest the export in a ZIP, rename entries, or duplicate them.
  const choice = Math.floor(r() * 3);
  if (choice === 0) return zipToBuffer({ 'inner.zip': await zipBytes(files) });
  if (choice === 1)
    return rawZip(
      files.map((f) => ({
        name: r() < 0.2 ? `../${f.path}` : f.path.replace(/\//g, r() < 0.3 ? '\\' : '/'),
        data: f.data,
      })),
    );
  return zipBytes([...files, ...files.slice(0, 3)]);
}

async function zipBytes(files: FixtureFile[]): Promise<Buffer> {
  const dir = tempDir('earshot-fuzz-zip-');
  const file = await writeZip(path.join(dir, 'x.zip'), files);
  const bytes = await fs.readFile(file);
  await fs.rm(dir, { recursive: true, force: true });
  return bytes;
}

async function importWithin(
  db: ReturnType<typeof openLibrary>,
  file: string,
  storage: string,
): Promise<'ok' | 'refused'> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`import hung for more than ${perCaseLimitMs} ms`));
    }, perCaseLimitMs);
  });
  try {
    await Promise.race([runImport(db, [file], { signal: controller.signal, tempDir: storage }), hang]);
    return 'ok';
  } catch (error) {
    if (error instanceof ImportError) return 'refused';
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

test(
  'fuzzed exports never crash, hang, write outside storage or damage the library',
  { timeout: (seconds + 120) * 1000 },
  async () => {
    const dir = tempDir('earshot-fuzz-');
    const storage = path.join(dir, 'storage');
    mkdirSync(storage, { mode: 0o700 });
    const db = openLibrary(path.join(dir, 'library.sqlite'));
    const baseline = await writeZip(path.join(dir, 'takeout-baseline.zip'), small(englishJsonTakeout()));
    const base = await runImport(db, [baseline], { tempDir: storage });
    const seeds = [
      small(englishJsonTakeout()),
      small(englishHtmlTakeout()),
      small(germanHtmlTakeout()),
      malformedTakeout(),
    ];

    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on('uncaughtException', onUncaught);
    process.on('unhandledRejection', onUncaught);

    const seed = Number(process.env.EARSHOT_FUZZ_SEED ?? 20261126);
    const r = rng(seed);
    const deadline = Date.now() + seconds * 1000;
    const outcomes = { ok: 0, refused: 0 };
    const caseFile = path.join(dir, 'takeout-case.zip');
    const cases: { name: string; bytes: Buffer }[] = existsSync(regressions)
      ? readdirSync(regressions)
          .filter((f) => f.endsWith('.zip'))
          .map((f) => ({ name: f, bytes: Buffer.alloc(0) }))
      : [];
    let n = 0;
    try {
      for (const c of cases) c.bytes = await fs.readFile(path.join(regressions, c.name));
      while (n < cases.length || (n < maxCases + cases.length && Date.now() < deadline)) {
        const regression = cases[n];
        const bytes = regression ? regression.bytes : await makeCase(r, seeds);
        await fs.writeFile(caseFile, bytes);
        try {
          outcomes[await importWithin(db, caseFile, storage)]++;
          assert.deepEqual(uncaught, [], 'no uncaught exception');
          assert.deepEqual(readdirSync(storage), [], 'temporary files are cleaned up');
          assert.equal(db.inTransaction, false);
        } catch (error) {
          mkdirSync(failures, { recursive: true });
          const saved = path.join(failures, `case-${seed}-${n}.zip`);
          await fs.writeFile(saved, bytes);
          throw new Error(`fuzz case ${regression?.name ?? n} failed (saved to ${saved}): ${(error as Error).stack}`);
        }
        n++;
      }
    } finally {
      process.off('uncaughtException', onUncaught);
      process.off('unhandledRejection', onUncaught);
    }
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.ok(
      (db.prepare('SELECT COUNT(*) FROM recordings WHERE export_id = ?').pluck().get(base.exportId) as number) ===
        base.recordings,
      'the first import is untouched',
    );
    // Nothing appeared beside the library except its own files and the inputs.
    const left = readdirSync(dir).filter((f) => !/^library\.sqlite(-wal|-shm)?$|^takeout-|^storage$/.test(f));
    assert.deepEqual(left, []);
    console.log(
      `fuzz: ${n} cases (${cases.length} regressions) in ${seconds}s budget: ${outcomes.ok} imported, ${outcomes.refused} refused with a message`,
    );
    db.close();
  },
);
