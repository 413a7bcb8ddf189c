// The Alexa voice-history importer: `customerHistoryRecords` in one file or many pages, WAVs named by
// utterance id beside them (gzip-compressed too), the not-intended flag in English and German, and
// personsInfo — through the whole pipeline and at the sink.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { openExportFiles } from '../electron/core/archive/export-files.ts';
import { openLibrary, type Db } from '../electron/core/db/library.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { pickImporter } from '../electron/core/importers/registry.ts';
import { googleTakeoutImporter } from '../electron/core/importers/google/index.ts';
import { amazonImporter } from '../electron/core/importers/amazon/index.ts';
import {
  ALEXA_HISTORY_SKIP_REASONS,
  alexaHistoryImporter,
  isNotIntendedText,
  readVoiceRecord,
  streamArrayObjects,
} from '../electron/core/importers/alexa-history/index.ts';
import {
  CUSTOMER_ID,
  KITCHEN,
  OFFICE,
  RECORDS,
  bigHistoryJson,
  recordKey,
  toJson,
  utteranceId,
  writePagedHistory,
  writeSingleFileHistory,
} from './fixtures/alexa-history.ts';
import { MemorySink, spyOnReads } from './helpers/memory-sink.ts';
import { scratchFolders } from './helpers/scratch.ts';
import { english } from '../electron/core/messages/index.ts';

const importers = [alexaHistoryImporter];
const all = [googleTakeoutImporter, amazonImporter, alexaHistoryImporter];

const dir = scratchFolders('earshot-alexa-');

async function library(): Promise<Db> {
  return openLibrary(path.join(await dir('lib'), 'library.sqlite'));
}

interface Row {
  key: string;
  transcript: string | null;
  response: string | null;
  time_utc: number;
  device: string | null;
  device_serial: string | null;
  has_audio: number;
  codec: string | null;
  duration_ms: number | null;
  not_intended: number;
  speaker_label: string | null;
  vendor_flags: string;
  extra: string;
}
const rows = (db: Db) => db.prepare('SELECT * FROM recordings ORDER BY time_utc, id').all() as Row[];
const byN = (db: Db, n: number) =>
  rows(db).find((r) => r.key === `alexa:${recordKey(RECORDS.find((x) => x.n === n)!)}`)!;

describe('pure helpers', () => {
  test('not-intended wording: English and German, en dash, em dash or hyphen', () => {
    for (const t of [
      'Text not available – audio was not intended for Alexa',
      'Text not available - audio was not intended for Alexa',
      'Text not available — Audio was not intended for Alexa.',
      'Text nicht verfügbar – Audio war nicht für Alexa bestimmt',
      'Text nicht verfügbar - Audio war nicht für Alexa bestimmt',
      'Text nicht verfu\u0308gbar – Audio war nicht fu\u0308r Alexa bestimmt',
      'Audio was not intended for Alexa',
    ])
      assert.ok(isNotIntendedText(t), t);
    for (const t of ['alexa what was not intended for alexa', 'Text not available', '', null])
      assert.ok(!isNotIntendedText(t), String(t));
  });

  test('a record: transcript, response, persons, key, discarded status', () => {
    const r = readVoiceRecord(toJson(RECORDS[0]!));
    assert.equal(r.key, `alexa:${recordKey(RECORDS[0]!)}`);
    assert.equal(r.transcript, 'alexa good morning');
    assert.equal(r.response, 'Good morning! Here is your flash briefing.');
    assert.deepEqual(r.persons, [{ firstName: 'David', personId: 'amzn1.actor.person.oid.A1', personType: 'ADULT' }]);
    assert.equal(r.audioIds[0], utteranceId(RECORDS[0]!));
    const discarded = readVoiceRecord(toJson(RECORDS[2]!));
    assert.equal(discarded.notIntended, true);
    assert.equal(discarded.transcript, null);
  });

  test('streams objects out of any array: pages, bare lists, JSON Lines', async () => {
    const collect = async (text: string) => {
      const out: unknown[] = [];
      for await (const o of streamArrayObjects(Readable.from([Buffer.from(text)]))) out.push(o.value);
      return out;
    };
    assert.deepEqual(await collect('{"customerHistoryRecords":[{"a":1},{"b":[{"c":2}]}],"token":null}'), [
      { a: 1 },
      { b: [{ c: 2 }] },
    ]);
    assert.deepEqual(await collect('\ufeff[{"a":1}, 3, {"b":"x"}]'), [{ a: 1 }, { b: 'x' }]);
    assert.deepEqual(await collect('{"x":[{"a":1}]}\n{"x":[{"a":2}]}\n'), [{ a: 1 }, { a: 2 }]);
  });
});

