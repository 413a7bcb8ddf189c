// Home Assistant Assist debug recordings: each pipeline run with a voice command is one recording
// (its speech-to-text WAV), with the device and pipeline from the folders and the time from the file;
// wake-word WAVs are listed and never read.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openExportFiles } from '../electron/core/archive/export-files.ts';
import { openLibrary } from '../electron/core/db/library.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { homeAssistantImporter } from '../electron/core/importers/home-assistant/index.ts';
import { allImporters, pickImporter } from '../electron/core/importers/registry.ts';
import { say, english } from '../electron/core/messages/index.ts';
import {
  KITCHEN_SATELLITE,
  OFFICE_SATELLITE,
  RUNS,
  haFiles,
  runFolder,
  writeHaFolder,
  writeHaZip,
} from './fixtures/home-assistant.ts';
import { MemorySink, spyOnReads } from './helpers/memory-sink.ts';
import { scratchFolders } from './helpers/scratch.ts';

const scratch = scratchFolders('earshot-ha-');
const commands = RUNS.filter((r) => r.commandSeconds !== null);

interface Row {
  key: string;
  source: string;
  time_utc: number | null;
  device: string | null;
  transcript: string | null;
  duration_ms: number | null;
  sample_rate: number | null;
  audio_path: string;
  extra: string;
}

describe('Home Assistant Assist debug recordings', () => {
  test('each run with a voice command is one recording: audio, device, pipeline and time', async () => {
    const dir = await writeHaFolder(await scratch('debug'));
    const db = openLibrary(path.join(await scratch('lib'), 'library.sqlite'));
    const report = await runImport(db, [dir]);
    assert.equal(report.exportKind, 'home-assistant-assist');
    assert.equal(report.recordings, commands.length);
    assert.equal(report.withAudio, commands.length);
    assert.equal(report.withTranscript, 0);
    assert.ok(
      report.notes.map(english).includes(say('homeAssistant.noTranscripts', { count: 4 })),
      JSON.stringify(report.notes),
    );
    assert.ok(report.notes.map(english).includes(say('homeAssistant.wakeOnlyRuns', { count: 1 })));
    const wakeSkips = report.skipped.filter((s) => english(s.reason) === say('homeAssistant.skipWake'));
    assert.equal(wakeSkips.length, RUNS.filter((r) => r.wakeEntity).length);
    assert.ok(
      report.skipped.some((s) => s.path === 'notes.txt' && english(s.reason) === say('homeAssistant.skipOther')),
    );

    const rows = db.prepare('SELECT * FROM recordings ORDER BY time_utc').all() as Row[];
    assert.equal(rows.length, 4);
    for (const r of commands) {
      const row = rows.find((x) => x.audio_path.startsWith(`${runFolder(r)}/`));
      assert.ok(row, runFolder(r));
      assert.equal(row.source, 'home-assistant');
      assert.equal(row.device, r.device);
      assert.equal(row.time_utc, r.startedMs, `${runFolder(r)}: when the command started`);
      assert.equal(row.duration_ms, r.commandSeconds! * 1000);
      assert.equal(row.sample_rate, 16000);
      assert.equal(row.transcript, null);
      const extra = JSON.parse(row.extra) as Record<string, unknown>;
      assert.equal(extra.pipeline, r.pipeline);
      assert.equal(extra.speechToText, r.engine);
      assert.equal(extra.wakeWord, r.wakeEntity ?? undefined);
    }
    assert.deepEqual(
      [...new Set(rows.map((r) => r.device))].sort(),
      [KITCHEN_SATELLITE, OFFICE_SATELLITE, null].sort(),
    );

    const again = await runImport(db, [dir]);
    assert.equal(again.recordings, 0);
    assert.equal(again.duplicates, 4);
    db.close();
  });

  test('wake-word files are never read, only the voice commands', async () => {
    const dir = await writeHaFolder(await scratch('debug'));
    const opened = await openExportFiles([dir]);
    try {
      const spy = spyOnReads(opened);
      const sink = new MemorySink();
      await homeAssistantImporter.run(spy.files, sink);
      for (const r of sink.recordings) await r.audio!.read(); // what the library's sink does
      const wakeFiles = haFiles().filter((f) => f.path.includes('/00_wake-'));
      assert.ok(
        wakeFiles.length >= 3 && wakeFiles.some((f) => f.bytes.length > 2_000_000),
        'a big wake-word file exists',
      );
      for (const f of wakeFiles) assert.ok(!spy.opened.has(f.path), `${f.path} not opened`);
      assert.equal(sink.recordings.length, 4);
      for (const r of sink.recordings) assert.match(r.audio!.name, /^01_stt-/);
    } finally {
      await opened.close();
    }
  });

  test('the debug folder as a ZIP, or one device folder dropped on its own', async () => {
    const zip = await writeHaZip(path.join(await scratch('zip'), 'assist_pipeline.zip'), haFiles(), 'assist_pipeline/');
    const db = openLibrary(path.join(await scratch('lib'), 'library.sqlite'));
    const report = await runImport(db, [zip]);
    assert.equal(report.recordings, 4);
    const rows = db.prepare('SELECT time_utc, device FROM recordings ORDER BY time_utc').all() as Row[];
    // ZIP times are kept to two seconds.
    for (const r of commands)
      assert.ok(rows.some((x) => Math.abs((x.time_utc ?? 0) - r.startedMs) <= 2000 && x.device === r.device));
    db.close();

    const dir = await writeHaFolder(await scratch('debug'));
    const one = path.join(dir, KITCHEN_SATELLITE);
    const db2 = openLibrary(path.join(await scratch('lib'), 'library.sqlite'));
    const alone = await runImport(db2, [one]);
    assert.equal(alone.recordings, 2);
    const devices = db2.prepare('SELECT DISTINCT device FROM recordings').pluck().all();
    assert.deepEqual(devices, [KITCHEN_SATELLITE], 'the device comes from the dropped folder’s name');
    db2.close();
  });

  test('is picked over every other importer for its folder, and not for others', async () => {
    const dir = await writeHaFolder(await scratch('debug'));
    const files = await openExportFiles([dir]);
    try {
      assert.equal(pickImporter(allImporters, files)?.detection.kind, 'home-assistant-assist');
    } finally {
      await files.close();
    }
    const other = await writeHaFolder(await scratch('other'), [
      { path: 'sounds/01_doorbell.wav', bytes: haFiles()[1]!.bytes, modifiedMs: Date.now() },
    ]);
    const files2 = await openExportFiles([other]);
    try {
      assert.equal(homeAssistantImporter.detect(files2).score, 0);
    } finally {
      await files2.close();
    }
  });
});
