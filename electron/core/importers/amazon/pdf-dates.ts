// Dates and times as a PDF of transcripts writes them, in German and English: `03.05.2018 04:02:58`,
// `3. Mai 2018 um 04:02 MESZ`, `May 3, 2018 4:02:58 AM`, `2018-05-03 04:02:58 UTC`, `03/05/2018`,
// with or without weekday, seconds, `Uhr`, AM/PM and a zone (`UTC`, `GMT+2`, `MESZ`, `CEST`, `+02:00`).
// Read as the wall-clock time written; the zone, when there is one, as minutes east of UTC.

/** A time as written: wall-clock fields, and the zone when the text names one. */
export interface WrittenTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** The text named an hour (a date alone is a day, not a moment). */
  hasTime: boolean;
  /** The time was written to the second. */
  hasSeconds: boolean;
  /** Minutes east of UTC, when the text names a zone or an offset; null when it names none. */
  offsetMinutes: number | null;
  /** The zone as written (`MESZ`, `UTC`, `GMT+2`), or null. */
  zoneText: string | null;
  /** `a/b/yyyy` dates are day-first or month-first depending on the document (see slashOrder). */
  slash: boolean;
  /** Written with AM/PM. */
  twelveHour: boolean;
}

export interface FoundTime {
  time: WrittenTime;
  /** Where the date and time start and end in the text searched. */
  start: number;
  end: number;
}

const MONTHS: Record<string, number> = {
  januar: 1,
  jänner: 1,
  jaenner: 1,
  january: 1,
  jan: 1,
  februar: 2,
  february: 2,
  feb: 2,
  märz: 3,
  maerz: 3,
  march: 3,
  mär: 3,
  mrz: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mai: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nov: 11,
  dezember: 12,
  december: 12,
  dez: 12,
  dec: 12,
};
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;
const WEEKDAY =
  '(?:(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|mo|di|mi|do|fr|sa|so)\\.?,?\\s+)?';

/** Zones by the names Amazon's pages and German or English documents use, in minutes east of UTC. */
const ZONES: Record<string, number> = {
  utc: 0,
  gmt: 0,
  z: 0,
  wez: 0,
  wet: 0,
  wesz: 60,
  west: 60,
  bst: 60,
  mez: 60,
  cet: 60,
  mesz: 120,
  cest: 120,
  eet: 120,
  eest: 180,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
};
const ZONE_NAMES = Object.keys(ZONES)
  .sort((a, b) => b.length - a.length)
  .map((z) => z.toUpperCase())
  .join('|');

// The date forms, each anchored where the search puts it; groups are read by `dateOf`.
const DATE_FORMS: { re: RegExp; kind: 'dmy' | 'd-month-y' | 'month-d-y' | 'iso' | 'slash' }[] = [
  { re: new RegExp(`${WEEKDAY}(\\d{4})-(\\d{1,2})-(\\d{1,2})(?![0-9])`, 'iuy'), kind: 'iso' },
  { re: new RegExp(`${WEEKDAY}(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4}|\\d{2})(?![0-9])`, 'iuy'), kind: 'dmy' },
  { re: new RegExp(`${WEEKDAY}(\\d{1,2})\\.?\\s+${MONTH},?\\s+(\\d{4})(?![0-9])`, 'iuy'), kind: 'd-month-y' },
  {
    re: new RegExp(`${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?![0-9])`, 'iuy'),
    kind: 'month-d-y',
  },
  { re: new RegExp(`${WEEKDAY}(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})(?![0-9])`, 'iuy'), kind: 'slash' },
];

// A clock time: `04:02:58`, `4:02 PM`, `04.02 Uhr`, then a zone when there is one. Zone names only
// in capitals (`MESZ`, `UTC`, `GMT+2`), so that a transcript starting with “West …” keeps its word.
const CLOCK =
  String.raw`(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,]\d{1,3})?)?(?![0-9])` +
  String.raw`(?:\s*Uhr\b)?(?:\s*([aApP]\.?\s?[mM]\.?)(?![A-Za-z]))?` +
  String.raw`(?:\s*\(?\s*(?:(${ZONE_NAMES})(?![A-Za-z])\s*(?:([+−-])\s?(\d{1,2})(?::?(\d{2}))?)?|([+−-])(\d{2}):?(\d{2}))\s*\)?)?`;
// After the date: a connector (`,`, `um`, `at`, `T`, `-`), then the clock.
const TIME = new RegExp(String.raw`(?:\s*,?\s*(?:um|Um|at|At|T|[-–])?\s*)` + CLOCK, 'uy');
// A time alone, at the start of a cell (a table with separate date and time columns).
const TIME_ALONE = new RegExp(String.raw`\s*` + CLOCK, 'uy');

function year(text: string): number {
  const y = Number(text);
  return text.length === 2 ? 2000 + y : y;
}

