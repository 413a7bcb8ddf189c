// Comparing signatures: cosine similarity, set-to-set similarity normalised by how alike a
// person's own recordings are, calibrated probabilities, and matching against enrolled people.

import type { VoiceModel } from './model.ts';

/** Cosine similarity of two signatures (−1…1; signatures are unit length, norms are rechecked). */
export function similarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** Summary of a set of signatures: their mean, and the average cosine between two different members. */
export interface VoiceSet {
  mean: Float64Array;
  size: number;
  /** Mean pairwise similarity between different members; NaN for a single member. */
  self: number;
}

export function summarise(vectors: ArrayLike<number>[]): VoiceSet {
  const dims = vectors[0]?.length ?? 0;
  const sum = new Float64Array(dims);
  for (const v of vectors) for (let d = 0; d < dims; d++) sum[d] = sum[d]! + v[d]!;
  const n = vectors.length;
  let sq = 0;
  for (let d = 0; d < dims; d++) sq += sum[d]! * sum[d]!;
  // Σ_i Σ_j x_i·x_j = |Σx|²; the diagonal contributes n (unit vectors).
  const self = n > 1 ? (sq - n) / (n * (n - 1)) : Number.NaN;
  return { mean: sum.map((s) => s / Math.max(n, 1)), size: n, self };
}

/** Average similarity between a recording and the members of a set (= x · mean). */
export function toSet(x: ArrayLike<number>, set: VoiceSet): number {
  let s = 0;
  for (let d = 0; d < set.mean.length; d++) s += x[d]! * set.mean[d]!;
  return s;
}

/** Average similarity between members of two sets. */
export function between(a: VoiceSet, b: VoiceSet): number {
  let s = 0;
  for (let d = 0; d < a.mean.length; d++) s += a.mean[d]! * b.mean[d]!;
  return s;
}

/** Within-set similarity to normalise by: the set's own, kept within sane bounds, else the model's typical one. */
export function selfOf(set: VoiceSet, model: VoiceModel): number {
  const typical = model.typicalSelf;
  if (!Number.isFinite(set.self) || set.size < 3) return typical;
  return Math.min(Math.max(set.self, 0.5 * typical), 1);
}

function unit(x: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < x.length; i++) n += x[i]! * x[i]!;
  n = Math.sqrt(n) || 1;
  return Float64Array.from(x as ArrayLike<number>, (v) => v / n);
}

/** Mean and spread of a direction's cosine against the model's cohort of background speakers. */
function cohortStats(u: Float64Array, model: VoiceModel): { mu: number; sd: number } {
  const c = model.cohort!;
  const dims = u.length;
  const k = c.length / dims;
  let s = 0;
  let sq = 0;
  for (let r = 0; r < k; r++) {
    let d = 0;
    for (let i = 0; i < dims; i++) d += u[i]! * c[r * dims + i]!;
    s += d;
    sq += d * d;
  }
  const mu = s / k;
  return { mu, sd: Math.sqrt(Math.max(sq / k - mu * mu, 1e-6)) };
}

/**
 * Symmetric score normalisation (s-norm) of the cosine between two directions against the cohort:
 * how much more alike they are than each is to other people. Without a cohort, the relative score.
 */
function snorm(a: Float64Array, b: Float64Array, model: VoiceModel): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  const ca = cohortStats(a, model);
  const cb = cohortStats(b, model);
  return 0.5 * ((s - ca.mu) / ca.sd + (s - cb.mu) / cb.sd);
}

/**
 * How much a recording resembles a person. With the model's cohort: s-normalised cosine to the
 * person's centroid (0 ≈ as alike as strangers, higher = more alike). Without: average similarity
 * relative to how much the person's own recordings resemble each other (≈1 same voice, ≈0 unrelated).
 */
export function relativeScore(x: ArrayLike<number>, set: VoiceSet, model: VoiceModel): number {
  if (model.cohort) return snorm(unit(x), unit(set.mean), model);
  return toSet(x, set) / selfOf(set, model);
}

/** Same, for two sets (e.g. a voice group of an export against an enrolled person). */
export function relativeSetScore(a: VoiceSet, b: VoiceSet, model: VoiceModel): number {
  if (model.cohort) return snorm(unit(a.mean), unit(b.mean), model);
  return between(a, b) / Math.sqrt(selfOf(a, model) * selfOf(b, model));
}

/** Calibrated probability that a recording with this relative score is the person's voice. */
export function probabilitySame(relScore: number, model: VoiceModel): number {
  const { a, b } = model.calibration;
  return 1 / (1 + Math.exp(-(a * relScore + b)));
}

export interface EnrolledPerson {
  person: string;
  vectors: ArrayLike<number>[];
}

export interface Match {
  /** The best-matching person, or null when the voice matches nobody enrolled. */
  person: string | null;
  /** 0..1: for a person, the probability that it is them; for null, that it is none of them. */
  confidence: number;
  /** The best person's relative score (≈1 same voice, ≈0 unrelated) and name, even when below threshold. */
  score: number;
  closest: string | null;
}

/** Matches one signature against the enrolled people (the user and their household). */
export function matchAgainst(enrolled: EnrolledPerson[], signature: ArrayLike<number>, model: VoiceModel): Match {
  let best: { person: string; score: number } | null = null;
  for (const e of enrolled) {
    if (e.vectors.length === 0) continue;
    const score = relativeScore(signature, summarise(e.vectors), model);
    if (!best || score > best.score) best = { person: e.person, score };
  }
  if (!best) return { person: null, confidence: 0, score: 0, closest: null };
  const p = probabilitySame(best.score, model);
  return p >= 0.5
    ? { person: best.person, confidence: p, score: best.score, closest: best.person }
    : { person: null, confidence: 1 - p, score: best.score, closest: best.person };
}
