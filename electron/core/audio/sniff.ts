// Recognising audio by its content, never by its file name.

import { message, type Message } from '../messages/index.ts';
import { findFirstFrame } from './mpeg-frames.ts';

export type AudioKind = 'wav' | 'mp3' | 'opus';

function at(bytes: Uint8Array, pos: number, text: string): boolean {
  if (pos < 0 || pos + text.length > bytes.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[pos + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** gzip member header (1f 8b, deflate). The caller gunzips and sniffs again. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0x1f && bytes[1] === 0x8b && bytes[2] === 0x08;
}

/** RIFF/RF64 container holding WAVE. */
export function isWav(bytes: Uint8Array): boolean {
  return (at(bytes, 0, 'RIFF') || at(bytes, 0, 'RF64') || at(bytes, 0, 'BW64')) && at(bytes, 8, 'WAVE');
}

/** Ogg stream whose first packet is an Opus identification header. */
export function isOggOpus(bytes: Uint8Array): boolean {
  if (!at(bytes, 0, 'OggS') || bytes.length < 27) return false;
  const segments = bytes[26]!;
  return at(bytes, 27 + segments, 'OpusHead');
}

/** The audio format of `bytes`, judged by content only. */
export function sniffAudio(bytes: Uint8Array): AudioKind | null {
  if (bytes.length < 4) return null;
  if (isWav(bytes)) return 'wav';
  if (isOggOpus(bytes)) return 'opus';
  if (findFirstFrame(bytes) >= 0) return 'mp3';
  return null;
}

/**
 * A short, plain description of a file that is not WAV, MP3 or Ogg Opus, when it is something
 * recognisable, so the user learns what it is ("an M4A/AAC file"). Null when unknown.
 */
export function describeOtherFormat(bytes: Uint8Array): Message | null {
  if (at(bytes, 4, 'ftyp')) return message('audio.formatMp4');
  if (at(bytes, 0, 'fLaC')) return message('audio.formatFlac');
  if (at(bytes, 0, 'OggS')) {
    const segments = bytes.length > 26 ? bytes[26]! : 0;
    if (at(bytes, 28 + segments, 'vorbis')) return message('audio.formatOggVorbis');
    if (at(bytes, 27 + segments, 'Speex')) return message('audio.formatOggSpeex');
    return message('audio.formatOggOther');
  }
  if (bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3)
    return message('audio.formatWebm');
  if (at(bytes, 0, '#!AMR')) return message('audio.formatAmr');
  if (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1]! & 0xf6) === 0xf0) return message('audio.formatAac');
  if (at(bytes, 0, 'FORM') && (at(bytes, 8, 'AIFF') || at(bytes, 8, 'AIFC'))) return message('audio.formatAiff');
  if (at(bytes, 0, 'RIFF')) return message('audio.formatRiff');
  if (at(bytes, 0, 'PK\x03\x04')) return message('audio.formatZip');
  if (at(bytes, 0, '%PDF')) return message('audio.formatPdf');
  if (looksLikeText(bytes)) return message('audio.formatText');
  return null;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512);
  if (n === 0) return false;
  let printable = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return false;
    if (b === 9 || b === 10 || b === 13 || (b >= 0x20 && b < 0x7f) || b >= 0x80) printable++;
  }
  return printable === n && isMostlyUtf8(bytes.subarray(0, n));
}

function isMostlyUtf8(bytes: Uint8Array): boolean {
  try {
    // stream: true tolerates a multi-byte character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}
