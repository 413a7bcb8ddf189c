// A PDF of transcripts, as text runs with positions (pdf-text.ts), rebuilt into its rows: each row a
// time and what was said, and a device or Alexa's answer where the layout has such a column. Works
// for tables (a date/time column, a transcript column, maybe more) and for lists ("date — text"),
// with rows that wrap onto further lines or onto the next page, in whatever order the PDF lists them.
import type { PdfPage, PdfTextRun } from './pdf-text.ts';
import { clockAtStart, findTime, slashOrder, swapDayMonth, timeAt, type WrittenTime } from './pdf-dates.ts';

export interface PdfTranscript {
  time: WrittenTime;
  /** The date and time as the PDF writes them. */
  timeText: string;
  text: string | null;
  device: string | null;
  response: string | null;
  page: number;
}

export interface PdfTranscripts {
  rows: PdfTranscript[];
  /** The document's language, from its words (German month names, "Uhr", …), when it shows. */
  language: 'de' | 'en' | null;
  /** Lines that are neither part of a row, a column header nor a page header or footer. */
  otherLines: number;
}

interface Segment {
  text: string;
  x: number;
  end: number;
}

interface Line {
  page: number;
  y: number;
  size: number;
  segments: Segment[];
  text: string;
}

type Role = 'time' | 'text' | 'device' | 'response' | 'other';

