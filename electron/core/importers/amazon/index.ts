// Amazon "Request your data" exports → Alexa recordings. Three layouts: the 2024+ "All Data Categories"
// parts (readable folders beside a raw `Additional Data/` tree), the 2019–2023 per-category ZIPs
// (`Alexa.zip`, `Devices.Registration.zip`, …, ZIPs inside ZIPs), and the 2018 delivery (one ZIP of WAVs
// and a PDF of transcripts). Audio is found by its RIFF/WAVE header wherever it is; transcripts by their
// columns, or by their rows in a PDF (pdf-import.ts); the two are linked by time (see link.ts). Other
// data categories are reported, not read.
import { createHash } from 'node:crypto';
import type { ExportEntry, ExportFiles } from '../../archive/export-files.ts';
import type { NewRecording } from '../../model.ts';
import { sniffEntry } from '../alexa-history/entry-head.ts';
import { streamArrayObjects } from '../alexa-history/json-objects.ts';
import { isVoiceRecord, readVoiceRecord } from '../alexa-history/records.ts';
import { isNotIntendedText, stripAudioExtensions } from '../alexa-history/utterances.ts';
import type { Detection, Importer, ImportSink } from '../importer.ts';
import { findColumns, tableKind, type Columns, type TableKind } from './columns.ts';
import { cellValue, csvRecords, foldHeader } from './csv.ts';
import { isAudioLikeName, scanAmazon, type AmazonScan, type Located } from './layout.ts';
import { LINK_TOLERANCE_MS, linkByTimeAndPrecision } from './link.ts';
import { pdfRows, readTranscriptPdf, type PdfRead } from './pdf-import.ts';
import { parseCellTime, timeFromFileName } from './times.ts';
import { compactExtra } from '../shared.ts';
import { english, message } from '../../messages/index.ts';

export { LINK_TOLERANCE_MS, linkByTime, linkByTimeAndPrecision } from './link.ts';
export { PDF_MAX_BYTES, PDF_MAX_UNPACKED_BYTES } from './pdf-import.ts';
export { parseCellTime, timeFromFileName } from './times.ts';
export { scanAmazon, locate } from './layout.ts';
export { csvRecords, cellValue } from './csv.ts';
export { findColumns, tableKind } from './columns.ts';

/** One fixed reason per kind of entry left unread, so the report can group them. */
export const AMAZON_SKIP_REASONS = {
  otherCategory: message('amazon.skipOtherCategory'),
  description: message('amazon.skipDescription'),
  olderVersion: message('amazon.skipOlderVersion'),
  copy: message('amazon.skipCopy'),
  noUtterances: message('amazon.skipNoUtterances'),
  notAudio: message('amazon.skipNotAudio'),
  duplicateAudio: message('amazon.skipDuplicateAudio'),
  pdf: message('amazon.skipPdf'),
} as const;

export const AMAZON_NOT_ALEXA = message('amazon.notAlexa');

const MAX_ROW_SKIPS_LISTED = 20;

function detect(files: ExportFiles): Detection {
  const scan = scanAmazon(files.entries);
  return detectFromScan(scan);
}

function detectFromScan(scan: AmazonScan): Detection {
  const amazon = scan.has2024 || scan.has2019;
  if (amazon) {
    if (!scan.alexaData) return { kind: scan.kind, score: 0, recognised: [AMAZON_NOT_ALEXA] };
    return { kind: scan.kind, score: scan.has2024 ? 90 : 80, recognised: [message('amazon.recognisedAlexaData')] };
  }
  if (scan.wavNames > 0 && scan.pdfs > 0)
    return { kind: 'amazon-2018', score: 50, recognised: [message('amazon.recognisedWavWithPdf')] };
  const voiceHistoryLike = scan.voiceHistoryNames || scan.onlyJsonAndAudio;
  if (scan.wavNames > 0 && scan.amazonWords && !voiceHistoryLike)
    return { kind: 'amazon-2018', score: 30, recognised: [message('amazon.recognisedWavInAlexaFolders')] };
  if (scan.alexaArea && !voiceHistoryLike) {
    return { kind: 'amazon-2019', score: 20, recognised: [message('amazon.recognisedAlexaFolder')] };
  }
  const recognised = scan.wavNames > 0 ? [message('amazon.recognisedWavFiles', { count: scan.wavNames })] : [];
  return { kind: scan.kind, score: 0, recognised };
}

