// Google Assistant audio without its activity file: the real MP3s of ../shared/realworld imported as
// a plain folder, copies, ZIPs with and without a Takeout around them, and the later full Takeout
// whose transcripts are linked to the recordings already in the library instead of adding copies.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { openLibrary, type Db } from '../electron/core/db/library.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { listExports, listRecordings } from '../electron/core/db/recordings.ts';
import { say, english } from '../electron/core/messages/index.ts';
import { parseAudioFileTime } from '../electron/core/importers/google/index.ts';
import { constructedMp3, writeFolder, writeZip } from './fixtures/google-takeout.ts';
import {
  REAL_MP3_DIR,
  audioFiles,
  constructedNamedAudio,
  fullTakeoutFor,
  realNamedAudio,
} from './fixtures/google-audio-only.ts';
import { scratchFolders } from './helpers/scratch.ts';

const scratch = scratchFolders('earshot-google-audio-');

interface Row {
  id: number;
  key: string;
  export_id: number;
  time_utc: number | null;
  time_zone: string | null;
  title: string | null;
  transcript: string | null;
  has_audio: number;
  duration_ms: number | null;
  codec: string | null;
  audio_path: string | null;
  audio_sha256: string | null;
  extra: string;
}

function rows(db: Db): Row[] {
  return db.prepare('SELECT * FROM recordings ORDER BY time_utc, id').all() as Row[];
}

async function library() {
  const dir = await scratch('lib');
  return openLibrary(path.join(dir, 'library.sqlite'));
}

/** The duration ffprobe reads, in ms, or null without ffprobe. */
function ffprobeMs(file: string): number | null {
  const run = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], {
    encoding: 'utf8',
  });
  const seconds = run.status === 0 ? Number.parseFloat(run.stdout) : Number.NaN;
  return Number.isFinite(seconds) ? Math.round(seconds * 1000) : null;
}

const real = realNamedAudio();
const skipReal = real.length === 0 ? `the real samples are absent (${REAL_MP3_DIR})` : false;

