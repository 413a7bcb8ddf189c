// Front end: audio → MFCC frames of speech. Everything is resampled to 8 kHz first (the lowest
// rate among assistant recordings and the Debian telephone prompts), so a 16 kHz Alexa WAV and an
// 8 kHz Google MP3 of the same voice produce comparable features.

import { message, type Message } from '../../messages/index.ts';
import { dctMatrix, fftPlan, melFilterbank, powerSpectrum, resample } from './dsp.ts';

export const FEATURE_RATE = 8000;
const FRAME = 200; // 25 ms
const HOP = 80; // 10 ms
const NFFT = 256;
const MELS = 24;
const CEPS = 20; // c0..c19
const PRE_EMPHASIS = 0.97;
/** Mel band edges: the low end skips mains hum and the high end stays inside MP3/telephone bands. */
const MEL_LOW_HZ = 100;
const MEL_HIGH_HZ = 3800;

/** Frames quieter than this (dBFS of the frame's RMS) are never speech. */
const ABSOLUTE_FLOOR_DB = -60;
/** Speech frames are those within this many dB of the loudest frames. */
const DYNAMIC_RANGE_DB = 30;
/** ... and this many dB above the noise floor (10th percentile of frame energy). */
const ABOVE_NOISE_DB = 6;
/** Fewer speech frames than this (0.5 s) give no signature. */
export const MIN_SPEECH_FRAMES = 50;

export const STATIC_DIMS = CEPS;
export const FEATURE_DIMS = 2 * CEPS;

export interface Features {
  /** Speech frames only, each FEATURE_DIMS long: c0..c19 then their deltas, before normalisation. */
  frames: Float32Array[];
  /** Seconds of audio analysed and of speech kept. */
  durationSec: number;
  speechSec: number;
}

export type FeatureResult =
  { ok: true; features: Features } | { ok: false; reason: NoSignatureReason; message: Message };

export type NoSignatureReason = 'empty' | 'silent' | 'too-short' | 'invalid';

let tables: {
  plan: ReturnType<typeof fftPlan>;
  mel: Float64Array[];
  dct: Float64Array[];
  window: Float64Array;
} | null = null;

function getTables(): NonNullable<typeof tables> {
  if (!tables) {
    const window = new Float64Array(FRAME);
    for (let i = 0; i < FRAME; i++) window[i] = 0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (FRAME - 1));
    tables = {
      plan: fftPlan(NFFT),
      mel: melFilterbank(MELS, NFFT, FEATURE_RATE, MEL_LOW_HZ, MEL_HIGH_HZ),
      dct: dctMatrix(CEPS, MELS),
      window,
    };
  }
  return tables;
}

/** Energy-based voice activity: a mask over frames (true = speech). */
export function speechMask(frameDb: Float64Array): boolean[] {
  const sorted = Array.from(frameDb).sort((a, b) => a - b);
  const max = sorted[Math.floor(0.99 * (sorted.length - 1))]!; // robust to a single click
  const floor = sorted[Math.floor(0.1 * (sorted.length - 1))]!;
  const threshold = Math.max(ABSOLUTE_FLOOR_DB, max - DYNAMIC_RANGE_DB, Math.min(floor + ABOVE_NOISE_DB, max - 10));
  const mask = Array.from(frameDb, (db) => db > threshold);
  // Bridge one-frame gaps and drop isolated single frames (clicks).
  for (let i = 1; i + 1 < mask.length; i++) {
    if (!mask[i] && mask[i - 1] && mask[i + 1]) mask[i] = true;
  }
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] && !(mask[i - 1] ?? false) && !(mask[i + 1] ?? false)) mask[i] = false;
  }
  return mask;
}