interface TranscriptRow {
  time: number | null;
  timeOriginal: string | null;
  timeZone: string | null;
  text: string | null;
  notIntended: boolean;
  device: string | null;
  serial: string | null;
  response: string | null;
  extra: Record<string, unknown>;
  file: string;
  /** How exactly the time was written (a PDF may give minutes or only a day); seconds when unset. */
  precision?: 'second' | 'minute' | 'day';
}

interface AudioItem {
  entry: ExportEntry;
  key: string;
  time: number | null;
  timeOriginal: string | null;
  timeFrom: 'file name' | 'file modification time' | null;
  serial: string | null;
  voiceMessage: boolean;
  format: string | null;
}

interface Context {
  sink: ImportSink;
  rows: TranscriptRow[];
  rowKeys: Set<string>;
  repeatedRows: number;
  emptyRows: number;
  devices: Map<string, { name: string | null; model: string | null; serial: string | null }>;
  deviceKeys: Set<string>;
  names: Set<string>;
  accountSet: boolean;
}

async function run(files: ExportFiles, sink: ImportSink): Promise<void> {
  const signal = sink.signal;
  const scan = scanAmazon(files.entries);
  const everything = scan.kind === 'amazon-2018' && !scan.has2019;
  const relevant = (l: Located) => everything || l.area !== 'other-category';

  const tables: Located[] = [];
  const pdfs: Located[] = [];
  const audioCandidates: Located[] = [];
  for (const l of scan.located) {
    if (l.type === 'description') sink.skip(l.entry.path, AMAZON_SKIP_REASONS.description);
    else if (l.type === 'maybe-audio' && (relevant(l) || isAudioLikeName(l.entry.name))) audioCandidates.push(l);
    else if (!relevant(l) || (l.area === 'device-registration' && l.type !== 'table'))
      sink.skip(l.entry.path, AMAZON_SKIP_REASONS.otherCategory);
    else if (l.type === 'table') tables.push(l);
    else if (l.type === 'pdf') pdfs.push(l);
    else sink.skip(l.entry.path, l.area === 'alexa' ? AMAZON_SKIP_REASONS.notAudio : AMAZON_SKIP_REASONS.otherCategory);
  }

  const ctx: Context = {
    sink,
    rows: [],
    rowKeys: new Set(),
    repeatedRows: 0,
    emptyRows: 0,
    devices: new Map(),
    deviceKeys: new Set(),
    names: new Set(),
    accountSet: false,
  };

  // Tables: newest version of each, one copy of each; device registrations first so recordings can
  // carry device names.
  const chosen = chooseVersions(tables, sink);
  const registrationFirst = [...chosen].sort(
    (a, b) => Number(b.area === 'device-registration') - Number(a.area === 'device-registration'),
  );
  for (const l of registrationFirst) {
    signal.throwIfAborted();
    await readTable(l, ctx);
  }

  // PDFs of transcripts: read now, under their caps; their rows join the others once the audio's
  // times are known (a PDF's zone-less times are read in the zone that matches the audio).
  const pdfReads: PdfRead[] = [];
  for (const l of pdfs) {
    signal.throwIfAborted();
    pdfReads.push(await readTranscriptPdf(l.entry, signal));
  }

  // Audio: recognised by content, each recording once.
  const audio: AudioItem[] = [];
  const audioKeys = new Map<string, string>();
  let mtimeTimed = 0;
  const ordered = [...audioCandidates].sort(
    (a, b) => Number(a.additionalData) - Number(b.additionalData) || a.entry.path.localeCompare(b.entry.path),
  );
  for (const l of ordered) {
    signal.throwIfAborted();
    let facts;
    try {
      facts = await sniffEntry(l.entry);
    } catch (error) {
      sink.skip(l.entry.path, message('import.skipUnreadable', { detail: (error as Error).message }));
      continue;
    }
    const alexaSide = everything || l.area === 'alexa';
    const isAudio = facts.audio === 'wav' || (facts.audio !== null && alexaSide);
    // A voice message in a format Earshot cannot play is still kept, with the reason, never dropped.
    const keptMessage = l.voiceMessage && !isAudio && facts.other?.key !== 'audio.formatText' && l.entry.size > 0;
    if (!isAudio && !keptMessage) {
      if (!alexaSide || l.area !== 'alexa') sink.skip(l.entry.path, AMAZON_SKIP_REASONS.otherCategory);
      else
        sink.skip(
          l.entry.path,
          facts.other ? message('amazon.skipNotAudioIs', { what: facts.other }) : AMAZON_SKIP_REASONS.notAudio,
        );
      continue;
    }
    const item = audioItem(l, facts.audio ?? (facts.other ? english(facts.other) : null));
    const first = audioKeys.get(item.key);
    if (first !== undefined) {
      sink.skip(l.entry.path, AMAZON_SKIP_REASONS.duplicateAudio);
      continue;
    }
    audioKeys.set(item.key, l.entry.path);
    if (item.timeFrom === 'file modification time') mtimeTimed++;
    audio.push(item);
  }

  // Linking by time (voice messages are messages, not requests to Alexa: they have no transcript row).
  const requests = audio.filter((a) => !a.voiceMessage);
  const pdfCounts = addPdfRows(pdfReads, requests, ctx);
  const links = linkByTimeAndPrecision(requests, ctx.rows);
  const usedRows = new Set(links.values());
  for (const r of usedRows) {
    const c = pdfCounts.get(ctx.rows[r]!.file);
    if (c) c.linked++;
  }

  // Recordings are planned first (to add them in time order) and built one at a time, each plan
  // let go once added: a 40,000-recording export never holds 40,000 built recordings at once.
  const planned: (Planned | null)[] = [];
  for (const [i, item] of requests.entries()) {
    const r = links.get(i);
    const row = r === undefined ? null : ctx.rows[r]!;
    planned.push({ item, row, time: row?.time ?? item.time, key: item.key });
  }
  for (const item of audio) if (item.voiceMessage) planned.push({ item, row: null, time: item.time, key: item.key });
  for (const [i, row] of ctx.rows.entries())
    if (!usedRows.has(i)) planned.push({ item: null, row, time: row.time, key: textKey(row) });
  planned.sort(
    (a, b) =>
      (a!.time ?? Infinity) - (b!.time ?? Infinity) ||
      (a!.item?.entry.path ?? '').localeCompare(b!.item?.entry.path ?? '') ||
      a!.key.localeCompare(b!.key),
  );
  const counts = { requests: requests.length, linked: links.size, audio: audio.length, rows: ctx.rows.length };
  requests.length = 0;
  audio.length = 0;
  ctx.rows = [];
  for (let i = 0; i < planned.length; i++) {
    const { item, row, key } = planned[i]!;
    planned[i] = null;
    signal.throwIfAborted();
    await sink.addRecording(item ? audioRecording(item, row, ctx) : textRecording(row!, key), item?.entry ?? null);
    if (item) sink.consumed(item.entry);
  }

  // PDFs of transcripts: kept as they came (unless too large to read), and reported, never dropped silently.
  for (const read of pdfReads) {
    signal.throwIfAborted();
    await keepPdf(read, pdfCounts.get(read.entry.path) ?? { rows: 0, linked: 0 }, sink);
  }

  notes(ctx, counts, mtimeTimed, scan);
}

