// `npm run bench [-- --sizes 1700,10000,100000] [--kinds amazon,google] [--quick] [--json] [--memory] [--ui]`
//
// Generates realistic exports (scripts/generate-export.ts; cached between runs), imports each in a
// child process (phase timings, peak memory), measures a baseline on the same archives in the same
// run (yauzl reads every entry, plain prepared statements insert the same rows in one transaction)
// and the floor (every entry inflated on one thread and discarded, the same bytes written as one file),
// then, on the largest library, search and list latency, first audio bytes and voice-analysis
// throughput. --memory imports a ~2 GB archive and a 500 MB activity JSON for peak memory; --ui runs
// e2e/perf/ui-scale.ts in Chromium on the largest library.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openLibrary } from '../electron/core/db/library.ts';
import type { ImportTimings } from '../electron/core/import/run-import.ts';
import { generateExport, type GeneratedExport } from './generate-export.ts';
import {
  measureFirstAudioBytes,
  measureListPages,
  measureSearch,
  measureVoiceAnalysis,
  type Latency,
  type VoiceThroughput,
} from './bench/measure.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1024 * 1024;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    kinds: { type: 'string' },
    seed: { type: 'string', default: '8' },
    dir: { type: 'string', default: path.join(os.tmpdir(), 'earshot-bench') },
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    save: { type: 'string' },
    memory: { type: 'boolean', default: false },
    ui: { type: 'boolean', default: false },
    'no-import': { type: 'boolean', default: false },
    'amazon-max': { type: 'string', default: '10000' },
  },
});

const log = (s: string) => {
  if (!values.json) console.error(s);
};
const sizes = (values.sizes ?? (values.quick ? '1700' : '1700,10000,100000')).split(',').map(Number);
const kinds = (values.kinds ?? 'amazon,google').split(',') as ('amazon' | 'google')[];
const workDir = path.resolve(values.dir!);
mkdirSync(workDir, { recursive: true });

interface ChildImport {
  ms: number;
  listedMs: number;
  timings: ImportTimings;
  recordings: number;
  withAudio: number;
  skipped: number;
  rssBeforeKb: number;
  maxRssKb: number;
  peakHeapKb: number;
  /** Search latency measured on another thread while the waveforms were computed (null: none ran). */
  searchDuringPeaks: Latency | null;
  /** The same searches at the same pace right after, with nothing in the background. */
  searchAfterPeaks?: Latency | null;
  /** CPU seconds the import thread spent on the waveforms (independent of the machine's load). */
  backgroundCpuS: number;
}
interface ChildBaseline {
  ms: number;
  entries: number;
  bytes: number;
  rows: number;
  maxRssKb: number;
}
interface ChildFloor {
  inflateMs: number;
  writeMs: number;
  ms: number;
  entries: number;
  bytes: number;
}

function child<T>(args: string[]): T {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/bench/child.ts'), ...args], {
    cwd: root,
    maxBuffer: 64 * MB,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = out.toString('utf8').trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as T;
}

function removeLibrary(file: string) {
  for (const s of ['', '-wal', '-shm']) rmSync(file + s, { force: true });
}

