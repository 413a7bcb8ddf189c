// Times as Amazon writes them: in transcript tables (cells) and in the names of audio files. Every
// pattern Earshot reads is in the two tables below, each with its test in test/amazon.test.ts; a name
// that matches none is timed by the file's date in the archive (which the import report says).
//
// Table cells (parseCellTime):
// | written like                     | read as                                      |
// |----------------------------------|----------------------------------------------|
// | 2024-08-21T13:53:36.929Z         | ISO-8601 with Z, UTC or GMT                  |
// | 2024-08-21T15:53:36+02:00        | ISO-8601 with an offset                      |
// | 2024-08-21 13:53:36              | zone-less: UTC, flagged as unknown zone      |
// | 1724248416929 / 1724248416       | epoch milliseconds / seconds                 |
// | 08/21/2024 1:53:36 PM            | US style (Amazon.com's own pages)            |
//
// Audio file names (timeFromFileName), always UTC; an index suffix such as `_1`, `-0003` or ` (2)`
// after the time is allowed everywhere, and `.wav`, `.gz`, … are stripped first:
// | written like                                              | form         |
// |-----------------------------------------------------------|--------------|
// | A3S5BH2HU6VAYF_1.0_2019_01_05_19_G090LF…ABC_05_43__…wav    | utterance-id (date, hour, device serial, minute, second) |
// | 2024-08-21T13-53-36.929Z, 2024-08-21_13_53_36, 2024-08-21 13.53.36 | iso |
// | 2018-05-03T04_02_58 (Windows-safe ISO)                    | iso          |
// | 20240821T135336Z, 20180503_040258, 20180503-040258        | iso (compact) |
// | 2018-04-16_11_42_55_659 (milliseconds after `_`: exactly three digits) | iso |
// | 1525320178000 (13 digits, 2010–2040)                      | epoch-ms     |
// | 1525320178 (10 digits, 2010–2040)                         | epoch-s      |
import { stripAudioExtensions } from '../alexa-history/utterances.ts';

export interface CellTime {
  utc: number | null;
  /** 'UTC', an offset like '+02:00', or null when the text carried no zone (then read as UTC). */
  zone: string | null;
}

const EARLIEST = Date.UTC(2010, 0, 1);
const LATEST = Date.UTC(2040, 0, 1);

function inRange(t: number): number | null {
  return Number.isFinite(t) && t >= EARLIEST && t < LATEST ? t : null;
}

export function parseCellTime(raw: string | number | null | undefined): CellTime {
  if (raw === null || raw === undefined) return { utc: null, zone: null };
  if (typeof raw === 'number') return { utc: inRange(raw < 1e11 ? raw * 1000 : raw), zone: 'UTC' };
  const v = raw.trim();
  if (/^\d{10}(\.\d+)?$/.test(v)) return { utc: inRange(Math.round(Number(v) * 1000)), zone: 'UTC' };
  if (/^\d{13}$/.test(v)) return { utc: inRange(Number(v)), zone: 'UTC' };
  let m =
    /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i.exec(
      v,
    );
  if (m) {
    const ms = m[7] ? Number(m[7].padEnd(3, '0').slice(0, 3)) : 0;
    let t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0), ms);
    const zoneText = m[8];
    let zone: string | null = null;
    if (zoneText && /^(Z|UTC|GMT)$/i.test(zoneText)) zone = 'UTC';
    else if (zoneText) {
      const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zoneText)!;
      const offset = (z[1] === '-' ? -1 : 1) * (+z[2]! * 60 + +z[3]!);
      t -= offset * 60_000;
      zone = `${z[1]}${z[2]}:${z[3]}`;
    }
    return { utc: inRange(t), zone };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return { utc: inRange(Date.parse(`${v}T00:00:00Z`)), zone: null };
  // US style: 08/21/2024 13:53:36 (Amazon.com's own pages write dates this way).
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?\s*(UTC|GMT|Z)?$/i.exec(v);
  if (m) {
    let h = +m[4]!;
    if (m[7]) h = (h % 12) + (/pm/i.test(m[7]) ? 12 : 0);
    return { utc: inRange(Date.UTC(+m[3]!, +m[1]! - 1, +m[2]!, h, +m[5]!, +(m[6] ?? 0))), zone: m[8] ? 'UTC' : null };
  }
  const t = Date.parse(v);
  return Number.isNaN(t) ? { utc: null, zone: null } : { utc: inRange(t), zone: /(Z|UTC|GMT)/i.test(v) ? 'UTC' : null };
}