// Column headers, German and English, as a table of transcripts may name its columns.
const HEADER_WORDS: [Role, RegExp][] = [
  [
    'time',
    /^(datum|date|zeit|uhrzeit|time|zeitpunkt|zeitstempel|timestamp|wann|when|datum\s*(und|&|\/)\s*(uhr)?zeit|date\s*(and|&|\/)\s*time|erstellt|created)$/i,
  ],
  [
    'text',
    /^(transkript|transcript|transkription|transcription|text|äußerung|aeusserung|utterance|anfrage|request|frage|question|befehl|command|sprachbefehl|voice command|inhalt|content|was (wurde )?gesagt( wurde)?|what (was|you) said|ihre anfrage|your request|kundentranskript|customer transcript|gesprochener text|spoken text)$/i,
  ],
  ['device', /^(ger(ä|ae)t|ger(ä|ae)tename|device|device name|lautsprecher|speaker|echo)$/i],
  ['response', /^(antwort|alexas? antwort|response|alexa'?s? response|reply)$/i],
  [
    'other',
    /^(nr\.?|no\.?|#|nummer|number|id|status|typ|type|dauer|duration|seite|page|aktion|action|kategorie|category)$/i,
  ],
];
const PAGE_NUMBER = /^(seite|page|s\.|p\.)?\s*\d{1,5}(\s*(von|of|\/)\s*\d{1,5})?$|^[-–]\s*\d{1,5}\s*[-–]$/i;
const GERMAN_WORDS =
  /\b(uhr|um|mesz|mez|januar|februar|märz|mai|juni|juli|oktober|dezember|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|seite|wie|wird|das|der|die|und|ist|mach|spiel)\b/i;
const ENGLISH_WORDS =
  /\b(am|pm|january|february|march|may|june|july|october|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|page|what|the|is|play|turn|set)\b/i;
const LEADING_SEPARATORS = /^[\s\-–—:|•·,;>]+/;

function headerRole(text: string): Role | null {
  const t = text.replace(/[:*]+$/, '').trim();
  for (const [role, re] of HEADER_WORDS) if (re.test(t)) return role;
  return null;
}

/** Text runs of one page grouped into lines (top to bottom), each cut into segments at wide gaps. */
function linesOf(page: PdfPage): Line[] {
  const runs = [...page.runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextRun[][] = [];
  for (const run of runs) {
    const last = groups.at(-1);
    const tolerance = Math.max(1.5, 0.4 * Math.max(run.size, last?.[0]?.size ?? 0));
    if (last && Math.abs(last[0]!.y - run.y) <= tolerance) last.push(run);
    else groups.push([run]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    const size = Math.max(...group.map((r) => r.size), 1);
    const segments: Segment[] = [];
    for (const run of group) {
      const seg = segments.at(-1);
      const gap = seg ? run.x - seg.end : Infinity;
      // A column gap is wider than a couple of spaces; text in one cell is set closer than that.
      if (seg && gap <= Math.max(1.2 * size, 6)) {
        const space = gap > 0.15 * size && !/\s$/.test(seg.text) && !/^\s/.test(run.text) ? ' ' : '';
        seg.text += space + run.text;
        seg.end = Math.max(seg.end, run.x + run.width);
      } else segments.push({ text: run.text, x: run.x, end: run.x + run.width });
    }
    for (const s of segments) s.text = s.text.replace(/\s+/g, ' ').trim();
    const kept = segments.filter((s) => s.text !== '');
    return { page: page.number, y: group[0]!.y, size, segments: kept, text: kept.map((s) => s.text).join(' ') };
  });
}

/** Where a row starts: a segment that begins with a date (after a leading row number, if any). */
function rowStart(line: Line): number | null {
  for (const [i, seg] of line.segments.entries()) {
    if (timeAt(seg.text, 0)) return i;
    // Only a row number, or an empty-looking cell, may come before the date.
    if (!/^\d{1,6}\.?$/.test(seg.text)) return null;
  }
  return null;
}

interface Column {
  x: number;
  text: string;
}

interface OpenRow {
  firstPage: number;
  page: number;
  lastY: number;
  size: number;
  columns: Column[];
  timeColumn: number;
}

/** Normalised line text, digits folded, to recognise headers and footers repeated on every page. */
function shape(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

export function transcriptsFromPdf(pages: PdfPage[]): PdfTranscripts {
  const pageLines = pages.map(linesOf);
  // Lines that open or close several pages with the same words (running headers, footers), set apart
  // from the text next to them (a row's wrapped line sits close to the line above it).
  const edgeShapes = new Map<string, Set<number>>();
  for (const lines of pageLines) {
    const apart = (i: number, inner: number) => {
      const a = lines[i];
      const b = lines[inner];
      return a !== undefined && (b === undefined || Math.abs(a.y - b.y) > 2.5 * Math.max(a.size, b.size));
    };
    const n = lines.length;
    const edges = [apart(0, 1) ? 0 : -1, apart(n - 1, n - 2) ? n - 1 : -1];
    if (edges[0] === 0 && apart(1, 2)) edges.push(1);
    if (edges[1] === n - 1 && apart(n - 2, n - 3)) edges.push(n - 2);
    for (const line of edges.map((i) => lines[i])) {
      if (!line || rowStart(line) !== null) continue;
      const s = shape(line.text);
      edgeShapes.set(s, (edgeShapes.get(s) ?? new Set()).add(line.page));
    }
  }
  const running = new Set([...edgeShapes].filter(([, p]) => p.size >= 2).map(([s]) => s));

  let header: { role: Role; x: number }[] = [];
  const finished: { row: OpenRow; page: number }[] = [];
  let open: OpenRow | null = null;
  let otherLines = 0;
  let sample = '';
  const close = () => {
    if (open) finished.push({ row: open, page: open.firstPage });
    open = null;
  };

  for (const lines of pageLines) {
    for (const line of lines) {
      if (sample.length < 20_000) sample += ` ${line.text}`;
      if (PAGE_NUMBER.test(line.text) || running.has(shape(line.text))) continue;
      const start = rowStart(line);
      if (start === null) {
        const roles = line.segments.map((s) => headerRole(s.text));
        if (roles.length > 0 && roles.every((r) => r !== null) && roles.some((r) => r === 'time' || r === 'text')) {
          // A column header (repeated on each page, or new): it ends any open row.
          header = line.segments.map((s, i) => ({ role: roles[i]!, x: s.x }));
          close();
          continue;
        }
        if (open && continues(open, line)) {
          append(open, line);
          continue;
        }
        close();
        otherLines++;
        continue;
      }
      close();
      open = {
        firstPage: line.page,
        page: line.page,
        lastY: line.y,
        size: line.size,
        columns: line.segments.map((s) => ({ x: s.x, text: s.text })),
        timeColumn: start,
      };
    }
  }
  close();

  const language = GERMAN_WORDS.test(sample) ? 'de' : ENGLISH_WORDS.test(sample) ? 'en' : null;
  const rows = finished.map(({ row, page }) => rowFields(row, header, page)).filter((r) => r !== null);
  if (
    slashOrder(
      rows.map((r) => r.time),
      language,
    ) === 'mdy'
  )
    for (const r of rows) if (r.time.slash) r.time = swapDayMonth(r.time);
  return { rows, language, otherLines };
}

/** A line without a date continues the open row when it sits right below it (or tops the next page). */
function continues(row: OpenRow, line: Line): boolean {
  if (line.page === row.page) return row.lastY - line.y <= 2.2 * Math.max(row.size, line.size) && row.lastY > line.y;
  // Across a page break: the first lines of the next page, aligned with one of the row's columns.
  return line.page === row.page + 1 && line.segments.every((s) => row.columns.some((c) => Math.abs(c.x - s.x) <= 3));
}

function append(row: OpenRow, line: Line) {
  for (const seg of line.segments) {
    // The column that starts at or left of this segment (the nearest one when it starts further left).
    let k = 0;
    for (const [i, c] of row.columns.entries()) if (c.x <= seg.x + 3) k = i;
    const column = row.columns[k]!;
    column.text = column.text ? `${column.text} ${seg.text}` : seg.text;
  }
  row.lastY = line.y;
  row.page = line.page;
}

function roleOf(x: number, header: { role: Role; x: number }[]): Role | null {
  let best: { role: Role; d: number } | null = null;
  for (const h of header) {
    const d = Math.abs(h.x - x);
    if (d <= 12 && (!best || d < best.d)) best = { role: h.role, d };
  }
  return best?.role ?? null;
}

function clean(text: string): string | null {
  const t = text
    .replace(LEADING_SEPARATORS, '')
    .replace(/^["“„»«]+|["”“«»]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return t === '' ? null : t;
}

function rowFields(row: OpenRow, header: { role: Role; x: number }[], page: number): PdfTranscript | null {
  const timeCell = row.columns[row.timeColumn]!;
  const found = timeAt(timeCell.text, 0) ?? findTime(timeCell.text);
  if (!found) return null;
  let time = found.time;
  let timeText = timeCell.text.slice(found.start, found.end).trim();
  const rest = timeCell.text.slice(found.end);
  const used = new Set([row.timeColumn]);
  // Separate date and time columns: the time opens the next cell.
  const next = row.columns[row.timeColumn + 1];
  if (!time.hasTime && next && rest.trim() === '') {
    const clock = clockAtStart(next.text);
    if (clock) {
      const { end: _end, ...fields } = clock;
      time = { ...time, ...fields, hasTime: true };
      timeText = `${timeText} ${next.text.slice(0, clock.end).trim()}`;
      const left = next.text.slice(clock.end).trim();
      if (left === '') used.add(row.timeColumn + 1);
      else next.text = left;
    }
  }
  const texts: string[] = [];
  let device: string | null = null;
  let response: string | null = null;
  const restText = clean(rest);
  if (restText) texts.push(restText);
  for (const [i, c] of row.columns.entries()) {
    if (used.has(i) || i < row.timeColumn) continue;
    const role = roleOf(c.x, header);
    const value = clean(c.text);
    if (!value || role === 'other' || role === 'time') continue;
    if (role === 'device') device = device ? `${device} ${value}` : value;
    else if (role === 'response') response = response ? `${response} ${value}` : value;
    else texts.push(value);
  }
  return { time, timeText, text: clean(texts.join(' ')), device, response, page };
}
