// A c't-like 2018 Amazon delivery: one ZIP with ~1,700 WAVs of a stranger's household (a man and a
// woman, real espeak-ng speech from the audio pool), a PDF of transcripts in no time order (German
// local time, no zone, rows that wrap), ~48 other personal-data files, and nothing that names the
// account: no account name, no device list. The transcripts name the household's first names, their
// surname and, in the weather questions, their home town, as in the case c't reported.
import path from 'node:path';
import { paddedPcm, recordingSeconds, speechPool, wavFile, type SpeechClip } from './clips.ts';
import { A4, wrap, writePdf, type PdfRun } from './pdf-writer.ts';
import { createRandom, type Random } from './random.ts';
import { activityTimes } from './vocabulary.ts';
import { PartedZip } from './zip-writer.ts';
import type { GeneratedExport } from './types.ts';

export interface CtHousehold {
  man: string;
  woman: string;
  /** Further people the transcripts name (a child, a grandmother). */
  others: string[];
  surname: string;
  town: string;
}

export const CT_HOUSEHOLD: CtHousehold = {
  man: 'Markus',
  woman: 'Sabine',
  others: ['Jonas', 'Ingrid'],
  surname: 'Brandt',
  town: 'Regensburg',
};

export interface CtDeliveryOptions {
  outDir: string;
  seed: string | number;
  /** WAV recordings (default 1,700). */
  count?: number;
  household?: CtHousehold;
  /** Transcripts in the PDF without a WAV (default 2 % of `count`). */
  textOnly?: number;
  /** WAVs without a transcript in the PDF (default 2 % of `count`). */
  audioOnly?: number;
  /** `table`: date, time and transcript columns; `list`: “date, time – transcript” lines. */
  pdfLayout?: 'table' | 'list';
  /** How the WAVs are named (all UTC): `20180503_040258_1.wav`, `2018-05-03T04_02_58-0001.wav`, epoch ms. */
  wavNames?: 'compact' | 'iso-underscore' | 'epoch-ms';
  cacheDir?: string;
  log?: (line: string) => void;
}

/** What was written, for a test's or an evaluation's expectations. */
export interface CtDelivery extends GeneratedExport {
  /** The ZIP to drop on Earshot. */
  file: string;
  household: CtHousehold;
  /** Rows in the PDF (with and without a WAV). */
  pdfRows: number;
  /** WAVs whose transcript is in the PDF. */
  linked: number;
  textOnly: number;
  audioOnly: number;
  /** Each recording: its WAV (null for a text-only row), its transcript (null for an audio-only WAV), the voice. */
  recordingsWritten: { wav: string | null; transcript: string | null; timeUtc: number; voice: 'man' | 'woman' }[];
}

const FROM = Date.UTC(2017, 0, 9);
const TO = Date.UTC(2018, 5, 20);
const EXPORTED = new Date(Date.UTC(2018, 7, 14, 9, 0, 0));
const NOT_INTENDED = 'Text nicht verfügbar – Audio war nicht für Alexa bestimmt';

/** What the household says, with weights; `{man}`, `{woman}`, `{other}`, `{surname}`, `{town}` are filled in. */
const SAYINGS: [number, string[]][] = [
  [
    12,
    [
      'Alexa, wie wird das Wetter in {town}',
      'Alexa, wie wird das Wetter morgen in {town}',
      'Alexa, regnet es heute in {town}',
      'Alexa, wie warm ist es in {town}',
    ],
  ],
  [1, ['Alexa, wie wird das Wetter in München', 'Alexa, wie ist das Wetter in Hamburg']],
  [
    6,
    [
      'Alexa, ruf {woman} an',
      'Alexa, ruf {man} an',
      'Alexa, ruf {other} an',
      'Alexa, ruf {man} {surname} auf dem Handy an',
    ],
  ],
  [
    4,
    [
      'Alexa, erinnere {other} an die Hausaufgaben',
      'Alexa, sag {woman}, dass das Essen fertig ist',
      'Alexa, schick {man} eine Nachricht, dass ich später komme',
      'Alexa, erinnere mich morgen daran, {other} vom Bahnhof abzuholen, und dass wir danach noch zum Supermarkt fahren wollen',
    ],
  ],
  [1, ['Alexa, spiel die Playlist Familie {surname}', 'Alexa, wann hat {woman} Geburtstag']],
  [
    72,
    [
      'Alexa, stopp',
      'Alexa, lauter',
      'Alexa, leiser',
      'Alexa, wie spät ist es',
      'Alexa, mach das Licht im Wohnzimmer aus',
      'Alexa, spiel Bayern 3',
      'Alexa, spiel Musik von den Toten Hosen',
      'Alexa, Timer zehn Minuten',
      'Alexa, weck mich morgen um halb sieben',
      'Alexa, setz Milch auf die Einkaufsliste',
      'Alexa, was steht heute im Kalender',
      'Alexa, erzähl einen Witz',
      'Alexa, Nachrichten',
      'Alexa, wie viele Tage sind es noch bis Weihnachten',
      'Alexa, was ist die Hauptstadt von Australien',
      'Alexa, spiel Radio Eins',
      'Alexa, Pause',
      'Alexa, weiter',
      'Alexa, gute Nacht',
      'Alexa, wie lange kocht ein Ei',
    ],
  ],
  [3, [NOT_INTENDED]],
];

