// Shared shapes of the audio module.
import { english, type Message } from '../messages/index.ts';

/** PCM after decoding: one Float32Array per channel, all the same length, nominally −1…1. */
export interface DecodedAudio {
  sampleRate: number;
  channelData: Float32Array[];
  /** Samples per channel. */
  length: number;
}

/** Decoding failed in a way the user should be told about: `reason` as a catalogue message, `message` in English. */
export class AudioDecodeError extends Error {
  constructor(readonly reason: Message) {
    super(english(reason));
    this.name = 'AudioDecodeError';
  }
}

/** Average of all channels (the same array back when there is only one). */
export function mixToMono(channelData: Float32Array[], length: number): Float32Array {
  const n = channelData.length;
  if (n === 1) return channelData[0]!.length === length ? channelData[0]! : channelData[0]!.subarray(0, length);
  const out = new Float32Array(length);
  if (n === 0) return out;
  for (let c = 0; c < n; c++) {
    const ch = channelData[c]!;
    for (let i = 0; i < length; i++) out[i] = out[i]! + ch[i]!;
  }
  const scale = 1 / n;
  for (let i = 0; i < length; i++) out[i] = out[i]! * scale;
  return out;
}
