// Amazon's PDF of transcripts (the 2018 delivery): dates in German and English, layouts rebuilt from
// positioned text (tables, lists, wrapped rows, several pages, any order), linking to the WAVs by time,
// the report's counts, and PDFs that cannot be read (scanned, truncated, encrypted, huge, hostile),
// which are reported with their reason and lose nothing. PDFs are made with pdfkit in the test.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { formatBytes, openExportFiles } from '../electron/core/archive/export-files.ts';
import { openLibrary } from '../electron/core/db/library.ts';
import { listRecordings } from '../electron/core/db/recordings.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { amazonImporter, PDF_MAX_BYTES, PDF_MAX_UNPACKED_BYTES } from '../electron/core/importers/amazon/index.ts';
import { findTime } from '../electron/core/importers/amazon/pdf-dates.ts';
import { readPdfText } from '../electron/core/importers/amazon/pdf-text.ts';
import { transcriptsFromPdf } from '../electron/core/importers/amazon/pdf-transcripts.ts';
import { utcInZone } from '../electron/core/importers/amazon/local-times.ts';
import { say, english } from '../electron/core/messages/index.ts';
import { recordNameMentions } from '../electron/core/analysis/name-mentions.ts';
import { findPersonNames } from '../electron/core/analysis/names/find.ts';
import { isoName, writeCtDelivery, writeZip, type ZipFileSpec } from './fixtures/amazon.ts';
import {
  bombPdf,
  encryptedPdf,
  hugePdf,
  listPdf,
  scannedPdf,
  tablePdf,
  truncated,
  type PdfRowSpec,
} from './fixtures/transcripts-pdf.ts';
import { MemorySink, spyOnReads } from './helpers/memory-sink.ts';
import { makeWav } from './helpers/wav.ts';
import { scratchFolders } from './helpers/scratch.ts';

const dir = scratchFolders('earshot-amazon-pdf-');
const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

async function rowsOf(pdf: Buffer) {
  const text = await readPdfText(new Uint8Array(pdf));
  assert.ok(text.ok, `the PDF's text is read (${text.ok ? '' : text.problem})`);
  return transcriptsFromPdf(text.pages);
}

async function atSink(files: ZipFileSpec[]) {
  const zip = await writeZip(path.join(await dir('zip'), 'Amazon-Daten.zip'), files);
  const raw = await openExportFiles([zip]);
  const spied = spyOnReads(raw);
  const sink = new MemorySink();
  try {
    const detection = amazonImporter.detect(spied.files);
    const started = Date.now();
    await amazonImporter.run(spied.files, sink);
    return { sink, detection, read: spied.read, ms: Date.now() - started, zip };
  } finally {
    await raw.close();
  }
}

const wav = (n: number) => makeWav(0.3, { frequency: 300 + n * 37 });

// ---------------------------------------------------------------------------------------------

describe('dates and times as a PDF writes them', () => {
  const cases: [string, string, number | null][] = [
    // [text, wall-clock time it names (as if UTC), zone offset in minutes or null]
    ['03.05.2018 04:02:58', '2018-05-03T04:02:58.000Z', null],
    ['3.5.18 4:02', '2018-05-03T04:02:00.000Z', null],
    ['3. Mai 2018 um 04:02', '2018-05-03T04:02:00.000Z', null],
    ['Donnerstag, 3. Mai 2018, 06:02:58 MESZ', '2018-05-03T06:02:58.000Z', 120],
    ['3. Dezember 2017 um 07:15 Uhr (MEZ)', '2017-12-03T07:15:00.000Z', 60],
    ['May 3, 2018 4:02:58 AM', '2018-05-03T04:02:58.000Z', null],
    ['Thursday, May 3, 2018 at 4:02 PM PDT', '2018-05-03T16:02:00.000Z', -420],
    ['3 May 2018 04:02:58 GMT+2', '2018-05-03T04:02:58.000Z', 120],
    ['2018-05-03 04:02:58 UTC', '2018-05-03T04:02:58.000Z', 0],
    ['2018-05-03T04:02:58Z', '2018-05-03T04:02:58.000Z', 0],
    ['2018-05-03 06:02:58 +02:00', '2018-05-03T06:02:58.000Z', 120],
    ['03/05/2018 04:02:58 CEST', '2018-05-03T04:02:58.000Z', 120],
    ['12:00 May 3, 2018', '', null],
  ];
  for (const [text, wall, offset] of cases) {
    test(`“${text}”`, () => {
      const found = findTime(`${text} Alexa, stopp`);
      if (wall === '') {
        // A time before the date is not how any of these PDFs writes it: only the date is taken.
        assert.equal(found?.time.hasTime, false);
        return;
      }
      assert.ok(found, text);
      const t = found.time;
      assert.equal(iso(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second)), wall);
      assert.equal(t.offsetMinutes, offset);
      assert.equal(`${text} Alexa, stopp`.slice(found.end).trim(), 'Alexa, stopp');
    });
  }
  test('impossible dates and hours are not times', () => {
    assert.equal(findTime('31.02.2018 04:00 x'), null);
    assert.equal(findTime('13/13/2018 x'), null);
    assert.equal(findTime('03.05.2018 25:00 x')?.time.hasTime, false);
  });
  test('German wall-clock time in Europe/Berlin, summer and winter', () => {
    const summer = findTime('03.05.2018 06:02:58')!.time;
    const winter = findTime('03.01.2018 06:02:58')!.time;
    assert.equal(iso(utcInZone(summer, 'Europe/Berlin')), '2018-05-03T04:02:58.000Z');
    assert.equal(iso(utcInZone(winter, 'Europe/Berlin')), '2018-01-03T05:02:58.000Z');
  });
});