/** Adds each PDF's rows (times resolved against the audio) and returns, per PDF, how many it gave. */
function addPdfRows(reads: PdfRead[], audio: AudioItem[], ctx: Context) {
  const counts = new Map<string, { rows: number; linked: number }>();
  for (const read of reads) {
    if (read.transcripts.length === 0) continue;
    const { rows, note } = pdfRows(read, audio);
    const before = ctx.rows.length;
    for (const row of rows) addRow({ ...row, serial: null, file: read.entry.path }, ctx);
    counts.set(read.entry.path, { rows: ctx.rows.length - before, linked: 0 });
    if (note) ctx.sink.note(note);
  }
  return counts;
}

async function keepPdf(read: PdfRead, count: { rows: number; linked: number }, sink: ImportSink) {
  const file = read.entry.path;
  if (read.stopped) sink.note(read.stopped);
  if (read.problem === null)
    sink.note(
      message('amazon.pdfTranscripts', {
        file,
        count: count.rows,
        linked: message('amazon.pdfLinked', { count: count.linked }),
      }),
    );
  if (read.bytes === null) {
    sink.skip(file, read.problem ?? AMAZON_SKIP_REASONS.pdf);
    sink.note(message('amazon.pdfNotKept', { file, reason: read.problem ?? AMAZON_SKIP_REASONS.pdf }));
    return;
  }
  try {
    await sink.attach(read.entry, read.problem ?? message('amazon.pdfReadReason'), read.bytes);
    if (read.problem) sink.note(message('amazon.pdfUnread', { file, reason: read.problem }));
  } catch (error) {
    if (sink.signal.aborted) throw sink.signal.reason ?? error;
    sink.skip(file, message('amazon.skipPdfNotKept', { detail: (error as Error).message }));
  }
}

