// One verdict per export: the independent signs that it is someone else's (the account it names,
// assistants the user does not have, voices, names, places, the vendor's own "unrecognised speaker")
// combined into one strong warning with every sign listed. The c't case names no account: there,
// only agreement between weaker signs can tell the man that these are a stranger's recordings.
//
// The rule: an account mismatch or "no voice sounds like you" is enough alone ("decisive"); an
// assistant the user said they don't have is strong but needs one more sign; names, places,
// unconfirmed devices and vendor flags are "supporting": three in agreement, or two clear ones.
import type { Db } from '../db/library.ts';
import { message, sentences } from '../messages/index.ts';
import { isHouseholdName } from './names/index.ts';
import { distinctPeople, foldPersonName } from './fold.ts';
import { hasIdentity, householdNames, type Profile } from './profile.ts';
import type { ComputedWarning, ExportSign } from './warning-types.ts';

/** Outsider names count as a sign from this many recordings and this many different names on. */
const MIN_NAME_RECORDINGS = 3;
const MIN_DISTINCT_NAMES = 2;
/** The vendor's "unrecognised speaker" counts from this many recordings and this share on. */
const MIN_VENDOR_RECORDINGS = 5;
const MIN_VENDOR_SHARE = 0.5;
/** Two supporting signs make a verdict when together they are at least this sure. */
const TWO_SIGNS_CONFIDENCE = 0.85;

export interface VerdictOutcome {
  exportId: number;
  signs: ExportSign[];
  /** Whether the signs together say "very likely not yours". */
  foreign: boolean;
  /** 0..1, the signs combined as independent witnesses. */
  confidence: number;
}

/** Whether these signs, together, make an export very likely someone else's. */
export function signsAgree(signs: readonly ExportSign[]): boolean {
  if (signs.some((s) => s.strength === 'decisive')) return true;
  if (signs.length >= 2 && signs.some((s) => s.strength === 'strong')) return true;
  // Two supporting signs only when both are clear (e.g. nearly every place asked about is one town).
  if (signs.length === 2) return combinedConfidence(signs) >= TWO_SIGNS_CONFIDENCE;
  return signs.length >= 3;
}

/** Independent witnesses: the chance that every one of them is wrong, taken from 1. */
export function combinedConfidence(signs: readonly ExportSign[]): number {
  return 1 - signs.reduce((p, s) => p * (1 - Math.max(0, Math.min(0.99, s.confidence))), 1);
}

/** The signs already worked out by other warning kinds, turned into signs of their export. */
function signsFromWarnings(warnings: readonly ComputedWarning[]): Map<number, ExportSign[]> {
  const out = new Map<number, ExportSign[]>();
  const add = (exportId: number, sign: ExportSign) => out.set(exportId, [...(out.get(exportId) ?? []), sign]);
  const unconfirmed = new Map<number, ComputedWarning[]>();
  for (const w of warnings) {
    if (w.exportId == null) continue;
    if (w.kind === 'account') {
      add(w.exportId, {
        kind: 'account',
        strength: 'decisive',
        confidence: w.confidence ?? 0.95,
        reason: w.reason,
        facts: { identity: w.subject, foundIn: w.evidence.foundIn ?? null },
        warningKey: w.key,
      });
    } else if (w.kind === 'device' && w.evidence.assistant != null) {
      add(w.exportId, {
        kind: 'devices',
        strength: 'strong',
        confidence: w.confidence ?? 0.85,
        reason: w.reason,
        facts: {
          assistant: w.evidence.assistant,
          recordings: w.evidence.recordings,
          said: w.evidence.said,
        },
        warningKey: w.key,
      });
    } else if (w.kind === 'device' && w.evidence.confirmedInExport === false) {
      unconfirmed.set(w.exportId, [...(unconfirmed.get(w.exportId) ?? []), w]);
    } else if (w.kind === 'place') {
      add(w.exportId, {
        kind: 'places',
        strength: 'supporting',
        confidence: w.confidence ?? 0.6,
        reason: w.reason,
        facts: { place: w.subject, recordings: w.evidence.recordings, withPlace: w.evidence.withPlace },
        warningKey: w.key,
      });
    }
  }
  // Devices the user did not confirm, when none of the export's devices is one they did.
  for (const [exportId, list] of unconfirmed) {
    if ((out.get(exportId) ?? []).some((s) => s.kind === 'devices')) continue;
    const devices = list.map((w) => w.subject);
    const recordings = list.reduce((s, w) => s + w.recordingIds.length, 0);
    add(exportId, {
      kind: 'devices',
      strength: 'supporting',
      confidence: 0.5,
      reason: message('warnings.signDevicesUnconfirmed', {
        count: devices.length,
        devices: devices.join(', '),
        recordings,
      }),
      facts: { devices, recordings, said: 'confirmed-others' },
      warningKey: list[0]!.key,
    });
  }
  return out;
}

