// Times a PDF writes without a zone, turned into UTC. Amazon's audio file names are UTC, a German
// PDF's times are likely German local time: the zone chosen is the one under which the most rows meet
// an audio file (link.ts), among a few common ones, so no guess is made where the recordings can tell.
import { linkByTimeAndPrecision, type Timed, type TimedText } from './link.ts';
import { utcAtOffset, type WrittenTime } from './pdf-dates.ts';

/** Zones tried for zone-less times, most likely first for each language (ties keep this order). */
const ZONES_BY_LANGUAGE: Record<'de' | 'en' | 'none', string[]> = {
  de: ['Europe/Berlin', 'UTC', 'Europe/London'],
  en: ['UTC', 'America/New_York', 'Europe/London', 'America/Los_Angeles'],
  none: ['UTC', 'Europe/Berlin', 'Europe/London', 'America/New_York'],
};
const MORE_ZONES = [
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/New_York',
  'America/Sao_Paulo',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Europe/Berlin',
  'Europe/London',
  'Europe/Moscow',
  'UTC',
];

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC in `zone` at the instant `utc`. */
export function offsetAt(zone: string, utc: number): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(utc))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(utc / 1000) * 1000) / 60_000);
}

/** UTC of a wall-clock time in an IANA zone (the later instant when the clock is set back). */
export function utcInZone(t: WrittenTime, zone: string): number {
  const guess = utcAtOffset(t, 0);
  const first = offsetAt(zone, guess);
  const utc = utcAtOffset(t, first);
  const second = offsetAt(zone, utc);
  return second === first ? utc : utcAtOffset(t, second);
}

export interface ZoneChoice {
  /** The IANA zone zone-less times were read in. */
  zone: string;
  /** Rows (zone-less ones) that met an audio file under that zone; 0 when none did under any zone. */
  linked: number;
}

/**
 * The zone under which the zone-less `times` meet the most `audio` times (±2 s, each once); UTC when
 * they meet none under any zone (nothing to tell by).
 */
export function chooseZone(times: WrittenTime[], audio: Timed[], language: 'de' | 'en' | null): ZoneChoice {
  const precision = (t: WrittenTime): TimedText['precision'] =>
    !t.hasTime ? 'day' : t.hasSeconds ? 'second' : 'minute';
  const candidates = [...new Set([...ZONES_BY_LANGUAGE[language ?? 'none'], ...MORE_ZONES])];
  let best: ZoneChoice = { zone: 'UTC', linked: 0 };
  if (times.length === 0 || audio.every((a) => a.time === null)) return best;
  for (const zone of candidates) {
    const linked = linkByTimeAndPrecision(
      audio,
      times.map((t) => ({ time: utcInZone(t, zone), precision: precision(t) })),
    ).size;
    if (linked > best.linked) best = { zone, linked };
  }
  return best;
}
