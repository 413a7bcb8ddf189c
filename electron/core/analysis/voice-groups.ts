// Voices in the library: a signature per recording (computed in the background, resumable),
// recordings grouped by voice, groups the user names ("me", a household member), enrolled samples,
// and the warnings that follow: recordings that may be someone else's voice, and exports in which
// no voice matches the user at all.
import type { Db } from '../db/library.ts';
import { decodeMono } from '../audio/index.ts';
import { giveWayToWindow } from '../waveforms/background.ts';
import { message, storedMessage, type Message } from '../messages/index.ts';
import {
  compareVoices,
  computeSignature,
  exportVerdict,
  groupVoices,
  matchAgainst,
  signatureFromBytes,
  signatureToBytes,
  signatureVersion,
  similarity,
  type EnrolledPerson,
} from './voices/index.ts';
import type { ComputedWarning, ExportSign } from './warning-types.ts';

/** Stored with each signature: signatures of another model version are recomputed. */
export const voiceMethod = () => `mfcc-stats-wccn-v${signatureVersion()}`;

/** A group the user said is "someone else": kept across regrouping, never a known voice. */
export const SOMEONE_ELSE = '\u0000someone-else';

export interface VoiceGroupSummary {
  id: number;
  /** "Voice A", "Voice B", … by size. */
  label: string;
  size: number;
  person: string | null;
  /** The user said this voice is someone else's. */
  someoneElse: boolean;
  exports: { id: number; label: string; recordings: number }[];
  /** A few recordings to listen to, the most typical first. */
  sampleRecordingIds: number[];
  /** The enrolled person this group sounds like, when the user has given samples. */
  soundsLike: { person: string; confidence: number } | null;
}

export interface AnalysisStatus {
  voices: { done: number; total: number; withoutSignature: number; running: boolean };
  groups: number;
  enrolled: { person: string; samples: number }[];
  method: string;
}

const toBlob = (v: Float32Array) => Buffer.from(signatureToBytes(v));
/** Group centroids are plain float32; signatures carry a version header. */
const centroidBlob = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);
const fromCentroid = (b: Buffer) => new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
const fromBlob = (b: Buffer): Float32Array => signatureFromBytes(b) ?? new Float32Array(0);

function mean(vectors: Float32Array[]): Float32Array {
  const out = new Float32Array(vectors[0]?.length ?? 0);
  for (const v of vectors) for (let i = 0; i < out.length; i++) out[i]! += v[i]! / vectors.length;
  return out;
}

/**
 * Computes missing voice signatures, a batch at a time; safe to stop and resume at any point.
 * Returns how many recordings were processed.
 */
export async function computeSignatures(
  db: Db,
  options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void; batch?: number } = {},
): Promise<number> {
  const batch = options.batch ?? 50;
  const method = voiceMethod();
  const total = db.prepare('SELECT COUNT(*) FROM recordings WHERE has_audio = 1').pluck().get() as number;
  const pending = db.prepare(
    `SELECT r.id, a.bytes FROM recordings r JOIN audio a ON a.recording_id = r.id
     WHERE r.has_audio = 1 AND NOT EXISTS (SELECT 1 FROM voice_signatures s WHERE s.recording_id = r.id AND s.method = @method)
     ORDER BY r.id LIMIT @batch`,
  );
  const done = db.prepare('SELECT COUNT(*) FROM voice_signatures WHERE method = ?').pluck();
  const insert = db.prepare(
    'INSERT OR REPLACE INTO voice_signatures (recording_id, vector, method, error) VALUES (?, ?, ?, ?)',
  );
  let processed = 0;
  for (;;) {
    if (options.signal?.aborted) return processed;
    const rows = pending.all({ method, batch }) as { id: number; bytes: Buffer }[];
    if (rows.length === 0) return processed;
    const results: [number, Buffer | null, Message | null][] = [];
    for (const row of rows) {
      await giveWayToWindow();
      const decoded = await decodeMono(row.bytes);
      if (!decoded) {
        results.push([row.id, null, message('voices.undecodable')]);
        continue;
      }
      const signature = computeSignature(decoded.samples, decoded.sampleRate);
      results.push(signature.ok ? [row.id, toBlob(signature.vector), null] : [row.id, null, signature.message]);
    }
    db.transaction(() => {
      for (const [id, vector, error] of results) insert.run(id, vector, method, error && storedMessage(error));
    })();
    processed += rows.length;
    options.onProgress?.(done.get(method) as number, total);
  }
}

/**
 * Regroups every recording by voice. Names the user gave to groups carry over to the new group
 * that holds most of the same recordings, so regrouping after an import never forgets "this is me".
 */