interface MentionRow {
  exportId: number;
  recordingId: number;
  name: string;
  source: 'transcript' | 'speaker';
}

/** Names of people outside the household that an export keeps mentioning, while the household's never appear. */
function nameSigns(db: Db, profile: Profile): Map<number, ExportSign[]> {
  const out = new Map<number, ExportSign[]>();
  if (!hasIdentity(profile) && profile.household.length === 0) return out;
  const familiar = [...householdNames(profile), ...profile.knownPeople];
  const notPeople = new Set(profile.notPeople.map(foldPersonName));
  const rows = db
    .prepare(
      `SELECT r.export_id AS exportId, m.recording_id AS recordingId, m.name, m.source FROM name_mentions m
       JOIN recordings r ON r.id = m.recording_id ORDER BY r.export_id`,
    )
    .all() as MentionRow[];
  const perExport = new Map<number, MentionRow[]>();
  for (const r of rows) {
    const list = perExport.get(r.exportId);
    if (list) list.push(r);
    else perExport.set(r.exportId, [r]);
  }
  const totals = new Map(
    (
      db.prepare('SELECT export_id AS id, COUNT(*) AS n FROM recordings GROUP BY export_id').all() as {
        id: number;
        n: number;
      }[]
    ).map((r) => [r.id, r.n]),
  );
  for (const [exportId, list] of perExport) {
    const signs: ExportSign[] = [];
    for (const source of ['transcript', 'speaker'] as const) {
      const mentions = list.filter((m) => m.source === source && !notPeople.has(foldPersonName(m.name)));
      const known = new Map<string, boolean>();
      const isOutsider = (m: MentionRow) => {
        let v = known.get(m.name);
        if (v == null) known.set(m.name, (v = !isHouseholdName(m.name, familiar)));
        return v;
      };
      const outsiders = mentions.filter(isOutsider);
      const ownRecordings = new Set(mentions.filter((m) => !isOutsider(m)).map((m) => m.recordingId));
      const outsiderRecordings = new Set(outsiders.map((m) => m.recordingId));
      const names = distinctPeople(outsiders.map((m) => m.name));
      const shown = names.slice(0, 6);
      if (source === 'transcript') {
        // Friends and family are named in anyone's recordings: only names, and never the household's, count.
        if (outsiderRecordings.size < MIN_NAME_RECORDINGS || names.length < MIN_DISTINCT_NAMES) continue;
        if (ownRecordings.size > 0.1 * outsiderRecordings.size) continue;
        signs.push({
          kind: 'names',
          strength: 'supporting',
          confidence: Math.min(0.7, 0.45 + 0.05 * names.length),
          reason: message('warnings.signNames', { count: outsiderRecordings.size, names: shown.join(', ') }),
          facts: { names: shown, recordings: outsiderRecordings.size, householdRecordings: ownRecordings.size },
          warningKey: null,
        });
      } else {
        // Alexa's voice ID naming people outside the household in most recordings.
        const total = totals.get(exportId) ?? 0;
        if (outsiderRecordings.size < MIN_VENDOR_RECORDINGS || ownRecordings.size > 0) continue;
        if (outsiderRecordings.size < MIN_VENDOR_SHARE * total) continue;
        signs.push({
          kind: 'vendor-speaker',
          strength: 'supporting',
          confidence: 0.6,
          reason: message('warnings.signSpeakerLabels', { count: outsiderRecordings.size, names: shown.join(', ') }),
          facts: { names: shown, recordings: outsiderRecordings.size, total },
          warningKey: null,
        });
      }
    }
    if (signs.length) out.set(exportId, signs);
  }
  return out;
}