describe('layouts rebuilt into rows', () => {
  const long =
    'Alexa, erinnere mich morgen daran, Jonas vom Bahnhof abzuholen, und dass wir danach noch zum Supermarkt fahren wollen, weil der Kühlschrank leer ist';
  const german: PdfRowSpec[] = [
    { time: '03.05.2018 06:02:58', text: 'Alexa, wie wird das Wetter in Regensburg', device: 'Echo Küche' },
    { time: '01.01.2018 10:00:01', text: long, device: 'Echo Dot' },
    { time: '02.05.2018 21:15:03', text: 'Alexa, ruf Sabine an', device: 'Echo Küche' },
  ];

  test('a table with date, time, device and transcript columns; a wrapped transcript stays one row', async () => {
    const found = await rowsOf(await tablePdf(german, { splitTime: true, device: true, title: 'Ihre Alexa-Daten' }));
    assert.equal(found.language, 'de');
    assert.deepEqual(
      found.rows.map((r) => [r.timeText, r.text, r.device]),
      german.map((r) => [r.time, r.text, r.device]),
    );
  });

  test('a table with one date-and-time column', async () => {
    const rows = german.map((r) => ({ ...r, time: r.time.replace(/^(\d+)\.(\d+)\.(\d+)/, '$1.$2.$3,') }));
    const found = await rowsOf(await tablePdf(rows, { headers: { time: 'Datum und Uhrzeit', text: 'Transkript' } }));
    assert.deepEqual(
      found.rows.map((r) => r.text),
      german.map((r) => r.text),
    );
    assert.equal(found.rows[0]!.time.hour, 6);
  });

  test('a list, “date — text”, English dates, rows that wrap over several lines', async () => {
    const rows: PdfRowSpec[] = [
      { time: 'May 3, 2018 4:02:58 AM', text: 'alexa play some jazz' },
      { time: 'January 12, 2018 11:59:59 PM', text: `${long} and this line goes on in English for a while too` },
      { time: 'Feb 1, 2018 7:00 AM', text: 'alexa what’s the weather in Springfield' },
    ];
    const found = await rowsOf(await listPdf(rows, ' — ', { title: 'Your Alexa transcripts' }));
    assert.deepEqual(
      found.rows.map((r) => [r.timeText, r.text]),
      rows.map((r) => [r.time, r.text]),
    );
    assert.equal(found.rows[1]!.time.hour, 23);
    assert.equal(found.rows[2]!.time.hasSeconds, false);
  });

  test('several pages, headers and page numbers repeated, 300 rows in shuffled order: every row once', async () => {
    const rows: PdfRowSpec[] = [];
    for (let i = 0; i < 300; i++) {
      const t = new Date(Date.UTC(2018, 0, 1) + ((i * 7919) % 300) * 3_600_000 + i * 1000);
      const p = (n: number) => String(n).padStart(2, '0');
      rows.push({
        time: `${p(t.getUTCDate())}.${p(t.getUTCMonth() + 1)}.${t.getUTCFullYear()} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())}`,
        text: i % 25 === 0 ? `${long} (${i})` : `Alexa, Timer ${i} Minuten`,
      });
    }
    const pdf = await tablePdf(rows, { splitTime: true });
    const text = await readPdfText(new Uint8Array(pdf));
    assert.ok(text.ok && text.pageCount >= 5, 'several pages');
    const found = transcriptsFromPdf(text.pages);
    assert.equal(found.rows.length, 300);
    assert.deepEqual(
      found.rows.map((r) => `${r.timeText}|${r.text}`),
      rows.map((r) => `${r.time}|${r.text}`),
    );
  });

  test('a row whose transcript goes on at the top of the next page stays one row', async () => {
    // Rows sized so that the list's wrapping paragraph crosses the page break.
    const rows: PdfRowSpec[] = Array.from({ length: 60 }, (_, i) => ({
      time: `2018-05-${String((i % 28) + 1).padStart(2, '0')} 10:00:${String(i % 60).padStart(2, '0')} UTC`,
      text: `Alexa, ${'sag mir bitte ganz genau, wie das Wetter wird '.repeat(1 + (i % 3))}Nummer ${i}`,
    }));
    const found = await rowsOf(await listPdf(rows, ': '));
    assert.deepEqual(
      found.rows.map((r) => r.text),
      rows.map((r) => r.text.trim()),
    );
  });

  test('month-first slash dates are recognised by a part over 12, day-first otherwise', async () => {
    const us = await rowsOf(
      await listPdf([
        { time: '05/21/2018 4:02 PM', text: 'alexa stop' },
        { time: '05/03/2018 4:02 PM', text: 'alexa play' },
      ]),
    );
    assert.deepEqual(
      us.rows.map((r) => [r.time.month, r.time.day]),
      [
        [5, 21],
        [5, 3],
      ],
    );
    const de = await rowsOf(await listPdf([{ time: '03/05/2018 16:02', text: 'Alexa, stopp' }]));
    assert.deepEqual([de.rows[0]!.time.month, de.rows[0]!.time.day], [5, 3]);
  });
});

