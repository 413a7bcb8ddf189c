// How far ahead of UTC the zone an export named was at one moment: an IANA name ("Asia/Jakarta"),
// an offset ("+07:00", "UTC+1", "GMT-07:00") or an abbreviation Takeout writes ("WIB", "MEZ").
// The window shows every time in the user's own zone and this one beside it.
import { offsetAt } from './amazon/local-times.ts';
import { zoneOffsetMinutes } from './google/time.ts';

/** Minutes east of UTC in `zone` at `utc`, or null when the zone is not one Earshot knows. */
export function zoneOffsetAt(zone: string | null | undefined, utc: number | null | undefined): number | null {
  if (!zone || utc == null || !Number.isFinite(utc)) return null;
  const fixed = zoneOffsetMinutes(zone);
  if (fixed !== null) return fixed;
  try {
    return offsetAt(zone, utc);
  } catch {
    return null; // not an IANA name either
  }
}
