// Diagonal-covariance Gaussian mixtures: frame posteriors, MAP mean adaptation (GMM-UBM), and EM
// training of the universal background model (used offline by the training script).

export interface Gmm {
  /** Components × dims. */
  components: number;
  dims: number;
  weights: Float64Array;
  /** Row-major components × dims. */
  means: Float64Array;
  vars: Float64Array;
}

interface Precomputed {
  /** log w_c - 0.5 Σ log(2π σ²) per component. */
  logConst: Float64Array;
  invVar: Float64Array;
}

const cache = new WeakMap<Gmm, Precomputed>();

function precompute(g: Gmm): Precomputed {
  let p = cache.get(g);
  if (!p) {
    const logConst = new Float64Array(g.components);
    const invVar = new Float64Array(g.components * g.dims);
    for (let c = 0; c < g.components; c++) {
      let s = Math.log(Math.max(g.weights[c]!, 1e-300));
      for (let d = 0; d < g.dims; d++) {
        const v = g.vars[c * g.dims + d]!;
        s -= 0.5 * Math.log(2 * Math.PI * v);
        invVar[c * g.dims + d] = 1 / v;
      }
      logConst[c] = s;
    }
    p = { logConst, invVar };
    cache.set(g, p);
  }
  return p;
}

/**
 * Posterior responsibilities of every component for one frame into `post`; returns the frame's
 * log-likelihood.
 */
export function framePosteriors(g: Gmm, x: ArrayLike<number>, post: Float64Array): number {
  const { logConst, invVar } = precompute(g);
  const D = g.dims;
  let max = -Infinity;
  for (let c = 0; c < g.components; c++) {
    let q = 0;
    const o = c * D;
    for (let d = 0; d < D; d++) {
      const diff = x[d]! - g.means[o + d]!;
      q += diff * diff * invVar[o + d]!;
    }
    const ll = logConst[c]! - 0.5 * q;
    post[c] = ll;
    if (ll > max) max = ll;
  }
  let sum = 0;
  for (let c = 0; c < g.components; c++) {
    const e = Math.exp(post[c]! - max);
    post[c] = e;
    sum += e;
  }
  for (let c = 0; c < g.components; c++) post[c] = post[c]! / sum;
  return max + Math.log(sum);
}

/** Zeroth and first-order Baum–Welch statistics of frames against the UBM. */
export function baumWelch(g: Gmm, frames: ArrayLike<number>[]): { n: Float64Array; f: Float64Array } {
  const n = new Float64Array(g.components);
  const f = new Float64Array(g.components * g.dims);
  const post = new Float64Array(g.components);
  const D = g.dims;
  for (const x of frames) {
    framePosteriors(g, x, post);
    for (let c = 0; c < g.components; c++) {
      const p = post[c]!;
      if (p < 1e-5) continue;
      n[c] = n[c]! + p;
      const o = c * D;
      for (let d = 0; d < D; d++) f[o + d] = f[o + d]! + p * x[d]!;
    }
  }
  return { n, f };
}

/**
 * MAP-adapted mean offsets (relevance factor r), scaled by √w_c / σ so that Euclidean distance
 * between two supervectors approximates the KL divergence between the adapted models.
 */
export function mapSupervector(g: Gmm, frames: ArrayLike<number>[], relevance: number): Float64Array {
  const { n, f } = baumWelch(g, frames);
  const D = g.dims;
  const out = new Float64Array(g.components * D);
  for (let c = 0; c < g.components; c++) {
    const alpha = n[c]! / (n[c]! + relevance);
    const sw = Math.sqrt(g.weights[c]!);
    const o = c * D;
    for (let d = 0; d < D; d++) {
      const mean = n[c]! > 0 ? f[o + d]! / n[c]! : g.means[o + d]!;
      const adapted = alpha * (mean - g.means[o + d]!);
      out[o + d] = (sw * adapted) / Math.sqrt(g.vars[o + d]!);
    }
  }
  return out;
}

