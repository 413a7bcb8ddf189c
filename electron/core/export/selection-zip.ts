// "Export selection": a ZIP of the recordings' original audio, byte for byte, plus a CSV of their
// metadata, written as a stream so a large selection never sits in memory.
import yazl from 'yazl';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../db/library.ts';

const extensions: Record<string, string> = { wav: 'wav', mp3: 'mp3', opus: 'opus' };

const columns = [
  'id',
  'time_utc',
  'time_original',
  'time_zone',
  'device',
  'device_serial',
  'source',
  'transcript',
  'response',
  'not_intended',
  'unrecognized_speaker',
  'speaker_label',
  'duration_ms',
  'codec',
  'sample_rate',
  'channels',
  'audio_sha256',
  'audio_file',
  'export',
] as const;

export function csvField(value: unknown): string {
  if (value == null) return '';
  // A number is written as itself: -5 is a value, not a formula.
  if (typeof value === 'number') return String(value);
  const text = String(value);
  // Neutralise formula prefixes (CSV injection) in every cell: = + - @ start a formula, tab and CR
  // are dropped by some programs before they look, and `;` starts a new cell for the German
  // spreadsheets that split on it (also after leading spaces, which some programs trim).
  const safe = /^[\s;]*[=+\-@]|^[\t\r\n;|]/.test(text) ? `'${text}` : text;
  // Quote anything a spreadsheet might misread, including `;` and tab as separators.
  return /[",;\t\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export async function writeSelectionZip(
  db: Db,
  ids: number[],
  out: Writable,
): Promise<{ recordings: number; audioFiles: number }> {
  const zip = new yazl.ZipFile();
  const done = pipeline(zip.outputStream, out);
  const rows = db
    .prepare(
      `SELECT r.id, r.time_utc, r.time_original, r.time_zone, r.device, r.device_serial, r.source, r.transcript,
         r.response, r.not_intended, r.unrecognized_speaker, r.speaker_label, r.duration_ms, r.codec, r.sample_rate,
         r.channels, r.audio_sha256, r.has_audio, e.label AS export
       FROM recordings r JOIN exports e ON e.id = r.export_id
       WHERE r.id IN (SELECT value FROM json_each(?)) ORDER BY r.time_utc, r.id`,
    )
    .all(JSON.stringify(ids)) as Record<string, unknown>[];
  const audio = db.prepare('SELECT bytes FROM audio WHERE recording_id = ?').pluck();
  const lines = [columns.join(',')];
  let audioFiles = 0;
  for (const row of rows) {
    let audioFile = '';
    if (row.has_audio) {
      const bytes = audio.get(row.id) as Buffer | undefined;
      if (bytes) {
        const time =
          typeof row.time_utc === 'number'
            ? new Date(row.time_utc).toISOString().replace(/[:.]/g, '-')
            : 'unknown-time';
        audioFile = `audio/${time}_${row.id}.${extensions[String(row.codec)] ?? 'bin'}`;
        // Audio is already compressed: store it as is.
        zip.addBuffer(bytes, audioFile, { compress: false });
        audioFiles++;
      }
    }
    const values: Record<string, unknown> = {
      ...row,
      time_utc: typeof row.time_utc === 'number' ? new Date(row.time_utc).toISOString() : '',
      audio_file: audioFile,
    };
    lines.push(columns.map((c) => csvField(values[c])).join(','));
  }
  // A byte-order mark so spreadsheet programs read the CSV as UTF-8.
  zip.addBuffer(Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8'), 'recordings.csv');
  zip.end();
  await done;
  return { recordings: rows.length, audioFiles };
}
