// The first bytes of an export entry, to recognise audio by its content without reading it whole.
import { constants, gunzipSync } from 'node:zlib';
import type { ExportEntry } from '../../archive/export-files.ts';
import { describeOtherFormat, isGzip, sniffAudio, type AudioKind } from '../../audio/sniff.ts';
import { message, type Message } from '../../messages/index.ts';

const HEAD_BYTES = 4096;

/** At least ~4 KB from the start of `entry` (all of it when shorter). */
export function readHead(entry: ExportEntry, bytes = HEAD_BYTES): Promise<Buffer> {
  return entry.head(bytes);
}

export interface HeadFacts {
  /** Audio kind of the content (after gunzip when the file is gzip-compressed), or null. */
  audio: AudioKind | null;
  gzip: boolean;
  /** What the file is when it is not audio ("a text file"), when recognisable. */
  other: Message | null;
}

/** Reads the head of `entry` and says what it holds. Gzip-compressed audio is looked into. */
export async function sniffEntry(entry: ExportEntry): Promise<HeadFacts> {
  let head: Uint8Array = await readHead(entry);
  let gzip = false;
  if (isGzip(head)) {
    gzip = true;
    try {
      head = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 1024 * 1024 });
    } catch {
      return { audio: null, gzip, other: message('alexa.headDamagedGzip') };
    }
  }
  const audio = sniffAudio(head);
  return {
    audio,
    gzip,
    other: audio ? null : (describeOtherFormat(head) ?? (gzip ? message('alexa.headGzip') : null)),
  };
}