function notes(
  ctx: Context,
  { requests, linked, audio: audioCount, rows }: { requests: number; linked: number; audio: number; rows: number },
  mtimeTimed: number,
  scan: AmazonScan,
) {
  const { sink } = ctx;
  if (requests > 0 && rows > 0) {
    sink.note(
      message('amazon.linkedByTime', {
        seconds: LINK_TOLERANCE_MS / 1000,
        linked: message('amazon.linkedBoth', { count: linked }),
        audioOnly: message('amazon.linkedAudioOnly', { count: requests - linked }),
        textOnly: message('amazon.linkedTextOnly', { count: rows - linked }),
      }),
    );
  }
  if (rows > 0 && audioCount === 0) sink.note(message('amazon.onlyText'));
  if (audioCount > 0 && rows === 0 && scan.pdfs === 0) sink.note(message('amazon.noTranscripts'));
  if (mtimeTimed > 0) sink.note(message('amazon.timedByFileDate', { count: mtimeTimed }));
  if (ctx.repeatedRows > 0) sink.note(message('amazon.repeatedTranscripts', { count: ctx.repeatedRows }));
  if (ctx.names.size > 0) sink.note(message('amazon.mentionedNames', { count: ctx.names.size }));
}

// ---------------------------------------------------------------------------------------------
// Versions and copies

const VERSIONED = /^(.*?)-(\d+)(\.[A-Za-z0-9]+)$/;

function versionOf(name: string): { group: string; version: number } {
  const m = VERSIONED.exec(name);
  if (m) return { group: `${foldHeader(m[1]!)}${m[3]!.toLowerCase()}`, version: Number(m[2]) };
  const ext = /\.[A-Za-z0-9]+$/.exec(name)?.[0] ?? '';
  return { group: `${foldHeader(name.slice(0, name.length - ext.length))}${ext.toLowerCase()}`, version: 0 };
}

/**
 * Of files that differ only in their `-N` suffix (wherever they are), only the highest N is read; of
 * files with the same name and size (the readable tree and `Additional Data/`), only one.
 */
