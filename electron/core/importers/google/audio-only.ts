// Google Assistant audio that no activity entry describes: recordings without transcript, timed by
// the file name. Byte-identical copies (the same file saved twice, renamed or not) are one recording.
import { createHash } from 'node:crypto';
import type { ExportEntry } from '../../archive/export-files.ts';
import type { NewRecording } from '../../model.ts';
import type { ImportSink } from '../importer.ts';
import { compactExtra, soundFileRecording } from '../shared.ts';
import { message } from '../../messages/index.ts';
import { takeoutAudioName, type ScannedEntry } from './scan.ts';
import { parseAudioFileTime } from './time.ts';

/** Assistant clips are a few kilobytes; anything this large is hashed as unreadable rather than read. */
const MAX_COMPARED_BYTES = 64 * 1024 * 1024;

/** The recording for one audio file, keyed by its Takeout name so a later full Takeout finds it. */
export function audioOnlyRecording(entry: ExportEntry, keySuffix = ''): NewRecording {
  const name = entry.name;
  const utc = parseAudioFileTime(name);
  const stamp = /^(.*?_UTC)/i.exec(name)?.[1] ?? null;
  return soundFileRecording(
    `google:audio:${takeoutAudioName(name)}${keySuffix}`,
    'google-assistant',
    entry.path,
    { utc, original: utc !== null ? stamp : null, zone: utc !== null ? 'UTC' : null },
    { extra: compactExtra({ unreferencedAudio: true, timeFrom: utc !== null ? 'audio file name' : null }) },
  );
}

interface Candidate {
  entry: ExportEntry;
  sha256: string | null;
}

async function sha256Of(entry: ExportEntry): Promise<string | null> {
  if (entry.size > MAX_COMPARED_BYTES) return null;
  try {
    return createHash('sha256')
      .update(await entry.read(MAX_COMPARED_BYTES))
      .digest('hex');
  } catch {
    return null; // the sink reads it again and reports why it is unreadable
  }
}

/** Takeout's own name first, then the shorter path: the copy whose name says least beyond the time. */
function preferred(a: ExportEntry, b: ExportEntry): number {
  const pa = a.name === takeoutAudioName(a.name) ? 0 : 1;
  const pb = b.name === takeoutAudioName(b.name) ? 0 : 1;
  return pa - pb || a.path.length - b.path.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/**
 * Adds every audio file as a recording without transcript. Only files that could be copies are
 * read here (same size, or the same Takeout name): identical bytes are one recording; different
 * audio under the same name gets a key of its own. Returns the number of recordings added.
 */
export async function importAudioWithoutActivity(audio: ScannedEntry[], sink: ImportSink): Promise<number> {
  const bySize = new Map<number, ExportEntry[]>();
  const byName = new Map<string, ExportEntry[]>();
  for (const { entry } of audio) {
    bySize.set(entry.size, [...(bySize.get(entry.size) ?? []), entry]);
    const name = takeoutAudioName(entry.name).toLowerCase();
    byName.set(name, [...(byName.get(name) ?? []), entry]);
  }
  const mayBeCopy = (e: ExportEntry) =>
    (bySize.get(e.size)?.length ?? 0) > 1 || (byName.get(takeoutAudioName(e.name).toLowerCase())?.length ?? 0) > 1;

  const candidates: Candidate[] = [];
  for (const { entry } of audio) {
    sink.signal.throwIfAborted();
    candidates.push({ entry, sha256: mayBeCopy(entry) ? await sha256Of(entry) : null });
  }

  // Byte-identical copies: keep the preferred one.
  const kept: Candidate[] = [];
  const byHash = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (c.sha256 === null) kept.push(c);
    else byHash.set(c.sha256, [...(byHash.get(c.sha256) ?? []), c]);
  }
  for (const copies of byHash.values()) {
    copies.sort((a, b) => preferred(a.entry, b.entry));
    kept.push(copies[0]!);
    for (const copy of copies.slice(1)) {
      sink.skip(copy.entry.path, message('google.skipSameAudio', { file: copies[0]!.entry.path }));
    }
  }

  // Different audio under one Takeout name (rare: a re-encoded copy): each is a recording of its own.
  kept.sort((a, b) => preferred(a.entry, b.entry));
  const keysTaken = new Set<string>();
  let added = 0;
  for (const c of kept) {
    sink.signal.throwIfAborted();
    const base = takeoutAudioName(c.entry.name).toLowerCase();
    const suffix = keysTaken.has(base)
      ? `#${(c.sha256 ?? (await sha256Of(c.entry)) ?? c.entry.path).slice(0, 16)}`
      : '';
    keysTaken.add(base);
    await sink.addRecording(audioOnlyRecording(c.entry, suffix), c.entry);
    sink.consumed(c.entry);
    added++;
  }
  return added;
}
