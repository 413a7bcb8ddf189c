// What Earshot keeps of an export besides its recordings: files it cannot read as recordings (e.g.
// the transcripts PDF of an Amazon 2018 delivery), to save again, and the names the export itself
// mentions (Alexa contacts), which can tell whose export it is. The export's page shows both.
import type { KeptFile, MentionedName } from '../types/library.ts';
import type { Db } from './library.ts';
import { parseStoredMessage, rawText } from '../messages/index.ts';

export function listKeptFiles(db: Db, exportId: number): KeptFile[] {
  const rows = db
    .prepare(
      'SELECT id, path, reason, length(bytes) AS size, sha256 FROM attachments WHERE export_id = ? ORDER BY path, id',
    )
    .all(exportId) as (Omit<KeptFile, 'reason'> & { reason: string })[];
  return rows.map((r) => ({ ...r, reason: parseStoredMessage(r.reason) ?? rawText('') }));
}

/** One kept file's bytes, or null when it is no longer in the library. */
export function readKeptFile(db: Db, id: number): { path: string; bytes: Buffer } | null {
  const row = db.prepare('SELECT path, bytes FROM attachments WHERE id = ?').get(id) as
    { path: string; bytes: Buffer } | undefined;
  return row ?? null;
}

/** The names an export mentions (contacts), in the order the import found them. */
export function listMentionedNames(db: Db, exportId: number): MentionedName[] {
  return db
    .prepare('SELECT name, found_in AS foundIn FROM export_names WHERE export_id = ? ORDER BY rowid')
    .all(exportId) as MentionedName[];
}
