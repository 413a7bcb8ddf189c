// Files of an export that Earshot keeps but cannot read as recordings (e.g. the transcripts PDF of
// an Amazon 2018 delivery): the export's page lists them so the user can save them again.
import type { KeptFile } from '../types/library.ts';
import type { Db } from './library.ts';

export function listKeptFiles(db: Db, exportId: number): KeptFile[] {
  return db
    .prepare(
      'SELECT id, path, reason, length(bytes) AS size, sha256 FROM attachments WHERE export_id = ? ORDER BY path, id',
    )
    .all(exportId) as KeptFile[];
}

/** One kept file's bytes, or null when it is no longer in the library. */
export function readKeptFile(db: Db, id: number): { path: string; bytes: Buffer } | null {
  const row = db.prepare('SELECT path, bytes FROM attachments WHERE id = ?').get(id) as
    { path: string; bytes: Buffer } | undefined;
  return row ?? null;
}
