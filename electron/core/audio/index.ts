// The audio module: recognise, decode and summarise a recording once, at import time, so the UI
// never has to decode to draw. Runtime-neutral (no Electron, no Node-only APIs).

import { message, type Message } from '../messages/index.ts';
import type { AudioAnalysis, AudioFacts } from '../model.ts';
import { decodeMp3 } from './mp3.ts';
import { decodeOpus } from './opus.ts';
import { computePeaks, peakBucketCount } from './peaks.ts';
import { describeOtherFormat, isGzip, sniffAudio, type AudioKind } from './sniff.ts';
import { AudioDecodeError, mixToMono, type DecodedAudio } from './types.ts';
import { decodeWav, isWavInfo, parseWavInfo, wavPeaks } from './wav.ts';

export { sniffAudio, isGzip, type AudioKind } from './sniff.ts';
export { computePeaks, peakBucketCount, MAX_PEAKS, PEAKS_PER_SECOND } from './peaks.ts';
export { parseWav, decodeWav, type WavInfo } from './wav.ts';
export { AudioDecodeError, type DecodedAudio } from './types.ts';

/** Largest size a gzip-compressed audio file may unpack to. */
const MAX_GUNZIPPED_BYTES = 512 * 1024 * 1024;

interface Decoded extends DecodedAudio {
  codec: AudioKind;
  channels: number;
  durationMs: number;
}

function fail(reason: Message): AudioAnalysis {
  return { ok: false, reason };
}

/** Gunzips with the platform's DecompressionStream (Node ≥ 18, Chromium). Null when it fails. */
async function gunzip(bytes: Uint8Array): Promise<Uint8Array | null> {
  if (typeof DecompressionStream === 'undefined') return null;
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
    const reader = stream.getReader();
    const parts: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_GUNZIPPED_BYTES) {
        await reader.cancel();
        return null;
      }
      parts.push(value);
    }
    const out = new Uint8Array(total);
    let off = 0;
    for (const p of parts) {
      out.set(p, off);
      off += p.length;
    }
    return out;
  } catch {
    return null;
  }
}

type Prepared = { ok: true; bytes: Uint8Array; kind: AudioKind } | { ok: false; reason: Message };

/** Checks the input, gunzips it if needed, and recognises the format. */
async function prepare(input: Uint8Array): Promise<Prepared> {
  if (!(input instanceof Uint8Array)) return { ok: false, reason: message('audio.unreadable') };
  if (input.length === 0) return { ok: false, reason: message('audio.empty') };
  let bytes = input;
  if (isGzip(bytes)) {
    const unpacked = await gunzip(bytes);
    if (!unpacked) return { ok: false, reason: message('audio.gzipFailed') };
    if (unpacked.length === 0) return { ok: false, reason: message('audio.emptyUnpacked') };
    bytes = unpacked;
  }
  const kind = sniffAudio(bytes);
  if (!kind) {
    const other = describeOtherFormat(bytes);
    return {
      ok: false,
      reason: other ? message('audio.notAudioLike', { other }) : message('audio.notAudio'),
    };
  }
  return { ok: true, bytes, kind };
}

async function decode(kind: AudioKind, bytes: Uint8Array): Promise<Decoded> {
  switch (kind) {
    case 'wav': {
      const d = decodeWav(bytes);
      if (d.length === 0) throw new AudioDecodeError(message('audio.wavNoSamples'));
      return {
        ...d,
        codec: 'wav',
        channels: d.info.channels,
        durationMs: (d.length / d.sampleRate) * 1000,
      };
    }
    case 'mp3':
      return { ...(await decodeMp3(bytes)), codec: 'mp3' };
    case 'opus':
      return { ...(await decodeOpus(bytes)), codec: 'opus' };
  }
}

function reasonOf(e: unknown, kind: AudioKind | null): Message {
  if (e instanceof AudioDecodeError) return e.reason;
  if (kind === 'wav') return message('audio.wavDamaged');
  if (kind === 'mp3') return message('audio.mp3Damaged');
  if (kind === 'opus') return message('audio.opusDamaged');
  return message('audio.damaged');
}

/**
 * Recognises, decodes and summarises one audio file. Never throws: anything that is not playable
 * audio comes back as `{ ok: false, reason }` with a sentence a user can read.
 */
export async function analyseAudio(bytes: Uint8Array): Promise<AudioAnalysis> {
  let kind: AudioKind | null = null;
  try {
    const prepared = await prepare(bytes);
    if (!prepared.ok) return fail(prepared.reason);
    kind = prepared.kind;
    if (kind === 'wav') return analyseWav(prepared.bytes);
    const d = await decode(kind, prepared.bytes);
    const facts: AudioFacts = {
      codec: d.codec,
      sampleRate: d.sampleRate,
      channels: d.channels,
      durationMs: Math.round(d.durationMs),
      peaks: computePeaks(d.channelData, peakBucketCount(d.durationMs / 1000), d.length),
    };
    return { ok: true, ...facts };
  } catch (e) {
    return fail(reasonOf(e, kind));
  }
}

/** A WAV's facts and waveform, read straight from its samples (what decode + computePeaks would give). */
function analyseWav(bytes: Uint8Array): AudioAnalysis {
  const info = parseWavInfo(bytes);
  if (!isWavInfo(info)) return fail(info);
  if (info.frames === 0) return fail(message('audio.wavNoSamples'));
  const durationMs = (info.frames / info.sampleRate) * 1000;
  return {
    ok: true,
    codec: 'wav',
    sampleRate: info.sampleRate,
    channels: info.channels,
    durationMs: Math.round(durationMs),
    peaks: wavPeaks(bytes, info, peakBucketCount(durationMs / 1000)),
  };
}

/**
 * Decodes to one channel (the average of all channels) for voice analysis, with the same shared
 * decoders. Null when the bytes are not decodable audio.
 */
export async function decodeMono(bytes: Uint8Array): Promise<{ sampleRate: number; samples: Float32Array } | null> {
  try {
    const prepared = await prepare(bytes);
    if (!prepared.ok) return null;
    const d = await decode(prepared.kind, prepared.bytes);
    if (d.length === 0) return null;
    return { sampleRate: d.sampleRate, samples: mixToMono(d.channelData, d.length) };
  } catch {
    return null;
  }
}
