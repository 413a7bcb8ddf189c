// One measured step of the benchmark, in its own process so that its peak memory is its own:
//   import   <library> <json inputs>  — Earshot's import, with phase timings
//   baseline <library> <json inputs> <rows-from library>  — the same archives read through yauzl
//            and the same rows inserted with plain prepared statements in one transaction
//   floor    <scratch file> <json inputs>  — every entry inflated on one thread, the bytes written once
// Prints one line of JSON.
import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import yauzl from 'yauzl';
import { openLibrary } from '../../electron/core/db/library.ts';
import { newImportTimings, runImport } from '../../electron/core/import/run-import.ts';
import { allImporters } from '../../electron/core/importers/registry.ts';
import { measureFloor } from './floor.ts';
import { lowerThisThreadsPriority, windowGate } from '../../electron/core/waveforms/background.ts';
import { latency, type Latency } from './measure.ts';
import { amazonImporter } from '../../electron/core/importers/amazon/index.ts';
import { alexaHistoryImporter } from '../../electron/core/importers/alexa-history/index.ts';
import type { Importer } from '../../electron/core/importers/importer.ts';

/** Every importer, including those written but not yet registered. */
export function benchImporters(): Importer[] {
  const all = [...allImporters];
  for (const i of [amazonImporter, alexaHistoryImporter]) if (!all.includes(i)) all.push(i);
  return all;
}

async function earshot(library: string, inputs: string[]) {
  const db = openLibrary(library);
  const timings = newImportTimings();
  const rssBefore = process.memoryUsage().rss;
  let peakHeap = 0;
  const peak = { anonKb: 0, fileKb: 0 };
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    try {
      const status = readFileSync('/proc/self/status', 'utf8');
      peak.anonKb = Math.max(peak.anonKb, Number(/RssAnon:\s+(\d+)/.exec(status)?.[1] ?? 0));
      peak.fileKb = Math.max(
        peak.fileKb,
        Number(/RssFile:\s+(\d+)/.exec(status)?.[1] ?? 0) + Number(/RssShmem:\s+(\d+)/.exec(status)?.[1] ?? 0),
      );
    } catch {
      // not Linux
    }
  }, 50);
  const started = performance.now();
  let listedMs = 0;
  let rssAtListedKb = 0;
  let anonAtListedKb = 0;
  let searcher: Promise<SearchDuring> | null = null;
  let cpuAtListed = 0;
  const report = await runImport(db, inputs, {
    importers: benchImporters(),
    timings,
    deferredAudio: 'after-commit',
    // Two threads for the waveforms, as the app's import worker has.
    waveformWorker: new URL('../../e2e/harness/waveform-worker.mjs', import.meta.url).href,
    onCommitted: () => {
      listedMs = performance.now() - started;
      rssAtListedKb = process.resourceUsage().maxRSS;
      anonAtListedKb = peak.anonKb;
      cpuAtListed = mainThreadCpuS();
    },
    // Waveforms are being stored: search from another thread meanwhile, as the window would. Not
    // for an export without any (its searcher thread would only add its own memory to the peak).
    onWaveforms: () => {
      if (searcher) return;
      searcher = searchMeanwhile(library);
      // The rest is background work, at lower priority as in the app's import worker after its
      // commit; only now, as the searcher's thread would have inherited it.
      lowerThisThreadsPriority();
    },
  });
  const ms = performance.now() - started;
  // What the waveforms cost this thread, whatever else the machine was doing meanwhile.
  const backgroundCpuS = cpuAtListed ? mainThreadCpuS() - cpuAtListed : 0;
  const searched = searcher ? await (searcher as Promise<SearchDuring>).then((s) => s.stop()) : null;
  clearInterval(sampler);
  db.close();
  return {
    ms,
    listedMs,
    timings,
    recordings: report.recordings,
    withAudio: report.withAudio,
    skipped: report.skipped.length,
    rssBeforeKb: Math.round(rssBefore / 1024),
    maxRssKb: process.resourceUsage().maxRSS,
    peakHeapKb: Math.round(peakHeap / 1024),
    peakAnonKb: peak.anonKb,
    maxRssAtListedKb: rssAtListedKb,
    peakAnonAtListedKb: anonAtListedKb,
    peakFileKb: peak.fileKb,
    searchDuringPeaks: searched?.during ?? null,
    searchAfterPeaks: searched?.after ?? null,
    backgroundCpuS,
  };
}

