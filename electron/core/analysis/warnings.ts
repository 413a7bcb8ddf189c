// Every warning in one place, recomputed from the facts (accounts, name mentions, voices) and the
// user's profile. Keys are stable, so what the user decided about a warning sticks.
import type { Db } from '../db/library.ts';
import { canonicalEmail, checkAccount } from './account-check.ts';
import { isHouseholdName } from './names/index.ts';
import { foldPersonName } from './fold.ts';
import { say } from '../messages/index.ts';
import { getProfile, hasIdentity, householdNames, setProfile, type Profile } from './profile.ts';

export type WarningKind = 'account' | 'name' | 'speaker' | 'voice' | 'export-voice';
export type Severity = 'strong' | 'warning' | 'notice';
export type Decision = 'mine' | 'dismissed' | 'not-mine';

export interface ComputedWarning {
  key: string;
  kind: WarningKind;
  severity: Severity;
  exportId: number | null;
  subject: string;
  reason: string;
  evidence: Record<string, unknown>;
  confidence: number | null;
  recordingIds: number[];
  firstTime: number | null;
  lastTime: number | null;
}

/** Two account identities are the same: e-mails as providers compare them, names word by word. */
function sameAccount(a: string, b: string): boolean {
  return a.includes('@') || b.includes('@')
    ? canonicalEmail(a) === canonicalEmail(b)
    : foldPersonName(a) === foldPersonName(b);
}