function dateOf(kind: (typeof DATE_FORMS)[number]['kind'], m: RegExpExecArray) {
  switch (kind) {
    case 'iso':
      return { year: +m[1]!, month: +m[2]!, day: +m[3]!, slash: false };
    case 'dmy':
      return { year: year(m[3]!), month: +m[2]!, day: +m[1]!, slash: false };
    case 'd-month-y':
      return { year: +m[3]!, month: MONTHS[m[2]!.toLowerCase()]!, day: +m[1]!, slash: false };
    case 'month-d-y':
      return { year: +m[3]!, month: MONTHS[m[1]!.toLowerCase()]!, day: +m[2]!, slash: false };
    case 'slash':
      // Day-first as read here; slashOrder() may swap day and month for the whole document.
      return { year: year(m[3]!), month: +m[2]!, day: +m[1]!, slash: true };
  }
}

interface ClockTime {
  hour: number;
  minute: number;
  second: number;
  offsetMinutes: number | null;
  zoneText: string | null;
  twelveHour: boolean;
  hasSeconds: boolean;
  end: number;
}

function clockAt(re: RegExp, text: string, at: number): ClockTime | null {
  re.lastIndex = at;
  const m = re.exec(text);
  if (!m) return null;
  let hour = +m[1]!;
  const minute = +m[2]!;
  const second = m[3] ? +m[3] : 0;
  if (m[4]) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (/^p/i.test(m[4]) ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes: number | null = null;
  let zoneText: string | null = null;
  if (m[5]) {
    offsetMinutes = ZONES[m[5].toLowerCase()]!;
    if (m[6]) offsetMinutes = (m[6] === '+' ? 1 : -1) * (+m[7]! * 60 + +(m[8] ?? 0));
    zoneText = m[0]
      .slice(m[0].lastIndexOf(m[5]))
      .replace(/\)\s*$/, '')
      .trim();
  } else if (m[9]) {
    offsetMinutes = (m[9] === '+' ? 1 : -1) * (+m[10]! * 60 + +m[11]!);
    zoneText = `${m[9] === '+' ? '+' : '-'}${m[10]}:${m[11]}`;
  }
  return {
    hour,
    minute,
    second,
    offsetMinutes,
    zoneText,
    twelveHour: Boolean(m[4]),
    hasSeconds: m[3] !== undefined,
    end: re.lastIndex,
  };
}

function valid(y: number, mo: number, d: number): boolean {
  if (y < 2010 || y >= 2040 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** A date (and time) starting exactly at `at` in `text`, or null. */
export function timeAt(text: string, at: number): FoundTime | null {
  for (const form of DATE_FORMS) {
    form.re.lastIndex = at;
    const m = form.re.exec(text);
    if (!m) continue;
    const date = dateOf(form.kind, m);
    // Slash dates are checked both ways round: 05/21/2018 is valid month-first only.
    if (!valid(date.year, date.month, date.day) && !(date.slash && valid(date.year, date.day, date.month))) continue;
    const clock = clockAt(TIME, text, form.re.lastIndex);
    return {
      time: {
        ...date,
        hour: clock?.hour ?? 0,
        minute: clock?.minute ?? 0,
        second: clock?.second ?? 0,
        hasTime: clock !== null,
        hasSeconds: clock?.hasSeconds ?? false,
        offsetMinutes: clock?.offsetMinutes ?? null,
        zoneText: clock?.zoneText ?? null,
        twelveHour: clock?.twelveHour ?? false,
      },
      start: at,
      end: clock?.end ?? form.re.lastIndex,
    };
  }
  return null;
}

/** A time alone (`04:02:58`, `4:02 PM MESZ`) at the start of `text`, for a separate time column. */
export function clockAtStart(text: string): ClockTime | null {
  return clockAt(TIME_ALONE, text, 0);
}

/** The first date in `text` that starts a word, searching from the left. */
export function findTime(text: string): FoundTime | null {
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1]!)) continue;
    if (!/[\p{L}\p{N}]/u.test(text[i]!)) continue;
    const found = timeAt(text, i);
    if (found) return found;
  }
  return null;
}

/**
 * Whether `a/b/yyyy` dates in this document are day-first (Europe) or month-first (US): a part over
 * 12 decides; otherwise the document's language, and day-first when nothing tells.
 */
export function slashOrder(times: WrittenTime[], language: 'de' | 'en' | null): 'dmy' | 'mdy' {
  const slash = times.filter((t) => t.slash);
  if (slash.some((t) => t.day > 12)) return 'dmy';
  if (slash.some((t) => t.month > 12)) return 'mdy';
  if (language === 'de') return 'dmy';
  return times.some((t) => t.twelveHour) ? 'mdy' : 'dmy';
}

/** The time with day and month swapped (a month-first slash date). */
export function swapDayMonth(t: WrittenTime): WrittenTime {
  return { ...t, day: t.month, month: t.day };
}

/** UTC milliseconds of a written time in a zone `offsetMinutes` east of UTC. */
export function utcAtOffset(t: WrittenTime, offsetMinutes: number): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - offsetMinutes * 60_000;
}