describe('real Google Assistant MP3s as a folder with no activity file', { skip: skipReal }, () => {
  test('imports all 81 as recordings without transcript, timed by their names, with the note', async () => {
    assert.equal(real.length, 81, 'the shared folder holds 81 MP3s');
    const db = await library();
    const report = await runImport(db, [REAL_MP3_DIR]);
    assert.equal(report.exportKind, 'google-audio');
    assert.equal(report.found, 81);
    assert.equal(report.recordings, 81);
    assert.equal(report.withAudio, 81);
    assert.equal(report.withTranscript, 0);
    assert.equal(report.duplicates, 0);
    assert.ok(
      report.notes.map(english).includes(say('google.noActivityFile', { count: 81 })),
      `the report says there was no activity file: ${JSON.stringify(report.notes)}`,
    );
    assert.ok(
      !report.notes.map(english).includes(say('google.noAssistant')),
      'not "this Takeout holds no Assistant activity"',
    );

    const stored = rows(db);
    assert.equal(stored.length, 81);
    const byPath = new Map(stored.map((r) => [r.audio_path, r]));
    for (const a of real) {
      const r = byPath.get(a.path);
      assert.ok(r, `${a.path} is a recording`);
      assert.equal(r.time_utc, a.timeUtc, `${a.path}: time from the name`);
      assert.equal(r.time_zone, 'UTC');
      assert.equal(r.title, null, `${a.path}: the name's suffix is not a transcript`);
      assert.equal(r.transcript, null);
      assert.equal(r.has_audio, 1);
      assert.equal(r.codec, 'mp3');
      // Clips are 2–17 s here; where ffprobe is installed, each agrees with it to a frame or two.
      assert.ok(
        r.duration_ms !== null && r.duration_ms >= 1000 && r.duration_ms <= 20_000,
        `${a.path}: ${r.duration_ms} ms`,
      );
      const probed = ffprobeMs(path.join(REAL_MP3_DIR, a.path));
      if (probed !== null)
        assert.ok(Math.abs(r.duration_ms - probed) <= 80, `${a.path}: ${r.duration_ms} vs ffprobe ${probed}`);
      assert.equal(r.key, `google:audio:${a.takeoutName}`);
    }
    // The 2015 MPEG-2.5 8 kHz clips decode too.
    const heart = stored.filter((r) => r.audio_path?.startsWith('heart/'));
    assert.ok(heart.length > 0 && heart.every((r) => (r.duration_ms ?? 0) > 0));
    // No recording says anything the window would search for.
    assert.equal(listRecordings(db, { search: 'pepperoni' }).total, 0);
    db.close();
  });

  test('importing the folder again adds nothing', async () => {
    const db = await library();
    await runImport(db, [REAL_MP3_DIR]);
    const again = await runImport(db, [REAL_MP3_DIR]);
    assert.equal(again.recordings, 0);
    assert.equal(again.duplicates, 81);
    assert.equal(rows(db).length, 81);
    db.close();
  });

  test('the later full Takeout links its transcripts to the 81 recordings instead of adding copies', async () => {
    const db = await library();
    const first = await runImport(db, [REAL_MP3_DIR]);
    const before = new Map(rows(db).map((r) => [r.key, r]));
    const zip = await writeZip(
      path.join(await scratch('takeout'), 'takeout-20200101T000000Z-001.zip'),
      fullTakeoutFor(real, [{ title: 'Said good night', timeUtc: Date.UTC(2019, 10, 3, 21, 0, 0) }]),
    );
    const report = await runImport(db, [zip]);
    assert.equal(report.exportKind, 'google-takeout');
    assert.equal(report.found, 82);
    assert.equal(report.recordings, 1, 'only the text-only entry is new');
    assert.equal(report.duplicates, 0);
    assert.ok(
      report.notes.map(english).includes(say('import.linkedTranscripts', { count: 81 })),
      JSON.stringify(report.notes),
    );

    const after = rows(db);
    assert.equal(after.length, 82, 'no copies of the audio');
    for (const a of real) {
      const r = after.find((x) => x.key === `google:audio:${a.takeoutName}`)!;
      const was = before.get(r.key)!;
      assert.equal(r.id, was.id, 'the same recording');
      assert.equal(r.export_id, first.exportId, 'stays in the export its audio came from');
      assert.equal(r.audio_sha256, was.audio_sha256, 'audio untouched');
      assert.equal(r.title, `Said ${a.suffixText || 'something'}`);
      assert.equal(r.transcript, a.suffixText || 'something');
      assert.equal(r.time_utc, a.timeUtc - 1200, 'time from the activity entry now');
      const extra = JSON.parse(r.extra) as Record<string, unknown>;
      assert.equal(extra.unreferencedAudio, undefined);
      assert.equal(extra.timeFrom, undefined);
      assert.match(String(extra.transcriptFrom), /^Google Takeout/);
    }
    // Searchable now, and the first export's counts follow.
    assert.equal(listRecordings(db, { search: 'pepperoni' }).total, 1);
    const exports = listExports(db);
    assert.equal(exports.length, 2);
    assert.equal(exports.find((e) => e.id === first.exportId)!.withTranscript, 81);

    // And the Takeout once more: now everything is a duplicate.
    const third = await runImport(db, [zip]);
    assert.equal(third.recordings, 0);
    assert.equal(third.duplicates, 82);
    db.close();
  });
});

