// Ogg Opus through one shared ogg-opus-decoder instance (created lazily, calls serialised).
// Note: ogg-opus-decoder itself builds a fresh inner Opus decoder per Ogg stream (the channel
// layout comes from each file's header); the outer instance and its parser are what we reuse.

import { OggOpusDecoder } from 'ogg-opus-decoder';
import { message } from '../messages/index.ts';
import { SerialQueue } from './serial.ts';
import { AudioDecodeError, type DecodedAudio } from './types.ts';

export interface OpusDecoded extends DecodedAudio {
  channels: number;
  durationMs: number;
  /** The sample rate the audio was recorded at, as the OpusHead says (playback is always 48 kHz). */
  inputSampleRate: number;
}

const DAMAGED = message('audio.opusDamaged');

let decoderPromise: Promise<OggOpusDecoder> | null = null;
const queue = new SerialQueue();

function getDecoder(): Promise<OggOpusDecoder> {
  if (!decoderPromise) {
    const decoder = new OggOpusDecoder();
    decoderPromise = decoder.ready.then(() => decoder);
    decoderPromise.catch(() => {
      decoderPromise = null;
    });
  }
  return decoderPromise;
}

/** Channel count and input rate from the OpusHead packet on the first page. */
function readOpusHead(bytes: Uint8Array): { channels: number; inputSampleRate: number } | null {
  if (bytes.length < 28) return null;
  const head = 27 + bytes[26]!;
  if (head + 19 > bytes.length) return null;
  const channels = bytes[head + 9]!;
  const inputSampleRate =
    (bytes[head + 12]! | (bytes[head + 13]! << 8) | (bytes[head + 14]! << 16) | (bytes[head + 15]! << 24)) >>> 0;
  return channels > 0 ? { channels, inputSampleRate } : null;
}

export function decodeOpus(bytes: Uint8Array): Promise<OpusDecoded> {
  const head = readOpusHead(bytes);
  if (!head) return Promise.reject(new AudioDecodeError(message('audio.opusCutShort')));
  return queue.run(async () => {
    let decoder: OggOpusDecoder | null = null;
    try {
      decoder = await getDecoder();
      const r = await decoder.decodeFile(bytes);
      if (!r.samplesDecoded || !r.channelData.length) throw new AudioDecodeError(DAMAGED);
      const sampleRate = r.sampleRate || 48000;
      return {
        sampleRate,
        channelData: r.channelData,
        length: r.samplesDecoded,
        channels: r.channelData.length,
        durationMs: (r.samplesDecoded / sampleRate) * 1000,
        inputSampleRate: head.inputSampleRate || sampleRate,
      };
    } catch (e) {
      // Leave the shared decoder clean for the next file.
      try {
        await decoder?.reset();
      } catch {
        decoderPromise = null;
      }
      if (e instanceof AudioDecodeError) throw e;
      throw new AudioDecodeError(DAMAGED);
    }
  });
}
