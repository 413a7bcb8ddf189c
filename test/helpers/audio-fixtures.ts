// Audio fixtures for tests: WAV files written by hand (every PCM layout the decoder must read),
// G.711 reference encoders, and detection of the command-line tools some tests use.

import { spawnSync } from 'node:child_process';

export type WavSampleFormat = 'u8' | 's16' | 's24' | 's32' | 'f32' | 'f64' | 'mulaw' | 'alaw';

export interface WavSpec {
  sampleRate: number;
  /** One array per channel, values −1…1. */
  channels: Float32Array[];
  format: WavSampleFormat;
  /** Write WAVE_FORMAT_EXTENSIBLE (0xFFFE) with the sub-format GUID. */
  extensible?: boolean;
  /** Chunks placed between fmt and data, e.g. LIST. Odd sizes get a pad byte unless `omitPad`. */
  extraChunks?: { id: string; body: Uint8Array; omitPad?: boolean }[];
  /** Override the size written in the data chunk header (e.g. 0xFFFFFFFF, or more than is there). */
  dataSizeField?: number;
  /** Override the format code (for unsupported-encoding tests). */
  formatCode?: number;
}

const FORMAT_CODE: Record<WavSampleFormat, number> = {
  u8: 1,
  s16: 1,
  s24: 1,
  s32: 1,
  f32: 3,
  f64: 3,
  mulaw: 7,
  alaw: 6,
};
const BYTES: Record<WavSampleFormat, number> = { u8: 1, s16: 2, s24: 3, s32: 4, f32: 4, f64: 8, mulaw: 1, alaw: 1 };

function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

function clamp16(x: number): number {
  return Math.max(-32768, Math.min(32767, Math.round(x * 32768)));
}

/** ITU G.711 µ-law encoder (after the Sun reference implementation), 16-bit linear in. */
export function linearToMulaw(pcm16: number): number {
  const segEnd = [0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff, 0x1fff];
  let pcm = pcm16 >> 2;
  let mask: number;
  if (pcm < 0) {
    pcm = -pcm;
    mask = 0x7f;
  } else mask = 0xff;
  if (pcm > 8159) pcm = 8159;
  pcm += 0x84 >> 2;
  let seg = 0;
  while (seg < 8 && pcm > segEnd[seg]!) seg++;
  if (seg >= 8) return 0x7f ^ mask;
  return ((seg << 4) | ((pcm >> (seg + 1)) & 0xf)) ^ mask;
}

/** ITU G.711 A-law encoder (after the Sun reference implementation), 16-bit linear in. */
export function linearToAlaw(pcm16: number): number {
  const segEnd = [0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff];
  let pcm = pcm16 >> 3;
  let mask: number;
  if (pcm >= 0) mask = 0xd5;
  else {
    mask = 0x55;
    pcm = -pcm - 1;
  }
  let seg = 0;
  while (seg < 8 && pcm > segEnd[seg]!) seg++;
  if (seg >= 8) return 0x7f ^ mask;
  let aval = seg << 4;
  aval |= seg < 2 ? (pcm >> 1) & 0xf : (pcm >> seg) & 0xf;
  return aval ^ mask;
}

/** A RIFF/WAVE file written byte by byte. */
export function makeWav(spec: WavSpec): Uint8Array {
  const nch = spec.channels.length;
  const frames = spec.channels[0]?.length ?? 0;
  const bps = BYTES[spec.format];
  const blockAlign = bps * nch;
  const dataLen = frames * blockAlign;
  const fmtLen = spec.extensible ? 40 : spec.format === 'mulaw' || spec.format === 'alaw' ? 18 : 16;
  const extras = spec.extraChunks ?? [];
  let extraLen = 0;
  for (const c of extras) extraLen += 8 + c.body.length + (c.body.length & 1 && !c.omitPad ? 1 : 0);
  const total = 12 + 8 + fmtLen + extraLen + 8 + dataLen;
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  out.set(ascii('RIFF'), 0);
  v.setUint32(4, total - 8, true);
  out.set(ascii('WAVE'), 8);
  let p = 12;
  out.set(ascii('fmt '), p);
  v.setUint32(p + 4, fmtLen, true);
  p += 8;
  const code = spec.formatCode ?? FORMAT_CODE[spec.format];
  v.setUint16(p, spec.extensible ? 0xfffe : code, true);
  v.setUint16(p + 2, nch, true);
  v.setUint32(p + 4, spec.sampleRate, true);
  v.setUint32(p + 8, spec.sampleRate * blockAlign, true);
  v.setUint16(p + 12, blockAlign, true);
  v.setUint16(p + 14, bps * 8, true);
  if (fmtLen === 18) v.setUint16(p + 16, 0, true);
  if (spec.extensible) {
    v.setUint16(p + 16, 22, true); // cbSize
    v.setUint16(p + 18, bps * 8, true); // valid bits
    v.setUint32(p + 20, nch === 1 ? 0x4 : 0x3, true); // channel mask
    // SubFormat GUID: {code}-0000-0010-8000-00aa00389b71
    v.setUint16(p + 24, code, true);
    out.set([0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71], p + 26);
  }
  p += fmtLen;
  for (const c of extras) {
    out.set(ascii(c.id), p);
    v.setUint32(p + 4, c.body.length, true);
    out.set(c.body, p + 8);
    p += 8 + c.body.length + (c.body.length & 1 && !c.omitPad ? 1 : 0);
  }
  out.set(ascii('data'), p);
  v.setUint32(p + 4, spec.dataSizeField ?? dataLen, true);
  p += 8;
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < nch; c++) {
      const x = spec.channels[c]![i]!;
      switch (spec.format) {
        case 'u8':
          out[p] = Math.max(0, Math.min(255, Math.round(x * 128) + 128));
          break;
        case 's16':
          v.setInt16(p, clamp16(x), true);
          break;
        case 's24': {
          const s = Math.max(-8388608, Math.min(8388607, Math.round(x * 8388608)));
          out[p] = s & 0xff;
          out[p + 1] = (s >> 8) & 0xff;
          out[p + 2] = (s >> 16) & 0xff;
          break;
        }
        case 's32':
          v.setInt32(p, Math.max(-2147483648, Math.min(2147483647, Math.round(x * 2147483648))), true);
          break;
        case 'f32':
          v.setFloat32(p, x, true);
          break;
        case 'f64':
          v.setFloat64(p, x, true);
          break;
        case 'mulaw':
          out[p] = linearToMulaw(clamp16(x));
          break;
        case 'alaw':
          out[p] = linearToAlaw(clamp16(x));
          break;
      }
      p += bps;
    }
  }
  return out;
}

/** A sine tone. */
export function sine(freq: number, seconds: number, sampleRate: number, amplitude = 0.5, phase = 0): Float32Array {
  const n = Math.round(seconds * sampleRate);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = amplitude * Math.sin(phase + (2 * Math.PI * freq * i) / sampleRate);
  return out;
}

/** Deterministic pseudo-random bytes (xorshift32). */
export function randomBytes(n: number, seed = 12345): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

const toolCache = new Map<string, boolean>();

/** Whether a command-line tool can be run (e.g. `hasTool('ffprobe', ['-version'])`). */
export function hasTool(cmd: string, args: string[] = ['--version']): boolean {
  const key = cmd + ' ' + args.join(' ');
  let ok = toolCache.get(key);
  if (ok === undefined) {
    const r = spawnSync(cmd, args, { stdio: 'ignore' });
    ok = !r.error;
    toolCache.set(key, ok);
  }
  return ok;
}
