// Amazon's CSV files, streamed row by row: UTF-8 with or without a byte-order mark, CRLF or LF,
// quoted commas and line breaks, `Not Available` / `Not Applicable` (and their translations) for
// empty values. The delimiter is taken from the header line (comma, semicolon or tab).
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';

/** Amazon's placeholders for "no value". Headers stay English in every country; values are localised. */
const PLACEHOLDERS = new Set(
  [
    'not available',
    'not applicable',
    'n/a',
    'none available',
    'nicht verfügbar',
    'nicht zutreffend',
    'nicht anwendbar',
    'non disponible',
    'non applicable',
    'no disponible',
    'no aplicable',
    'non disponibile',
    'non applicabile',
    'niet beschikbaar',
    'niet van toepassing',
  ].map((s) => s.normalize('NFC')),
);

/** A cell's value: trimmed, with Amazon's placeholders and empty cells as null. */
export function cellValue(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const v = raw.replace(/^\ufeff/, '').trim();
  if (v === '' || PLACEHOLDERS.has(v.normalize('NFC').toLowerCase())) return null;
  return v;
}

function detectDelimiter(head: Buffer): string {
  let text = head.toString('utf8', 0, Math.min(head.length, 8192));
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // The first line outside quotes.
  let line = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    if (!quoted) line += ch;
  }
  const count = (c: string) => line.split(c).length - 1;
  const candidates: [string, number][] = [
    [',', count(',')],
    [';', count(';')],
    ['\t', count('\t')],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}

/**
 * Yields each record of a CSV stream as an array of raw cells; the first is the header. Stop early
 * (break) to read only the header: the source is destroyed.
 */
export async function* csvRecords(source: Readable, signal?: AbortSignal): AsyncGenerator<string[]> {
  const it = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const first = await it.next();
  if (first.done) {
    source.destroy();
    return;
  }
  const head = first.value;
  const parser = parse({
    bom: true,
    delimiter: detectDelimiter(head),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  });
  const feed = Readable.from(
    (async function* () {
      yield head;
      for (;;) {
        const next = await it.next();
        if (next.done) return;
        yield next.value;
      }
    })(),
  );
  feed.on('error', (e: Error) => parser.destroy(e));
  feed.pipe(parser);
  const onAbort = () => parser.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const record of parser as AsyncIterable<string[]>) yield record;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    feed.unpipe(parser);
    feed.destroy();
    source.destroy();
    parser.destroy();
  }
}

/** Folds a column header for matching: lower case, letters and digits only (`Utterance Creation Date` → `utterancecreationdate`). */
export function foldHeader(h: string): string {
  return h
    .replace(/^\ufeff/, '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
