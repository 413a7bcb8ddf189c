// Finds the people each recording mentions and stores them, once per recording: names in the
// transcript, and Alexa's own guess of who spoke (personsInfo, kept as the speaker label).
import type { Db } from '../db/library.ts';
import { foldPersonName } from './fold.ts';

export interface FoundName {
  name: string;
  /** Public figures ("how old is Angela Merkel") are not people from anyone's home: not recorded. */
  kind?: 'person' | 'public-figure';
}

export type NameFinder = (text: string) => FoundName[];

const BATCH = 2000;

/** Checks every recording not yet checked. Returns how many were checked. */
export function recordNameMentions(db: Db, findNames: NameFinder): number {
  const pending = db.prepare(
    'SELECT id, transcript, speaker_label FROM recordings WHERE names_checked = 0 ORDER BY id LIMIT ?',
  );
  const insert = db.prepare('INSERT INTO name_mentions (recording_id, name, folded, source) VALUES (?, ?, ?, ?)');
  const done = db.prepare('UPDATE recordings SET names_checked = 1 WHERE id = ?');
  let checked = 0;
  for (;;) {
    const rows = pending.all(BATCH) as { id: number; transcript: string | null; speaker_label: string | null }[];
    if (rows.length === 0) return checked;
    db.transaction(() => {
      for (const r of rows) {
        const seen = new Set<string>();
        for (const found of r.transcript ? findNames(r.transcript) : []) {
          if (found.kind === 'public-figure') continue;
          const folded = foldPersonName(found.name);
          if (!folded || seen.has(folded)) continue;
          seen.add(folded);
          insert.run(r.id, found.name, folded, 'transcript');
        }
        for (const label of (r.speaker_label ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)) {
          insert.run(r.id, label, foldPersonName(label), 'speaker');
        }
        done.run(r.id);
      }
    })();
    checked += rows.length;
  }
}