describe('audio without activity file: layouts, copies and re-imports (constructed audio)', () => {
  const audio = constructedNamedAudio();

  test('a ZIP with Takeout/My Activity/Assistant around the audio, and one without', async () => {
    for (const prefix of ['Takeout/My Activity/Assistant/', '']) {
      const db = await library();
      const files = audioFiles(audio, prefix).map((f) => ({
        ...f,
        path: f.path.replace(/^(.*Assistant\/)[^/]+\//, '$1'),
      }));
      const zip = await writeZip(path.join(await scratch('zip'), 'audio.zip'), files);
      const report = await runImport(db, [zip]);
      assert.equal(report.recordings, 4, `prefix “${prefix}”`);
      assert.equal(report.exportKind, prefix ? 'google-takeout' : 'google-audio');
      assert.ok(report.notes.map(english).includes(say('google.noActivityFile', { count: 4 })));
      const times = rows(db).map((r) => r.time_utc);
      assert.deepEqual(
        times,
        audio.map((a) => a.timeUtc).sort((x, y) => x - y),
      );
      db.close();
    }
  });

  test('byte-identical copies are one recording, wherever and however they are named', async () => {
    const db = await library();
    const [a, b] = audio as [(typeof audio)[0], (typeof audio)[0]];
    const files = [
      ...audioFiles(audio),
      // The same file saved again under its Takeout name, and once more in another folder.
      { path: `backup/${a.takeoutName}`, data: a.bytes },
      { path: `phone/old/${b.path.split('/')[1]}`, data: b.bytes },
    ];
    const dir = await writeFolder(await scratch('copies'), files);
    const report = await runImport(db, [dir]);
    assert.equal(report.recordings, 4);
    const copies = report.skipped.filter((s) => english(s.reason).startsWith('is a byte-identical copy of'));
    assert.equal(copies.length, 2, JSON.stringify(report.skipped));
    // The copy bearing Takeout's own name is the one kept.
    const kept = rows(db).find((r) => r.time_utc === a.timeUtc)!;
    assert.equal(kept.audio_path, `backup/${a.takeoutName}`);
    db.close();
  });

  test('different audio under the same name is kept as two recordings', async () => {
    const db = await library();
    const a = audio[0]!;
    const dir = await writeFolder(await scratch('same-name'), [
      { path: a.path, data: a.bytes },
      { path: `other/${a.takeoutName}`, data: constructedMp3(40) },
    ]);
    const report = await runImport(db, [dir]);
    assert.equal(report.recordings, 2);
    const keys = rows(db).map((r) => r.key);
    assert.equal(new Set(keys).size, 2);
    assert.ok(keys.includes(`google:audio:${a.takeoutName}`));
    assert.equal(parseAudioFileTime(a.path.split('/')[1]!), a.timeUtc);
    db.close();
  });

  test('a Takeout bringing only transcripts for audio already here adds no export of its own', async () => {
    const db = await library();
    const folder = await writeFolder(await scratch('audio'), audioFiles(audio));
    const first = await runImport(db, [folder]);
    assert.equal(first.recordings, 4);
    const takeout = await writeFolder(await scratch('takeout'), fullTakeoutFor(audio));
    const report = await runImport(db, [takeout]);
    assert.equal(report.recordings, 0);
    assert.equal(report.exportId, null);
    assert.ok(
      report.notes.map(english).includes(say('import.linkedTranscripts', { count: 4 })),
      JSON.stringify(report.notes),
    );
    assert.equal(listExports(db).length, 1, 'the export list does not grow by an empty export');
    // The Takeout's account now covers the recordings it named, for the "is this mine" check.
    assert.equal(listExports(db)[0]!.account, 'jane.doe@example.com');
    const texts = rows(db).map((r) => r.transcript);
    assert.deepEqual(texts, ['what is the weather', 'set a timer for ten minutes', 'something', 'play some jazz']);
    db.close();
  });

  test('a full Takeout first, then the same audio alone: all duplicates, transcripts kept', async () => {
    const db = await library();
    await runImport(db, [await writeFolder(await scratch('takeout'), fullTakeoutFor(audio))]);
    const report = await runImport(db, [await writeFolder(await scratch('audio'), audioFiles(audio))]);
    assert.equal(report.recordings, 0);
    assert.equal(report.duplicates, 4);
    assert.equal(rows(db).filter((r) => r.transcript !== null).length, 4);
    db.close();
  });

  test('in a full Takeout, Google-named audio outside the Assistant folder is still left unread', async () => {
    const db = await library();
    const files = [
      ...fullTakeoutFor(audio.slice(0, 2)),
      { path: 'Takeout/Drive/saved/2017-01-01_10_00_00_000_UTC-hello.mp3', data: constructedMp3(9) },
    ];
    const report = await runImport(db, [await writeFolder(await scratch('drive'), files)]);
    assert.equal(report.recordings, 2);
    assert.ok(report.skipped.some((s) => s.path.endsWith('UTC-hello.mp3')));
    db.close();
  });
});
