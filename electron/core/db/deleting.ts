// Deleting recordings so they are really gone: rows and audio removed in one transaction,
// secure_delete zeroes the freed pages, and a vacuum returns them to the file system.
import type { DeleteSelection } from '../types/queries.ts';
import type { Db } from './library.ts';

function selectionWhere(s: DeleteSelection): { sql: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (s.ids?.length) {
    clauses.push('id IN (SELECT value FROM json_each(@ids))');
    params.ids = JSON.stringify(s.ids);
  }
  if (s.exportId != null) {
    clauses.push('export_id = @exportId');
    params.exportId = s.exportId;
  }
  if (s.from != null && s.to != null) {
    clauses.push('time_utc >= @from AND time_utc < @to');
    params.from = s.from;
    params.to = s.to;
  }
  // The contract refuses an empty selection; this guard keeps a bug from ever deleting everything.
  if (clauses.length === 0) throw new Error('An empty selection cannot be deleted.');
  return { sql: clauses.join(' AND '), params };
}

export function countSelection(db: Db, s: DeleteSelection): number {
  const w = selectionWhere(s);
  return db.prepare(`SELECT COUNT(*) FROM recordings WHERE ${w.sql}`).pluck().get(w.params) as number;
}

export function deleteSelection(db: Db, s: DeleteSelection): { deleted: number; exportsRemoved: number } {
  const w = selectionWhere(s);
  const result = db.transaction(() => {
    // Warnings about these recordings (a name said in them, a voice) would keep that name in the
    // file: those left with no recording are removed with them.
    const touched = db
      .prepare(
        `SELECT DISTINCT warning_id FROM warning_recordings
         WHERE recording_id IN (SELECT id FROM recordings WHERE ${w.sql})`,
      )
      .pluck()
      .all(w.params) as number[];
    const deleted = db.prepare(`DELETE FROM recordings WHERE ${w.sql}`).run(w.params).changes;
    db.prepare(
      `DELETE FROM warnings WHERE id IN (SELECT value FROM json_each(?))
         AND NOT EXISTS (SELECT 1 FROM warning_recordings wr WHERE wr.warning_id = warnings.id)`,
    ).run(JSON.stringify(touched));
    // An export left with no recordings is gone too (with its attachments, devices and names),
    // and a deleted export is removed whole even when it had none.
    const exportsRemoved = db
      .prepare(
        `DELETE FROM exports WHERE ${s.exportId != null ? 'id = @exportId OR ' : ''}
           NOT EXISTS (SELECT 1 FROM recordings r WHERE r.export_id = exports.id)`,
      )
      .run(s.exportId != null ? { exportId: s.exportId } : {}).changes;
    db.prepare(
      `UPDATE exports SET recording_count = (SELECT COUNT(*) FROM recordings r WHERE r.export_id = exports.id)`,
    ).run();
    // Voice groups follow (their signatures went with the recordings): true sizes, no empty groups.
    db.prepare(
      'UPDATE voice_groups SET size = (SELECT COUNT(*) FROM voice_signatures s WHERE s.group_id = voice_groups.id)',
    ).run();
    db.prepare('DELETE FROM voice_groups WHERE size = 0').run();
    return { deleted, exportsRemoved };
  })();
  if (result.deleted > 0 || result.exportsRemoved > 0) {
    // The WAL holds earlier versions of the pages (with the deleted words and audio) until it is
    // checkpointed and truncated; the vacuum then writes the shrunk file through the WAL again,
    // so it is truncated once more at the end, leaving nothing of the deleted recordings beside the file.
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return result;
}
