// Migration 7: libraries stored person-facing sentences as English text; from version 7 they store
// {key, params} as JSON. Each stored sentence is recognised back into its catalogue key here — the
// only place the regex recognition is still used. Text that is no catalogue sentence is kept as is.
import type Database from 'better-sqlite3';

/** The library's connection (Db in library.ts, which imports this file: named here to avoid a cycle). */
type Db = Database.Database;
import { message, recogniseMessage, sentences, storedMessage, type Message } from '../messages/index.ts';

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