function chooseVersions(tables: Located[], sink: ImportSink): Located[] {
  const groups = new Map<string, { l: Located; version: number }[]>();
  for (const l of tables) {
    const { group, version } = versionOf(l.entry.name);
    const list = groups.get(group) ?? [];
    list.push({ l, version });
    groups.set(group, list);
  }
  const chosen: Located[] = [];
  for (const list of groups.values()) {
    const newest = Math.max(...list.map((x) => x.version));
    const copies = new Set<string>();
    list.sort(
      (a, b) => Number(a.l.additionalData) - Number(b.l.additionalData) || a.l.entry.path.localeCompare(b.l.entry.path),
    );
    for (const { l, version } of list) {
      if (version < newest) {
        sink.skip(l.entry.path, AMAZON_SKIP_REASONS.olderVersion);
        continue;
      }
      const copyKey = `${l.entry.name.normalize('NFC').toLowerCase()}|${l.entry.size}`;
      if (copies.has(copyKey)) {
        sink.skip(l.entry.path, AMAZON_SKIP_REASONS.copy);
        continue;
      }
      copies.add(copyKey);
      chosen.push(l);
    }
  }
  return chosen.sort((a, b) => a.entry.path.localeCompare(b.entry.path));
}

// ---------------------------------------------------------------------------------------------
// Tables

async function readTable(l: Located, ctx: Context): Promise<void> {
  const { sink } = ctx;
  if (l.entry.size === 0) {
    sink.skip(l.entry.path, message('import.skipEmpty'));
    return;
  }
  try {
    const kinds = /\.json$|\.jsonl$|\.ndjson$/i.test(l.entry.name)
      ? await readJsonTable(l, ctx)
      : await readCsvTable(l, ctx);
    if (kinds.size === 0 || (kinds.size === 1 && kinds.has('other')))
      sink.skip(
        l.entry.path,
        l.area === 'alexa' ? AMAZON_SKIP_REASONS.noUtterances : AMAZON_SKIP_REASONS.otherCategory,
      );
    else sink.consumed(l.entry);
  } catch (error) {
    if (sink.signal.aborted) throw sink.signal.reason ?? error;
    sink.skip(l.entry.path, message('import.skipUnreadable', { detail: (error as Error).message }));
  }
}

async function readCsvTable(l: Located, ctx: Context): Promise<Set<TableKind>> {
  const kinds = new Set<TableKind>();
  let header: string[] | null = null;
  let columns: Columns | null = null;
  let kind: TableKind = 'other';
  let rowNumber = 1;
  for await (const record of csvRecords(await l.entry.stream(), ctx.sink.signal)) {
    if (!header) {
      header = record.map((h) => h.replace(/^\ufeff/, '').trim());
      columns = findColumns(header);
      kind = tableKind(columns);
      kinds.add(kind);
      if (kind === 'other') break;
      continue;
    }
    rowNumber++;
    const cells = record.map((c) => cellValue(c));
    handleRow(kind, columns!, header, cells, l, rowNumber, ctx);
  }
  return kinds;
}

async function readJsonTable(l: Located, ctx: Context): Promise<Set<TableKind>> {
  const kinds = new Set<TableKind>();
  const cache = new Map<string, Columns>();
  let index = 0;
  for await (const { value } of streamArrayObjects(await l.entry.stream(), ctx.sink.signal)) {
    index++;
    if (isVoiceRecord(value)) {
      kinds.add('transcripts');
      addVoiceRecordRow(value, l, ctx);
      continue;
    }
    const header: string[] = [];
    const cells: (string | null)[] = [];
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string') {
        header.push(k);
        cells.push(cellValue(v));
      } else if (typeof v === 'number' || typeof v === 'boolean') {
        header.push(k);
        cells.push(String(v));
      }
    }
    const signature = header.join('\u0000');
    let columns = cache.get(signature);
    if (!columns) {
      columns = findColumns(header);
      cache.set(signature, columns);
    }
    const kind = tableKind(columns);
    kinds.add(kind);
    if (kind !== 'other') handleRow(kind, columns, header, cells, l, index, ctx);
  }
  return kinds;
}

