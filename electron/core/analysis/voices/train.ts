// Offline training of a VoiceModel from labelled speech (used by `scripts/eval-voices.ts --train`
// and, per fold, by the evaluation so that no speaker is scored by a model that heard them).

import { trainGmm, rng } from './gmm.ts';
import { inverseSqrt, matmul, meanVector, pca, symmetricEigen, withinClassCovariance } from './linalg.ts';
import type { VoiceModel } from './model.ts';
import { cmvn } from './features.ts';
import { finishVector, rawVector } from './signature.ts';

export const MODEL_VERSION = 1;

export interface TrainingClip {
  speaker: string;
  /** Speech frames (MFCC + Δ) of one recording, as extractFeatures returns them. */
  frames: Float32Array[];
}

export interface TrainOptions {
  raw: 'stats' | 'gmm';
  /** UBM size for raw = 'gmm'. */
  components?: number;
  relevance?: number;
  /** 'none' = z-norm only; 'pca' = PCA to `dims`; 'pca-wccn' = PCA then within-class whitening; 'lda' = PCA, WCCN, then LDA. */
  projection: 'none' | 'pca' | 'pca-wccn' | 'lda';
  dims?: number;
  /** Frames per clip sampled for UBM training. */
  ubmFramesPerClip?: number;
  seed?: number;
  /** Keep the training speakers' centroids as an s-norm cohort (default true). */
  cohort?: boolean;
}

export function describe(o: TrainOptions): string {
  const raw = o.raw === 'stats' ? 'mfcc-stats' : `gmm${o.components ?? 64}-map`;
  const name = o.projection === 'none' ? raw : `${raw} → ${o.projection}${o.dims ? `(${o.dims})` : ''}`;
  return o.cohort === false ? name : `${name} + s-norm`;
}

export function trainModel(clips: TrainingClip[], o: TrainOptions): VoiceModel {
  const random = rng(o.seed ?? 1);
  let ubm = null;
  const relevance = o.relevance ?? 16;
  if (o.raw === 'gmm') {
    const per = o.ubmFramesPerClip ?? 150;
    const frames: Float32Array[] = [];
    for (const c of clips) {
      const norm = cmvn(c.frames);
      const step = Math.max(1, Math.floor(norm.length / per));
      for (let i = 0; i < norm.length; i += step) frames.push(norm[i]!);
    }
    ubm = trainGmm(frames, o.components ?? 64);
  }
  const partial = { raw: o.raw, ubm, relevance };
  const raws = clips.map((c) => rawVector(partial, c.frames));
  const rawDims = raws[0]!.length;
  const mean = meanVector(raws);
  const scale = new Float64Array(rawDims);
  for (const r of raws) for (let d = 0; d < rawDims; d++) scale[d] = scale[d]! + (r[d]! - mean[d]!) ** 2;
  for (let d = 0; d < rawDims; d++) scale[d] = o.raw === 'gmm' ? 1 : Math.sqrt(scale[d]! / raws.length) || 1;
  const z = raws.map((r) => r.map((v, d) => (v - mean[d]!) / scale[d]!));
  const labels = clips.map((c) => c.speaker);
  let projection: Float64Array | null = null;
  let outDims = rawDims;
  if (o.projection !== 'none') {
    const k = Math.min(o.dims ?? 200, rawDims, z.length - 1);
    const p = pca(z, k, random);
    // PCA whitening so that WCCN's regularisation is relative to each direction's spread.
    projection = new Float64Array(k * rawDims);
    for (let r = 0; r < k; r++) {
      const s = 1 / Math.sqrt(Math.max(p.variances[r]!, 1e-9));
      for (let c = 0; c < rawDims; c++)
        projection[r * rawDims + c] = p.components[r * rawDims + c]! * (o.projection === 'pca' ? 1 : s);
    }
    outDims = k;
    if (o.projection === 'pca-wccn' || o.projection === 'lda') {
      const y = z.map((v) => matVec(projection!, k, rawDims, v));
      const w = withinClassCovariance(y, labels);
      const wInv = inverseSqrt(w, k, 0.05);
      projection = matmul(wInv, projection, k, k, rawDims);
      if (o.projection === 'lda') {
        const y2 = z.map((v) => matVec(projection!, k, rawDims, v));
        const lda = betweenClassDirections(y2, labels, k);
        projection = matmul(lda.rows, projection, lda.count, k, rawDims);
        outDims = lda.count;
      }
    }
  }
  const model: VoiceModel = {
    version: MODEL_VERSION,
    name: describe(o),
    raw: o.raw,
    ubm,
    relevance,
    rawDims,
    mean: Float32Array.from(mean),
    scale: Float32Array.from(scale),
    projection: projection ? Float32Array.from(projection) : null,
    outDims,
    // Placeholders: calibrate() sets these from speaker-disjoint trials.
    calibration: { a: 6, b: -3 },
    threshold: 0.3,
    typicalSelf: 0.4,
    groupThreshold: 0.6,
    falseMatchRate: 0.1,
    cohort: null,
  };
  if (o.cohort !== false) {
    // Cohort for score normalisation: each training speaker's unit-length centroid.
    const sigs = clips.map((c) => finishVector(model, rawVector(model, c.frames)));
    const rows: number[] = [];
    for (const spk of new Set(labels)) {
      const mine = sigs.filter((_, i) => labels[i] === spk);
      if (mine.length < 3) continue;
      const mu = meanVector(mine);
      const n = Math.sqrt(mu.reduce((s, v) => s + v * v, 0)) || 1;
      for (const v of mu) rows.push(v / n);
    }
    if (rows.length >= 5 * outDims) model.cohort = Float32Array.from(rows);
  }
  return model;
}

function matVec(p: Float64Array, rows: number, cols: number, x: ArrayLike<number>): Float64Array {
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = 0; c < cols; c++) s += p[r * cols + c]! * x[c]!;
    y[r] = s;
  }
  return y;
}

/** LDA in an already within-class-whitened space: the top eigenvectors of the between-class scatter. */
function betweenClassDirections(y: Float64Array[], labels: string[], k: number): { rows: Float64Array; count: number } {
  const classes = [...new Set(labels)];
  const mu = meanVector(y);
  const b = new Float64Array(k * k);
  for (const cls of classes) {
    const members = y.filter((_, i) => labels[i] === cls);
    const m = meanVector(members);
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) b[i * k + j] = b[i * k + j]! + (m[i]! - mu[i]!) * (m[j]! - mu[j]!);
  }
  const count = Math.max(1, Math.min(classes.length - 1, k));
  const { vectors } = symmetricEigen(b, k);
  return { rows: vectors.subarray(0, count * k), count };
}

/** Signatures of the training clips themselves (for calibration). */
export function signaturesOf(model: VoiceModel, clips: TrainingClip[]): Float32Array[] {
  return clips.map((c) => finishVector(model, rawVector(model, c.frames)));
}
