// Small pieces every importer needs.
import { Transform } from 'node:stream';
import type { NewRecording, RecordingSource } from '../model.ts';

/** Drops a UTF-8 byte-order mark at the very start, which the JSON parser would refuse. */
export function stripBom(): Transform {
  let first = true;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (first) {
        first = false;
        if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      }
      done(null, chunk);
    },
  });
}

/** A recording's `extra` without the fields that say nothing (null, false, empty lists). */
export function compactExtra(extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(extra)) {
    if (v === null || v === undefined || v === false) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out;
}

/** When a sound file says it was made, as far as it says (its name, or the file's date). */
export interface SoundFileTime {
  utc: number | null;
  original: string | null;
  zone: string | null;
}

/**
 * A recording known only from its sound file: nothing was said about it in the export but its
 * time, so no transcript, device or flags unless the caller has them.
 */
export function soundFileRecording(
  key: string,
  source: RecordingSource,
  audioPath: string,
  time: SoundFileTime,
  more: Partial<Omit<NewRecording, 'key' | 'source' | 'audioPath' | 'timeUtc' | 'timeOriginal' | 'timeZone'>> = {},
): NewRecording {
  return {
    key,
    source,
    timeUtc: time.utc,
    timeOriginal: time.original,
    timeZone: time.zone,
    device: null,
    deviceSerial: null,
    title: null,
    transcript: null,
    response: null,
    notIntended: false,
    unrecognizedSpeaker: false,
    vendorFlags: [],
    speakerLabel: null,
    extra: {},
    ...more,
    audioPath,
  };
}
