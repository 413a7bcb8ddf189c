// Durations, times, days and sizes as people read them, in the user's locale (Intl throughout).
import { dateTimeFormat } from './intl.ts';

const dayOptions: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const timeOptions: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const dateOptions: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

/** "0:03", "12:07", "1:02:03". */
function clock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const ss = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A recording's length: "0:03", "1:02:03", "0.4 s" for clips under a second; null when unknown. */
export function formatDuration(ms: number | null | undefined, locale = 'en'): string | null {
  if (ms == null || !Number.isFinite(ms) || ms < 0) return null;
  if (ms === 0 || ms >= 1000) return clock(ms);
  // Not "0:00": a clip shorter than a second says how long it is, to a tenth.
  const tenth = (0.1).toLocaleString(locale);
  if (ms < 50) return `< ${tenth} s`;
  return `${(ms / 1000).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
}

/** Seconds (the player's position and length) as "m:ss". */
export function formatSeconds(seconds: number): string {
  return clock(Math.max(0, seconds) * 1000);
}

export function dayKey(ms: number | null | undefined): string {
  if (ms == null) return 'unknown';
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Local midnight at the start of a 'YYYY-MM-DD' day, in ms. */
export function dayStart(key: string): number {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

/** Local midnight at the start of the day after a 'YYYY-MM-DD' day, in ms (an exclusive end). */
export function dayEnd(key: string): number {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).getTime();
}

export function addDays(key: string, days: number): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return dayKey(new Date(y, m - 1, d + days).getTime());
}

export type DayWord = 'today' | 'yesterday';

/** A day header: "Today", "Yesterday", or "Tue 3 May 2018" in the locale's own order. */
export function dayLabel(
  key: string,
  locale: string,
  words: Record<DayWord | 'unknown', string>,
  now = Date.now(),
): string {
  if (key === 'unknown') return words.unknown;
  const today = dayKey(now);
  if (key === today) return words.today;
  if (key === addDays(today, -1)) return words.yesterday;
  return dateTimeFormat(locale, dayOptions).format(dayStart(key));
}

export function formatTime(ms: number, locale: string): string {
  return dateTimeFormat(locale, timeOptions).format(ms);
}

export function formatDate(ms: number, locale: string): string {
  return dateTimeFormat(locale, dateOptions).format(ms);
}

/** The exact moment with seconds and the zone it is shown in. */
export function formatExactTime(ms: number, locale: string, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  };
  try {
    return dateTimeFormat(locale, timeZone ? { ...options, timeZone } : options).format(ms);
  } catch {
    // A zone name this runtime does not know: the local time, still with its zone's name.
    return dateTimeFormat(locale, options).format(ms);
  }
}

/** The IANA zone name a zone string stands for, when Intl knows it (else undefined). */
export function knownTimeZone(zone: string | null | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 || value >= 100 ? 0 : 1,
  }).format(value);
}

export function formatPercent(fraction: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** Rounds an estimate to what is worth saying: seconds under a minute, otherwise whole minutes. */
export function timeLeftParts(seconds: number): { unit: 'seconds' | 'minutes'; count: number } {
  if (seconds < 60) return { unit: 'seconds', count: Math.max(1, Math.ceil(seconds / 5) * 5) };
  return { unit: 'minutes', count: Math.ceil(seconds / 60) };
}
