// Grouping recordings by voice without an n × n matrix: a leader pass assigns each signature to
// the first sufficiently similar running cluster (O(n·k)), average-linkage agglomeration then
// merges those clusters (O(k²), k ≪ n), and a final pass reassigns every recording to the group
// it resembles most. Average linkage is exact from cluster sums because signatures are unit length.

import type { VoiceModel } from './model.ts';

export interface SignatureRef {
  id: string;
  vector: ArrayLike<number>;
}

export interface VoiceGroup {
  /** Stable within one result: "A", "B", … by decreasing size (then "AA", "AB", …). */
  label: string;
  members: string[];
  /** Mean of the members' signatures (not unit length). */
  mean: Float32Array;
  /** Average similarity between two different members (NaN for one member). */
  cohesion: number;
}

export interface GroupOptions {
  /** Average-linkage similarity at which two clusters are the same voice; default the model's threshold. */
  mergeThreshold?: number;
  /** A recording joins a running cluster at this average similarity; default mergeThreshold + 0.1. */
  leaderThreshold?: number;
  /** Most clusters the leader pass may open (memory bound of the merge step: k² floats). */
  maxClusters?: number;
}

interface Cluster {
  sum: Float64Array;
  n: number;
  members: number[];
}

function label(i: number): string {
  let s = '';
  let k = i;
  do {
    s = String.fromCharCode(65 + (k % 26)) + s;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return s;
}

/** Average similarity of unit vector x to the members of a cluster (x · mean). */
function avgSim(x: ArrayLike<number>, c: Cluster): number {
  let s = 0;
  for (let d = 0; d < c.sum.length; d++) s += x[d]! * c.sum[d]!;
  return s / c.n;
}

/** Average pairwise similarity between members of two clusters. */
function linkage(a: Cluster, b: Cluster): number {
  let s = 0;
  for (let d = 0; d < a.sum.length; d++) s += a.sum[d]! * b.sum[d]!;
  return s / (a.n * b.n);
}

export function groupVoices(
  signatures: SignatureRef[],
  model: Pick<VoiceModel, 'threshold'>,
  opts: GroupOptions = {},
): VoiceGroup[] {
  if (signatures.length === 0) return [];
  const dims = signatures[0]!.vector.length;
  const merge = opts.mergeThreshold ?? model.threshold;
  const lead = opts.leaderThreshold ?? merge + 0.1;
  const maxClusters = opts.maxClusters ?? 3000;
  const vecs = signatures.map((s) => s.vector);

  // 1. Leader pass.
  let clusters: Cluster[] = [];
  vecs.forEach((x, i) => {
    let best = -1;
    let bestSim = -Infinity;
    for (let c = 0; c < clusters.length; c++) {
      const s = avgSim(x, clusters[c]!);
      if (s > bestSim) {
        bestSim = s;
        best = c;
      }
    }
    if (best < 0 || (bestSim < lead && clusters.length < maxClusters)) {
      const sum = new Float64Array(dims);
      for (let d = 0; d < dims; d++) sum[d] = x[d]!;
      clusters.push({ sum, n: 1, members: [i] });
    } else {
      const c = clusters[best]!;
      for (let d = 0; d < dims; d++) c.sum[d] = c.sum[d]! + x[d]!;
      c.n++;
      c.members.push(i);
    }
  });

  // 2. Average-linkage agglomeration of the clusters, with a k × k similarity table.
  const k = clusters.length;
  const sim = new Float32Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = a + 1; b < k; b++) sim[a * k + b] = sim[b * k + a] = linkage(clusters[a]!, clusters[b]!);
  const alive = new Uint8Array(k).fill(1);
  // Each row's most similar partner, so one merge costs O(k) plus the rows it invalidates.
  const bestOf = new Int32Array(k).fill(-1);
  const rowBest = (a: number): void => {
    let b = -1;
    let v = -Infinity;
    for (let c = 0; c < k; c++) {
      if (c !== a && alive[c] && sim[a * k + c]! > v) {
        v = sim[a * k + c]!;
        b = c;
      }
    }
    bestOf[a] = b;
  };
  for (let a = 0; a < k; a++) rowBest(a);
  for (;;) {
    let bestA = -1;
    let bestSim = merge;
    for (let a = 0; a < k; a++) {
      if (alive[a] && bestOf[a]! >= 0 && sim[a * k + bestOf[a]!]! >= bestSim) {
        bestSim = sim[a * k + bestOf[a]!]!;
        bestA = a;
      }
    }
    if (bestA < 0) break;
    const bestB = bestOf[bestA]!;
    const A = clusters[bestA]!;
    const B = clusters[bestB]!;
    for (let d = 0; d < dims; d++) A.sum[d] = A.sum[d]! + B.sum[d]!;
    A.n += B.n;
    A.members.push(...B.members);
    alive[bestB] = 0;
    for (let c = 0; c < k; c++)
      if (alive[c] && c !== bestA) sim[bestA * k + c] = sim[c * k + bestA] = linkage(A, clusters[c]!);
    for (let c = 0; c < k; c++) {
      if (!alive[c]) continue;
      if (c === bestA || bestOf[c] === bestA || bestOf[c] === bestB) rowBest(c);
      else if (sim[c * k + bestA]! > sim[c * k + bestOf[c]!]!) bestOf[c] = bestA;
    }
  }
  clusters = clusters.filter((_, i) => alive[i]);

  // 3. Reassignment: every recording to the group it resembles most (its own contribution removed).
  for (let iter = 0; iter < 2 && clusters.length > 1; iter++) {
    const owner = new Int32Array(vecs.length);
    clusters.forEach((c, ci) => c.members.forEach((m) => (owner[m] = ci)));
    const next: number[][] = clusters.map(() => []);
    vecs.forEach((x, i) => {
      let best = owner[i]!;
      let bestSim = -Infinity;
      clusters.forEach((c, ci) => {
        const own = ci === owner[i];
        if (own && c.n === 1) {
          if (bestSim === -Infinity) best = ci;
          return;
        }
        let s = 0;
        for (let d = 0; d < dims; d++) s += x[d]! * (c.sum[d]! - (own ? x[d]! : 0));
        s /= own ? c.n - 1 : c.n;
        if (s > bestSim) {
          bestSim = s;
          best = ci;
        }
      });
      // A recording that resembles no group at merge level stays where it is.
      next[bestSim >= merge ? best : owner[i]!]!.push(i);
    });
    clusters = next
      .map((members) => {
        const sum = new Float64Array(dims);
        for (const m of members) for (let d = 0; d < dims; d++) sum[d] = sum[d]! + vecs[m]![d]!;
        return { sum, n: members.length, members };
      })
      .filter((c) => c.n > 0);
  }

  clusters.sort((a, b) => b.n - a.n || a.members[0]! - b.members[0]!);
  return clusters.map((c, i) => {
    let sq = 0;
    for (let d = 0; d < dims; d++) sq += c.sum[d]! * c.sum[d]!;
    return {
      label: label(i),
      members: c.members.map((m) => signatures[m]!.id),
      mean: Float32Array.from(c.sum, (v) => v / c.n),
      cohesion: c.n > 1 ? (sq - c.n) / (c.n * (c.n - 1)) : Number.NaN,
    };
  });
}
