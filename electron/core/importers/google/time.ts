// Times as Takeout writes them: ISO UTC in JSON, a localised date in HTML, and a UTC stamp in audio names.
//
// HTML zone rules [real]: entries before 2018 carry no zone (they are UTC), 2018–2020 say `UTC`, later
// ones the abbreviation in force when the export was made (`EDT`, `MEZ`, `UTC+1`, `GMT−07:00`…).

export interface ParsedTime {
  /** ms since the epoch, UTC; null when the text is not a time Earshot can read. */
  utc: number | null;
  /** The zone text the export gave, or null when it gave none. */
  zone: string | null;
  /** True when a zone was given but is not one Earshot knows; `utc` then reads the time as UTC. */
  zoneUnknown: boolean;
}

/** JSON `time`: ISO-8601, normally UTC with `Z`. */
export function parseIsoTime(text: string): ParsedTime {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
    text.trim(),
  );
  if (!m) return { utc: null, zone: null, zoneUnknown: false };
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000 + 1e-6) : 0;
  let utc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, m[6] ? +m[6] : 0, ms);
  const zone = m[8] ?? null;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    utc -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  if (!validDate(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, m[6] ? +m[6] : 0))
    return { utc: null, zone, zoneUnknown: false };
  return { utc, zone: zone ? (zone.toUpperCase() === 'Z' ? 'UTC' : zone) : null, zoneUnknown: false };
}

/** Audio names: `2018-04-16_11_42_55_659_UTC.mp3` (the time the recording started, UTC). */
export function parseAudioFileTime(name: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})_(\d{2})_(\d{2})_(\d{2})(?:_(\d{1,3}))?_UTC(?:\b|_)/i.exec(name);
  if (!m || !validDate(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) return null;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, m[7] ? Number(m[7].padEnd(3, '0')) : 0);
}

/** Offsets in minutes of the zone abbreviations Takeout writes. IST is read as India (Google's usage). */
const ZONE_OFFSETS: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  UT: 0,
  WET: 0,
  WEZ: 0,
  BST: 60,
  IST: 330,
  WEST: 60,
  WESZ: 60,
  CET: 60,
  MEZ: 60,
  CEST: 120,
  MESZ: 120,
  EET: 120,
  OEZ: 120,
  EEST: 180,
  OESZ: 180,
  MSK: 180,
  SAST: 120,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  AST: -240,
  ADT: -180,
  NST: -210,
  NDT: -150,
  // French-Canadian abbreviations (heure normale / avancée de l'Est, du Centre, des Rocheuses, du Pacifique).
  HNE: -300,
  HAE: -240,
  HNC: -360,
  HAC: -300,
  HNR: -420,
  HAR: -360,
  HNP: -480,
  HAP: -420,
  JST: 540,
  KST: 540,
  HKT: 480,
  SGT: 480,
  PHT: 480,
  AWST: 480,
  WIB: 420,
  ICT: 420,
  PKT: 300,
  ACST: 570,
  ACDT: 630,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  BRT: -180,
  ART: -180,
  CLT: -240,
  CLST: -180,
};

/** Month names and abbreviations in the Latin-script languages Takeout writes, lower case, no dot. */
const MONTHS: Record<string, number> = {};
const monthNames: string[][] = [
  // en, de, fr, es, it, nl, pt
  [
    'jan',
    'january',
    'januar',
    'jän',
    'jänner',
    'janv',
    'janvier',
    'ene',
    'enero',
    'gen',
    'gennaio',
    'januari',
    'janeiro',
  ],
  ['feb', 'february', 'februar', 'févr', 'fevr', 'février', 'febrero', 'febbraio', 'februari', 'fev', 'fevereiro'],
  ['mar', 'march', 'märz', 'mär', 'mrz', 'mars', 'marzo', 'maart', 'mrt', 'março'],
  ['apr', 'april', 'avr', 'avril', 'abr', 'abril', 'aprile'],
  ['may', 'mai', 'mayo', 'mag', 'maggio', 'mei', 'maio'],
  ['jun', 'june', 'juni', 'juin', 'junio', 'giu', 'giugno', 'junho'],
  ['jul', 'july', 'juli', 'juil', 'juillet', 'julio', 'lug', 'luglio', 'julho'],
  ['aug', 'august', 'août', 'aout', 'ago', 'agosto', 'augustus'],
  ['sep', 'sept', 'september', 'septembre', 'septiembre', 'set', 'settembre', 'setembro'],
  ['oct', 'october', 'okt', 'oktober', 'octobre', 'octubre', 'ott', 'ottobre', 'out', 'outubro'],
  ['nov', 'november', 'novembre', 'noviembre', 'novembro'],
  ['dec', 'december', 'dez', 'dezember', 'déc', 'décembre', 'dic', 'diciembre', 'dicembre', 'dezembro'],
];
monthNames.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)));

