// The "not mine" evidence for the new sources: a self-hosted assistant has no company to write to
// (no drafts, and the summary says so); Google audio without activity file is Google's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { buildEvidence } from '../electron/core/analysis/evidence.ts';
import { openLibrary } from '../electron/core/db/library.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { writeHaFolder } from './fixtures/home-assistant.ts';
import { mycroftFiles, writeSavedFolder } from './fixtures/ovos-mycroft.ts';
import { audioFiles, constructedNamedAudio } from './fixtures/google-audio-only.ts';
import { writeFolder } from './fixtures/google-takeout.ts';
import { scratchFolders } from './helpers/scratch.ts';

const scratch = scratchFolders('earshot-evidence-');

test('Home Assistant and Mycroft exports name no company and draft no letters', async () => {
  const db = openLibrary(path.join(await scratch('lib'), 'library.sqlite'));
  const ha = await runImport(db, [await writeHaFolder(await scratch('ha'))]);
  const mycroft = await runImport(db, [await writeSavedFolder(await scratch('mycroft'), mycroftFiles())]);
  for (const [report, assistant] of [
    [ha, 'Home Assistant'],
    [mycroft, 'OpenVoiceOS / Mycroft'],
  ] as const) {
    assert.ok(report.exportId);
    const en = buildEvidence(db, report.exportId, 'en')!;
    assert.equal(en.company, null);
    assert.equal(en.assistant, assistant);
    assert.equal(en.drafts.company, null);
    assert.equal(en.drafts.authority, null);
    assert.match(en.summary, new RegExp(`Company: none — ${assistant}`));
    assert.equal(en.recordings, report.recordings);
    const de = buildEvidence(db, report.exportId, 'de')!;
    assert.match(de.summary, /Firma: keine/);
  }
  db.close();
});

test('Google audio without an activity file is evidence for a letter to Google', async () => {
  const db = openLibrary(path.join(await scratch('lib'), 'library.sqlite'));
  const report = await runImport(db, [await writeFolder(await scratch('audio'), audioFiles(constructedNamedAudio()))]);
  const e = buildEvidence(db, report.exportId!, 'en')!;
  assert.equal(e.kind, 'google-audio');
  assert.equal(e.company, 'Google');
  assert.match(e.drafts.company!.to, /Google Ireland/);
  assert.doesNotMatch(e.summary, /Company: none/);
  db.close();
});
