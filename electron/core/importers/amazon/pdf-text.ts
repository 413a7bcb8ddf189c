// Reads the text runs of a PDF, each with its position, with Mozilla's pdf.js, in this thread and
// within a page and time budget. It never renders, runs no scripts, loads no fonts and fetches nothing.
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { loadPdfJs } from './pdfjs-node.ts';

/** One run of text as the PDF places it: `x`, `y` in points from the page's bottom-left corner. */
export interface PdfTextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size in points (the height of the text's box). */
  size: number;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  runs: PdfTextRun[];
}

export interface PdfLimits {
  /** Pages read at most; the rest are reported as not read. */
  maxPages: number;
  /** Time for the whole document, opening included. */
  maxMs: number;
}

export const PDF_LIMITS: PdfLimits = { maxPages: 2000, maxMs: 60_000 };

/** Why a PDF's text could not be read at all. */
export type PdfProblem = 'encrypted' | 'damaged' | 'no-text' | 'too-slow';

export type PdfText =
  | {
      ok: true;
      pages: PdfPage[];
      pageCount: number;
      /** Set when a budget ended the reading early: pages after `pages.length` were not read. */
      stoppedBy: 'pages' | 'time' | null;
    }
  | { ok: false; problem: PdfProblem; detail: string };

class OutOfTime extends Error {}

/** `promise`, or OutOfTime when the deadline passes (or `signal` aborts) first. */
function beforeDeadline<T>(promise: Promise<T>, deadline: number, signal: AbortSignal | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new OutOfTime()), Math.max(0, deadline - Date.now()));
    const onAbort = () => reject(signal!.reason ?? new Error('aborted'));
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

function isTextItem(item: unknown): item is TextItem {
  return typeof item === 'object' && item !== null && typeof (item as TextItem).str === 'string';
}

/**
 * The text runs of every page of `data` (which pdf.js may take over: pass a copy if you still need it).
 * Never throws for what is wrong with the document; throws only when `signal` aborts.
 */
export async function readPdfText(
  data: Uint8Array,
  limits: PdfLimits = PDF_LIMITS,
  signal?: AbortSignal,
): Promise<PdfText> {
  const deadline = Date.now() + limits.maxMs;
  const lib = await loadPdfJs();
  const task = lib.getDocument({
    data,
    // Text only: no fonts loaded into the page, no eval'd font programs, no scripts, no XFA forms,
    // nothing fetched, no images decoded.
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    let doc;
    try {
      doc = await beforeDeadline(task.promise, deadline, signal);
    } catch (error) {
      if (signal?.aborted) throw signal.reason ?? error;
      if (error instanceof OutOfTime) return { ok: false, problem: 'too-slow', detail: '' };
      const e = error as Error;
      if (e.name === 'PasswordException') return { ok: false, problem: 'encrypted', detail: e.message };
      return { ok: false, problem: 'damaged', detail: e.message };
    }
    const pageCount = doc.numPages;
    const pages: PdfPage[] = [];
    let stoppedBy: 'pages' | 'time' | null = null;
    let anyText = false;
    for (let n = 1; n <= pageCount; n++) {
      if (n > limits.maxPages) {
        stoppedBy = 'pages';
        break;
      }
      try {
        const page = await beforeDeadline(doc.getPage(n), deadline, signal);
        const content = await beforeDeadline(page.getTextContent(), deadline, signal);
        const runs: PdfTextRun[] = [];
        for (const item of content.items) {
          if (!isTextItem(item) || item.str.trim() === '') continue;
          const [a, b, c, d, x, y] = item.transform as number[];
          if (![a, b, c, d, x, y].every((v) => Number.isFinite(v))) continue;
          runs.push({
            text: item.str,
            x: x!,
            y: y!,
            width: Number.isFinite(item.width) ? item.width : 0,
            size: Math.abs(item.height) || Math.hypot(c!, d!) || Math.hypot(a!, b!),
          });
        }
        if (runs.length > 0) anyText = true;
        pages.push({ number: n, runs });
        page.cleanup();
      } catch (error) {
        if (signal?.aborted) throw signal.reason ?? error;
        if (error instanceof OutOfTime) {
          stoppedBy = 'time';
          break;
        }
        // One damaged page: the others are still read.
        pages.push({ number: n, runs: [] });
      }
    }
    if (!anyText) {
      if (stoppedBy === 'time') return { ok: false, problem: 'too-slow', detail: '' };
      return { ok: false, problem: 'no-text', detail: '' };
    }
    return { ok: true, pages, pageCount, stoppedBy };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}
