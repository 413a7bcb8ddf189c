// The voice model: what turns MFCC frames into a fixed-length signature, and the calibration
// that turns a similarity into a probability. Trained offline by `scripts/eval-voices.ts --train`
// on speech from Debian packages and shipped as resources/voices/voice-model.json (base64 floats).

import type { Gmm } from './gmm.ts';

export type RawKind = 'stats' | 'gmm';

export interface VoiceModel {
  /** Bumped whenever signatures from an older model are no longer comparable. */
  version: number;
  /** Human-readable name of the method, e.g. "gmm64-map → pca → wccn". */
  name: string;
  raw: RawKind;
  /** For raw = 'gmm': the universal background model over CMVN'd MFCC+Δ frames, and MAP relevance. */
  ubm: Gmm | null;
  relevance: number;
  rawDims: number;
  /** Subtracted from the raw vector, then each dimension divided by `scale` (z-normalisation). */
  mean: Float32Array;
  scale: Float32Array;
  /** outDims × rawDims, applied after z-normalisation; null = identity. */
  projection: Float32Array | null;
  outDims: number;
  /** Logistic calibration of the relative score (see scoring.ts): P(same) = 1 / (1 + exp(-(a·s + b))). */
  calibration: { a: number; b: number };
  /** Cosine similarity at the pairwise equal-error point on the training trials. */
  threshold: number;
  /** Typical mean cosine between two recordings of the same speaker (used when a person has < 3). */
  typicalSelf: number;
  /** Export verdict: a voice group matches an enrolled person when its relative score reaches this. */
  groupThreshold: number;
  /** Share of other people's recordings that individually pass P(same) ≥ 0.5 on the training trials. */
  falseMatchRate: number;
  /** Unit-length centroids (k × outDims) of the training speakers, for score normalisation; null = none. */
  cohort: Float32Array | null;
}

export interface VoiceModelJson {
  version: number;
  name: string;
  raw: RawKind;
  ubm: { components: number; dims: number; weights: string; means: string; vars: string } | null;
  relevance: number;
  rawDims: number;
  mean: string;
  scale: string;
  projection: string | null;
  outDims: number;
  calibration: { a: number; b: number };
  threshold: number;
  typicalSelf: number;
  groupThreshold: number;
  falseMatchRate: number;
  cohort?: string | null;
  /** How it was trained (data, speakers, date) — informational. */
  trainedOn?: unknown;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of little-endian float32s (runtime-neutral: no Buffer, no atob). */
export function floatsToBase64(values: ArrayLike<number>): string {
  const f = Float32Array.from(values as ArrayLike<number>);
  const bytes = new Uint8Array(f.byteLength);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < f.length; i++) view.setFloat32(i * 4, f[i]!, true);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : B64[c & 63]!;
  }
  return out;
}

export function base64ToFloats(text: string): Float32Array {
  const clean = text.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = B64.indexOf(clean[i]!);
    if (v < 0) throw new Error('invalid base64 in the voice model');
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[o++] = (acc >> bits) & 0xff;
    }
  }
  const view = new DataView(bytes.buffer);
  const out = new Float32Array(bytes.length >> 2);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

export function modelToJson(m: VoiceModel, trainedOn?: unknown): VoiceModelJson {
  return {
    version: m.version,
    name: m.name,
    raw: m.raw,
    ubm: m.ubm
      ? {
          components: m.ubm.components,
          dims: m.ubm.dims,
          weights: floatsToBase64(m.ubm.weights),
          means: floatsToBase64(m.ubm.means),
          vars: floatsToBase64(m.ubm.vars),
        }
      : null,
    relevance: m.relevance,
    rawDims: m.rawDims,
    mean: floatsToBase64(m.mean),
    scale: floatsToBase64(m.scale),
    projection: m.projection ? floatsToBase64(m.projection) : null,
    outDims: m.outDims,
    calibration: m.calibration,
    threshold: m.threshold,
    typicalSelf: m.typicalSelf,
    groupThreshold: m.groupThreshold,
    falseMatchRate: m.falseMatchRate,
    cohort: m.cohort ? floatsToBase64(m.cohort) : null,
    ...(trainedOn === undefined ? {} : { trainedOn }),
  };
}

export function modelFromJson(j: VoiceModelJson): VoiceModel {
  return {
    version: j.version,
    name: j.name,
    raw: j.raw,
    ubm: j.ubm
      ? {
          components: j.ubm.components,
          dims: j.ubm.dims,
          weights: Float64Array.from(base64ToFloats(j.ubm.weights)),
          means: Float64Array.from(base64ToFloats(j.ubm.means)),
          vars: Float64Array.from(base64ToFloats(j.ubm.vars)),
        }
      : null,
    relevance: j.relevance,
    rawDims: j.rawDims,
    mean: base64ToFloats(j.mean),
    scale: base64ToFloats(j.scale),
    projection: j.projection ? base64ToFloats(j.projection) : null,
    outDims: j.outDims,
    calibration: j.calibration,
    threshold: j.threshold,
    typicalSelf: j.typicalSelf,
    groupThreshold: j.groupThreshold,
    falseMatchRate: j.falseMatchRate,
    cohort: j.cohort ? base64ToFloats(j.cohort) : null,
  };
}
