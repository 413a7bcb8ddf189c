// One PDF of transcripts in an Amazon export, read within its budgets (bytes, pages, time): its rows
// with their times in UTC, or the reason, in plain words, why its transcripts could not be read.
import type { ExportEntry } from '../../archive/export-files.ts';
import { formatBytes } from '../../archive/export-files.ts';
import { message, type Message } from '../../messages/index.ts';
import { isNotIntendedText } from '../alexa-history/utterances.ts';
import type { Timed, TimedText } from './link.ts';
import { chooseZone, utcInZone } from './local-times.ts';
import { utcAtOffset, type WrittenTime } from './pdf-dates.ts';
import { unpacksWithin } from './pdf-inflate.ts';
import { PDF_LIMITS, readPdfText, type PdfLimits } from './pdf-text.ts';
import { transcriptsFromPdf, type PdfTranscript } from './pdf-transcripts.ts';

/** A PDF of 1,700 transcripts is well under 1 MB; 64 MB leaves room for fonts and a logo or two. */
export const PDF_MAX_BYTES = 64 * 1024 ** 2;
/** What its text, fonts and object streams may unpack to (images are not unpacked to read text). */
export const PDF_MAX_UNPACKED_BYTES = 128 * 1024 ** 2;

export interface PdfRead {
  entry: ExportEntry;
  /** The PDF's bytes, read once under the cap, to keep it with the export; null when too large. */
  bytes: Uint8Array | null;
  transcripts: PdfTranscript[];
  language: 'de' | 'en' | null;
  /** Why its transcripts could not be read (a sentence to follow the file's name), or null. */
  problem: Message | null;
  /** A note when a budget stopped the reading part way. */
  stopped: Message | null;
}

/** Reads `entry` as a PDF of transcripts. Never throws for what is wrong with the file. */
export async function readTranscriptPdf(
  entry: ExportEntry,
  signal: AbortSignal,
  limits: PdfLimits & { maxBytes: number; maxUnpackedBytes: number } = {
    ...PDF_LIMITS,
    maxBytes: PDF_MAX_BYTES,
    maxUnpackedBytes: PDF_MAX_UNPACKED_BYTES,
  },
): Promise<PdfRead> {
  const result: PdfRead = { entry, bytes: null, transcripts: [], language: null, problem: null, stopped: null };
  // The declared size is checked first, so a huge PDF is refused without reading a byte of it.
  if (entry.size > limits.maxBytes) {
    result.problem = message('amazon.pdfTooLarge', { size: formatBytes(limits.maxBytes) });
    return result;
  }
  try {
    result.bytes = await entry.read(limits.maxBytes);
  } catch (error) {
    signal.throwIfAborted();
    const e = error as Error & { code?: string };
    result.problem =
      e.code === 'entry-too-large'
        ? message('amazon.pdfTooLarge', { size: formatBytes(limits.maxBytes) })
        : message('amazon.pdfDamaged', { detail: e.message });
    return result;
  }
  const seconds = Math.round(limits.maxMs / 1000);
  if (!(await unpacksWithin(result.bytes, limits.maxUnpackedBytes, signal))) {
    result.problem = message('amazon.pdfUnpacksTooLarge', { size: formatBytes(limits.maxUnpackedBytes) });
    return result;
  }
  // pdf.js may take over the buffer it is given: it gets a copy, the export keeps the original.
  const text = await readPdfText(new Uint8Array(result.bytes), limits, signal);
  if (!text.ok) {
    result.problem =
      text.problem === 'encrypted'
        ? message('amazon.pdfEncrypted')
        : text.problem === 'no-text'
          ? message('amazon.pdfNoText')
          : text.problem === 'too-slow'
            ? message('amazon.pdfTooSlow', { seconds })
            : message('amazon.pdfDamaged', { detail: text.detail });
    return result;
  }
  const found = transcriptsFromPdf(text.pages);
  result.transcripts = found.rows;
  result.language = found.language;
  if (found.rows.length === 0) result.problem = message('amazon.pdfNoRows');
  const params = { file: entry.path, readCount: text.pages.length, pageCount: text.pageCount, seconds };
  if (text.stoppedBy === 'pages') result.stopped = message('amazon.pdfStoppedPages', params);
  if (text.stoppedBy === 'time') result.stopped = message('amazon.pdfStoppedTime', params);
  return result;
}

/** A PDF row ready to be a transcript: its time in UTC and how exactly it was written. */
export interface PdfRow extends TimedText {
  time: number | null;
  timeOriginal: string;
  timeZone: string | null;
  text: string | null;
  notIntended: boolean;
  device: string | null;
  response: string | null;
  extra: Record<string, unknown>;
}

function offsetName(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

function precisionOf(t: WrittenTime): TimedText['precision'] {
  return !t.hasTime ? 'day' : t.hasSeconds ? 'second' : 'minute';
}

/**
 * The rows of a PDF with UTC times: times that name a zone as written; the others in the zone under
 * which they meet the most `audio` times (see local-times.ts), with a note saying which.
 */
export function pdfRows(read: PdfRead, audio: Timed[]): { rows: PdfRow[]; note: Message | null } {
  const zoneless = read.transcripts.filter((t) => t.time.offsetMinutes === null).map((t) => t.time);
  const choice = chooseZone(zoneless, audio, read.language);
  let note: Message | null = null;
  if (zoneless.length > 0)
    note =
      choice.linked > 0
        ? message('amazon.pdfZoneChosen', { file: read.entry.path, zone: choice.zone, count: choice.linked })
        : message('amazon.pdfZoneUnknown', { file: read.entry.path });
  const rows = read.transcripts.map((t): PdfRow => {
    const known = t.time.offsetMinutes !== null;
    const notIntended = isNotIntendedText(t.text);
    return {
      time: known ? utcAtOffset(t.time, t.time.offsetMinutes!) : utcInZone(t.time, choice.zone),
      precision: precisionOf(t.time),
      timeOriginal: t.timeText,
      timeZone: known ? offsetName(t.time.offsetMinutes!) : choice.linked > 0 ? choice.zone : null,
      text: notIntended ? null : t.text,
      notIntended,
      device: t.device,
      response: t.response,
      extra: {
        transcriptPage: t.page,
        ...(notIntended ? { replacementText: t.text } : {}),
        ...(!known && choice.linked === 0 ? { timeZoneUnknown: true } : {}),
        ...(!known && choice.linked > 0 ? { timeZoneFromAudio: choice.zone } : {}),
        ...(t.time.hasTime ? {} : { dayOnly: true }),
      },
    };
  });
  return { rows, note };
}
