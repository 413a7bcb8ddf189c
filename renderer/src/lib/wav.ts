// A voice sample as the core reads it: 16-bit PCM mono WAV, built here from whatever the
// microphone or a chosen file gave (the core decodes only WAV, MP3 and Ogg Opus).

/** The rate samples are sent at: plenty for a voice, and small. */
export const sampleRateForVoice = 16_000;

/** Averages the channels into one. */
export function downmix(channels: Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0]!;
  const length = Math.min(...channels.map((c) => c.length));
  const out = new Float32Array(length);
  for (const c of channels) for (let i = 0; i < length; i++) out[i]! += c[i]! / channels.length;
  return out;
}

/** A mono WAV file (RIFF, PCM, 16-bit little-endian) of the samples (-1…1, clipped). */
export function encodeWav(samples: Float32Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    view.setInt16(44 + i * 2, s < 0 ? s * 0x8000 : s * 0x7fff, true);
  }
  return bytes;
}

/** Base64 of bytes, in chunks (no call-stack limit on long samples). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Root-mean-square level of a block, 0…1: how loud the microphone is right now. */
export function level(samples: Float32Array | Uint8Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  if (samples instanceof Uint8Array) {
    for (const s of samples) sum += ((s - 128) / 128) ** 2;
  } else {
    for (const s of samples) sum += s * s;
  }
  return Math.min(1, Math.sqrt(sum / samples.length) * 3);
}

/** Seconds of the sample that are louder than the noise floor: a rough check that someone spoke. */
export function voicedSeconds(samples: Float32Array, sampleRate: number): number {
  const block = Math.max(1, Math.round(sampleRate * 0.03));
  let voiced = 0;
  for (let i = 0; i + block <= samples.length; i += block) {
    if (level(samples.subarray(i, i + block)) > 0.06) voiced++;
  }
  return (voiced * block) / sampleRate;
}