/** MFCC + delta features of the speech in a mono signal at any sample rate. */
export function extractFeatures(samples: Float32Array, sampleRate: number): FeatureResult {
  if (!(samples instanceof Float32Array) || !Number.isFinite(sampleRate) || sampleRate < 4000) {
    return {
      ok: false,
      reason: 'invalid',
      message: message('voices.invalidAudio'),
    };
  }
  if (samples.length === 0) return { ok: false, reason: 'empty', message: message('voices.noAudio') };
  const x = resample(samples, sampleRate, FEATURE_RATE);
  const durationSec = x.length / FEATURE_RATE;
  const nFrames = x.length < FRAME ? 0 : 1 + Math.floor((x.length - FRAME) / HOP);
  if (nFrames < MIN_SPEECH_FRAMES) {
    return {
      ok: false,
      reason: 'too-short',
      message: message('voices.tooShort', { seconds: durationSec.toFixed(2) }),
    };
  }
  // DC removal over the whole clip.
  let mean = 0;
  for (let i = 0; i < x.length; i++) mean += x[i]!;
  mean /= x.length;

  const { plan, mel, dct, window } = getTables();
  const frame = new Float64Array(NFFT);
  const re = new Float64Array(NFFT);
  const im = new Float64Array(NFFT);
  const power = new Float64Array(NFFT / 2 + 1);
  const logMel = new Float64Array(MELS);
  const ceps: Float32Array[] = [];
  const frameDb = new Float64Array(nFrames);
  for (let f = 0; f < nFrames; f++) {
    const start = f * HOP;
    let energy = 0;
    let prev = start > 0 ? x[start - 1]! - mean : 0;
    for (let i = 0; i < FRAME; i++) {
      const s = x[start + i]! - mean;
      energy += s * s;
      frame[i] = (s - PRE_EMPHASIS * prev) * window[i]!;
      prev = s;
    }
    frame.fill(0, FRAME);
    frameDb[f] = 10 * Math.log10(energy / FRAME + 1e-12);
    powerSpectrum(plan, frame, re, im, power);
    for (let m = 0; m < MELS; m++) {
      const row = mel[m]!;
      let e = 0;
      for (let k = 0; k < power.length; k++) e += row[k]! * power[k]!;
      logMel[m] = Math.log(e + 1e-10);
    }
    const c = new Float32Array(FEATURE_DIMS);
    for (let k = 0; k < CEPS; k++) {
      const row = dct[k]!;
      let v = 0;
      for (let m = 0; m < MELS; m++) v += row[m]! * logMel[m]!;
      c[k] = v;
    }
    ceps.push(c);
  }
  // Deltas by linear regression over ±2 frames (edges clamped).
  for (let f = 0; f < nFrames; f++) {
    const out = ceps[f]!;
    for (let k = 0; k < CEPS; k++) {
      let d = 0;
      for (let t = 1; t <= 2; t++) {
        const a = ceps[Math.min(nFrames - 1, f + t)]![k]!;
        const b = ceps[Math.max(0, f - t)]![k]!;
        d += t * (a - b);
      }
      out[CEPS + k] = d / 10;
    }
  }
  const mask = speechMask(frameDb);
  const frames = ceps.filter((_, i) => mask[i]);
  const speechSec = (frames.length * HOP) / FEATURE_RATE;
  if (frames.length === 0) return { ok: false, reason: 'silent', message: message('voices.noSpeech') };
  if (frames.length < MIN_SPEECH_FRAMES) {
    return {
      ok: false,
      reason: 'too-short',
      message: message('voices.tooLittleSpeech', { seconds: speechSec.toFixed(2) }),
    };
  }
  return { ok: true, features: { frames, durationSec, speechSec } };
}

/** Per-recording cepstral mean and variance normalisation (removes the channel's fixed colouring). */
export function cmvn(frames: Float32Array[]): Float32Array[] {
  const dims = frames[0]?.length ?? 0;
  const mu = new Float64Array(dims);
  const sq = new Float64Array(dims);
  for (const f of frames) {
    for (let d = 0; d < dims; d++) {
      mu[d] = mu[d]! + f[d]!;
      sq[d] = sq[d]! + f[d]! * f[d]!;
    }
  }
  const n = frames.length;
  const sd = new Float64Array(dims);
  for (let d = 0; d < dims; d++) {
    mu[d] = mu[d]! / n;
    sd[d] = Math.sqrt(Math.max(sq[d]! / n - mu[d]! * mu[d]!, 1e-8));
  }
  return frames.map((f) => {
    const o = new Float32Array(dims);
    for (let d = 0; d < dims; d++) o[d] = (f[d]! - mu[d]!) / sd[d]!;
    return o;
  });
}