// ---------------------------------------------------------------------------------------------
// Audio file names (see the table at the top)

export interface NameTime {
  utc: number;
  /** The part of the name the time was read from. */
  text: string;
  /** A device serial number, when the name is an Alexa utterance id that carries one. */
  serial: string | null;
  form: 'utterance-id' | 'iso' | 'epoch-ms' | 'epoch-s';
}

function utcOf(y: string, mo: string, d: string, h: string, mi: string, s: string, ms = '0'): number | null {
  const t = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, +ms.padEnd(3, '0').slice(0, 3));
  const back = new Date(t);
  if (back.getUTCMonth() !== +mo - 1 || back.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) return null;
  return inRange(t);
}

// Alexa utterance ids look like `A3S5BH2HU6VAYF:1.0/2019/01/05/19/G090LF0964560ABC/05:43::TNIH_2V.…`:
// date and hour, the device serial, then minutes and seconds. Saved as a file name the `/` and `:`
// usually become `_` or `-`.
const UTTERANCE_ID =
  /(20\d{2})[/_.-](\d{2})[/_.-](\d{2})[/_.-](\d{2})[/_.-]([A-Z0-9]{10,20})[/_.-]+(\d{2})[:_.-](\d{2})(?![0-9])/;
// Milliseconds after a time: `.929` or `,9`, or exactly three digits after `_`/`-` (Google's
// `…_55_659_UTC`). One or two digits after `_` or four after `-` are an index suffix, not milliseconds.
const MS = String.raw`(?:[.,](\d{1,3})|[_-](\d{3})(?![0-9]))?`;
// ISO-like stamps with separators: 2024-08-21T13-53-36.929Z, 2024-08-21_13_53_36, 2018-05-03T04_02_58.
const ISO_SEP = new RegExp(
  String.raw`(?<![0-9])(20\d{2})([-_])(\d{2})\2(\d{2})[T _-]?(\d{2})[-_:.h]?(\d{2})[-_:.m]?(\d{2})${MS}(?![0-9])`,
  'i',
);
// Compact stamps: 20240821T135336Z, 20180503_040258, 20180503-040258.
const ISO_COMPACT = new RegExp(
  String.raw`(?<![0-9])(20\d{2})(\d{2})(\d{2})[T_-](\d{2})(\d{2})(\d{2})${MS}(?![0-9])`,
  'i',
);
const EPOCH_MS = /(?<![0-9])(1\d{12})(?![0-9])/;
const EPOCH_S = /(?<![0-9])(1\d{9})(?![0-9])/;

/**
 * The time a recording's file name states, read as UTC (see the table at the top). Null when the
 * name holds no such time.
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
    const utc = utcOf(m[1]!, m[3]!, m[4]!, m[5]!, m[6]!, m[7]!, m[8] ?? m[9] ?? '0');
    if (utc !== null) return { utc, text: m[0], serial: null, form: 'iso' };
  }
  m = ISO_COMPACT.exec(base);
  if (m) {
    const utc = utcOf(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]!, m[7] ?? m[8] ?? '0');
    if (utc !== null) return { utc, text: m[0], serial: null, form: 'iso' };
  }
  m = EPOCH_MS.exec(base);
  if (m) {
    const utc = inRange(Number(m[1]));
    if (utc !== null) return { utc, text: m[1]!, serial: null, form: 'epoch-ms' };
  }
  m = EPOCH_S.exec(base);
  if (m) {
    const utc = inRange(Number(m[1]) * 1000);
    if (utc !== null) return { utc, text: m[1]!, serial: null, form: 'epoch-s' };
  }
  return null;
}
