// "Delete all my data": every recording, export, warning, voice sample and setting is removed,
// zeroed (secure_delete) and vacuumed out of the file, and the app's other files are deleted.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { say } from '../messages/index.ts';
import type { Db } from './library.ts';

export interface WipeResult {
  recordings: number;
  exports: number;
  /** Plain descriptions of what was removed, for the confirmation. */
  removed: string[];
}

export function wipeAllData(db: Db, libraryFile: string): WipeResult {
  const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  const recordings = count('recordings');
  const exports = count('exports');
  const voiceSamples = count('enrolled_voices');
  const tables = (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'recordings_fts%'",
      )
      .pluck()
      .all() as string[]
  ).filter((t) => t !== 'recordings_fts');
  db.transaction(() => {
    db.pragma('foreign_keys = OFF');
    for (const t of tables) db.prepare(`DELETE FROM "${t}"`).run();
    db.prepare("INSERT INTO recordings_fts(recordings_fts) VALUES ('delete-all')").run();
  })();
  db.pragma('foreign_keys = ON');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');

  const removed = [
    say('library.wipedRecordings', { count: recordings, exports: say('library.wipedExports', { count: exports }) }),
    say('library.wipedProfile'),
  ];
  if (voiceSamples) removed.push(say('library.wipedVoiceSamples', { count: voiceSamples }));
  // Files beside the library: the window's size and position, and unfinished import files.
  const dir = path.dirname(libraryFile);
  // Damaged libraries moved aside at start-up ("Start a new library") hold everything the old
  // library held: "all my data" includes them, with their WAL side files.
  const asidePrefix = `${path.basename(libraryFile)}.damaged-`;
  const aside = existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(asidePrefix)) : [];
  for (const f of aside) rmSync(path.join(dir, f), { force: true, recursive: true });
  const asideLibraries = aside.filter((f) => !/-(wal|shm|journal)$/.test(f)).length;
  if (asideLibraries > 0) removed.push(say('library.wipedDamagedCopies', { count: asideLibraries }));
  for (const name of ['window-state.json', 'import-temp']) {
    const p = path.join(dir, name);
    if (!existsSync(p)) continue;
    if (name === 'import-temp') {
      for (const f of readdirSync(p)) rmSync(path.join(p, f), { recursive: true, force: true });
      removed.push(say('library.wipedTempFiles'));
    } else {
      rmSync(p, { force: true });
      removed.push(say('library.wipedWindowState'));
    }
  }
  return { recordings, exports, removed };
}
