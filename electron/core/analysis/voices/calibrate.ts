// Measuring and calibrating scores (offline): equal error rate, logistic calibration, and the
// threshold for group-level decisions.

/** Equal error rate of target (same-speaker) vs non-target scores, and the score where it occurs. */
export function equalErrorRate(same: number[], diff: number[]): { eer: number; threshold: number } {
  if (same.length === 0 || diff.length === 0) return { eer: Number.NaN, threshold: Number.NaN };
  const all: [number, number][] = [
    ...same.map((s) => [s, 1] as [number, number]),
    ...diff.map((s) => [s, 0] as [number, number]),
  ];
  all.sort((a, b) => b[0] - a[0]);
  let tp = 0;
  let fp = 0;
  let best = { eer: 1, threshold: all[0]![0], gap: Infinity };
  for (let i = 0; i < all.length; i++) {
    if (all[i]![1]) tp++;
    else fp++;
    if (i + 1 < all.length && all[i + 1]![0] === all[i]![0]) continue;
    const fnr = 1 - tp / same.length;
    const fpr = fp / diff.length;
    const gap = Math.abs(fnr - fpr);
    if (gap < best.gap) {
      const next = i + 1 < all.length ? all[i + 1]![0] : all[i]![0] - 1e-6;
      best = { eer: (fnr + fpr) / 2, threshold: (all[i]![0] + next) / 2, gap };
    }
  }
  return { eer: best.eer, threshold: best.threshold };
}

/** Logistic regression P(same) = σ(a·s + b) with both classes weighted equally (prior 0.5). */
export function fitLogistic(same: number[], diff: number[]): { a: number; b: number } {
  let a = 1;
  let b = 0;
  const ws = 0.5 / same.length;
  const wd = 0.5 / diff.length;
  for (let iter = 0; iter < 50; iter++) {
    // Newton step on the weighted log-loss.
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    const acc = (s: number, y: number, w: number): void => {
      const p = 1 / (1 + Math.exp(-(a * s + b)));
      const r = (p - y) * w;
      ga += r * s;
      gb += r;
      const h = p * (1 - p) * w;
      haa += h * s * s;
      hab += h * s;
      hbb += h;
    };
    for (const s of same) acc(s, 1, ws);
    for (const s of diff) acc(s, 0, wd);
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-18) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}
