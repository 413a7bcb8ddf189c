// The stored warnings: brought up to date from `allWarnings` in one transaction, listed, decided
// and undone. Keys are stable, so what the user decided about a warning sticks; what a decision
// teaches is each kind's own (see warning-kinds.ts).
import type { Db } from '../db/library.ts';
import { parseStoredMessage, storedMessage } from '../messages/index.ts';
import { getProfile, setProfile } from './profile.ts';
import { allWarnings, warningKinds } from './warning-kinds.ts';
import {
  WARNING_KINDS,
  type ComputedWarning,
  type Decision,
  type Severity,
  type StoredWarning,
  type WarningKind,
} from './warning-types.ts';

export type { ComputedWarning, Decision, Severity, StoredWarning, WarningKind } from './warning-types.ts';
export { allWarnings } from './warning-kinds.ts';

/**
 * Brings the stored warnings up to date in one transaction. A warning keeps its id for as long as
 * it is computed again (the window refers to it by id). Names the user said they know are decided
 * as "mine" wherever they turn up again, under any spelling.
 */
export function refreshWarnings(db: Db, computed: ComputedWarning[] = allWarnings(db)): number {
  const profile = getProfile(db);
  const rows = db
    .prepare('SELECT w.key, w.id, w.kind, d.decision FROM warnings w LEFT JOIN warning_decisions d ON d.key = w.key')
    .all() as { key: string; id: number; kind: string; decision: Decision | null }[];
  const existing = new Map(rows.map((r) => [r.key, r.id]));
  // An answer that removes its own cause ("I do use Alexa") keeps the answered warning listed, so
  // it can be seen among the dealt-with ones and undone.
  const outlives = new Set(
    rows
      .filter((r) => r.decision && (WARNING_KINDS as readonly string[]).includes(r.kind))
      .filter((r) => warningKinds[r.kind as WarningKind].outlivesAnswer)
      .map((r) => r.key),
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
    `INSERT INTO warning_decisions (key, decision, decided_at) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING`,
  );
  db.transaction(() => {
    const now = Date.now();
    const keep = new Set<string>();
    for (const w of computed) {
      keep.add(w.key);
      const values = { ...w, reason: storedMessage(w.reason), evidence: JSON.stringify(w.evidence), createdAt: now };
      let id = existing.get(w.key);
      if (id == null) id = Number(insert.run(values).lastInsertRowid);
      else {
        update.run({ ...values, id });
        unlink.run(id);
      }
      for (const r of w.recordingIds) link.run(id, r);
      // What the user taught elsewhere answers this warning too ("Alex" known, so "Alexander" is).
      const answer = warningKinds[w.kind].answered(profile, w);
      if (answer) learnt.run(w.key, answer, now);
    }
    for (const [key, id] of existing) if (!keep.has(key) && !outlives.has(key)) remove.run(id);
  })();
  return computed.length;
}

export function listWarnings(db: Db, options: { includeDecided?: boolean } = {}): StoredWarning[] {
  const rows = db
    .prepare(
      `SELECT w.*, e.label AS export_label, d.decision,
         (SELECT COUNT(*) FROM warning_recordings wr WHERE wr.warning_id = w.id) AS recordings
       FROM warnings w LEFT JOIN exports e ON e.id = w.export_id LEFT JOIN warning_decisions d ON d.key = w.key
       WHERE w.kind IN (${WARNING_KINDS.map((k) => `'${k}'`).join(', ')})
       ${options.includeDecided ? '' : 'AND d.decision IS NULL'}
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
    reason: parseStoredMessage(w.reason)!,
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
 * Records the user's decision, and what it teaches (a name becomes someone the user knows, an
 * account one of theirs, a word no person): see each kind's `learn`. The warnings are then recomputed.
 */
export function decideWarning(
  db: Db,
  warningId: number,
  decision: Decision,
  recompute: () => void,
): StoredWarning | null {
  const w = listWarnings(db, { includeDecided: true }).find((x) => x.id === warningId);
  if (!w) return null;
  const kind = warningKinds[w.kind];
  db.transaction(() => {
    const before = w.decision;
    db.prepare(
      `INSERT INTO warning_decisions (key, decision, decided_at) VALUES (?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET decision = excluded.decision, decided_at = excluded.decided_at`,
    ).run(w.key, decision, Date.now());
    let profile = getProfile(db);
    if (before) profile = kind.unlearn(profile, w, before);
    setProfile(db, kind.learn(profile, w, decision));
  })();
  recompute();
  return w;
}

/** Takes a decision back, and what it taught, so the warning is open again. */
export function undoDecision(db: Db, warningId: number): StoredWarning | null {
  const w = listWarnings(db, { includeDecided: true }).find((x) => x.id === warningId);
  if (!w) return null;
  db.transaction(() => {
    db.prepare('DELETE FROM warning_decisions WHERE key = ?').run(w.key);
    if (w.decision) setProfile(db, warningKinds[w.kind].unlearn(getProfile(db), w, w.decision));
  })();
  return w;
}