function addVoiceRecordRow(value: Record<string, unknown>, l: Located, ctx: Context) {
  const r = readVoiceRecord(value);
  addRow(
    {
      time: r.timeUtc,
      timeOriginal: r.timeOriginal,
      timeZone: r.timeUtc !== null ? 'UTC' : null,
      text: r.transcript,
      notIntended: r.notIntended,
      device: r.deviceName,
      serial: r.deviceSerial,
      response: r.response,
      extra: compactExtra({
        recordKey: r.recordKey,
        intent: r.intent,
        domain: r.domain,
        utteranceType: r.utteranceType,
        activityStatus: r.activityStatus,
      }),
      file: l.entry.path,
    },
    ctx,
  );
}

function handleRow(
  kind: TableKind,
  c: Columns,
  header: string[],
  cells: (string | null)[],
  l: Located,
  rowNumber: number,
  ctx: Context,
) {
  const at = (i: number) => (i >= 0 ? (cells[i] ?? null) : null);
  if (c.contact >= 0) mention(at(c.contact), l, ctx);
  switch (kind) {
    case 'transcripts': {
      const rawText = at(c.text);
      const notIntended = isNotIntendedText(rawText);
      if (rawText === null) {
        ctx.emptyRows++;
        if (ctx.emptyRows <= MAX_ROW_SKIPS_LISTED)
          ctx.sink.skip(`${l.entry.path} › row ${rowNumber}`, message('amazon.skipRowWithoutText'));
        return;
      }
      const timeText = at(c.time);
      const time = parseCellTime(timeText);
      const extra: Record<string, unknown> = {};
      const roleColumns = new Set([c.text, c.time, c.device, c.serial, c.response]);
      for (const [i, h] of header.entries()) {
        const v = cells[i];
        if (v !== null && v !== undefined && !roleColumns.has(i) && h) extra[h] = v;
      }
      const serial = at(c.serial);
      addRow(
        {
          time: time.utc,
          timeOriginal: timeText,
          timeZone: time.zone,
          text: notIntended ? null : rawText,
          notIntended,
          device: at(c.device),
          serial,
          response: at(c.response),
          extra: {
            ...extra,
            ...(notIntended ? { replacementText: rawText } : {}),
            ...(time.utc !== null && time.zone === null ? { timeZoneUnknown: true } : {}),
          },
          file: l.entry.path,
        },
        ctx,
      );
      return;
    }
    case 'devices': {
      const device = { name: at(c.device), model: at(c.model), serial: at(c.serial) };
      const key = `${device.name}|${device.model}|${device.serial}`;
      if (!ctx.deviceKeys.has(key) && (device.name || device.model || device.serial)) {
        ctx.deviceKeys.add(key);
        ctx.sink.addDevice(device);
        if (device.serial) ctx.devices.set(device.serial.toUpperCase(), device);
      }
      const account = at(c.account);
      if (account && !ctx.accountSet) {
        ctx.sink.setAccount({ value: account, kind: 'name', foundIn: l.entry.path });
        ctx.accountSet = true;
      }
      return;
    }
    case 'contacts': {
      const name = [at(c.firstName), at(c.lastName)].filter((x) => x !== null).join(' ');
      mention(name || null, l, ctx);
      return;
    }
    default:
      return;
  }
}

function mention(name: string | null, l: Located, ctx: Context) {
  if (!name) return;
  const key = name.normalize('NFC').toLowerCase();
  if (ctx.names.has(key)) return;
  ctx.names.add(key);
  ctx.sink.addMentionedName(name, l.entry.path);
}

function addRow(row: TranscriptRow, ctx: Context) {
  // The same utterance in the readable tree and in `Additional Data/`, or in two parts: one row.
  const key = `${row.time ?? row.timeOriginal ?? ''}|${row.text ?? ''}|${row.notIntended}`;
  if (ctx.rowKeys.has(key)) {
    ctx.repeatedRows++;
    return;
  }
  ctx.rowKeys.add(key);
  ctx.rows.push(row);
}