export function regroupVoices(db: Db): number {
  const rows = db
    .prepare(
      'SELECT recording_id AS id, vector, group_id FROM voice_signatures WHERE vector IS NOT NULL AND method = ? ORDER BY recording_id',
    )
    .all(voiceMethod()) as { id: number; vector: Buffer; group_id: number | null }[];
  const oldPerson = new Map(
    (
      db.prepare('SELECT id, person FROM voice_groups WHERE person IS NOT NULL').all() as {
        id: number;
        person: string;
      }[]
    ).map((g) => [g.id, g.person]),
  );
  const vectors = rows.map((r) => fromBlob(r.vector));
  const groups = groupVoices(vectors.map((vector, i) => ({ id: String(i), vector })));
  const ordered = groups.map((g) => g.members.map(Number)).sort((a, b) => b.length - a.length);

  db.transaction(() => {
    db.prepare('UPDATE voice_signatures SET group_id = NULL').run();
    db.prepare('DELETE FROM voice_groups').run();
    const insert = db.prepare(
      'INSERT INTO voice_groups (label, centroid, size, person, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    const assign = db.prepare('UPDATE voice_signatures SET group_id = ? WHERE recording_id = ?');
    ordered.forEach((indexes, n) => {
      const votes = new Map<string, number>();
      for (const i of indexes) {
        const person = rows[i]!.group_id != null ? oldPerson.get(rows[i]!.group_id!) : undefined;
        if (person) votes.set(person, (votes.get(person) ?? 0) + 1);
      }
      const [person, count] = [...votes.entries()].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
      // Keep a name only where most of the group was that person's before.
      const keep = person && count * 2 >= indexes.length ? person : null;
      const centroid = mean(indexes.map((i) => vectors[i]!));
      const id = Number(
        insert.run(groupLabel(n), centroidBlob(centroid), indexes.length, keep, Date.now()).lastInsertRowid,
      );
      for (const i of indexes) assign.run(id, rows[i]!.id);
    });
  })();
  return ordered.length;
}

/** A, B, …, Z, AA, AB, … */
export function groupLabel(n: number): string {
  let s = '';
  for (let i = n; i >= 0; i = Math.floor(i / 26) - 1) s = String.fromCharCode(65 + (i % 26)) + s;
  return `Voice ${s}`;
}

/** Names a group: a person ("me" or a household member), someone else, or nobody (not sure). */
export function assignGroup(db: Db, groupId: number, person: string | null, someoneElse = false): boolean {
  const value = someoneElse ? SOMEONE_ELSE : person;
  return db.prepare('UPDATE voice_groups SET person = ? WHERE id = ?').run(value, groupId).changes > 0;
}

/** Adds a voice sample for a person; returns the group it sounds like, if any. */
export async function enrollVoice(
  db: Db,
  person: string,
  audio: Uint8Array,
): Promise<{ ok: true; samples: number; matchedGroup: string | null } | { ok: false; reason: Message }> {
  const decoded = await decodeMono(audio);
  if (!decoded)
    return {
      ok: false,
      reason: message('voices.sampleUnreadable'),
    };
  const signature = computeSignature(decoded.samples, decoded.sampleRate);
  if (!signature.ok)
    return {
      ok: false,
      reason: message('voices.sampleUnusable', { reason: signature.message }),
    };
  db.prepare('INSERT INTO enrolled_voices (person, vector, source, created_at) VALUES (?, ?, ?, ?)').run(
    person,
    toBlob(signature.vector),
    'sample',
    Date.now(),
  );
  const samples = db.prepare('SELECT COUNT(*) FROM enrolled_voices WHERE person = ?').pluck().get(person) as number;
  const groups = loadGroups(db);
  let best: { label: string; score: number } | null = null;
  for (const g of groups) {
    const { similarity: score, same } = compareVoices(signature.vector, g.centroid);
    if (same && (!best || score > best.score)) best = { label: g.label, score };
  }
  return { ok: true, samples, matchedGroup: best?.label ?? null };
}

interface LoadedGroup {
  id: number;
  label: string;
  size: number;
  person: string | null;
  centroid: Float32Array;
}

/**
 * Groups with their true size: counted from the recordings still in them, so a removed export or
 * deleted recordings never leave a stale count ("100 shown, 1 left"), and an emptied group is not listed.
 */
function loadGroups(db: Db): LoadedGroup[] {
  return (
    db
      .prepare(
        `SELECT g.id, g.label, COUNT(s.recording_id) AS size, g.person, g.centroid
         FROM voice_groups g JOIN voice_signatures s ON s.group_id = g.id
         GROUP BY g.id ORDER BY size DESC, g.id`,
      )
      .all() as (Omit<LoadedGroup, 'centroid'> & { centroid: Buffer })[]
  ).map((g) => ({
    ...g,
    centroid: fromCentroid(g.centroid),
  }));
}

/** Samples the user recorded, by person. */
function enrolledPeople(db: Db): EnrolledPerson[] {
  const rows = db.prepare('SELECT person, vector FROM enrolled_voices ORDER BY id').all() as {
    person: string;
    vector: Buffer;
  }[];
  const byPerson = new Map<string, Float32Array[]>();
  for (const r of rows) {
    const v = signatureFromBytes(r.vector);
    if (v) byPerson.set(r.person, [...(byPerson.get(r.person) ?? []), v]);
  }
  return [...byPerson].map(([person, vectors]) => ({ person, vectors }));
}

/** Everyone whose voice Earshot knows: enrolled samples, plus the recordings of groups the user named. */
function knownVoices(db: Db, groups: LoadedGroup[]): EnrolledPerson[] {
  const people = new Map(enrolledPeople(db).map((p) => [p.person, [...p.vectors]]));
  const members = db.prepare('SELECT vector FROM voice_signatures WHERE group_id = ? AND vector IS NOT NULL LIMIT 200');
  for (const g of groups) {
    if (!g.person || g.person === SOMEONE_ELSE) continue;
    const vectors = (members.all(g.id) as { vector: Buffer }[]).map((m) => fromBlob(m.vector)).filter((v) => v.length);
    people.set(g.person, [...(people.get(g.person) ?? []), ...vectors]);
  }
  return [...people].map(([person, vectors]) => ({ person, vectors }));
}

/** Who a group sounds like: its own name, or the best-matching enrolled person; null when unknown or someone else. */
function groupIdentity(g: LoadedGroup, enrolled: EnrolledPerson[]) {
  if (g.person === SOMEONE_ELSE) return null;
  if (g.person) return { person: g.person, confidence: 1 };
  if (enrolled.length === 0) return null;
  const match = matchAgainst(enrolled, g.centroid);
  return match.person ? { person: match.person, confidence: match.confidence } : null;
}

export function listVoiceGroups(db: Db): VoiceGroupSummary[] {
  const enrolled = enrolledPeople(db);
  const perExport = db.prepare(
    `SELECT e.id, e.label, COUNT(*) AS recordings FROM voice_signatures s JOIN recordings r ON r.id = s.recording_id
     JOIN exports e ON e.id = r.export_id WHERE s.group_id = ? GROUP BY e.id ORDER BY recordings DESC`,
  );
  const members = db.prepare('SELECT recording_id AS id, vector FROM voice_signatures WHERE group_id = ?');
  return loadGroups(db).map((g) => {
    const list = members.all(g.id) as { id: number; vector: Buffer }[];
    const typical = list
      .map((m) => ({ id: m.id, score: similarity(fromBlob(m.vector), g.centroid) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 5)
      .map((m) => m.id);
    const identity = groupIdentity(g, enrolled);
    return {
      id: g.id,
      label: g.label,
      size: g.size,
      person: g.person === SOMEONE_ELSE ? null : g.person,
      someoneElse: g.person === SOMEONE_ELSE,
      exports: perExport.all(g.id) as VoiceGroupSummary['exports'],
      sampleRecordingIds: typical,
      soundsLike: g.person ? null : identity,
    };
  });
}

export function analysisStatus(db: Db, running: boolean): AnalysisStatus {
  const method = voiceMethod();
  const total = db.prepare('SELECT COUNT(*) FROM recordings WHERE has_audio = 1').pluck().get() as number;
  const done = db.prepare('SELECT COUNT(*) FROM voice_signatures WHERE method = ?').pluck().get(method) as number;
  const without = db
    .prepare('SELECT COUNT(*) FROM voice_signatures WHERE vector IS NULL AND method = ?')
    .pluck()
    .get(method) as number;
  return {
    voices: { done, total, withoutSignature: without, running },
    groups: db
      .prepare('SELECT COUNT(DISTINCT group_id) FROM voice_signatures WHERE group_id IS NOT NULL')
      .pluck()
      .get() as number,
    enrolled: db
      .prepare('SELECT person, COUNT(*) AS samples FROM enrolled_voices GROUP BY person ORDER BY person')
      .all() as AnalysisStatus['enrolled'],
    method,
  };
}

/**
 * Voice warnings. Nothing is said until the user has told Earshot which voice is theirs (a named
 * group or an enrolled sample): without that, no voice can be called someone else's.
 */
export function voiceWarnings(db: Db): ComputedWarning[] {
  const groups = loadGroups(db);
  const known = knownVoices(db, groups);
  // Without a known voice only the groups the user called someone else's can be flagged.
  const flaggable = known.length > 0 ? groups : groups.filter((g) => g.person === SOMEONE_ELSE);
  const enrolled = enrolledPeople(db);
  const out: ComputedWarning[] = [];
  const recordingsOf = db.prepare(
    `SELECT s.recording_id AS id, r.time_utc AS time, r.export_id AS exportId, r.unrecognized_speaker AS unrecognized
     FROM voice_signatures s JOIN recordings r ON r.id = s.recording_id WHERE s.group_id = ?`,
  );
  for (const g of flaggable) {
    if (groupIdentity(g, enrolled)) continue;
    const list = recordingsOf.all(g.id) as {
      id: number;
      time: number | null;
      exportId: number;
      unrecognized: number;
    }[];
    if (list.length === 0) continue;
    const saidSomeoneElse = g.person === SOMEONE_ELSE;
    // How sure: the calibrated chance that the group is none of the voices the user named.
    const match =
      known.length > 0 ? matchAgainst(known, g.centroid) : { person: null, confidence: 1, closest: null, score: 0 };
    const confidence = saidSomeoneElse ? 1 : match.person ? 1 - match.confidence : match.confidence;
    const vendor = list.filter((r) => r.unrecognized === 1).length;
    const times = list.map((r) => r.time).filter((t): t is number => t != null);
    const exportIds = [...new Set(list.map((r) => r.exportId))];
    const n = list.length;
    out.push({
      // Keyed by the group's first recording, which stays the same while the group does.
      key: `voice:${list.reduce((m, r) => Math.min(m, r.id), Infinity)}`,
      kind: 'voice',
      severity: 'warning',
      exportId: exportIds.length === 1 ? exportIds[0]! : null,
      subject: g.label,
      reason: saidSomeoneElse
        ? message('warnings.voiceSomeoneElse', { group: g.label, count: n })
        : message(vendor ? 'warnings.voiceForeignVendor' : 'warnings.voiceForeign', {
            group: g.label,
            count: n,
            sureness: describeConfidence(confidence),
            vendorCount: vendor,
          }),
      evidence: {
        // The group by id, so the window ties the warning to its group without reading the label.
        groupId: g.id,
        group: g.label,
        vendorUnrecognised: vendor,
        closest: match.closest,
        score: match.score,
        someoneElse: saidSomeoneElse,
      },
      confidence,
      recordingIds: list.map((r) => r.id),
      firstTime: times.length ? Math.min(...times) : null,
      lastTime: times.length ? Math.max(...times) : null,
    });
  }
  return out;
}

function describeConfidence(c: number): Message {
  return message(c >= 0.85 ? 'warnings.surenessHigh' : c >= 0.6 ? 'warnings.surenessMedium' : 'warnings.surenessLow');
}

/**
 * Exports in which no voice matches the user or their household at all: a sign for the export's
 * verdict, decisive alone. It leans towards silence: it needs 20 recordings with speech and no group
 * that sounds like anyone known. Nothing is said before the user has named a voice.
 */
export function exportVoiceSigns(db: Db): Map<number, ExportSign> {
  const out = new Map<number, ExportSign>();
  const known = knownVoices(db, loadGroups(db));
  if (known.length === 0) return out;
  const exports = db.prepare('SELECT id FROM exports').pluck().all() as number[];
  const signatures = db.prepare(
    `SELECT s.recording_id AS id, s.vector FROM voice_signatures s JOIN recordings r ON r.id = s.recording_id
     WHERE r.export_id = ? AND s.vector IS NOT NULL AND s.method = ?`,
  );
  for (const exportId of exports) {
    const sigs = (signatures.all(exportId, voiceMethod()) as { id: number; vector: Buffer }[])
      .map((r) => ({ id: String(r.id), vector: fromBlob(r.vector) }))
      .filter((r) => r.vector.length > 0);
    if (sigs.length === 0) continue;
    const verdict = exportVerdict(sigs, known);
    if (!verdict.foreign) continue;
    out.set(exportId, {
      kind: 'voices',
      // Decisive alone, unless many single clips matched the user and only the groups said otherwise.
      strength: verdict.singleMatchesOverruled ? 'supporting' : 'decisive',
      confidence: verdict.confidence,
      reason: message('warnings.exportVoice', { count: verdict.recordings }),
      facts: {
        recordings: verdict.recordings,
        voices: verdict.groups.length,
        matchedRecordings: verdict.matchedRecordings,
        chanceMatches: verdict.chanceMatches,
        singleMatchesOverruled: verdict.singleMatchesOverruled ?? false,
        known: known.map((k) => k.person),
      },
      warningKey: null,
    });
  }
  return out;
}
