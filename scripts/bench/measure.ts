// In-process measurements on a built library: search and list latency, first audio bytes, voice
// analysis throughput. Used by scripts/bench.ts after the imports.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { audioResponse } from '../../electron/core/api/audio-response.ts';
import type { ListQuery } from '../../electron/core/api/contract.ts';
import { decodeMono } from '../../electron/core/audio/index.ts';
import type { Db } from '../../electron/core/db/library.ts';
import { listRecordings } from '../../electron/core/db/recordings.ts';

export interface Latency {
  name: string;
  p50: number;
  p95: number;
  max: number;
  runs: number;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function latency(name: string, times: number[]): Latency {
  return { name, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), runs: times.length };
}

/** What people type into the search box (whole and half-typed words), and the filters the sidebar sets. */
export const SEARCHES = [
  'weather',
  'play',
  'timer',
  'turn off the lights',
  'shopping list',
  'alarm',
  'call mom',
  'wea',
  'spiel',
  'wie spät',
  'jazz',
  'milk',
  'what time is it',
  'emma',
  'xylophone',
  // Letters as they are typed: each is the start of a word.
  't',
  'w',
  'turn o',
  // The syntax: a phrase, either word, leaving a word out.
  '"turn off"',
  'jazz OR blues',
  'play -music',
];

export function searchQueries(db: Db): { name: string; query: ListQuery }[] {
  const device =
    (db
      .prepare(`SELECT device FROM recordings WHERE device IS NOT NULL GROUP BY device ORDER BY COUNT(*) DESC LIMIT 1`)
      .pluck()
      .get() as string | undefined) ?? '';
  const range = db.prepare('SELECT MIN(time_utc) AS a, MAX(time_utc) AS b FROM recordings').get() as {
    a: number;
    b: number;
  };
  const year = 365 * 86_400_000;
  const filters: { name: string; filters: ListQuery['filters'] }[] = [
    { name: 'last year', filters: { from: range.b - year, to: range.b + 1 } },
    { name: 'one device', filters: { devices: [device] } },
    { name: 'not intended', filters: { notIntended: true } },
    { name: 'unrecognised speaker', filters: { unrecognizedSpeaker: true } },
    { name: 'has audio + year', filters: { hasAudio: true, from: range.b - year } },
  ];
  const out: { name: string; query: ListQuery }[] = [];
  for (const s of SEARCHES) out.push({ name: `search`, query: { search: s, limit: 200 } });
  for (const s of SEARCHES.slice(0, 6))
    for (const f of filters)
      out.push({ name: `search + filter`, query: { search: s, filters: f.filters, limit: 200 } });
  for (const f of filters) out.push({ name: 'filter only', query: { filters: f.filters, limit: 200 } });
  return out;
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** Search latency (p50/p95) over the fixed set of queries, each run `repeat` times. */
export function measureSearch(db: Db, repeat = 3): Latency[] {
  const queries = searchQueries(db);
  const byName = new Map<string, number[]>();
  for (const q of queries) listRecordings(db, q.query); // warm the page cache and statement cache
  for (let r = 0; r < repeat; r++) {
    for (const q of queries) {
      const ms = time(() => listRecordings(db, q.query));
      byName.set(q.name, [...(byName.get(q.name) ?? []), ms]);
    }
  }
  const all = [...byName.values()].flat();
  return [...[...byName.entries()].map(([name, t]) => latency(name, t)), latency('all searches', all)];
}

/** One page (200 rows, as the window asks) at the start, middle and end, for every sort. */
export function measureListPages(db: Db, repeat = 5): Latency[] {
  const total = listRecordings(db, { limit: 1 }).total;
  const out: Latency[] = [];
  const all: number[] = [];
  for (const sort of ['newest', 'oldest', 'longest', 'shortest'] as const) {
    for (const [where, offset] of [
      ['start', 0],
      ['middle', Math.floor(total / 2)],
      ['end', Math.max(0, total - 200)],
    ] as const) {
      listRecordings(db, { sort, offset, limit: 200 });
      const times = Array.from({ length: repeat }, () => time(() => listRecordings(db, { sort, offset, limit: 200 })));
      all.push(...times);
      out.push(latency(`${sort} ${where}`, times));
    }
  }
  out.push(latency('all pages', all));
  return out;
}

/** From the audio request to the first body bytes, through the one Request → Response function. */
export async function measureFirstAudioBytes(db: Db, samples = 200): Promise<Latency> {
  const ids = db.prepare(`SELECT recording_id FROM audio ORDER BY random() LIMIT ${samples}`).pluck().all() as number[];
  const times: number[] = [];
  for (const id of ids) {
    const t = performance.now();
    const response = audioResponse(
      db,
      new Request(`http://127.0.0.1/audio/recording/${id}`, { headers: { range: 'bytes=0-' } }),
    );
    const reader = response.body!.getReader();
    const first = await reader.read();
    times.push(performance.now() - t);
    if (!first.value?.length) throw new Error(`no audio bytes for recording ${id}`);
    await reader.cancel();
  }
  return latency('play → first audio bytes', times);
}

export interface VoiceThroughput {
  available: boolean;
  recordings: number;
  audioSeconds: number;
  ms: number;
  timesRealTime: number;
  note: string;
}

/**
 * Voice-analysis throughput (× real time) over a sample of recordings: decode to mono and extract
 * the speaker features — once electron/core/analysis/voices/ exists.
 */
export async function measureVoiceAnalysis(db: Db, samples = 100): Promise<VoiceThroughput> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const file = path.join(root, 'electron/core/analysis/voices/features.ts');
  if (!existsSync(file))
    return {
      available: false,
      recordings: 0,
      audioSeconds: 0,
      ms: 0,
      timesRealTime: 0,
      note: 'electron/core/analysis/voices/ does not exist yet',
    };
  const mod = (await import(file)) as { extractFeatures?: (s: Float32Array, rate: number) => unknown };
  if (typeof mod.extractFeatures !== 'function')
    return {
      available: false,
      recordings: 0,
      audioSeconds: 0,
      ms: 0,
      timesRealTime: 0,
      note: 'no extractFeatures() in voices/features.ts',
    };
  const rows = db
    .prepare(`SELECT a.bytes FROM audio a ORDER BY a.recording_id LIMIT ${samples}`)
    .pluck()
    .all() as Buffer[];
  let seconds = 0;
  const t = performance.now();
  for (const bytes of rows) {
    const mono = await decodeMono(bytes);
    if (!mono) continue;
    seconds += mono.samples.length / mono.sampleRate;
    mod.extractFeatures(mono.samples, mono.sampleRate);
  }
  const ms = performance.now() - t;
  return {
    available: true,
    recordings: rows.length,
    audioSeconds: seconds,
    ms,
    timesRealTime: seconds / (ms / 1000),
    note: 'decode + MFCC features (voices/features.ts); grouping not included',
  };
}