function fileSize(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

/** Generates (or reuses) the export for kind × count. */
function exportFor(
  kind: 'amazon' | 'google',
  count: number,
  extra: { jsonBytes?: number; tag?: string } = {},
): GeneratedExport {
  const outDir = path.join(workDir, 'exports', `${kind}-${count}${extra.tag ?? ''}-seed${values.seed}`);
  const manifest = path.join(outDir, 'export.json');
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as GeneratedExport;
    return { ...m, files: m.files.map((f) => path.join(outDir, f)) };
  }
  log(`Generating ${kind} ${count.toLocaleString('en')}${extra.tag ?? ''} into ${outDir} …`);
  rmSync(outDir, { recursive: true, force: true });
  const t = performance.now();
  const g = generateExport({ kind, count, seed: values.seed!, outDir, jsonBytes: extra.jsonBytes, log });
  log(`  done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return g;
}

interface ImportRow {
  kind: string;
  size: number;
  recordings: number;
  withAudio: number;
  inputMB: number;
  audioSecondsAvg: number;
  listedS: number;
  totalS: number;
  recPerS: number;
  mbPerS: number;
  phases: { unzipS: number; parseS: number; decodeS: number; hashS: number; dbS: number; backgroundPeaksS: number };
  /** Search (the bench's query mix, one every 100 ms from another thread) while the waveforms ran. */
  searchDuringPeaks: Latency | null;
  /** The same searches at the same pace once the waveforms were done: what "not slower" compares with. */
  searchAfterPeaks: Latency | null;
  backgroundPeaksCpuS: number;
  /** MP3 waveforms the waveform thread worked out while the import was still reading. */
  waveformsDuringImport: number;
  /** Sent to the waveform thread at the commit, to work on while the write-ahead log is copied. */
  waveformsAtCommit: number;
  baselineS: number;
  ratio: number;
  /** The same archive inflated on one thread and its bytes written once: no import can be faster. */
  floorS: number;
  floorInflateS: number;
  floorWriteS: number;
  ratioToFloor: number;
  peakRssMB: number;
  baselinePeakRssMB: number;
  dbMB: number;
  dbOverInput: number;
  library: string;
}

function runImportBench(kind: 'amazon' | 'google', size: number): ImportRow {
  const g = exportFor(kind, size);
  const inputBytes = g.files.reduce((n, f) => n + fileSize(f), 0);
  const lib = path.join(workDir, 'libs', `${kind}-${size}.sqlite`);
  const baseLib = path.join(workDir, 'libs', `${kind}-${size}-baseline.sqlite`);
  mkdirSync(path.dirname(lib), { recursive: true });
  removeLibrary(lib);
  removeLibrary(baseLib);
  log(`Importing ${kind} ${size.toLocaleString('en')} (${(inputBytes / MB).toFixed(0)} MB) …`);
  const e = child<ChildImport>(['import', lib, JSON.stringify(g.files)]);
  log(`  Earshot: listed in ${(e.listedMs / 1000).toFixed(2)} s; baseline …`);
  const b = child<ChildBaseline>(['baseline', baseLib, JSON.stringify(g.files), lib]);
  removeLibrary(baseLib);
  const fl = child<ChildFloor>([
    'floor',
    path.join(workDir, 'libs', `${kind}-${size}-floor.bin`),
    JSON.stringify(g.files),
  ]);
  log(`  floor ${(fl.ms / 1000).toFixed(2)} s, baseline ${(b.ms / 1000).toFixed(2)} s`);
  const t = e.timings;
  const dbBytes = fileSize(lib) + fileSize(`${lib}-wal`);
  const background = t.backgroundMs ?? 0;
  const accounted = t.unzipMs + t.decodeMs + t.hashMs + t.dbMs + background;
  return {
    kind,
    size,
    recordings: e.recordings,
    withAudio: e.withAudio,
    inputMB: inputBytes / MB,
    audioSecondsAvg: g.audioSeconds / Math.max(1, g.withAudio),
    listedS: e.listedMs / 1000,
    totalS: e.ms / 1000,
    recPerS: e.recordings / (e.listedMs / 1000),
    mbPerS: inputBytes / MB / (e.listedMs / 1000),
    phases: {
      unzipS: t.unzipMs / 1000,
      parseS: Math.max(0, t.totalMs - accounted) / 1000,
      decodeS: t.decodeMs / 1000,
      hashS: t.hashMs / 1000,
      dbS: t.dbMs / 1000,
      backgroundPeaksS: background / 1000,
    },
    searchDuringPeaks: e.searchDuringPeaks ?? null,
    searchAfterPeaks: e.searchAfterPeaks ?? null,
    backgroundPeaksCpuS: e.backgroundCpuS ?? 0,
    waveformsDuringImport: t.waveformsAhead ?? 0,
    waveformsAtCommit: t.waveformsTopUp ?? 0,
    baselineS: b.ms / 1000,
    ratio: e.listedMs / b.ms,
    floorS: fl.ms / 1000,
    floorInflateS: fl.inflateMs / 1000,
    floorWriteS: fl.writeMs / 1000,
    ratioToFloor: e.listedMs / fl.ms,
    peakRssMB: e.maxRssKb / 1024,
    baselinePeakRssMB: b.maxRssKb / 1024,
    dbMB: dbBytes / MB,
    dbOverInput: dbBytes / inputBytes,
    library: lib,
  };
}

interface MemoryRow {
  case: string;
  inputMB: number;
  recordings: number;
  seconds: number;
  peakRssMB: number;
  rssBeforeMB: number;
}

function memoryBench(): MemoryRow[] {
  const out: MemoryRow[] = [];
  // ~2 GB of Amazon WAV parts: 1,700 recordings make ~87 MB of archive.
  const big = exportFor('amazon', 40_000, { tag: '-2GB' });
  const lib = path.join(workDir, 'libs', 'memory-2GB.sqlite');
  removeLibrary(lib);
  const inputMB = big.files.reduce((n, f) => n + fileSize(f), 0) / MB;
  log(`Importing the ${inputMB.toFixed(0)} MB archive for peak memory …`);
  const e = child<ChildImport>(['import', lib, JSON.stringify(big.files)]);
  removeLibrary(lib);
  out.push({
    case: `Amazon, ${big.files.length} parts`,
    inputMB,
    recordings: e.recordings,
    seconds: e.ms / 1000,
    peakRssMB: e.maxRssKb / 1024,
    rssBeforeMB: e.rssBeforeKb / 1024,
  });
  const json = exportFor('google', 200, { jsonBytes: 500 * MB, tag: '-json500MB' });
  const lib2 = path.join(workDir, 'libs', 'memory-json.sqlite');
  removeLibrary(lib2);
  log(`Importing the 500 MB activity JSON for peak memory …`);
  const j = child<ChildImport>(['import', lib2, JSON.stringify(json.files)]);
  removeLibrary(lib2);
  out.push({
    case: `Google, ${((json.jsonBytes ?? 0) / MB).toFixed(0)} MB MyActivity.json`,
    inputMB: json.files.reduce((n, f) => n + fileSize(f), 0) / MB,
    recordings: j.recordings,
    seconds: j.ms / 1000,
    peakRssMB: j.maxRssKb / 1024,
    rssBeforeMB: j.rssBeforeKb / 1024,
  });
  return out;
}

function machine() {
  let cpu = '';
  try {
    cpu = /Model name:\s*(.+)/.exec(execFileSync('lscpu').toString())?.[1]?.trim() ?? '';
  } catch {
    cpu = os.cpus()[0]?.model ?? '';
  }
  return {
    cpus: os.availableParallelism(),
    cpu,
    ramGB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
  };
}

// ---------------------------------------------------------------------------------------------

const results: {
  machine: ReturnType<typeof machine>;
  imports: ImportRow[];
  library?: {
    file: string;
    recordings: number;
    search: Latency[];
    list: Latency[];
    firstAudio: Latency;
    voices: VoiceThroughput;
  };
  memory?: MemoryRow[];
  ui?: unknown;
} = { machine: machine(), imports: [] };

if (!values['no-import']) {
  for (const size of sizes) {
    for (const kind of kinds) {
      if (kind === 'amazon' && size > Number(values['amazon-max'])) {
        log(
          `(Amazon ${size.toLocaleString('en')} skipped: ${((size * 68 * 1024) / 1024 ** 3).toFixed(1)} GB of WAV; Google MP3 covers this size. --amazon-max ${size} to run it.)`,
        );
        continue;
      }
      results.imports.push(runImportBench(kind, size));
    }
  }
}

// The largest library: search, list, playback, voice analysis.
const largest = [...results.imports].sort((a, b) => b.recordings - a.recordings)[0];
const libraryFile =
  largest?.library ??
  [...sizes]
    .sort((a, b) => b - a)
    .map((s) => path.join(workDir, 'libs', `google-${s}.sqlite`))
    .find(existsSync);
if (libraryFile && existsSync(libraryFile)) {
  log(`Measuring search, list and playback on ${libraryFile} …`);
  const db = openLibrary(libraryFile, { skipCheck: true });
  const recordings = db.prepare('SELECT COUNT(*) FROM recordings').pluck().get() as number;
  results.library = {
    file: libraryFile,
    recordings,
    search: measureSearch(db, values.quick ? 1 : 3),
    list: measureListPages(db, values.quick ? 2 : 5),
    firstAudio: await measureFirstAudioBytes(db, values.quick ? 50 : 200),
    voices: await measureVoiceAnalysis(db, values.quick ? 30 : 100),
  };
  db.close();
}

if (values.memory) results.memory = memoryBench();

if (values.ui && libraryFile) {
  log('Measuring the window in Chromium (e2e/perf/ui-scale.ts) …');
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'e2e/perf/ui-scale.ts'), '--db', libraryFile, '--json'],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const text = r.stdout.toString('utf8').trim();
  try {
    results.ui = JSON.parse(text.split('\n').pop() ?? 'null');
  } catch {
    results.ui = { error: text || `exit ${r.status}` };
  }
}

// ---------------------------------------------------------------------------------------------

if (values.save) writeFileSync(values.save, `${JSON.stringify(results, null, 2)}\n`);
if (values.json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const m = results.machine;
  const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');
  console.log(
    `\nEarshot benchmark — ${m.cpus} × ${m.cpu}, ${m.ramGB} GB RAM, Node ${m.node}, load average ${m.loadAverage.join(' ')}\n`,
  );
  if (results.imports.length) {
    console.log('Import (time until every recording is listed and playable; MP3 waveforms follow in the background)');
    const header = [
      'export',
      'recordings',
      'input MB',
      'listed s',
      'rec/s',
      'MB/s',
      'unzip',
      'parse',
      'decode+peaks',
      'hash',
      'db',
      'bg peaks s',
      'bg CPU s',
      'peaks during import',
      'search p95 meanwhile / after ms',
      'baseline s',
      '× baseline',
      'floor s',
      '× floor',
      'peak RSS MB',
      'db/input',
    ];
    const rows = results.imports.map((r) => [
      `${r.kind} ${r.size.toLocaleString('en')}`,
      r.recordings.toLocaleString('en'),
      f(r.inputMB, 0),
      f(r.listedS, 2),
      f(r.recPerS, 0),
      f(r.mbPerS, 1),
      f(r.phases.unzipS, 2),
      f(r.phases.parseS, 2),
      f(r.phases.decodeS, 2),
      f(r.phases.hashS, 2),
      f(r.phases.dbS, 2),
      f(r.phases.backgroundPeaksS, 1),
      f(r.backgroundPeaksCpuS, 1),
      r.waveformsDuringImport.toLocaleString('en'),
      r.searchDuringPeaks
        ? `${f(r.searchDuringPeaks.p95, 1)} / ${r.searchAfterPeaks ? f(r.searchAfterPeaks.p95, 1) : '–'} (${r.searchDuringPeaks.runs})`
        : '–',
      f(r.baselineS, 2),
      f(r.ratio, 2),
      f(r.floorS, 2),
      f(r.ratioToFloor, 2),
      f(r.peakRssMB, 0),
      f(r.dbOverInput, 2),
    ]);
    printTable(header, rows);
  }
  if (results.library) {
    const l = results.library;
    console.log(`\nLibrary of ${l.recordings.toLocaleString('en')} recordings (ms, 200-row pages as the window asks)`);
    printTable(
      ['query', 'p50', 'p95', 'max', 'runs'],
      [...l.search, ...l.list, l.firstAudio].map((x) => [
        x.name,
        f(x.p50, 2),
        f(x.p95, 2),
        f(x.max, 2),
        String(x.runs),
      ]),
    );
    console.log(
      l.voices.available
        ? `\nVoice analysis: ${f(l.voices.timesRealTime, 0)}× real time (${l.voices.recordings} recordings, ${f(l.voices.audioSeconds, 0)} s of audio in ${f(l.voices.ms / 1000, 2)} s; ${l.voices.note})`
        : `\nVoice analysis: not measured (${l.voices.note})`,
    );
  }
  if (results.memory) {
    console.log('\nPeak memory of an import');
    printTable(
      ['case', 'input MB', 'recordings', 's', 'peak RSS MB', 'RSS at start MB'],
      results.memory.map((r) => [
        r.case,
        f(r.inputMB, 0),
        r.recordings.toLocaleString('en'),
        f(r.seconds, 1),
        f(r.peakRssMB, 0),
        f(r.rssBeforeMB, 0),
      ]),
    );
  }
  if (results.ui) console.log(`\nWindow at scale (Chromium):\n${JSON.stringify(results.ui, null, 2)}`);
}

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}