describe('voice history', () => {
  test('one file with audio beside it: every field, gzip WAVs, not-intended, personsInfo; re-import adds nothing', async () => {
    const d = await writeSingleFileHistory(path.join(await dir('single'), 'voice-history'));
    const db = await library();
    const report = await runImport(db, [d], { importers });
    assert.equal(report.exportKind, 'alexa-voice-history');
    assert.equal(report.recordings, 6);
    assert.equal(report.withAudio, 5);
    assert.deepEqual(report.account, {
      value: CUSTOMER_ID,
      kind: 'customer-id',
      foundIn: 'customerHistoryRecords.json',
    });
    assert.deepEqual(report.skipped, []);

    const morning = byN(db, 1);
    assert.equal(morning.transcript, 'alexa good morning');
    assert.equal(morning.response, 'Good morning! Here is your flash briefing.');
    assert.equal(morning.device, OFFICE.deviceName);
    assert.equal(morning.device_serial, OFFICE.serialNumber);
    assert.equal(morning.speaker_label, 'David');
    assert.equal(morning.has_audio, 1);
    const extra = JSON.parse(morning.extra);
    assert.equal(extra.utteranceType, 'ROUTINES_OR_TAP_TO_ALEXA');
    assert.equal(extra.intent, 'GoodMorningIntent');
    assert.equal(extra.domain, 'Routines');
    assert.deepEqual(extra.personsInfo, [
      { firstName: 'David', personId: 'amzn1.actor.person.oid.A1', personType: 'ADULT' },
    ]);

    const weather = byN(db, 2);
    assert.equal(weather.has_audio, 1, 'gzip-compressed WAV (.wav.gz)');
    assert.equal(weather.codec, 'wav');
    assert.ok(weather.duration_ms! > 300);
    assert.equal(weather.device, KITCHEN.deviceName);
    assert.equal(weather.speaker_label, 'Anna');

    const german = byN(db, 3);
    assert.equal(german.not_intended, 1);
    assert.equal(german.transcript, null);
    assert.equal(german.has_audio, 1, 'gzip content in a .wav name');
    assert.deepEqual(JSON.parse(german.vendor_flags), ['DISCARDED_NON_DEVICE_DIRECTED_INTENT']);
    assert.equal(JSON.parse(german.extra).replacementText, 'Text nicht verfügbar – Audio war nicht für Alexa bestimmt');

    const english = byN(db, 4);
    assert.equal(english.not_intended, 1, 'recognised by the English wording alone');
    assert.equal(english.transcript, null);

    const skill = byN(db, 5);
    assert.equal(skill.speaker_label, 'David, Mia');
    assert.equal(skill.response, 'Audio response from skill');
    assert.equal(JSON.parse(skill.extra).skillName, 'Jeopardy!');
    assert.equal(skill.has_audio, 0);

    assert.deepEqual(JSON.parse(byN(db, 6).vendor_flags), ['FAULT']);

    const again = await runImport(db, [d], { importers });
    assert.equal(again.recordings, 0);
    assert.equal(again.duplicates, 6);
    db.close();
  });

  test('pages in a ZIP: a record repeated across pages imported once; audio no record names kept', async () => {
    const file = await writePagedHistory(await dir('paged'));
    const db = await library();
    const report = await runImport(db, [file], { importers: all });
    assert.equal(report.exportKind, 'alexa-voice-history');
    assert.equal(report.recordings, 7);
    assert.equal(report.duplicates, 0);
    assert.ok(report.notes.map(english).some((n) => n.includes('1 record appears in more than one page')));
    assert.ok(
      report.notes.map(english).some((n) => n.includes('1 audio file is not named by any voice-history record')),
    );
    const orphan = rows(db).find((r) => r.key.endsWith('orphan'))!;
    assert.equal(orphan.has_audio, 1);
    assert.equal(orphan.time_utc, Date.parse('2023-09-17T08:15:00Z'));
    assert.equal(orphan.device_serial, 'G070RQ07749302N9');
    assert.match(
      english(report.skipped.find((s) => s.path.endsWith('notes.txt'))!.reason),
      new RegExp(english(ALEXA_HISTORY_SKIP_REASONS.otherFile)),
    );
    db.close();
  });

  test('a large history file is streamed, never read whole', async () => {
    const d = await dir('big');
    await fs.writeFile(path.join(d, 'customerHistoryRecords.json'), bigHistoryJson(20_000));
    const raw = await openExportFiles([path.join(d, 'customerHistoryRecords.json')]);
    const { files, read, streamed } = spyOnReads(raw);
    const sink = new MemorySink();
    try {
      await alexaHistoryImporter.run(files, sink);
    } finally {
      await raw.close();
    }
    assert.equal(sink.recordings.length, 20_000);
    assert.equal(read.size, 0);
    assert.equal(streamed.size, 1);
    assert.equal(sink.account?.value, CUSTOMER_ID);
  });

  test('JSON that is not a voice history is reported', async () => {
    const d = await dir('notjson');
    await fs.writeFile(path.join(d, 'settings.json'), JSON.stringify({ items: [{ a: 1 }] }));
    const raw = await openExportFiles([d]);
    const sink = new MemorySink();
    try {
      await alexaHistoryImporter.run(raw, sink);
    } finally {
      await raw.close();
    }
    assert.equal(sink.recordings.length, 0);
    assert.deepEqual(sink.skipped, [{ path: 'settings.json', reason: english(ALEXA_HISTORY_SKIP_REASONS.noRecords) }]);
  });

  test('detection: a voice history beats Amazon and Google', async () => {
    for (const input of [
      await writeSingleFileHistory(path.join(await dir('det'), 'h')),
      await writePagedHistory(await dir('det')),
    ]) {
      const files = await openExportFiles([input]);
      try {
        assert.equal(pickImporter(all, files)?.importer, alexaHistoryImporter);
      } finally {
        await files.close();
      }
    }
  });
});