describe('budgets', () => {
  test('a page cap reads the first pages and says the rest was not read', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({
      time: `2018-05-03 04:${String(i % 60).padStart(2, '0')}:00 UTC`,
      text: `Alexa, ${i}`,
    }));
    const pdf = await listPdf(rows);
    const text = await readPdfText(new Uint8Array(pdf), { maxPages: 2, maxMs: 60_000 });
    assert.ok(text.ok);
    assert.equal(text.stoppedBy, 'pages');
    assert.equal(text.pages.length, 2);
    assert.ok(text.pageCount > 2);
  });

  test('a time budget stops the reading', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({ time: '2018-05-03 04:02:00 UTC', text: `Alexa, ${i}` }));
    const pdf = await listPdf(rows);
    const started = Date.now();
    const text = await readPdfText(new Uint8Array(pdf), { maxPages: 1000, maxMs: 1 });
    assert.ok(Date.now() - started < 5000);
    assert.ok(!text.ok ? text.problem === 'too-slow' : text.stoppedBy === 'time', JSON.stringify(text).slice(0, 200));
  });
});

// ---------------------------------------------------------------------------------------------

const T = Date.parse('2018-05-03T04:02:58Z');
const H = 3_600_000;
const utcText = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

/** WAVs named by time (ms), and PDF rows (whole seconds, UTC), for linking: see each case. */
const LINKING = {
  near: { row: T, wav: T + 400, text: 'alexa play radio two' },
  edge: { row: T + H, wav: T + H + 2000, text: 'alexa what’s the weather' },
  beyond: { row: T + 2 * H, wav: T + 2 * H + 2001, text: 'alexa turn on the lights' },
  nearest: { first: T + 3 * H, second: T + 3 * H + 1000, wav: T + 3 * H + 1800 },
  textOnly: { row: T + 4 * H, text: 'alexa call Anna Schmidt' },
  audioOnly: { wav: T + 5 * H },
  once: { row: T + 6 * H, wavs: [T + 6 * H + 500, T + 6 * H + 1000] },
};

