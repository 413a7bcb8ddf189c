// The Amazon importer against generated exports of every layout (2024 parts, folder of parts,
// unpacked folder; 2019 per-category ZIPs with nested ZIPs; a c't-like 2018 delivery of 1,700 WAVs and
// a PDF), with real speech from espeak-ng, through the whole pipeline and at the sink.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Readable } from 'node:stream';
import { openExportFiles } from '../electron/core/archive/export-files.ts';
import { openLibrary, type Db } from '../electron/core/db/library.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { pickImporter } from '../electron/core/importers/registry.ts';
import { googleTakeoutImporter } from '../electron/core/importers/google/index.ts';
import { alexaHistoryImporter, timeFromFileName } from '../electron/core/importers/alexa-history/index.ts';
import {
  AMAZON_NOT_ALEXA,
  AMAZON_SKIP_REASONS,
  LINK_TOLERANCE_MS,
  amazonImporter,
  cellValue,
  csvRecords,
  linkByTime,
  parseCellTime,
} from '../electron/core/importers/amazon/index.ts';
import { ImportError } from '../electron/core/model.ts';
import { english, parseStoredMessage, say } from '../electron/core/messages/index.ts';
import {
  CT_COUNT,
  CT_DEVICES,
  CT_SPAN_MS,
  DEVICES_2019,
  DEVICES_2024,
  EXPECT_2019,
  EXPECT_2024,
  OWNER,
  VOICES,
  hasEspeak,
  speak,
  writeAmazon2019,
  writeAmazon2024Folder,
  writeAmazon2024Parts,
  writeAmazonWithoutAlexa,
  writeCtExport,
  writeZip,
} from './fixtures/amazon.ts';
import { writeSingleFileHistory } from './fixtures/alexa-history.ts';
import { MemorySink, spyOnReads } from './helpers/memory-sink.ts';
import { scratchFolders } from './helpers/scratch.ts';

const importers = [amazonImporter];
const all = [googleTakeoutImporter, amazonImporter, alexaHistoryImporter];

const dir = scratchFolders('earshot-amazon-');

async function atSink(inputs: string[]) {
  const raw = await openExportFiles(inputs);
  const { files, opened } = spyOnReads(raw);
  const sink = new MemorySink();
  try {
    const detection = amazonImporter.detect(files);
    await amazonImporter.run(files, sink);
    return { sink, opened, detection, files };
  } finally {
    await raw.close();
  }
}

async function library(): Promise<Db> {
  return openLibrary(path.join(await dir('lib'), 'library.sqlite'));
}

interface Row {
  key: string;
  transcript: string | null;
  time_utc: number | null;
  device: string | null;
  device_serial: string | null;
  has_audio: number;
  not_intended: number;
  audio_path: string | null;
  audio_sha256: string | null;
  sample_rate: number | null;
  duration_ms: number | null;
  codec: string | null;
  response: string | null;
  source: string;
  title: string | null;
  extra: string;
}
const rows = (db: Db) => db.prepare('SELECT * FROM recordings ORDER BY time_utc, id').all() as Row[];
const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

// ---------------------------------------------------------------------------------------------

