// Recording → voice signature: MFCC frames of speech → a raw vector (MFCC statistics or a MAP
// supervector against the UBM) → z-normalisation and projection → unit-length Float32Array.

import { message, type Message } from '../../messages/index.ts';
import { cmvn, extractFeatures, STATIC_DIMS, type NoSignatureReason } from './features.ts';
import { mapSupervector } from './gmm.ts';
import type { VoiceModel } from './model.ts';

export type SignatureResult =
  | { ok: true; vector: Float32Array; speechSec: number; durationSec: number }
  | { ok: false; reason: NoSignatureReason; message: Message };

/**
 * MFCC statistics of the speech frames (no per-recording normalisation): mean of c1..c19, standard
 * deviation of c0..c19 and of their deltas — 59 numbers.
 */
export function statsVector(frames: Float32Array[]): Float64Array {
  const D = frames[0]!.length;
  const mu = new Float64Array(D);
  const sq = new Float64Array(D);
  for (const f of frames) {
    for (let d = 0; d < D; d++) {
      mu[d] = mu[d]! + f[d]!;
      sq[d] = sq[d]! + f[d]! * f[d]!;
    }
  }
  const n = frames.length;
  const out = new Float64Array(STATIC_DIMS - 1 + D);
  let o = 0;
  for (let d = 1; d < STATIC_DIMS; d++) out[o++] = mu[d]! / n;
  for (let d = 0; d < D; d++) out[o++] = Math.sqrt(Math.max(sq[d]! / n - (mu[d]! / n) ** 2, 0));
  return out;
}

/** The model's raw (un-projected) vector for a recording's speech frames. */
export function rawVector(model: Pick<VoiceModel, 'raw' | 'ubm' | 'relevance'>, frames: Float32Array[]): Float64Array {
  if (model.raw === 'stats') return statsVector(frames);
  if (!model.ubm) throw new Error('the voice model has no UBM');
  return mapSupervector(model.ubm, cmvn(frames), model.relevance);
}

/** z-normalise, project and length-normalise a raw vector. */
export function finishVector(model: VoiceModel, raw: ArrayLike<number>): Float32Array {
  const z = new Float64Array(model.rawDims);
  for (let d = 0; d < model.rawDims; d++) z[d] = (raw[d]! - model.mean[d]!) / model.scale[d]!;
  let out: Float64Array;
  if (model.projection) {
    out = new Float64Array(model.outDims);
    const p = model.projection;
    for (let r = 0; r < model.outDims; r++) {
      let s = 0;
      const o = r * model.rawDims;
      for (let c = 0; c < model.rawDims; c++) s += p[o + c]! * z[c]!;
      out[r] = s;
    }
  } else out = z;
  let n = 0;
  for (let i = 0; i < out.length; i++) n += out[i]! * out[i]!;
  n = Math.sqrt(n) || 1;
  return Float32Array.from(out, (v) => v / n);
}

/** Voice signature of mono audio at any sample rate; `ok: false` with a reason for silence or too little speech. */
export function signatureOf(model: VoiceModel, samples: Float32Array, sampleRate: number): SignatureResult {
  const feats = extractFeatures(samples, sampleRate);
  if (!feats.ok) return feats;
  const raw = rawVector(model, feats.features.frames);
  for (let i = 0; i < raw.length; i++) {
    if (!Number.isFinite(raw[i]!)) return { ok: false, reason: 'invalid', message: message('voices.numericalTrouble') };
  }
  return {
    ok: true,
    vector: finishVector(model, raw),
    speechSec: feats.features.speechSec,
    durationSec: feats.features.durationSec,
  };
}