async function linkingExport(): Promise<ZipFileSpec[]> {
  const L = LINKING;
  const rows: PdfRowSpec[] = [
    { time: utcText(L.once.row), text: 'alexa stop' },
    { time: utcText(L.textOnly.row), text: L.textOnly.text },
    { time: utcText(L.nearest.second), text: 'alexa stop now' },
    { time: utcText(L.edge.row), text: L.edge.text },
    { time: utcText(L.beyond.row), text: L.beyond.text },
    { time: utcText(L.near.row), text: L.near.text },
    { time: utcText(L.nearest.first), text: 'alexa pause' },
  ];
  const wavs = [L.near.wav, L.edge.wav, L.beyond.wav, L.nearest.wav, L.audioOnly.wav, ...L.once.wavs];
  return [
    ...wavs.map((ms, i) => ({ path: `Alexa/${isoName(ms)}.wav`, data: wav(i) })),
    { path: 'Alexa/Transkripte.pdf', data: await tablePdf(rows, { headers: { time: 'Date', text: 'Transcript' } }) },
  ];
}

describe('linking PDF rows to WAVs', () => {
  test('±2 s inclusive, nearest wins, each once, whatever the PDF order; text-only rows and audio-only WAVs stay', async () => {
    const L = LINKING;
    const { sink, detection } = await atSink(await linkingExport());
    assert.equal(detection.kind, 'amazon-2018');
    const byWav = (ms: number) => sink.recordings.find((r) => r.audio?.name === `${isoName(ms)}.wav`)?.recording;
    assert.equal(byWav(L.near.wav)?.transcript, L.near.text);
    assert.equal(byWav(L.near.wav)?.timeUtc, L.near.row, 'the transcript’s time');
    assert.equal(byWav(L.edge.wav)?.transcript, L.edge.text, 'exactly 2 s: linked');
    assert.equal(byWav(L.beyond.wav)?.transcript, null, '2.001 s: not linked');
    assert.equal(byWav(L.nearest.wav)?.transcript, 'alexa stop now', 'the nearer of two rows');
    assert.equal(byWav(L.audioOnly.wav)?.transcript, null);
    assert.equal(byWav(L.once.wavs[0]!)?.transcript, 'alexa stop', 'the nearer of two WAVs');
    assert.equal(byWav(L.once.wavs[1]!)?.transcript, null, 'a row is used once');
    const textOnly = sink.recordings.filter((r) => r.audio === null).map((r) => r.recording.transcript);
    assert.deepEqual(textOnly.sort(), ['alexa pause', L.beyond.text, L.textOnly.text].sort());
    const call = sink.byText(L.textOnly.text).recording;
    assert.equal(call.timeUtc, L.textOnly.row);
    assert.equal(call.timeZone, 'UTC');
    assert.equal(call.extra.transcriptFile, 'Alexa/Transkripte.pdf');
    assert.equal(sink.recordings.length, 7 + 3);
    assert.ok(
      sink.notes.includes(
        say('amazon.pdfTranscripts', {
          file: 'Alexa/Transkripte.pdf',
          count: 7,
          linked: say('amazon.pdfLinked', { count: 4 }),
        }),
      ),
      sink.notes.join('\n'),
    );
    assert.deepEqual(sink.attached, [
      { path: 'Alexa/Transkripte.pdf', reason: say('amazon.pdfReadReason'), bytes: sink.attached[0]!.bytes },
    ]);
    assert.ok(sink.attached[0]!.bytes! > 500, 'the PDF’s bytes, read once, are kept');
  });

  test('German local times with no zone are read in Europe/Berlin, summer and winter, because that links', async () => {
    const winter = Date.parse('2018-01-15T17:30:12Z');
    const summer = Date.parse('2018-07-15T17:30:12Z');
    const rows: PdfRowSpec[] = [
      { time: '15.07.2018 19:30:12', text: 'Alexa, wie wird das Wetter in Regensburg' },
      { time: '15.01.2018 18:30:12', text: 'Alexa, ruf Sabine an' },
    ];
    const { sink } = await atSink([
      { path: `${new Date(winter).toISOString().slice(0, 19).replace(/:/g, '_')}.wav`, data: wav(1) },
      { path: `${summer}.wav`, data: wav(2) },
      { path: 'Transkripte.pdf', data: await tablePdf(rows) },
    ]);
    assert.equal(
      sink.byText('Alexa, ruf Sabine an').audio?.name,
      `${new Date(winter).toISOString().slice(0, 19).replace(/:/g, '_')}.wav`,
    );
    assert.equal(sink.byText('Alexa, wie wird das Wetter in Regensburg').audio?.name, `${summer}.wav`);
    assert.equal(sink.byText('Alexa, ruf Sabine an').recording.timeZone, 'Europe/Berlin');
    assert.ok(
      sink.notes.includes(say('amazon.pdfZoneChosen', { file: 'Transkripte.pdf', zone: 'Europe/Berlin', count: 2 })),
      sink.notes.join('\n'),
    );
  });

  test('times without seconds link anywhere in their minute; the WAV keeps its exact time', async () => {
    const at = Date.parse('2018-05-03T04:02:37Z');
    const { sink } = await atSink([
      { path: `${at}.wav`, data: wav(1) },
      { path: `${at + 10 * H}.wav`, data: wav(2) },
      {
        path: 'Transkripte.pdf',
        data: await listPdf([
          { time: '3. Mai 2018 um 06:02 MESZ', text: 'Alexa, stopp' },
          { time: '3. Mai 2018 um 16:04 MESZ', text: 'Alexa, lauter' },
        ]),
      },
    ]);
    const stop = sink.byText('Alexa, stopp');
    assert.equal(stop.audio?.name, `${at}.wav`);
    assert.equal(stop.recording.timeUtc, at);
    assert.equal(sink.byText('Alexa, lauter').audio, null, 'a minute off: not linked');
  });
});