describe('pure helpers', () => {
  test('times in file names: utterance ids, ISO stamps, epoch ms and s; nothing else', () => {
    const id = timeFromFileName('A3S5BH2HU6VAYF_1.0_2019_01_05_19_G090LF0964560ABC_05_43__TNIH_2V.abc.wav');
    assert.equal(iso(id?.utc), '2019-01-05T19:05:43.000Z');
    assert.equal(id?.serial, 'G090LF0964560ABC');
    assert.equal(iso(timeFromFileName('2024-08-21T13-53-36.929Z.wav')?.utc), '2024-08-21T13:53:36.929Z');
    assert.equal(iso(timeFromFileName('2024-08-21_13_53_36.wav')?.utc), '2024-08-21T13:53:36.000Z');
    assert.equal(iso(timeFromFileName('20240821T135336Z.wav')?.utc), '2024-08-21T13:53:36.000Z');
    assert.equal(iso(timeFromFileName('utterance_1724248416929.wav')?.utc), '2024-08-21T13:53:36.929Z');
    assert.equal(iso(timeFromFileName('1724248416.wav')?.utc), '2024-08-21T13:53:36.000Z');
    assert.equal(
      iso(timeFromFileName('1694871794279#A10A33FOX2NUBK#G070RQ07749302N9#1694871794277-0.wav')?.utc),
      '2023-09-16T13:43:14.279Z',
    );
    assert.equal(timeFromFileName('recording-0007.wav'), null);
    assert.equal(timeFromFileName('2024-13-45T99-00-00.wav'), null);
  });

  // One test per file-name pattern of the table at the top of electron/core/importers/amazon/times.ts.
  const MAY3 = '2018-05-03T04:02:58.000Z';
  const namePatterns: [string, string[], string][] = [
    ['YYYYMMDD_HHMMSS', ['20180503_040258.wav', '20180503-040258.wav'], 'iso'],
    [
      'YYYYMMDD_HHMMSS with an index suffix',
      ['20180503_040258_1.wav', '20180503_040258-0003.wav', '20180503_040258 (2).wav'],
      'iso',
    ],
    ['YYYY-MM-DDTHH_MM_SS', ['2018-05-03T04_02_58.wav', 'Alexa/2018-05-03T04_02_58.wav.gz'], 'iso'],
    [
      'YYYY-MM-DDTHH_MM_SS with an index suffix',
      ['2018-05-03T04_02_58_1.wav', '2018-05-03T04_02_58-0003.wav', '2018-05-03T04_02_58(2).wav'],
      'iso',
    ],
    ['epoch milliseconds', ['1525320178000.wav', 'utterance_1525320178000.wav'], 'epoch-ms'],
    [
      'epoch milliseconds with an index suffix',
      ['1525320178000_1.wav', '1525320178000-0003.wav', '1525320178000 (2).wav'],
      'epoch-ms',
    ],
  ];
  for (const [pattern, names, form] of namePatterns) {
    test(`times in file names: ${pattern}`, () => {
      for (const name of names) {
        const t = timeFromFileName(name);
        assert.equal(iso(t?.utc), MAY3, name);
        assert.equal(t?.form, form, name);
      }
    });
  }
  test('times in file names: three digits after `_` are milliseconds, one or two or four are an index', () => {
    assert.equal(iso(timeFromFileName('2018-04-16_11_42_55_659_UTC.mp3')?.utc), '2018-04-16T11:42:55.659Z');
    assert.equal(iso(timeFromFileName('2018-05-03T04_02_58_12.wav')?.utc), MAY3);
    assert.equal(iso(timeFromFileName('20180503_040258.5.wav')?.utc), '2018-05-03T04:02:58.500Z');
    assert.equal(timeFromFileName('20181303_040258.wav'), null, 'month 13');
    assert.equal(timeFromFileName('20180503_250258.wav'), null, 'hour 25');
  });

  test('table times: ISO with Z and offsets, epoch, zone-less and US style', () => {
    assert.deepEqual(parseCellTime('2024-08-21T13:53:36.929Z'), {
      utc: Date.parse('2024-08-21T13:53:36.929Z'),
      zone: 'UTC',
    });
    assert.deepEqual(parseCellTime('2024-08-21T15:53:36+02:00'), {
      utc: Date.parse('2024-08-21T13:53:36Z'),
      zone: '+02:00',
    });
    assert.deepEqual(parseCellTime('2024-08-21 13:53:36'), { utc: Date.parse('2024-08-21T13:53:36Z'), zone: null });
    assert.equal(parseCellTime('1724248416929').utc, 1724248416929);
    assert.equal(parseCellTime(1724248416).utc, 1724248416000);
    assert.equal(parseCellTime('08/21/2024 01:53:36 PM UTC').utc, Date.parse('2024-08-21T13:53:36Z'));
    assert.equal(parseCellTime('Not a time').utc, null);
  });

  test(`linking tolerance is ±${LINK_TOLERANCE_MS} ms, inclusive; nearest wins; each used once`, () => {
    assert.equal(LINK_TOLERANCE_MS, 2000);
    const t = 1_700_000_000_000;
    const texts = [{ time: t }];
    assert.deepEqual([...linkByTime([{ time: t + 2000 }], texts)], [[0, 0]]);
    assert.deepEqual([...linkByTime([{ time: t - 2000 }], texts)], [[0, 0]]);
    assert.deepEqual([...linkByTime([{ time: t + 2001 }], texts)], []);
    assert.deepEqual([...linkByTime([{ time: t - 2001 }], texts)], []);
    assert.deepEqual([...linkByTime([{ time: null }], texts)], []);
    // Two audio files near one transcript: the nearer gets it; the other stays alone.
    assert.deepEqual([...linkByTime([{ time: t + 1500 }, { time: t - 200 }], texts)], [[1, 0]]);
    // One audio between two transcripts: the nearer transcript; the other transcript stays alone.
    assert.deepEqual([...linkByTime([{ time: t + 1800 }], [{ time: t }, { time: t + 1500 }])], [[0, 1]]);
    // A chain: each pair by distance, none used twice.
    const linked = linkByTime(
      [{ time: t }, { time: t + 1000 }, { time: t + 2000 }],
      [{ time: t + 500 }, { time: t + 1600 }],
    );
    assert.equal(linked.size, 2);
    assert.equal(new Set(linked.values()).size, 2);
  });

  test('CSV: byte-order mark, CRLF, quoted commas and newlines, placeholders, semicolons', async () => {
    const text =
      '\ufeffUtterance text,Utterance Creation Date,Contact Name\r\n"alexa, call\r\nmom",2024-01-01T00:00:00Z,Not Available\r\n"say ""hi""",Not Applicable,Bob\r\n';
    const got: string[][] = [];
    for await (const r of csvRecords(Readable.from([Buffer.from(text)]))) got.push(r);
    assert.deepEqual(got[0], ['Utterance text', 'Utterance Creation Date', 'Contact Name']);
    assert.deepEqual(got[1], ['alexa, call\r\nmom', '2024-01-01T00:00:00Z', 'Not Available']);
    assert.equal(cellValue(got[1]![2]), null);
    assert.equal(cellValue(got[2]![1]), null);
    assert.equal(got[2]![0], 'say "hi"');
    assert.equal(cellValue(' Nicht verfügbar '), null);
    const semi: string[][] = [];
    for await (const r of csvRecords(Readable.from([Buffer.from('a;b\n1,5;2\n')]))) semi.push(r);
    assert.deepEqual(semi, [
      ['a', 'b'],
      ['1,5', '2'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------

function check2024(db: Db, report: Awaited<ReturnType<typeof runImport>>) {
  const e = EXPECT_2024;
  assert.equal(report.exportKind, 'amazon-2024');
  assert.equal(report.recordings, 10, JSON.stringify(rows(db).map((r) => [r.transcript, r.audio_path])));
  assert.equal(report.duplicates, 0, 'nothing imported twice');
  assert.equal(report.withAudio, 7);
  assert.equal(report.account?.value, OWNER);
  assert.equal(report.account?.kind, 'name');
  assert.ok(
    report.account?.foundIn.endsWith('Additional Data/Devices/Device Registration-1.csv'),
    report.account?.foundIn,
  );
  const all = rows(db);
  assert.ok(all.every((r) => r.source === 'alexa'));
  const by = (t: string) => {
    const found = all.filter((r) => r.transcript === t);
    assert.equal(found.length, 1, `one recording “${t}”`);
    return found[0]!;
  };
  // Linked by time: the transcript's time, the audio.
  const radio = by(e.radio.text);
  assert.equal(radio.has_audio, 1);
  assert.equal(radio.time_utc, e.radio.time);
  assert.equal(radio.codec, 'wav');
  assert.ok(radio.duration_ms! > 300, 'real speech');
  assert.equal(JSON.parse(radio.extra)['Currently Playing Song'], 'Radio Two Live');
  const weather = by(e.weather.text);
  assert.equal(weather.has_audio, 1, 'linked at exactly +2,000 ms');
  assert.equal(JSON.parse(weather.extra)['Screen Contents'], 'Weather card, Berlin');
  // 2,001 ms: two recordings, one with audio only, one with text only.
  const lights = by(e.lights.text);
  assert.equal(lights.has_audio, 0);
  const lightsAudio = all.find((r) => r.audio_path?.includes(`utterance_${e.lights.time + e.lights.audioOffset}`));
  assert.ok(
    lightsAudio && lightsAudio.transcript === null && lightsAudio.time_utc === e.lights.time + e.lights.audioOffset,
  );
  // Quoted newline and comma survive; a text-only recording.
  assert.equal(by(e.call.text).has_audio, 0);
  // Nearest wins.
  assert.equal(by(e.near.second).has_audio, 1);
  assert.equal(by(e.near.first).has_audio, 0);
  // German not-intended wording with a hyphen.
  const discarded = all.filter((r) => r.not_intended === 1);
  assert.equal(discarded.length, 1);
  assert.equal(discarded[0]!.transcript, null);
  assert.equal(discarded[0]!.has_audio, 1);
  assert.equal(JSON.parse(discarded[0]!.extra).replacementText, e.notIntended.text);
  // A WAV without extension and time in its name, found by its header, linked by its archive date.
  const mtime = by(e.mtime.text);
  assert.equal(mtime.has_audio, 1);
  assert.match(mtime.audio_path!, /recording-0007$/);
  // Voice message.
  const message = all.find((r) => r.title === 'Voice message');
  assert.ok(message && message.has_audio === 1 && message.audio_path!.includes('audio_messages'));
  // The older version's only row is not there.
  assert.ok(!all.some((r) => r.transcript === e.oldOnly.text));
  // Names the export mentions; devices.
  const names = (
    db.prepare('SELECT name FROM export_names WHERE export_id = ?').pluck().all(report.exportId) as string[]
  ).sort();
  assert.deepEqual(names, [...e.contacts].sort());
  const devices = db
    .prepare('SELECT name, model, serial FROM export_devices WHERE export_id = ? ORDER BY serial')
    .all(report.exportId);
  assert.deepEqual(
    devices,
    [...DEVICES_2024].sort((a, b) => a.serial.localeCompare(b.serial)),
  );
  // Reported, grouped reasons.
  const reasonOf = (p: string) => {
    const reason = report.skipped.find((s) => s.path.endsWith(p))?.reason;
    return reason && english(reason);
  };
  assert.equal(reasonOf('Intent-2-1.csv'), english(AMAZON_SKIP_REASONS.olderVersion));
  assert.equal(reasonOf('contacts-1.csv'), english(AMAZON_SKIP_REASONS.olderVersion));
  assert.equal(reasonOf('Devices/Device Registration.csv'), english(AMAZON_SKIP_REASONS.olderVersion));
  assert.equal(reasonOf('Retail.OrderHistory.1.csv'), english(AMAZON_SKIP_REASONS.otherCategory));
  assert.equal(reasonOf('Advertising.AdvertiserAudiences.csv'), english(AMAZON_SKIP_REASONS.otherCategory));
  assert.equal(reasonOf('README.txt'), english(AMAZON_SKIP_REASONS.description));
  assert.equal(reasonOf('FileDescriptions.csv'), english(AMAZON_SKIP_REASONS.description));
  assert.equal(reasonOf('Skills-2.csv'), english(AMAZON_SKIP_REASONS.noUtterances));
  assert.equal(reasonOf('Routines-4.json'), english(AMAZON_SKIP_REASONS.noUtterances));
  assert.match(reasonOf('placeholder.wav') ?? '', /neither audio nor a table of utterances \(a text file\)/);
  const copies = report.skipped.filter(
    (s) =>
      english(s.reason) === english(AMAZON_SKIP_REASONS.copy) ||
      english(s.reason) === english(AMAZON_SKIP_REASONS.duplicateAudio),
  );
  assert.equal(copies.length, 2, 'the readable tree’s Intent-2-2.csv and WAV are reported as copies');
  assert.ok(report.notes.map(english).some((n) => n.includes('matched them by time (within ±2 seconds)')));
  assert.ok(report.notes.map(english).some((n) => n.includes('timed by the file’s date in the archive')));
}

describe('2024+ layout', () => {
  test('two “All Data Categories” parts import as one export; re-import adds nothing', async () => {
    const d = await dir('parts');
    const parts = await writeAmazon2024Parts(d);
    const db = await library();
    const report = await runImport(db, parts, { importers });
    check2024(db, report);
    const again = await runImport(db, parts, { importers });
    assert.equal(again.recordings, 0);
    assert.equal(again.duplicates, 10);
    db.close();
  });

  test('the folder holding the parts', async () => {
    const d = await dir('folder-of-parts');
    await writeAmazon2024Parts(d);
    const db = await library();
    check2024(db, await runImport(db, [d], { importers }));
    db.close();
  });

  test('an unpacked folder', async () => {
    const d = await dir('unpacked');
    await writeAmazon2024Folder(path.join(d, 'Amazon'));
    const db = await library();
    check2024(db, await runImport(db, [path.join(d, 'Amazon')], { importers }));
    db.close();
  });

  test('other categories are reported without being read; audio found by content', async () => {
    const d = await dir('spy');
    const { sink, opened } = await atSink(await writeAmazon2024Parts(d));
    const others = sink.skipped.filter((s) => s.reason === english(AMAZON_SKIP_REASONS.otherCategory));
    assert.equal(others.length, 2);
    for (const s of others) assert.ok(!opened.has(s.path), `${s.path} was not read`);
    for (const s of sink.skipped.filter((x) => x.reason === english(AMAZON_SKIP_REASONS.olderVersion)))
      assert.ok(!opened.has(s.path), `${s.path} was not read`);
    assert.ok(!opened.has('FileDescriptions.csv'));
    assert.deepEqual(sink.names.sort(), [...EXPECT_2024.contacts].sort());
    assert.equal(sink.account?.value, OWNER);
    // Same keys for the same recording wherever it came from: the audio key is its name and size.
    const keys = sink.recordings.map((r) => r.recording.key);
    assert.equal(new Set(keys).size, keys.length);
  });
});

describe('2019–2023 layout', () => {
  test('per-category ZIPs with a ZIP inside: WAVs by utterance id linked, devices named, owner found', async () => {
    const d = await dir('2019');
    const zips = await writeAmazon2019(d);
    const db = await library();
    const report = await runImport(db, zips, { importers });
    assert.equal(report.exportKind, 'amazon-2019');
    assert.equal(report.recordings, 3);
    assert.equal(report.withAudio, 2);
    assert.equal(report.withTranscript, 3);
    assert.deepEqual(report.account, {
      value: EXPECT_2019.owner,
      kind: 'name',
      foundIn: 'Devices.Registration/Devices.Registration.csv',
    });
    const all = rows(db);
    const german = all.find((r) => r.transcript === EXPECT_2019.german.text)!;
    assert.equal(german.has_audio, 1);
    assert.match(german.audio_path!, /^Alexa\/Voice\.zip\/Voice\//);
    assert.equal(german.device, DEVICES_2019[0]!.name);
    assert.equal(german.device_serial, DEVICES_2019[0]!.serial);
    const english = all.find((r) => r.transcript === EXPECT_2019.english.text)!;
    assert.equal(english.has_audio, 1);
    assert.equal(english.device, DEVICES_2019[1]!.name);
    const csv = all.find((r) => r.transcript === EXPECT_2019.csv.text)!;
    assert.equal(csv.device, 'Küche');
    assert.equal(csv.response, 'Hier ist Musik von Die Ärzte');
    assert.ok(
      report.skipped.some(
        (s) => s.path.endsWith('Retail.OrderHistory.1.csv') && s.reason.key === AMAZON_SKIP_REASONS.otherCategory.key,
      ),
    );
    assert.ok(report.skipped.filter((s) => s.reason.key === AMAZON_SKIP_REASONS.description.key).length >= 3);
    assert.deepEqual(
      report.devices.map((x) => x.name).sort(),
      [DEVICES_2019[0]!.name, DEVICES_2019[1]!.name, 'Küche'].sort(),
    );
    db.close();
  });

  test('an Amazon export without Alexa data: a specific message', async () => {
    const d = await dir('no-alexa');
    const file = await writeAmazonWithoutAlexa(d);
    const files = await openExportFiles([file]);
    try {
      assert.deepEqual(amazonImporter.detect(files), { kind: 'amazon-2019', score: 0, recognised: [AMAZON_NOT_ALEXA] });
    } finally {
      await files.close();
    }
    const db = await library();
    await assert.rejects(runImport(db, [file], { importers: all }), (error: unknown) => {
      assert.ok(error instanceof ImportError);
      assert.equal(error.code, 'unknown-export');
      assert.match(error.message, /recognised an Amazon data export without Alexa voice data/);
      return true;
    });
    db.close();
  });

  test('an unknown archive of WAVs: the message names what was found', async () => {
    const d = await dir('unknown');
    const file = await writeZip(path.join(d, 'stuff.zip'), [
      { path: 'sounds/a.wav', data: speak('hello there', VOICES.owner) },
      { path: 'sounds/list.csv', data: 'x,y\n1,2\n' },
    ]);
    const db = await library();
    await assert.rejects(runImport(db, [file], { importers: all }), (error: unknown) => {
      assert.ok(error instanceof ImportError && error.code === 'unknown-export');
      assert.match(error.message, /1 WAV file, but nothing that marks them as Amazon’s/);
      return true;
    });
    db.close();
  });
});

describe('detection', () => {
  test('each layout is picked by the right importer', async () => {
    const cases: [string, string[]][] = [];
    const d1 = await dir('det');
    cases.push(['amazon-2024', await writeAmazon2024Parts(d1)]);
    const d2 = await dir('det');
    cases.push(['amazon-2019', await writeAmazon2019(d2)]);
    const d3 = await dir('det');
    cases.push(['alexa-voice-history', [await writeSingleFileHistory(path.join(d3, 'history'))]]);
    for (const [kind, inputs] of cases) {
      const files = await openExportFiles(inputs);
      try {
        const picked = pickImporter(all, files);
        assert.equal(picked?.detection.kind, kind);
      } finally {
        await files.close();
      }
    }
  });
});

describe('a c’t-like 2018 export', () => {
  test('1,700 WAVs of somebody else and a PDF: all imported, span and devices right, PDF kept and reported', async () => {
    const d = await dir('ct');
    const made = Date.now();
    const { file, expect } = await writeCtExport(d);
    const madeMs = Date.now() - made;
    const db = await library();
    const started = Date.now();
    const report = await runImport(db, [file], { importers: all });
    const took = Date.now() - started;
    console.log(
      `c’t-like export: ${report.recordings} recordings imported in ${(took / 1000).toFixed(1)} s (fixture made in ${(madeMs / 1000).toFixed(1)} s; espeak-ng ${hasEspeak() ? 'used' : 'missing, tones used'})`,
    );
    assert.equal(report.exportKind, 'amazon-2018');
    assert.equal(report.recordings, CT_COUNT);
    assert.equal(report.found, CT_COUNT);
    assert.equal(report.withAudio, CT_COUNT);
    assert.equal(report.duplicates, 0, 'identical audio at different times is not a duplicate');
    assert.equal(report.firstTime, expect.first);
    assert.equal(report.lastTime, expect.last);
    const span = report.lastTime! - report.firstTime!;
    assert.ok(span > CT_SPAN_MS - 86_400_000 && span < CT_SPAN_MS + 86_400_000, 'about 1.5 years');
    assert.deepEqual(new Map(report.devices.map((x) => [x.name, x.recordings])), expect.perDevice);
    assert.equal(report.devices.length, 3);
    assert.deepEqual(report.account, { value: 'Someone Else', kind: 'name', foundIn: 'Device Registration.csv' });
    const distinctAudio = db.prepare('SELECT COUNT(DISTINCT audio_sha256) FROM recordings').pluck().get() as number;
    assert.equal(distinctAudio, 20, '20 distinct clips reused');
    const serials = db.prepare('SELECT DISTINCT device_serial FROM recordings ORDER BY 1').pluck().all() as string[];
    assert.deepEqual(serials, CT_DEVICES.map((x) => x.serial).sort());
    const attachments = db
      .prepare('SELECT path, reason, length(bytes) AS size FROM attachments WHERE export_id = ?')
      .all(report.exportId) as {
      path: string;
      reason: string;
      size: number;
    }[];
    assert.equal(attachments.length, 1);
    assert.equal(attachments[0]!.path, 'Alexa-Transkripte.pdf');
    // This PDF lists the phrases without their times: read, found to hold no transcripts, kept, and said so.
    assert.equal(english(parseStoredMessage(attachments[0]!.reason)!), say('amazon.pdfNoRows'));
    assert.ok(
      report.notes
        .map(english)
        .includes(say('amazon.pdfUnread', { file: 'Alexa-Transkripte.pdf', reason: say('amazon.pdfNoRows') })),
      report.notes.map(english).join('\n'),
    );
    assert.equal(
      report.skipped.filter((s) => s.path.startsWith('Kundendaten/')).length,
      48,
      'personal-data files reported',
    );
    const sampleRates = db.prepare('SELECT DISTINCT sample_rate FROM recordings').pluck().all();
    assert.deepEqual(sampleRates, [hasEspeak() ? 8000 : 8000]);
    db.close();
  });
});
