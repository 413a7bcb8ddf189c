// Grouping the list by local day: which rows open a new day, and which day is at the top.
import type { RecordingRow } from '../../../electron/core/api/contract.ts';
import { dayKey } from './format.ts';

/**
 * The day a row opens, or null when it continues the day above it. A row whose neighbour above is
 * not loaded yet opens nothing for now; the list measures again once the neighbour arrives.
 */
export function dayHeaderAt(index: number, rowAt: (i: number) => RecordingRow | undefined): string | null {
  const row = rowAt(index);
  if (!row) return null;
  const day = dayKey(row.timeUtc);
  if (index === 0) return day;
  const above = rowAt(index - 1);
  if (!above) return null;
  return dayKey(above.timeUtc) === day ? null : day;
}

/** Rows grouped into days, in list order: the shape of a fully loaded list. */
export function groupByDay(rows: RecordingRow[]): { day: string; rows: RecordingRow[] }[] {
  const groups: { day: string; rows: RecordingRow[] }[] = [];
  for (const row of rows) {
    const day = dayKey(row.timeUtc);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.rows.push(row);
    else groups.push({ day, rows: [row] });
  }
  return groups;
}

/** Week start (Monday) of a 'YYYY-MM-DD' day. */
export function weekOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const offset = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - offset);
  return date.toISOString().slice(0, 10);
}

export type Bucket = 'day' | 'week' | 'month';

/** Sums per-day counts into days, weeks or months, filling the gaps with zero so time reads evenly. */
export function bucketCounts(
  perDay: { day: string; recordings: number }[],
  bucket: Bucket,
): { start: string; end: string; recordings: number }[] {
  if (perDay.length === 0) return [];
  const keyOf = (day: string) => (bucket === 'day' ? day : bucket === 'week' ? weekOf(day) : `${day.slice(0, 7)}-01`);
  const next = (key: string) => {
    const [y, m, d] = key.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (bucket === 'day') date.setUTCDate(date.getUTCDate() + 1);
    else if (bucket === 'week') date.setUTCDate(date.getUTCDate() + 7);
    else date.setUTCMonth(date.getUTCMonth() + 1);
    return date.toISOString().slice(0, 10);
  };
  const sums = new Map<string, number>();
  for (const { day, recordings } of perDay) sums.set(keyOf(day), (sums.get(keyOf(day)) ?? 0) + recordings);
  const first = keyOf(perDay[0]!.day);
  const last = keyOf(perDay[perDay.length - 1]!.day);
  const out: { start: string; end: string; recordings: number }[] = [];
  for (let key = first; key <= last && out.length < 20_000; key = next(key)) {
    out.push({ start: key, end: next(key), recordings: sums.get(key) ?? 0 });
  }
  return out;
}

/** The bucket that keeps the chart readable: at most about 120 bars. */
export function defaultBucket(perDay: { day: string }[]): Bucket {
  if (perDay.length < 2) return 'day';
  const span = (Date.parse(perDay[perDay.length - 1]!.day) - Date.parse(perDay[0]!.day)) / 86_400_000;
  return span <= 120 ? 'day' : span <= 7 * 120 ? 'week' : 'month';
}
