// Migrations 7 and 10: libraries stored person-facing sentences as English text; from version 7 they
// store warnings' reasons as {key, params} JSON, from version 10 import reports' notes and skip
// reasons, kept files' reasons and audio and voice-signature errors too. Each stored sentence is
// recognised back into its catalogue key here — the only place the regex recognition is still used.
// Text that is no catalogue sentence is kept as raw text.
import type Database from 'better-sqlite3';

/** The library's connection (Db in library.ts, which imports this file: named here to avoid a cycle). */
type Db = Database.Database;
import { isMessage, message, recogniseMessage, sentences, storedMessage, type Message } from '../messages/index.ts';

function recognised(text: unknown): Message {
  return recogniseMessage(typeof text === 'string' ? text : '');
}

/** A warning's signs (kept in its evidence) with their reasons as messages. */
function signsWithMessages(evidence: Record<string, unknown>): Message[] {
  const signs = evidence.signs;
  if (!Array.isArray(signs)) return [];
  const out: Message[] = [];
  for (const sign of signs as { reason?: unknown }[]) {
    if (typeof sign !== 'object' || sign === null) continue;
    const m = recognised(sign.reason);
    sign.reason = m;
    out.push(m);
  }
  return out;
}

function warnings(db: Db) {
  const rows = db.prepare('SELECT id, kind, reason, evidence FROM warnings').all() as {
    id: number;
    kind: string;
    reason: string;
    evidence: string;
  }[];
  const update = db.prepare('UPDATE warnings SET reason = ?, evidence = ? WHERE id = ?');
  for (const r of rows) {
    let evidence: Record<string, unknown>;
    try {
      evidence = JSON.parse(r.evidence) as Record<string, unknown>;
    } catch {
      evidence = {};
    }
    const signs = signsWithMessages(evidence);
    // An export's verdict was stored as its headline followed by each sign's sentence.
    const reason =
      r.kind === 'export' && signs.length
        ? sentences([message('warnings.exportVerdict', { count: signs.length }), ...signs])
        : recognised(r.reason);
    update.run(
      storedMessage(reason),
      r.evidence === '{}' && !signs.length ? r.evidence : JSON.stringify(evidence),
      r.id,
    );
  }
}

export function storeSentencesAsMessages(db: Db): void {
  warnings(db);
}

/** A sentence in a report: a message already (a report written since version 10) or English text. */
function asMessage(value: unknown): Message {
  return isMessage(value) ? value : recognised(value);
}

/** A column that held English text: its message as JSON. A row that already holds one is left alone. */
function storedAsMessage(text: string): string {
  try {
    if (isMessage(JSON.parse(text))) return text;
  } catch {
    // not JSON: English text, recognised below
  }
  return storedMessage(recogniseMessage(text));
}

/** Each export's import report as the window shows it again: its notes and skip reasons. */
function reports(db: Db) {
  const rows = db.prepare('SELECT id, report FROM exports').all() as { id: number; report: string }[];
  const update = db.prepare('UPDATE exports SET report = ? WHERE id = ?');
  for (const r of rows) {
    let report: { notes?: unknown; skipped?: unknown };
    try {
      report = JSON.parse(r.report) as typeof report;
    } catch {
      continue; // a damaged report is left as it is; the window shows what it can
    }
    if (typeof report !== 'object' || report === null) continue;
    const notes = Array.isArray(report.notes) ? (report.notes as unknown[]) : null;
    const skipped = Array.isArray(report.skipped) ? (report.skipped as unknown[]) : null;
    if (!notes && !skipped) continue;
    if (notes) report.notes = notes.map(asMessage);
    if (skipped)
      report.skipped = skipped.map((s) =>
        typeof s === 'object' && s !== null ? { ...s, reason: asMessage((s as { reason?: unknown }).reason) } : s,
      );
    update.run(JSON.stringify(report), r.id);
  }
}

/** Text columns that held one English sentence each, converted in place. */
function column(db: Db, table: string, key: string, name: string) {
  const rows = db.prepare(`SELECT ${key} AS id, ${name} AS text FROM ${table} WHERE ${name} IS NOT NULL`).all() as {
    id: number;
    text: string;
  }[];
  const update = db.prepare(`UPDATE ${table} SET ${name} = ? WHERE ${key} = ?`);
  for (const r of rows) {
    const stored = storedAsMessage(r.text);
    if (stored !== r.text) update.run(stored, r.id);
  }
}

export function storeReportsAsMessages(db: Db): void {
  reports(db);
  column(db, 'attachments', 'id', 'reason');
  column(db, 'recordings', 'id', 'audio_error');
  column(db, 'voice_signatures', 'recording_id', 'error');
}