describe('PDFs that cannot be read', () => {
  const rows: PdfRowSpec[] = [{ time: '2018-05-03 04:02:58 UTC', text: 'Alexa, wie wird das Wetter in Regensburg' }];
  const withPdf = (data: Buffer): ZipFileSpec[] => [
    { path: 'Alexa/2018-05-03T04_02_58.wav', data: wav(1) },
    { path: 'Alexa/20180503_050000_1.wav', data: wav(2) },
    { path: 'Alexa/Transkripte.pdf', data },
  ];
  const cases: [string, () => Promise<Buffer>, string][] = [
    ['a scan (images only)', scannedPdf, say('amazon.pdfNoText')],
    ['a password-protected PDF', () => encryptedPdf(rows), say('amazon.pdfEncrypted')],
    ['a truncated PDF', async () => truncated(await tablePdf(rows), 0.4), 'damaged'],
    [
      'random bytes named .pdf',
      async () => Buffer.from('%PDF-1.7\n' + 'x'.repeat(5000) + '\nendobj trailer <<>>'),
      'damaged',
    ],
    [
      'a PDF bomb (a small file whose page unpacks to more than the cap)',
      async () => bombPdf(PDF_MAX_UNPACKED_BYTES + 16 * 1024 ** 2),
      say('amazon.pdfUnpacksTooLarge', { size: formatBytes(PDF_MAX_UNPACKED_BYTES) }),
    ],
    [
      'a PDF with text but no transcripts',
      () => listPdf([{ time: 'Ihre Daten', text: 'keine Einträge' }]),
      say('amazon.pdfNoRows'),
    ],
  ];
  for (const [label, make, reason] of cases) {
    test(`${label}: kept, reported with its reason, every WAV imported`, async () => {
      const { sink, ms } = await atSink(withPdf(await make()));
      assert.ok(ms < 20_000, `${ms} ms`);
      assert.equal(sink.recordings.length, 2, 'both WAVs');
      assert.ok(sink.recordings.every((r) => r.audio !== null && r.recording.transcript === null));
      assert.equal(sink.attached.length, 1);
      const kept = sink.attached[0]!;
      if (reason === 'damaged') assert.match(kept.reason, /^it is damaged or not a PDF that can be read/);
      else assert.equal(kept.reason, reason);
      assert.ok(
        sink.notes.includes(say('amazon.pdfUnread', { file: 'Alexa/Transkripte.pdf', reason: kept.reason })),
        sink.notes.join('\n'),
      );
    });
  }

  test('a PDF over the size cap is refused at once, without reading it, and said so', async () => {
    const { sink, read, ms } = await atSink(withPdf(hugePdf(PDF_MAX_BYTES + 1024)));
    assert.ok(!read.has('Alexa/Transkripte.pdf'), 'not a byte read');
    assert.ok(ms < 10_000, `${ms} ms`);
    assert.equal(sink.recordings.length, 2);
    assert.deepEqual(sink.attached, [], 'not kept');
    const reason = say('amazon.pdfTooLarge', { size: formatBytes(PDF_MAX_BYTES) });
    assert.match(reason, /64/);
    assert.equal(sink.reasonFor('Transkripte.pdf'), reason);
    assert.ok(sink.notes.includes(say('amazon.pdfNotKept', { file: 'Alexa/Transkripte.pdf', reason })));
  });

  test('a hostile PDF in the next export loses nothing already imported', async () => {
    const db = openLibrary(path.join(await dir('lib'), 'library.sqlite'));
    try {
      const good = await writeZip(path.join(await dir('good'), 'Amazon-Daten.zip'), await linkingExport());
      const first = await runImport(db, [good]);
      assert.equal(first.recordings, 10);
      const hostile = await writeZip(path.join(await dir('bad'), 'Amazon-Daten-2.zip'), [
        { path: 'Alexa/20190101_120000_1.wav', data: wav(5) },
        { path: 'Alexa/Transkripte.pdf', data: truncated(await encryptedPdf(rows), 0.7) },
      ]);
      const second = await runImport(db, [hostile]);
      assert.equal(second.recordings, 1);
      assert.ok(
        second.notes
          .map(english)
          .some((n) => n.startsWith('The transcripts in “Alexa/Transkripte.pdf” could not be read')),
      );
      assert.equal(db.prepare('SELECT COUNT(*) FROM recordings').pluck().get(), 11);
      assert.equal(listRecordings(db, { search: 'Anna Schmidt' }).rows.length, 1, 'the first export is searchable');
      assert.equal(db.prepare('PRAGMA integrity_check').pluck().get(), 'ok');
    } finally {
      db.close();
    }
  });
});

