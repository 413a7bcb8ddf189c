// Dense linear algebra for training the projection (offline) and applying it (at run time).

/** Symmetric eigendecomposition (cyclic Jacobi). Returns eigenvalues (descending) and eigenvectors as rows. */
export function symmetricEigen(a: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p * n + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const app = m[p * n + p]!;
        const aqq = m[q * n + q]!;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k * n + p]!;
          const mkq = m[k * n + q]!;
          m[k * n + p] = c * mkp - s * mkq;
          m[k * n + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p * n + k]!;
          const mqk = m[q * n + k]!;
          m[p * n + k] = c * mpk - s * mqk;
          m[q * n + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p]!;
          const vkq = v[k * n + q]!;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => m[y * n + y]! - m[x * n + x]!);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((col, r) => {
    values[r] = m[col * n + col]!;
    for (let k = 0; k < n; k++) vectors[r * n + k] = v[k * n + col]!;
  });
  return { values, vectors };
}

export function meanVector(xs: ArrayLike<number>[]): Float64Array {
  const D = xs[0]!.length;
  const mu = new Float64Array(D);
  for (const x of xs) for (let d = 0; d < D; d++) mu[d] = mu[d]! + x[d]!;
  for (let d = 0; d < D; d++) mu[d] = mu[d]! / xs.length;
  return mu;
}

/** y = P (x - mu) for a rows × cols matrix P. */
export function project(
  p: ArrayLike<number>,
  rows: number,
  cols: number,
  mu: ArrayLike<number> | null,
  x: ArrayLike<number>,
): Float64Array {
  const y = new Float64Array(rows);
  const xc = new Float64Array(cols);
  for (let c = 0; c < cols; c++) xc[c] = x[c]! - (mu ? mu[c]! : 0);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    const o = r * cols;
    for (let c = 0; c < cols; c++) s += p[o + c]! * xc[c]!;
    y[r] = s;
  }
  return y;
}

/** Orthonormalises the k rows (length D) of q in place (modified Gram–Schmidt). */
function orthonormaliseRows(q: Float64Array, k: number, D: number): void {
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < i; j++) {
      let dot = 0;
      for (let d = 0; d < D; d++) dot += q[i * D + d]! * q[j * D + d]!;
      for (let d = 0; d < D; d++) q[i * D + d] = q[i * D + d]! - dot * q[j * D + d]!;
    }
    let norm = 0;
    for (let d = 0; d < D; d++) norm += q[i * D + d]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < D; d++) q[i * D + d] = q[i * D + d]! / norm;
  }
}

/**
 * Top-k principal directions of centred data (rows k × D) with their variances, by randomised
 * subspace iteration then an exact k × k rotation.
 */
export function pca(
  xs: ArrayLike<number>[],
  k: number,
  random: () => number,
  iterations = 6,
): { mean: Float64Array; components: Float64Array; variances: Float64Array } {
  const D = xs[0]!.length;
  const N = xs.length;
  k = Math.min(k, D, N - 1);
  const mean = meanVector(xs);
  const X = xs.map((x) => {
    const r = new Float64Array(D);
    for (let d = 0; d < D; d++) r[d] = x[d]! - mean[d]!;
    return r;
  });
  let q: Float64Array = new Float64Array(k * D);
  for (let i = 0; i < q.length; i++) q[i] = random() - 0.5;
  orthonormaliseRows(q, k, D);
  const applyCov = (rows: Float64Array): Float64Array => {
    // rows (k × D) → (Xᵀ X rowsᵀ)ᵀ
    const out = new Float64Array(k * D);
    const proj = new Float64Array(k);
    for (const x of X) {
      for (let i = 0; i < k; i++) {
        let s = 0;
        const o = i * D;
        for (let d = 0; d < D; d++) s += rows[o + d]! * x[d]!;
        proj[i] = s;
      }
      for (let i = 0; i < k; i++) {
        const s = proj[i]!;
        const o = i * D;
        for (let d = 0; d < D; d++) out[o + d] = out[o + d]! + s * x[d]!;
      }
    }
    return out;
  };
  for (let it = 0; it < iterations; it++) {
    q = applyCov(q);
    orthonormaliseRows(q, k, D);
  }
  // Rayleigh–Ritz: small covariance in the subspace.
  const cq = applyCov(q);
  const small = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let d = 0; d < D; d++) s += q[i * D + d]! * cq[j * D + d]!;
      small[i * k + j] = s / N;
    }
  }
  for (let i = 0; i < k; i++)
    for (let j = i + 1; j < k; j++) small[i * k + j] = small[j * k + i] = 0.5 * (small[i * k + j]! + small[j * k + i]!);
  const { values, vectors } = symmetricEigen(small, k);
  const components = new Float64Array(k * D);
  for (let r = 0; r < k; r++) {
    for (let i = 0; i < k; i++) {
      const w = vectors[r * k + i]!;
      for (let d = 0; d < D; d++) components[r * D + d] = components[r * D + d]! + w * q[i * D + d]!;
    }
  }
  return { mean, components, variances: values };
}

/** Within-class scatter (averaged over classes) of vectors of dimension D. */
export function withinClassCovariance(xs: ArrayLike<number>[], labels: string[]): Float64Array {
  const D = xs[0]!.length;
  const byClass = new Map<string, number[]>();
  labels.forEach((l, i) => byClass.set(l, [...(byClass.get(l) ?? []), i]));
  const w = new Float64Array(D * D);
  let classes = 0;
  for (const idx of byClass.values()) {
    if (idx.length < 2) continue;
    classes++;
    const mu = meanVector(idx.map((i) => xs[i]!));
    const cls = new Float64Array(D * D);
    for (const i of idx) {
      const x = xs[i]!;
      for (let a = 0; a < D; a++) {
        const da = x[a]! - mu[a]!;
        for (let b = a; b < D; b++) cls[a * D + b] = cls[a * D + b]! + da * (x[b]! - mu[b]!);
      }
    }
    for (let a = 0; a < D; a++) for (let b = a; b < D; b++) w[a * D + b] = w[a * D + b]! + cls[a * D + b]! / idx.length;
  }
  for (let a = 0; a < D; a++) {
    for (let b = a; b < D; b++) {
      w[a * D + b] = w[a * D + b]! / Math.max(classes, 1);
      w[b * D + a] = w[a * D + b]!;
    }
  }
  return w;
}

/** W^{-1/2} with the eigenvalues floored at `floor` × their mean (regularised WCCN). */
export function inverseSqrt(w: Float64Array, D: number, floor: number): Float64Array {
  const { values, vectors } = symmetricEigen(w, D);
  let mean = 0;
  for (const v of values) mean += v;
  mean /= D;
  const out = new Float64Array(D * D);
  for (let r = 0; r < D; r++) {
    const s = 1 / Math.sqrt(Math.max(values[r]!, floor * mean, 1e-12));
    for (let a = 0; a < D; a++) {
      const va = vectors[r * D + a]! * s;
      for (let b = 0; b < D; b++) out[a * D + b] = out[a * D + b]! + va * vectors[r * D + b]!;
    }
  }
  return out;
}

/** Matrix product A (r × m) · B (m × c). */
export function matmul(a: ArrayLike<number>, b: ArrayLike<number>, r: number, m: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k]!;
      if (aik === 0) continue;
      for (let j = 0; j < c; j++) out[i * c + j] = out[i * c + j]! + aik * b[k * c + j]!;
    }
  }
  return out;
}