function saying(random: Random, h: CtHousehold): string {
  const group = SAYINGS[random.weighted(SAYINGS.map(([w]) => w))]![1];
  return random.pick(group).replace(/\{(\w+)\}/g, (_m, slot: string) => {
    if (slot === 'other') return random.pick(h.others);
    return String(h[slot as keyof CtHousehold]);
  });
}

const BERLIN = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** German local time as Amazon.de writes it: `03.05.2018` and `06:02:58` (no zone). */
function germanTime(utc: number): { date: string; time: string } {
  const p: Record<string, string> = {};
  for (const part of BERLIN.formatToParts(new Date(utc))) p[part.type] = part.value;
  return { date: `${p.day}.${p.month}.${p.year}`, time: `${p.hour}:${p.minute}:${p.second}` };
}

function wavName(utc: number, index: number, form: NonNullable<CtDeliveryOptions['wavNames']>): string {
  const iso = new Date(utc).toISOString();
  if (form === 'epoch-ms') return `${utc}.wav`;
  if (form === 'iso-underscore') return `${iso.slice(0, 19).replace(/:/g, '_')}-${String(index).padStart(4, '0')}.wav`;
  return `${iso.slice(0, 10).replace(/-/g, '')}_${iso.slice(11, 19).replace(/:/g, '')}_${index}.wav`;
}

/** The transcripts as a PDF: a title, then the rows (in the order given) on as many A4 pages as they need. */
export function transcriptsPdf(rows: { utc: number; text: string }[], layout: 'table' | 'list'): Buffer {
  const size = 9;
  const lineHeight = 11.5;
  const top = A4.height - 60;
  const bottom = 60;
  const pages: PdfRun[][] = [];
  let runs: PdfRun[] = [];
  let y = top;
  const newPage = () => {
    runs = [];
    pages.push(runs);
    y = top;
    if (pages.length === 1) {
      runs.push({ text: 'Alexa – Sprachaufnahmen und Transkripte', x: 50, y, size: 13, bold: true });
      y -= 28;
    }
    if (layout === 'table') {
      runs.push({ text: 'Datum', x: 50, y, size, bold: true });
      runs.push({ text: 'Uhrzeit', x: 112, y, size, bold: true });
      runs.push({ text: 'Transkript', x: 165, y, size, bold: true });
      y -= lineHeight + 4;
    }
  };
  newPage();
  for (const row of rows) {
    const { date, time } = germanTime(row.utc);
    const lines = layout === 'table' ? wrap(row.text, 380, size) : wrap(`${date}, ${time} – ${row.text}`, 495, size);
    if (y - lines.length * lineHeight < bottom) newPage();
    if (layout === 'table') {
      runs.push({ text: date, x: 50, y, size }, { text: time, x: 112, y, size });
      for (const [i, line] of lines.entries()) runs.push({ text: line, x: 165, y: y - i * lineHeight, size });
    } else {
      for (const [i, line] of lines.entries())
        runs.push({ text: line, x: i === 0 ? 50 : 62, y: y - i * lineHeight, size });
    }
    y -= lines.length * lineHeight + 4;
  }
  for (const [i, page] of pages.entries())
    page.push({ text: `Seite ${i + 1} von ${pages.length}`, x: A4.width / 2 - 25, y: 30, size: 8 });
  return writePdf(pages, { title: 'Alexa-Transkripte' });
}

