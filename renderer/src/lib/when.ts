// One rule for every recording's time, in the list and the detail: the user's own time zone.
// Where the export named a zone of its own that differs, its wall-clock time is given beside it
// ("10:15 in WIB"), never instead of it — so one recording never shows two different times as its own.
import { dateTimeFormat } from './intl.ts';
import { formatExactTime } from './format.ts';

const listOptions: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** A row's time in the list: "04:02", local. */
export function listTime(ms: number, locale: string): string {
  return dateTimeFormat(locale, listOptions).format(ms);
}

/** The detail's time: "Thu, 3 May 2018, 04:02:58 CEST", local, with the zone's name. */
export function exactTime(ms: number, locale: string): string {
  return formatExactTime(ms, locale);
}

export interface ExportZoneTime {
  /** The export's wall-clock time, "10:15", with the day when it is not the local day ("Fri 10:15"). */
  time: string;
  zone: string;
}

/**
 * The time in the export's own zone, when it gave one Earshot can read and it differs from the
 * user's zone at that moment; null otherwise (nothing extra to say).
 */
export function exportZoneTime(
  ms: number,
  zone: string | null | undefined,
  offsetMinutes: number | null | undefined,
  locale: string,
): ExportZoneTime | null {
  if (!zone || offsetMinutes == null || !Number.isFinite(offsetMinutes)) return null;
  const localOffset = -new Date(ms).getTimezoneOffset();
  if (offsetMinutes === localOffset) return null;
  // The export's wall clock, read as if it were UTC: no zone table needed for an offset.
  const shifted = ms + offsetMinutes * 60_000;
  const time = dateTimeFormat(locale, { ...listOptions, timeZone: 'UTC' }).format(shifted);
  const sameDay =
    dateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' }).format(shifted) ===
    dateTimeFormat(locale, { dateStyle: 'short' }).format(ms);
  const day = dateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(shifted);
  return { time: sameDay ? time : `${day} ${time}`, zone };
}

/**
 * The moment a raw epoch number in an export stands for ("1525312978000" ms, or 10-digit seconds),
 * so "As written in the export" can be read as a date; null for text that is not one.
 */
export function epochOf(raw: string | null | undefined): number | null {
  const text = raw?.trim() ?? '';
  if (!/^\d{10}(\d{3})?(\.\d+)?$/.test(text)) return null;
  const n = Number(text);
  const ms = text.split('.')[0]!.length === 10 ? n * 1000 : n;
  return Number.isFinite(ms) ? Math.round(ms) : null;
}