/** CPU seconds (user + system) this process's main thread has used; 0 where /proc is missing. */
function mainThreadCpuS(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

interface SearchDuring {
  /** Goes on searching as long again (3–20 s) with nothing in the background, then sums both up. */
  stop: () => Promise<{ during: Latency | null; after: Latency | null }>;
}

/** The searches after the waveforms: as long as those during them, within these bounds. */
const AFTER_MIN_MS = 3000;
const AFTER_MAX_MS = 20_000;

/** Starts searching the library on a worker thread; stop() ends it and sums up the latencies. */
async function searchMeanwhile(library: string): Promise<SearchDuring> {
  // A worker thread does not inherit tsx's loader: register it there before loading the script.
  const script = JSON.stringify(new URL('./search-during.ts', import.meta.url).href);
  const worker = new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${script}); })`, {
    eval: true,
    // The window gate of this thread (the app's main thread makes it): the searches hold back the waveforms.
    workerData: { library, windowGate: windowGate() },
  });
  const times = new Promise<{ during: number[]; after: number[] }>((resolve, reject) => {
    worker.on('message', (m: { during: number[]; after: number[] } | 'ready') => {
      if (m !== 'ready') resolve(m);
    });
    worker.on('error', reject);
  });
  await new Promise((resolve) => worker.once('message', resolve));
  const since = performance.now();
  return {
    stop: async () => {
      worker.postMessage('after');
      const ms = Math.min(AFTER_MAX_MS, Math.max(AFTER_MIN_MS, performance.now() - since));
      await new Promise((resolve) => setTimeout(resolve, ms));
      worker.postMessage('stop');
      const t = await times.catch(() => ({ during: [], after: [] }));
      return {
        during: t.during.length ? latency('search during waveforms', t.during) : null,
        after: t.after.length ? latency('search after waveforms', t.after) : null,
      };
    },
  };
}

interface Row {
  [column: string]: unknown;
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true }, (e, z) =>
      e || !z ? reject(e) : resolve(z),
    ),
  );
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function baseline(library: string, inputs: string[], rowsFrom: string) {
  // Not timed: the rows Earshot made, to insert the same ones.
  const source = openLibrary(rowsFrom, { readonly: true, skipCheck: true });
  const rows = source.prepare('SELECT * FROM recordings ORDER BY id').all() as Row[];
  source.close();
  const byPath = new Map<string, Row>();
  const loose: Row[] = [];
  for (const r of rows) {
    if (r.audio_path && r.has_audio) byPath.set(r.audio_path as string, r);
    else loose.push(r);
  }
  const columns = Object.keys(rows[0] ?? {}).filter((c) => c !== 'id' && c !== 'export_id');
  const db = openLibrary(library);
  const started = performance.now();
  db.exec('BEGIN IMMEDIATE');
  const exportId = Number(
    db
      .prepare(
        `INSERT INTO exports (kind, label, source_files, imported_at, report) VALUES ('bench', 'baseline', '[]', 0, '{}')`,
      )
      .run().lastInsertRowid,
  );
  const insert = db.prepare(
    `INSERT INTO recordings (export_id, ${columns.join(', ')}) VALUES (${[exportId, ...columns.map((c) => `@${c}`)].join(', ')})`,
  );
  const insertAudio = db.prepare('INSERT INTO audio (recording_id, bytes) VALUES (?, ?)');
  let entries = 0;
  let bytes = 0;
  for (const input of inputs) {
    const zip = await openZip(input);
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          readAll(stream).then((data) => {
            entries++;
            bytes += data.length;
            const row = byPath.get(entry.fileName);
            if (row) {
              const id = Number(insert.run(row).lastInsertRowid);
              insertAudio.run(id, data);
            }
            zip.readEntry();
          }, reject);
        });
      });
      zip.readEntry();
    });
    zip.close();
  }
  for (const r of loose) insert.run(r);
  db.exec('COMMIT');
  const ms = performance.now() - started;
  db.close();
  return { ms, entries, bytes, rows: rows.length, maxRssKb: process.resourceUsage().maxRSS };
}

const [mode, library, inputsJson, rowsFrom] = process.argv.slice(2);
const inputs = JSON.parse(inputsJson ?? '[]') as string[];
const expand = (list: string[]) =>
  list.flatMap((p) =>
    p.endsWith('/')
      ? readdirSync(p)
          .filter((f) => f.endsWith('.zip'))
          .map((f) => p + f)
      : [p],
  );
const result =
  mode === 'import'
    ? await earshot(library!, expand(inputs))
    : mode === 'floor'
      ? await measureFloor(expand(inputs), library!)
      : await baseline(library!, expand(inputs), rowsFrom!);
process.stdout.write(`${JSON.stringify(result)}\n`);