/** How a name found in a lower-case transcript is shown: "anna schmidt" → "Anna Schmidt". */
export function displayName(name: string): string {
  if (name !== name.toLowerCase()) return name;
  return name.replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

export function computeWarnings(db: Db, profile: Profile = getProfile(db)): ComputedWarning[] {
  const out: ComputedWarning[] = [];
  out.push(...accountWarnings(db, profile));
  out.push(...nameWarnings(db, profile));
  return out;
}

function accountWarnings(db: Db, profile: Profile): ComputedWarning[] {
  const exports = db
    .prepare(
      'SELECT id, label, account, account_kind, account_found_in, first_time, last_time, recording_count FROM exports WHERE account IS NOT NULL',
    )
    .all() as {
    id: number;
    label: string;
    account: string;
    account_kind: string;
    account_found_in: string;
    first_time: number | null;
    last_time: number | null;
    recording_count: number;
  }[];
  const out: ComputedWarning[] = [];
  for (const e of exports) {
    const verdict = checkAccount({ value: e.account, kind: e.account_kind }, profile);
    if (verdict.status !== 'not-yours') continue;
    out.push({
      key: `account:${e.id}`,
      kind: 'account',
      severity: 'strong',
      exportId: e.id,
      subject: e.account,
      reason: say('warnings.account', {
        account: e.account,
        file: e.account_found_in,
        yours: verdict.comparedWith.join(', '),
        count: verdict.comparedWith.length,
      }),
      evidence: {
        identity: e.account,
        foundIn: e.account_found_in,
        yours: verdict.comparedWith,
        recordings: e.recording_count,
      },
      confidence: 0.95,
      recordingIds: [],
      firstTime: e.first_time,
      lastTime: e.last_time,
    });
  }
  return out;
}

function nameWarnings(db: Db, profile: Profile): ComputedWarning[] {
  const familiar = householdNames(profile);
  const knowsHousehold = hasIdentity(profile) || profile.household.length > 0;
  const rows = db
    .prepare(
      `SELECT m.folded, m.name, m.source, r.id, r.time_utc, r.export_id FROM name_mentions m
       JOIN recordings r ON r.id = m.recording_id ORDER BY m.folded, r.time_utc`,
    )
    .all() as {
    folded: string;
    name: string;
    source: 'transcript' | 'speaker';
    id: number;
    time_utc: number | null;
    export_id: number;
  }[];
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    // Household matching forgives case, accents, spellings (Müller/Mueller) and short forms (Alex).
    if (isHouseholdName(r.name, familiar)) continue;
    const key = `${r.source}:${r.folded}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: ComputedWarning[] = [];
  for (const [key, list] of groups) {
    const ids = [...new Set(list.map((r) => r.id))];
    const name = displayName(mostCommon(list.map((r) => r.name)));
    const times = list.map((r) => r.time_utc).filter((t): t is number => t != null);
    const speaker = list[0]!.source === 'speaker';
    out.push({
      key: `${speaker ? 'speaker' : 'name'}:${key.slice(key.indexOf(':') + 1)}`,
      kind: speaker ? 'speaker' : 'name',
      severity: knowsHousehold ? 'warning' : 'notice',
      exportId: new Set(list.map((r) => r.export_id)).size === 1 ? list[0]!.export_id : null,
      subject: name,
      reason: say(
        speaker
          ? knowsHousehold
            ? 'warnings.speakerOutsider'
            : 'warnings.speakerUnknown'
          : knowsHousehold
            ? 'warnings.nameOutsider'
            : 'warnings.nameUnknown',
        { name, count: ids.length },
      ),
      evidence: { spellings: [...new Set(list.map((r) => r.name))], source: list[0]!.source },
      confidence: null,
      recordingIds: ids,
      firstTime: times.length ? Math.min(...times) : null,
      lastTime: times.length ? Math.max(...times) : null,
    });
  }
  return out;
}

function mostCommon(xs: string[]): string {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/**
 * Brings the stored warnings up to date in one transaction. A warning keeps its id for as long as
 * it is computed again (the window refers to it by id). Names the user said they know are decided
 * as "mine" wherever they turn up again, under any spelling.
 */
export function refreshWarnings(db: Db, computed: ComputedWarning[] = computeWarnings(db)): number {
  const profile = getProfile(db);
  const existing = new Map(
    (db.prepare('SELECT key, id FROM warnings').all() as { key: string; id: number }[]).map((r) => [r.key, r.id]),
  );
  const insert = db.prepare(
    `INSERT INTO warnings (key, kind, severity, export_id, subject, reason, evidence, confidence, first_time, last_time, created_at)
     VALUES (@key, @kind, @severity, @exportId, @subject, @reason, @evidence, @confidence, @firstTime, @lastTime, @createdAt)`,
  );
  const update = db.prepare(
    `UPDATE warnings SET kind = @kind, severity = @severity, export_id = @exportId, subject = @subject, reason = @reason,
       evidence = @evidence, confidence = @confidence, first_time = @firstTime, last_time = @lastTime WHERE id = @id`,
  );
  const unlink = db.prepare('DELETE FROM warning_recordings WHERE warning_id = ?');
  const link = db.prepare('INSERT OR IGNORE INTO warning_recordings (warning_id, recording_id) VALUES (?, ?)');
  const remove = db.prepare('DELETE FROM warnings WHERE id = ?');
  const learnt = db.prepare(
    `INSERT INTO warning_decisions (key, decision, decided_at) VALUES (?, 'mine', ?) ON CONFLICT(key) DO NOTHING`,
  );
  db.transaction(() => {
    const now = Date.now();
    const keep = new Set<string>();
    for (const w of computed) {
      keep.add(w.key);
      const values = { ...w, evidence: JSON.stringify(w.evidence), createdAt: now };
      let id = existing.get(w.key);
      if (id == null) id = Number(insert.run(values).lastInsertRowid);
      else {
        update.run({ ...values, id });
        unlink.run(id);
      }
      for (const r of w.recordingIds) link.run(id, r);
      if ((w.kind === 'name' || w.kind === 'speaker') && isHouseholdName(w.subject, profile.knownPeople))
        learnt.run(w.key, now);
      if (w.kind === 'account' && profile.confirmedAccounts.some((a) => sameAccount(a, w.subject)))
        learnt.run(w.key, now);
    }
    for (const [key, id] of existing) if (!keep.has(key)) remove.run(id);
  })();
  return computed.length;
}

export interface StoredWarning {
  id: number;
  key: string;
  kind: WarningKind;
  severity: Severity;
  exportId: number | null;
  exportLabel: string | null;
  subject: string;
  reason: string;
  evidence: Record<string, unknown>;
  confidence: number | null;
  recordings: number;
  firstTime: number | null;
  lastTime: number | null;
  decision: Decision | null;
}

export function listWarnings(db: Db, options: { includeDecided?: boolean } = {}): StoredWarning[] {
  const rows = db
    .prepare(
      `SELECT w.*, e.label AS export_label, d.decision,
         (SELECT COUNT(*) FROM warning_recordings wr WHERE wr.warning_id = w.id) AS recordings
       FROM warnings w LEFT JOIN exports e ON e.id = w.export_id LEFT JOIN warning_decisions d ON d.key = w.key
       ${options.includeDecided ? '' : 'WHERE d.decision IS NULL'}
       ORDER BY CASE w.severity WHEN 'strong' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, recordings DESC, w.id`,
    )
    .all() as {
    id: number;
    key: string;
    kind: WarningKind;
    severity: Severity;
    export_id: number | null;
    export_label: string | null;
    subject: string;
    reason: string;
    evidence: string;
    confidence: number | null;
    recordings: number;
    first_time: number | null;
    last_time: number | null;
    decision: Decision | null;
  }[];
  return rows.map((w) => ({
    id: w.id,
    key: w.key,
    kind: w.kind,
    severity: w.severity,
    exportId: w.export_id,
    exportLabel: w.export_label,
    subject: w.subject,
    reason: w.reason,
    evidence: JSON.parse(w.evidence) as Record<string, unknown>,
    confidence: w.confidence,
    recordings: w.recordings,
    firstTime: w.first_time,
    lastTime: w.last_time,
    decision: w.decision,
  }));
}

export function warningRecordingIds(db: Db, warningId: number): number[] {
  return db
    .prepare('SELECT recording_id FROM warning_recordings WHERE warning_id = ? ORDER BY recording_id')
    .pluck()
    .all(warningId) as number[];
}

/**
 * Records the user's decision. "mine" teaches Earshot: a name becomes someone the user knows; an
 * account becomes one of the user's accounts. The warnings are then recomputed.
 */
export function decideWarning(
  db: Db,
  warningId: number,
  decision: Decision,
  recompute: () => void,
): StoredWarning | null {
  const w = listWarnings(db, { includeDecided: true }).find((x) => x.id === warningId);
  if (!w) return null;
  db.transaction(() => {
    db.prepare(
      `INSERT INTO warning_decisions (key, decision, decided_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET decision = excluded.decision, decided_at = excluded.decided_at`,
    ).run(w.key, decision, Date.now());
    if (decision === 'mine') {
      const profile = getProfile(db);
      if (w.kind === 'name' || w.kind === 'speaker')
        setProfile(db, { ...profile, knownPeople: [...profile.knownPeople, w.subject] });
      // The user says this account is theirs after all: remembered, so every export naming it is theirs too.
      if (w.kind === 'account')
        setProfile(db, { ...profile, confirmedAccounts: [...profile.confirmedAccounts, w.subject] });
    }
  })();
  recompute();
  return w;
}

/** Takes a decision back, and what "mine" taught with it, so the warning is open again. */
export function undoDecision(db: Db, warningId: number): StoredWarning | null {
  const w = listWarnings(db, { includeDecided: true }).find((x) => x.id === warningId);
  if (!w) return null;
  db.transaction(() => {
    db.prepare('DELETE FROM warning_decisions WHERE key = ?').run(w.key);
    if (w.decision === 'mine') {
      const p = getProfile(db);
      if (w.kind === 'name' || w.kind === 'speaker')
        setProfile(db, { ...p, knownPeople: p.knownPeople.filter((x) => !isHouseholdName(w.subject, [x])) });
      if (w.kind === 'account')
        setProfile(db, { ...p, confirmedAccounts: p.confirmedAccounts.filter((a) => !sameAccount(a, w.subject)) });
    }
  })();
  return w;
}
