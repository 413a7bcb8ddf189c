// What Alexa's own words and names mean: the "not intended for Alexa" placeholder (English and German),
// utterance ids, and the times and device serials that Amazon-style file names carry.

/**
 * Alexa's placeholder for an activation that was not meant for it, in English and German, with an en
 * dash, em dash, hyphen or colon between the halves (the page and saved copies differ), any case, an
 * optional final period. Either half alone also counts.
 */
const NOT_INTENDED =
  /^\s*(?:(?:text not available|text nicht verf(?:ü|ue)gbar)\s*[-–—:]?\s*)?(?:audio was not intended for alexa|audio war nicht f(?:ü|ue)r alexa bestimmt)\s*\.?\s*$/i;

export function isNotIntendedText(text: string | null | undefined): boolean {
  if (!text) return false;
  return NOT_INTENDED.test(text.normalize('NFC'));
}

/** Folds an id or a file name to compare them: scripts replace `/`, `:`, `#` and `.` in ids when naming files. */
export function idKey(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** A file name without its audio/compression extensions: `abc.wav.gz` → `abc`. */
export function stripAudioExtensions(name: string): string {
  let base = name;
  for (;;) {
    const next = base.replace(/\.(wav|wave|gz|gzip|audio|bin|pcm)$/i, '');
    if (next === base) return base;
    base = next;
  }
}

export interface NameTime {
  utc: number;
  /** The part of the name the time was read from. */
  text: string;
  /** A device serial number, when the name is an Alexa utterance id that carries one. */
  serial: string | null;
  form: 'utterance-id' | 'iso' | 'epoch-ms' | 'epoch-s';
}

const EARLIEST = Date.UTC(2010, 0, 1);
const LATEST = Date.UTC(2040, 0, 1);

function utcOf(y: string, mo: string, d: string, h: string, mi: string, s: string, ms = '0'): number | null {
  const t = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, +ms.padEnd(3, '0').slice(0, 3));
  const back = new Date(t);
  if (back.getUTCMonth() !== +mo - 1 || back.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) return null;
  return t >= EARLIEST && t < LATEST ? t : null;
}

// Alexa utterance ids look like `A3S5BH2HU6VAYF:1.0/2019/01/05/19/G090LF0964560ABC/05:43::TNIH_2V.…`:
// date and hour, the device serial, then minutes and seconds. Saved as a file name the `/` and `:`
// usually become `_` or `-`.
const UTTERANCE_ID =
  /(20\d{2})[/_.-](\d{2})[/_.-](\d{2})[/_.-](\d{2})[/_.-]([A-Z0-9]{10,20})[/_.-]+(\d{2})[:_.-](\d{2})(?![0-9])/;
// ISO-like stamps: 2024-08-21T13-53-36.929Z, 2024-08-21_13_53_36, 2024-08-21 13.53.36, 20240821T135336Z.
const ISO_SEP =
  /(?<![0-9])(20\d{2})([-_])(\d{2})\2(\d{2})[T _-]?(\d{2})[-_:.h]?(\d{2})[-_:.m]?(\d{2})(?:[.,_-](\d{1,3}))?(?![0-9])/i;
const ISO_COMPACT = /(?<![0-9])(20\d{2})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(?:[.,_-]?(\d{1,3}))?(?![0-9])/i;
const EPOCH_MS = /(?<![0-9])(1\d{12})(?![0-9])/;
const EPOCH_S = /(?<![0-9])(1\d{9})(?![0-9])/;

/**
 * The time a recording's file name states, read as UTC: an Alexa utterance id, an ISO-like stamp, or
 * epoch milliseconds/seconds between 2010 and 2040. Null when the name holds no such time.
 */
export function timeFromFileName(name: string): NameTime | null {
  const base = stripAudioExtensions(name.slice(name.lastIndexOf('/') + 1));
  let m = UTTERANCE_ID.exec(base);
  if (m) {
    const utc = utcOf(m[1]!, m[2]!, m[3]!, m[4]!, m[6]!, m[7]!);
    if (utc !== null) return { utc, text: m[0], serial: m[5]!, form: 'utterance-id' };
  }
  m = ISO_SEP.exec(base);
  if (m) {
    const utc = utcOf(m[1]!, m[3]!, m[4]!, m[5]!, m[6]!, m[7]!, m[8] ?? '0');
    if (utc !== null) return { utc, text: m[0], serial: null, form: 'iso' };
  }
  m = ISO_COMPACT.exec(base);
  if (m) {
    const utc = utcOf(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]!, m[7] ?? '0');
    if (utc !== null) return { utc, text: m[0], serial: null, form: 'iso' };
  }
  m = EPOCH_MS.exec(base);
  if (m) {
    const utc = Number(m[1]);
    if (utc >= EARLIEST && utc < LATEST) return { utc, text: m[1]!, serial: null, form: 'epoch-ms' };
  }
  m = EPOCH_S.exec(base);
  if (m) {
    const utc = Number(m[1]) * 1000;
    if (utc >= EARLIEST && utc < LATEST) return { utc, text: m[1]!, serial: null, form: 'epoch-s' };
  }
  return null;
}