function monthNumber(word: string): number | null {
  const w = word.normalize('NFC').toLowerCase().replace(/\.$/, '');
  return MONTHS[w] ?? null;
}

function validDate(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Zone text → offset in minutes, or null when unknown. Accepts `UTC`, `UTC+1`, `GMT-07:00`, `+0200`, `EDT`. */
export function zoneOffsetMinutes(zone: string): number | null {
  const z = zone.trim().replace(/\u2212/g, '-');
  const numeric = /^(?:UTC|GMT|UT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(z);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3] ?? 0);
    if (minutes > 14 * 60) return null;
    return numeric[1] === '-' ? -minutes : minutes;
  }
  const known = ZONE_OFFSETS[z.toUpperCase()];
  return known ?? null;
}

const TIME = String.raw`(\d{1,2})[:.h](\d{2})(?:[:.](\d{2}))?(?:\s*([AaPp])\.?\s?[Mm]\.?)?`;
/** `Mar 4, 2022, 1:45:28 PM EDT` (en). */
const MONTH_FIRST = new RegExp(
  String.raw`^([^\s\d,.]+)\.?\s+(\d{1,2}),?\s+(\d{4}),?\s+(?:at\s+)?${TIME}(?:\s+(.+))?$`,
  'i',
);
/** `4 mars 2022, 13:45:28 UTC+1` (fr), `4. März 2022, 13:45:28 MEZ` (de), `4 mar 2022, …` (es, it), `4 de marzo de 2022`. */
const DAY_FIRST = new RegExp(
  String.raw`^(\d{1,2})\.?\s+(?:de\s+)?([^\s\d,]+?)\.?\s+(?:de\s+)?(\d{4}),?\s+(?:à\s+|um\s+|a las\s+|alle\s+|om\s+|às\s+)?${TIME}(?:\s+(.+))?$`,
  'i',
);
/** `04.03.2022, 13:45:28 MEZ` (de), `04/03/2022 13:45:28` (day first, as every locale writing it does). */
const NUMERIC = new RegExp(String.raw`^(\d{1,2})[./](\d{1,2})[./](\d{4}),?\s+${TIME}(?:\s+(.+))?$`, 'i');
/** `2022-03-04 13:45:28 UTC` */
const ISO_LIKE = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})[T\s,]+${TIME}(?:\s+(.+))?$`, 'i');

/** Reads an HTML activity time; `utc` is null when the text is not a time. */
export function parseHtmlTime(raw: string): ParsedTime {
  const text = raw
    .replace(/[\u00a0\u202f\u2007\u2009\u200e\u200f]/g, ' ')
    .replace(/\u2212/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  let y: number, mo: number | null, d: number;
  let m: RegExpExecArray | null;
  let fields: (string | undefined)[];
  if ((m = MONTH_FIRST.exec(text))) {
    mo = monthNumber(m[1]!);
    d = +m[2]!;
    y = +m[3]!;
    fields = m.slice(4);
  } else if ((m = DAY_FIRST.exec(text))) {
    d = +m[1]!;
    mo = monthNumber(m[2]!);
    y = +m[3]!;
    fields = m.slice(4);
  } else if ((m = NUMERIC.exec(text))) {
    d = +m[1]!;
    mo = +m[2]!;
    y = +m[3]!;
    fields = m.slice(4);
  } else if ((m = ISO_LIKE.exec(text))) {
    y = +m[1]!;
    mo = +m[2]!;
    d = +m[3]!;
    fields = m.slice(4);
  } else {
    return { utc: null, zone: null, zoneUnknown: false };
  }
  if (mo === null) return { utc: null, zone: null, zoneUnknown: false };
  let hour = +fields[0]!;
  const minute = +fields[1]!;
  const second = fields[2] ? +fields[2] : 0;
  const meridiem = fields[3]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return { utc: null, zone: null, zoneUnknown: false };
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (!validDate(y, mo, d, hour, minute, second)) return { utc: null, zone: null, zoneUnknown: false };
  const zone = fields[4]?.trim() || null;
  const local = Date.UTC(y, mo - 1, d, hour, minute, second);
  if (!zone) return { utc: local, zone: null, zoneUnknown: false };
  const offset = zoneOffsetMinutes(zone);
  if (offset === null) return { utc: local, zone, zoneUnknown: true };
  return { utc: local - offset * 60_000, zone, zoneUnknown: false };
}
