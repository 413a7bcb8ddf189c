// When an OpenVoiceOS or Mycroft recording was made: from a time in its file name, made absolute with
// the file's own time where the name has no zone, or from the file's time alone.

export interface FoundTime {
  utc: number | null;
  /** The time as the name wrote it, or the file's time. */
  original: string | null;
  /** '+01:00', 'UTC', or null when unknown. */
  zone: string | null;
  from: string | null;
  /** The zone was worked out from the difference between the name's local time and the file's time. */
  zoneGuessed: boolean;
  /** A local time whose zone nothing tells: kept as if it were UTC. */
  zoneUnknown: boolean;
}

/** `str(datetime.now())` as Mycroft writes it: `2021-03-04 13:45:28.123456` (`:` may have become `_` or `-` in a copy). */
const PYTHON_STAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2})[:_-](\d{2})[:_-](\d{2})(?:\.(\d{1,6}))?$/;
/** An ISO-like time anywhere in an OVOS `utterance_filename` template's output, with its offset when given. */
const TEMPLATE_TIME =
  /(\d{4})-(\d{2})-(\d{2})[ T_](\d{2})[:_-]?(\d{2})[:_-]?(\d{2})(?:\.(\d{1,6}))?(Z|[+-]\d{2}:?\d{2})?/;

/** The wall-clock time a stamp names, read as if it were UTC; null when it is not a stamp or not a real date. */
export function timeFromStamp(stem: string): number | null {
  const m = PYTHON_STAMP.exec(stem);
  return m ? wallClock(m) : null;
}

function wallClock(m: RegExpExecArray): number | null {
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i]));
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  const t = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms);
  const back = new Date(t);
  if (back.getUTCMonth() !== mo! - 1 || back.getUTCDate() !== d! || h! > 23 || mi! > 59 || s! > 59) return null;
  return t;
}

function offsetText(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** The file was written at once (Mycroft) or within seconds (OVOS): a name's local time is at most ±14 h from it. */
const MAX_ZONE_MS = 14 * 3600_000;
const QUARTER_HOUR_MS = 15 * 60_000;

export function timeFromName(stem: string, modifiedMs: number | null): FoundTime {
  const fileTime = modifiedMs !== null && Number.isFinite(modifiedMs) ? modifiedMs : null;
  const stamp = PYTHON_STAMP.exec(stem) ?? TEMPLATE_TIME.exec(stem);
  const local = stamp ? wallClock(stamp) : null;
  if (stamp && local !== null) {
    const zone = stamp[8];
    if (zone) {
      const sign = zone.startsWith('-') ? -1 : 1;
      const digits = zone.replace(/[^0-9]/g, '');
      const minutes = zone === 'Z' ? 0 : sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
      return {
        utc: local - minutes * 60_000,
        original: stamp[0],
        zone: offsetText(minutes),
        from: 'file name',
        zoneGuessed: false,
        zoneUnknown: false,
      };
    }
    if (fileTime !== null && Math.abs(local - fileTime) <= MAX_ZONE_MS) {
      // Local time in the name, UTC in the file's time: their difference is the device's zone.
      const offset = Math.round((local - fileTime) / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
      return {
        utc: local - offset,
        original: stamp[0],
        zone: offsetText(offset / 60_000),
        from: 'file name, zone from the file time',
        zoneGuessed: true,
        zoneUnknown: false,
      };
    }
    return {
      utc: local,
      original: stamp[0],
      zone: null,
      from: 'file name (local time, zone unknown)',
      zoneGuessed: false,
      zoneUnknown: true,
    };
  }
  if (fileTime !== null) {
    return {
      utc: fileTime,
      original: new Date(fileTime).toISOString(),
      zone: 'UTC',
      from: 'file modified time',
      zoneGuessed: false,
      zoneUnknown: false,
    };
  }
  return { utc: null, original: null, zone: null, from: null, zoneGuessed: false, zoneUnknown: false };
}
