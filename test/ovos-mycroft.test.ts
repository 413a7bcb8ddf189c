// OpenVoiceOS and Mycroft saved recordings: OVOS WAVs with their same-named JSON (transcripts,
// confidence, language), the older listener's and Mycroft's local-time stamps made absolute with the
// file's time, and wake-word clips left unread.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openExportFiles } from '../electron/core/archive/export-files.ts';
import { openLibrary } from '../electron/core/db/library.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { allImporters, pickImporter } from '../electron/core/importers/registry.ts';
import { timeFromName } from '../electron/core/importers/ovos-mycroft/times.ts';
import { readTranscription } from '../electron/core/importers/ovos-mycroft/transcription.ts';
import { say, english } from '../electron/core/messages/index.ts';
import {
  MYCROFT_LOCAL_TIMES,
  MYCROFT_ZONE_MINUTES,
  OVOS_EXPECTED,
  OVOS_UTTERANCES,
  mycroftFiles,
  ovosFiles,
  ovosStem,
  writeSavedFolder,
} from './fixtures/ovos-mycroft.ts';
import { writeZip } from './helpers/zip.ts';
import { scratchFolders } from './helpers/scratch.ts';

const scratch = scratchFolders('earshot-ovos-');

interface Row {
  key: string;
  source: string;
  time_utc: number | null;
  time_zone: string | null;
  transcript: string | null;
  duration_ms: number | null;
  audio_path: string;
  extra: string;
}

async function library() {
  return openLibrary(path.join(await scratch('lib'), 'library.sqlite'));
}

describe('OpenVoiceOS saved utterances', () => {
  test('imports each WAV with the transcript, confidence and language from its JSON', async () => {
    const dir = await writeSavedFolder(path.join(await scratch('home'), 'listener'), ovosFiles());
    const db = await library();
    const report = await runImport(db, [dir]);
    assert.equal(report.exportKind, 'ovos-mycroft');
    assert.equal(report.recordings, OVOS_EXPECTED.recordings);
    assert.equal(report.withTranscript, OVOS_EXPECTED.withText);
    assert.ok(report.notes.map(english).includes(say('ovos.noText', { count: 2 })), JSON.stringify(report.notes));
    const unused = report.skipped.filter((s) => english(s.reason) === say('ovos.skipUnused')).map((s) => s.path);
    assert.deepEqual(
      unused.sort(),
      ovosFiles()
        .filter((f) => !f.path.startsWith('utterances/'))
        .map((f) => f.path)
        .sort(),
    );

    const rows = db.prepare('SELECT * FROM recordings ORDER BY time_utc').all() as Row[];
    for (const u of OVOS_UTTERANCES) {
      const row = rows.find((r) => r.audio_path === `utterances/${ovosStem(u)}.wav`);
      assert.ok(row, ovosStem(u));
      assert.equal(row.source, 'openvoiceos');
      assert.equal(row.transcript, u.text);
      assert.equal(row.time_utc, u.modifiedMs, 'the time the file was written');
      assert.equal(row.duration_ms, u.seconds * 1000);
      const extra = JSON.parse(row.extra) as Record<string, unknown>;
      assert.equal(extra.language, (u.json.lang ?? u.json.stt_lang) as string);
      assert.equal(extra.transcriptionFile, `utterances/${ovosStem(u)}.json`);
    }
    const weather = rows.find((r) => r.transcript === 'what is the weather like')!;
    const extra = JSON.parse(weather.extra) as Record<string, unknown>;
    assert.equal(extra.confidence, 0.92);
    assert.deepEqual(extra.otherTranscriptions, ['what is the weather light']);
    // The older listener's stamp is local time; the file's time gives the zone (+02:00).
    const older = rows.find((r) => r.audio_path.startsWith('utterances/2023-05-01 '))!;
    assert.equal(older.time_utc, OVOS_EXPECTED.olderStampUtc);
    assert.equal(older.time_zone, '+02:00');
    db.close();
  });

  test('is chosen over the Alexa voice-history importer, which also likes "utterances" folders', async () => {
    const dir = await writeSavedFolder(await scratch('listener'), ovosFiles());
    const files = await openExportFiles([dir]);
    try {
      const picked = pickImporter(allImporters, files);
      assert.equal(picked?.detection.kind, 'ovos-mycroft');
    } finally {
      await files.close();
    }
  });

  test('a JSON that is not a transcription, or is broken, leaves the recording without text', async () => {
    const u = OVOS_UTTERANCES[0]!;
    const dir = await writeSavedFolder(await scratch('broken'), [
      { path: `utterances/${ovosStem(u)}.wav`, bytes: ovosFiles()[0]!.bytes, modifiedMs: u.modifiedMs },
      {
        path: `utterances/${ovosStem(u)}.json`,
        bytes: Buffer.from('{"transcriptions": [["what is'),
        modifiedMs: u.modifiedMs,
      },
    ]);
    const db = await library();
    const report = await runImport(db, [dir]);
    assert.equal(report.recordings, 1);
    assert.equal(report.withTranscript, 0);
    assert.ok(
      report.skipped.some((s) => s.path.endsWith('.json') && /JSON/.test(english(s.reason))),
      JSON.stringify(report.skipped),
    );
    db.close();
    assert.equal(readTranscription({ name: 'hey_mycroft' }), null);
    assert.deepEqual(readTranscription({ utterances: ['stop'], lang: 'en-us' }), {
      text: 'stop',
      confidence: null,
      alternatives: [],
      language: 'en-us',
    });
  });
});

