// The heatmap's steps: 0 is empty, and any recording at all is at least step 1, so a single
// recording stays visible beside a busy hour (a linear shade made it vanish, worst in dark mode).
export const heatLevels = 5;

export function heatLevel(count: number, max: number): number {
  if (!(count > 0) || !(max > 0)) return 0;
  return Math.min(heatLevels - 1, Math.max(1, Math.ceil((count / max) * (heatLevels - 1))));
}