export function generateCtDelivery(options: CtDeliveryOptions): CtDelivery {
  const log = options.log ?? (() => {});
  const h = options.household ?? CT_HOUSEHOLD;
  const count = options.count ?? 1700;
  const textOnlyCount = options.textOnly ?? Math.round(count * 0.02);
  const audioOnlyCount = Math.min(count, options.audioOnly ?? Math.round(count * 0.02));
  const random = createRandom(`${options.seed}/amazon-2018`);
  const pool = speechPool(options.cacheDir, log);
  // The household's two voices: espeak-ng's German man and woman (the pool's words are other words
  // than the transcripts': nothing in Earshot listens for words, only for voices).
  const voices: Record<'man' | 'woman', SpeechClip[]> = {
    man: pool.filter((c) => c.voice === 'de-m'),
    woman: pool.filter((c) => c.voice === 'de-f'),
  };
  const total = count + textOnlyCount;
  // At least 6 s between two things said, so that each transcript has one audio file within ±2 s.
  const times = activityTimes(random.fork('times'), total, FROM, TO, 1);
  for (let i = 1; i < times.length; i++) times[i] = Math.max(times[i]!, times[i - 1]! + 6000);
  const pick = random.fork('roles');
  const textOnly = new Set<number>();
  while (textOnly.size < textOnlyCount) textOnly.add(pick.int(0, total - 1));
  const withAudio = [...times.keys()].filter((i) => !textOnly.has(i));
  const audioOnly = new Set<number>();
  while (audioOnly.size < audioOnlyCount) audioOnly.add(withAudio[pick.int(0, withAudio.length - 1)]!);

  const form = options.wavNames ?? 'compact';
  const file = path.join(options.outDir, 'Amazon-Daten-2018.zip');
  const zip = new PartedZip(() => file, Number.MAX_SAFE_INTEGER);
  const modified = EXPORTED;
  const written: CtDelivery['recordingsWritten'] = [];
  const pdfRows: { utc: number; text: string }[] = [];
  const say = random.fork('text');
  const audio = random.fork('audio');
  let audioBytes = 0;
  let audioSeconds = 0;
  let perDay = 0;
  let day = '';
  let linked = 0;
  for (const [i, t] of times.entries()) {
    const voice: 'man' | 'woman' = say.chance(0.5) ? 'man' : 'woman';
    const text = saying(say, h);
    const hasAudio = !textOnly.has(i);
    const hasRow = !audioOnly.has(i);
    // The WAV's name is stamped up to a second before the transcript's time (whole seconds both).
    const wavTime = Math.floor(t / 1000) * 1000;
    const rowTime = wavTime + audio.int(0, 1) * 1000;
    let wav: string | null = null;
    if (hasAudio) {
      const today = new Date(wavTime).toISOString().slice(0, 10);
      perDay = today === day ? perDay + 1 : 1;
      day = today;
      wav = wavName(wavTime, perDay, form);
      const pcm = paddedPcm(
        createRandom(`${options.seed}/ct-wav/${i}`),
        audio.pick(voices[voice]).pcm,
        recordingSeconds(audio, 1.9),
      );
      const bytes = wavFile(pcm);
      audioBytes += bytes.length;
      audioSeconds += pcm.length / 16_000;
      zip.add(`Alexa-Sprachaufnahmen/${wav}`, bytes, { deflate: true, modified: new Date(wavTime) });
    }
    if (hasRow) pdfRows.push({ utc: rowTime, text });
    if (hasRow && hasAudio) linked++;
    const transcript = hasRow && text !== NOT_INTENDED ? text : null;
    written.push({ wav, transcript, timeUtc: hasAudio ? wavTime : rowTime, voice });
  }
  // The PDF lists the transcripts in no time order.
  const shuffle = random.fork('pdf-order');
  for (let i = pdfRows.length - 1; i > 0; i--) {
    const j = shuffle.int(0, i);
    [pdfRows[i], pdfRows[j]] = [pdfRows[j]!, pdfRows[i]!];
  }
  zip.add('Alexa-Transkripte.pdf', transcriptsPdf(pdfRows, options.pdfLayout ?? 'table'), { deflate: true, modified });
  for (let i = 0; i < 48; i++) {
    const kind = ['Bestellungen', 'Adressen', 'Zahlungen', 'Wunschzettel', 'Kindle', 'Prime-Video'][i % 6]!;
    const name = `Kundendaten/${kind}-${Math.floor(i / 6) + 1}.${i % 3 === 0 ? 'txt' : 'csv'}`;
    zip.add(name, i % 3 === 0 ? `${kind}: keine Daten\n` : `Datum,Wert\r\n2018-01-0${(i % 9) + 1},${i}\r\n`, {
      deflate: true,
      modified,
    });
  }
  const files = zip.close();
  return {
    kind: 'amazon-2018',
    seed: String(options.seed),
    files,
    file,
    household: h,
    recordings: total,
    withAudio: count,
    withTranscript: written.filter((r) => r.transcript !== null).length,
    audioBytes,
    audioSeconds,
    pdfRows: pdfRows.length,
    linked,
    textOnly: textOnlyCount,
    audioOnly: audioOnlyCount,
    recordingsWritten: written,
  };
}