describe('Mycroft saved utterances', () => {
  test('mycroft_utterances/<local time>.wav: timed by the name, zone from the file time, no text', async () => {
    const dir = await writeSavedFolder(await scratch('tmp'), mycroftFiles());
    const db = await library();
    const report = await runImport(db, [dir]);
    assert.equal(report.exportKind, 'ovos-mycroft');
    assert.equal(report.recordings, 2);
    assert.equal(report.withTranscript, 0);
    assert.ok(
      report.notes.map(english).includes(say('ovos.zoneFromFileTime', { count: 2 })),
      JSON.stringify(report.notes),
    );
    assert.ok(
      report.skipped.some(
        (s) => s.path.startsWith('mycroft_wake_words/') && english(s.reason) === say('ovos.skipUnused'),
      ),
    );
    const rows = db.prepare('SELECT * FROM recordings ORDER BY time_utc').all() as Row[];
    assert.deepEqual(
      rows.map((r) => r.time_utc),
      MYCROFT_LOCAL_TIMES.map((t) => t - MYCROFT_ZONE_MINUTES * 60_000),
    );
    assert.ok(rows.every((r) => r.source === 'mycroft' && r.time_zone === '+01:00' && r.transcript === null));
    assert.equal((await runImport(db, [dir])).duplicates, 2);
    db.close();
  });

  test('in a ZIP whose file times say nothing of the zone, the name’s time is kept and said to be local', async () => {
    const files = Object.fromEntries(mycroftFiles().map((f) => [`mycroft/${f.path}`, f.bytes]));
    const zip = await writeZip(path.join(await scratch('zip'), 'mycroft.zip'), files);
    const db = await library();
    const report = await runImport(db, [zip]);
    assert.equal(report.recordings, 2);
    const rows = db.prepare('SELECT * FROM recordings ORDER BY time_utc').all() as Row[];
    assert.deepEqual(
      rows.map((r) => r.time_utc),
      MYCROFT_LOCAL_TIMES,
    );
    assert.ok(rows.every((r) => r.time_zone === null));
    assert.ok(report.notes.map(english).includes(say('ovos.zoneUnknown', { count: 2 })), JSON.stringify(report.notes));
    db.close();
  });

  test('times in names: Python stamps, OVOS templates with an offset, or the file time alone', () => {
    assert.equal(timeFromName('2021-03-04 13:45:28', null).utc, Date.UTC(2021, 2, 4, 13, 45, 28));
    assert.equal(timeFromName('2021-03-04 13_45_28.5', null).utc, Date.UTC(2021, 2, 4, 13, 45, 28, 500));
    const templated = timeFromName('utt_2024-09-14T185354-0500_6f0f6daf-cd81-4c5b-bf38-76a4466161c6', 0);
    assert.equal(templated.utc, Date.UTC(2024, 8, 14, 23, 53, 54));
    assert.equal(templated.zone, '-05:00');
    assert.equal(timeFromName('2021-02-30 10:00:00', null).utc, null, 'no 30 February');
    const plain = timeFromName(
      'd41d8cd98f00b204e9800998ecf8427e-1b4e28ba-2fa1-11d2-883f-0016d3cca427',
      1_700_000_000_000,
    );
    assert.equal(plain.utc, 1_700_000_000_000);
    assert.equal(timeFromName('x', null).utc, null);
  });
});
