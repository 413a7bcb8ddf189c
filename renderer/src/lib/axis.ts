// Where the over-time chart labels its axis: at the first bar of a month (or of a year, over a
// long span, or every few days within one month), thinned to at most `most` labels, so the
// axis reads like a calendar instead of naming only its two ends.
export interface Tick {
  /** The bar the label sits under. */
  index: number;
  /** What to say: a day ('YYYY-MM-DD'), a month ('YYYY-MM') or a year ('YYYY'). */
  kind: 'day' | 'month' | 'year';
  key: string;
}

export function axisTicks(starts: string[], most = 8): Tick[] {
  const n = starts.length;
  if (n === 0) return [];
  const firstOf = (cut: number, kind: Tick['kind']): Tick[] => {
    const out: Tick[] = [];
    starts.forEach((s, index) => {
      const key = s.slice(0, cut);
      if (index === 0 || key !== starts[index - 1]!.slice(0, cut)) out.push({ index, kind, key });
    });
    return out;
  };
  const months = firstOf(7, 'month');
  const years = firstOf(4, 'year');
  let ticks: Tick[];
  if (months.length <= 1) {
    const step = Math.max(1, Math.ceil(n / most));
    ticks = starts.flatMap((key, index) => (index % step === 0 ? [{ index, kind: 'day' as const, key }] : []));
  } else if (months.length <= most * 3 || years.length <= 2) {
    // Every month, or every second, third… month counted from January, so the labels stay regular.
    const step = [1, 2, 3, 6, 12].find((s) => Math.ceil(months.length / s) <= most) ?? 12;
    ticks = months.filter((t) => (Number(t.key.slice(5, 7)) - 1) % step === 0 || t.index === 0);
  } else {
    const step = Math.max(1, Math.ceil(years.length / most));
    ticks = years.filter((t) => Number(t.key) % step === 0 || t.index === 0);
  }
  // A label that would crowd the one before it (a partial first month) gives way.
  const room = n / (most * 1.5);
  return ticks.filter((t, i) => i === ticks.length - 1 || ticks[i + 1]!.index - t.index >= room || i > 0);
}