/** Deterministic pseudo-random numbers (mulberry32) so training is reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** EM training of a diagonal GMM by binary splitting from one component. */
export function trainGmm(
  frames: ArrayLike<number>[],
  components: number,
  opts: { itersPerSplit?: number; finalIters?: number; varFloor?: number } = {},
): Gmm {
  const D = frames[0]!.length;
  const itersPerSplit = opts.itersPerSplit ?? 4;
  const finalIters = opts.finalIters ?? 10;
  const varFloorRel = opts.varFloor ?? 0.01;
  // Global mean / variance.
  const gm = new Float64Array(D);
  const gv = new Float64Array(D);
  for (const x of frames) for (let d = 0; d < D; d++) gm[d] = gm[d]! + x[d]!;
  for (let d = 0; d < D; d++) gm[d] = gm[d]! / frames.length;
  for (const x of frames) for (let d = 0; d < D; d++) gv[d] = gv[d]! + (x[d]! - gm[d]!) ** 2;
  for (let d = 0; d < D; d++) gv[d] = gv[d]! / frames.length;
  const floor = gv.map((v) => v * varFloorRel);
  let g: Gmm = {
    components: 1,
    dims: D,
    weights: Float64Array.of(1),
    means: Float64Array.from(gm),
    vars: Float64Array.from(gv),
  };
  const em = (model: Gmm, iters: number): Gmm => {
    let cur = model;
    for (let it = 0; it < iters; it++) {
      const C = cur.components;
      const n = new Float64Array(C);
      const f = new Float64Array(C * D);
      const s = new Float64Array(C * D);
      const post = new Float64Array(C);
      for (const x of frames) {
        framePosteriors(cur, x, post);
        for (let c = 0; c < C; c++) {
          const p = post[c]!;
          if (p < 1e-6) continue;
          n[c] = n[c]! + p;
          const o = c * D;
          for (let d = 0; d < D; d++) {
            const v = x[d]!;
            f[o + d] = f[o + d]! + p * v;
            s[o + d] = s[o + d]! + p * v * v;
          }
        }
      }
      const weights = new Float64Array(C);
      const means = new Float64Array(C * D);
      const vars = new Float64Array(C * D);
      for (let c = 0; c < C; c++) {
        const nc = Math.max(n[c]!, 1e-3);
        weights[c] = nc / frames.length;
        for (let d = 0; d < D; d++) {
          const o = c * D + d;
          const m = n[c]! > 1e-3 ? f[o]! / nc : cur.means[o]!;
          means[o] = m;
          vars[o] = Math.max(n[c]! > 1e-3 ? s[o]! / nc - m * m : cur.vars[o]!, floor[d]!);
        }
      }
      let wsum = 0;
      for (let c = 0; c < C; c++) wsum += weights[c]!;
      for (let c = 0; c < C; c++) weights[c] = weights[c]! / wsum;
      cur = { components: C, dims: D, weights, means, vars };
    }
    return cur;
  };
  while (g.components < components) {
    const C = Math.min(g.components * 2, components);
    const weights = new Float64Array(C);
    const means = new Float64Array(C * D);
    const vars = new Float64Array(C * D);
    // Split the heaviest components first.
    const order = Array.from(g.weights.keys()).sort((a, b) => g.weights[b]! - g.weights[a]!);
    let k = 0;
    for (const c of order) {
      const split = k + 1 < C && C - k > g.components - order.indexOf(c) ? 2 : 1;
      for (let s = 0; s < split; s++) {
        weights[k] = g.weights[c]! / split;
        for (let d = 0; d < D; d++) {
          const sd = Math.sqrt(g.vars[c * D + d]!);
          means[k * D + d] = g.means[c * D + d]! + (split === 2 ? (s === 0 ? 0.2 : -0.2) * sd : 0);
          vars[k * D + d] = g.vars[c * D + d]!;
        }
        k++;
      }
    }
    g = em({ components: C, dims: D, weights, means, vars }, itersPerSplit);
  }
  return em(g, finalIters);
}