/** Google's Voice Match ("From unrecognized speaker") on most of an export's recordings. */
function vendorFlagSigns(db: Db): Map<number, ExportSign[]> {
  const rows = db
    .prepare(
      `SELECT export_id AS exportId, COUNT(*) AS total, SUM(unrecognized_speaker) AS flagged
       FROM recordings GROUP BY export_id`,
    )
    .all() as { exportId: number; total: number; flagged: number }[];
  const out = new Map<number, ExportSign[]>();
  for (const r of rows) {
    if (r.flagged < MIN_VENDOR_RECORDINGS || r.flagged < MIN_VENDOR_SHARE * r.total) continue;
    out.set(r.exportId, [
      {
        kind: 'vendor-speaker',
        strength: 'supporting',
        confidence: 0.6,
        reason: message('warnings.signUnrecognised', { count: r.flagged, total: r.total }),
        facts: { recordings: r.flagged, total: r.total },
        warningKey: null,
      },
    ]);
  }
  return out;
}

/**
 * Every export's signs and what they add up to. `voiceSigns` come from the voice analysis (an
 * export in which no voice sounds like anyone the user named).
 */
export function exportVerdicts(
  db: Db,
  profile: Profile,
  warnings: readonly ComputedWarning[],
  voiceSigns: Map<number, ExportSign>,
): VerdictOutcome[] {
  const fromWarnings = signsFromWarnings(warnings);
  const names = nameSigns(db, profile);
  const flags = vendorFlagSigns(db);
  const exports = db.prepare('SELECT id FROM exports ORDER BY id').pluck().all() as number[];
  return exports.map((exportId) => {
    const signs = [
      ...(fromWarnings.get(exportId) ?? []),
      ...(voiceSigns.has(exportId) ? [voiceSigns.get(exportId)!] : []),
      ...(names.get(exportId) ?? []),
      ...(flags.get(exportId) ?? []),
    ];
    // One vendor-speaker sign per export, even when both vendors' flags say so.
    const deduped = signs.filter(
      (s, i) => s.kind !== 'vendor-speaker' || signs.findIndex((x) => x.kind === s.kind) === i,
    );
    const order: ExportSign['strength'][] = ['decisive', 'strong', 'supporting'];
    deduped.sort((a, b) => order.indexOf(a.strength) - order.indexOf(b.strength) || b.confidence - a.confidence);
    return { exportId, signs: deduped, foreign: signsAgree(deduped), confidence: combinedConfidence(deduped) };
  });
}

/**
 * The verdict as warnings. An export whose account is not the user's already has its strong
 * warning (the account): the other signs are added to its evidence. Any other export the signs
 * agree on gets one strong warning of its own, "very likely not yours — N signs".
 */
export function verdictWarnings(
  db: Db,
  outcomes: readonly VerdictOutcome[],
  warnings: ComputedWarning[],
): ComputedWarning[] {
  const labels = new Map(
    (
      db
        .prepare('SELECT id, label, recording_count AS n, first_time AS first, last_time AS last FROM exports')
        .all() as {
        id: number;
        label: string;
        n: number;
        first: number | null;
        last: number | null;
      }[]
    ).map((e) => [e.id, e]),
  );
  const out: ComputedWarning[] = [];
  for (const v of outcomes) {
    const account = warnings.find((w) => w.kind === 'account' && w.exportId === v.exportId);
    if (account) {
      account.evidence = { ...account.evidence, signs: v.signs, verdictConfidence: v.confidence };
      continue;
    }
    if (!v.foreign) continue;
    const e = labels.get(v.exportId);
    out.push({
      key: `export:${v.exportId}`,
      kind: 'export',
      severity: 'strong',
      exportId: v.exportId,
      subject: e?.label ?? String(v.exportId),
      reason: sentences([
        message('warnings.exportVerdict', { count: v.signs.length }),
        ...v.signs.map((s) => s.reason),
      ]),
      evidence: { signs: v.signs, recordings: e?.n ?? 0 },
      confidence: v.confidence,
      recordingIds: [],
      firstTime: e?.first ?? null,
      lastTime: e?.last ?? null,
    });
  }
  return out;
}
