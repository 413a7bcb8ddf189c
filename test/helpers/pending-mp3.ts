// A library of MP3 recordings imported with their waveforms deferred: listed, playable, no peaks
// yet — what the background waveform pass starts from. The MP3 is made with lame.
import { execFileSync } from 'node:child_process';
import { openLibrary, type Db } from '../../electron/core/db/library.ts';
import { makeWav } from './wav.ts';

export const HAS_LAME = (() => {
  try {
    execFileSync('lame', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** `count` recordings (ids 1…count, in time order) sharing one MP3 of `seconds` of a 300 Hz tone. */
export function pendingMp3Library(count: number, seconds: number): { db: Db; mp3: Buffer } {
  const mp3 = execFileSync('lame', ['--quiet', '-b', '32', '-', '-'], { input: makeWav(seconds, { frequency: 300 }) });
  const db = openLibrary(':memory:');
  db.prepare(
    "INSERT INTO exports (kind, label, source_files, imported_at, report) VALUES ('google', 'x', '[]', 0, '{}')",
  ).run();
  const row = db.prepare(
    "INSERT INTO recordings (export_id, key, source, time_utc, has_audio, codec) VALUES (1, ?, 'google', ?, 1, 'mp3')",
  );
  const audio = db.prepare('INSERT INTO audio (recording_id, bytes) VALUES (?, ?)');
  for (let i = 0; i < count; i++) audio.run(row.run(`k${i}`, 1_700_000_000_000 + i).lastInsertRowid, mp3);
  return { db, mp3 };
}