describe('a c’t-like delivery', () => {
  test('WAVs of a man and a woman and a shuffled transcripts PDF: linked right, searchable, names found', async (t) => {
    let made;
    try {
      made = writeCtDelivery(await dir('ct'), { seed: 'ct-test', count: 160 });
    } catch (error) {
      t.skip(`the generator needs espeak-ng and ffmpeg: ${(error as Error).message}`);
      return;
    }
    const db = openLibrary(path.join(await dir('lib'), 'library.sqlite'));
    try {
      const report = await runImport(db, [made.file]);
      assert.equal(report.exportKind, 'amazon-2018');
      assert.equal(report.account, null, 'nothing names the account');
      assert.equal(report.recordings, made.recordings);
      assert.equal(report.withAudio, made.withAudio);
      assert.equal(report.withTranscript, made.withTranscript);
      assert.ok(
        report.notes.map(english).includes(
          say('amazon.pdfTranscripts', {
            file: 'Alexa-Transkripte.pdf',
            count: made.pdfRows,
            linked: say('amazon.pdfLinked', { count: made.linked }),
          }),
        ),
        report.notes.join('\n'),
      );
      // Every WAV carries the transcript that was written for it.
      const stored = db
        .prepare('SELECT audio_path AS wav, transcript FROM recordings WHERE audio_path IS NOT NULL')
        .all() as { wav: string; transcript: string | null }[];
      const expected = new Map(
        made.recordingsWritten.filter((r) => r.wav).map((r) => [`Alexa-Sprachaufnahmen/${r.wav}`, r.transcript]),
      );
      assert.equal(stored.length, expected.size);
      for (const s of stored) assert.equal(s.transcript, expected.get(s.wav), s.wav);
      // What the PDF says feeds search and the names analysis like any transcript.
      const town = listRecordings(db, { search: made.household.town }).rows.length;
      const expectedTown = made.recordingsWritten.filter((r) => r.transcript?.includes(made.household.town)).length;
      assert.ok(expectedTown > 5 && town === expectedTown, `${town} of ${expectedTown} weather questions found`);
      recordNameMentions(db, (text) => findPersonNames(text));
      const names = new Set(db.prepare('SELECT folded FROM name_mentions').pluck().all() as string[]);
      for (const name of [made.household.woman, made.household.man, made.household.surname])
        assert.ok(
          [...names].some((n) => n.includes(name.toLowerCase())),
          `${name} in ${[...names].join(', ')}`,
        );
    } finally {
      db.close();
    }
  });
});