// ---------------------------------------------------------------------------------------------
// Recordings

/** An id-like file name (an utterance id or record key) is the recording's identity, as in the voice history. */
function audioKey(entry: ExportEntry): string {
  const base = stripAudioExtensions(entry.name);
  if (timeFromFileName(entry.name)?.form === 'utterance-id' || /#/.test(base)) return `alexa:${base}`;
  return `alexa:amazon:audio:${entry.name.normalize('NFC').toLowerCase()}:${entry.size}`;
}

function audioItem(l: Located, format: string | null): AudioItem {
  const fromName = timeFromFileName(l.entry.name);
  const mtime = l.entry.modifiedMs;
  return {
    entry: l.entry,
    key: audioKey(l.entry),
    time: fromName?.utc ?? mtime ?? null,
    timeOriginal: fromName?.text ?? null,
    timeFrom: fromName ? 'file name' : mtime !== null ? 'file modification time' : null,
    serial: fromName?.serial ?? null,
    voiceMessage: l.voiceMessage,
    format,
  };
}

function deviceFor(serial: string | null, ctx: Context): string | null {
  if (!serial) return null;
  const d = ctx.devices.get(serial.toUpperCase());
  return d ? (d.name ?? d.model ?? null) : null;
}

/** A recording to add: its audio, its transcript row, or both, and what orders it. */
interface Planned {
  item: AudioItem | null;
  row: TranscriptRow | null;
  time: number | null;
  key: string;
}

function audioRecording(item: AudioItem, row: TranscriptRow | null, ctx: Context): NewRecording {
  const serial = row?.serial ?? item.serial;
  // The row's time, unless it was written less exactly than the audio file's name gives it.
  const useRow = row !== null && row.time !== null && ((row.precision ?? 'second') === 'second' || item.time === null);
  return {
    key: item.key,
    source: 'alexa',
    timeUtc: useRow ? row.time : item.time,
    timeOriginal: useRow ? row.timeOriginal : item.timeOriginal,
    timeZone: useRow ? row.timeZone : item.timeFrom === 'file name' ? 'UTC' : null,
    device: row?.device ?? deviceFor(serial, ctx),
    deviceSerial: serial,
    title: item.voiceMessage ? 'Voice message' : null,
    transcript: row?.text ?? null,
    response: row?.response ?? null,
    notIntended: row?.notIntended ?? false,
    unrecognizedSpeaker: false,
    vendorFlags: [],
    speakerLabel: null,
    audioPath: item.entry.path,
    extra: compactExtra({
      ...(row?.extra ?? {}),
      voiceMessage: item.voiceMessage,
      transcriptFile: row?.file ?? null,
      linkedByTime: row ? true : null,
      transcriptTime: row && !useRow ? row.timeOriginal : null,
      audioTime: row && item.time !== null ? item.time : null,
      audioTimeFrom: item.timeFrom,
      timeFrom: useRow ? null : item.timeFrom,
    }),
  };
}

/** A text-only recording's stable key: its time, words and flag, so a re-import finds it again. */
function textKey(row: TranscriptRow): string {
  const hash = createHash('sha256')
    .update(`${row.time ?? row.timeOriginal ?? ''}\n${row.text ?? ''}\n${row.notIntended}`)
    .digest('hex')
    .slice(0, 32);
  return `alexa:amazon:text:${hash}`;
}

function textRecording(row: TranscriptRow, key: string): NewRecording {
  return {
    key,
    source: 'alexa',
    timeUtc: row.time,
    timeOriginal: row.timeOriginal,
    timeZone: row.timeZone,
    device: row.device,
    deviceSerial: row.serial,
    title: null,
    transcript: row.text,
    response: row.response,
    notIntended: row.notIntended,
    unrecognizedSpeaker: false,
    vendorFlags: [],
    speakerLabel: null,
    audioPath: null,
    extra: compactExtra({ ...row.extra, transcriptFile: row.file }),
  };
}

export const amazonImporter: Importer = { detect, run };
