// Sentences the core reports or throws reach the window as catalogue keys ({key, params}), so a
// German window words them in German without recognising English: an import report's notes and
// skip reasons, the error for a file that is no known export, an import job's failure, the API's
// errors, and the drafted letters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildEvidence } from '../electron/core/analysis/evidence.ts';
import { createEarshot } from '../electron/core/app.ts';
import { dispatch } from '../electron/core/api/handlers.ts';
import { openLibrary } from '../electron/core/db/library.ts';
import { ImportJobs } from '../electron/core/import/import-jobs.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { english, message, render, say, sayIn } from '../electron/core/messages/index.ts';
import { ImportError } from '../electron/core/model.ts';
import { writeAmazonWithoutAlexa } from './fixtures/amazon.ts';
import { ovosFiles, writeSavedFolder } from './fixtures/ovos-mycroft.ts';
import { fakeImporter } from './helpers/fake-export.ts';
import { tempDir, writeZip } from './helpers/zip.ts';

test('an import report’s notes and skip reasons are keys that render in German', async () => {
  const dir = tempDir();
  const folder = await writeSavedFolder(path.join(dir, 'listener'), ovosFiles());
  writeFileSync(path.join(folder, 'notes.txt'), 'not a recording');
  const db = openLibrary(path.join(dir, 'library.sqlite'));
  try {
    const report = await runImport(db, [folder]);
    const note = report.notes.find((n) => n.key === 'ovos.noText');
    assert.deepEqual(note, message('ovos.noText', { count: 2 }));
    assert.equal(english(note!), say('ovos.noText', { count: 2 }));
    assert.equal(
      render(note!, 'de', 'de-DE'),
      '2 Aufnahmen haben kein Transkript: Mycroft und ältere OpenVoiceOS-Versionen speichern nur das Audio.',
    );
    const skipped = report.skipped.find((s) => s.path.endsWith('notes.txt'));
    assert.deepEqual(skipped?.reason, message('ovos.skipOther'));
    assert.notEqual(render(skipped!.reason, 'de', 'de-DE'), english(skipped!.reason));
    // The stored report holds the keys too, for the export's page.
    const stored = JSON.parse(db.prepare('SELECT report FROM exports').pluck().get() as string) as {
      notes: unknown[];
    };
    assert.ok(stored.notes.some((n) => JSON.stringify(n) === JSON.stringify(note)));
  } finally {
    db.close();
  }
});

test('a file that is no known export is refused with a key naming what was recognised', async () => {
  const dir = tempDir();
  const db = openLibrary(path.join(dir, 'library.sqlite'));
  try {
    const notAlexa = await writeAmazonWithoutAlexa(dir);
    await assert.rejects(runImport(db, [notAlexa]), (e: unknown) => {
      assert.ok(e instanceof ImportError);
      assert.deepEqual(
        e.sentence,
        message('import.unknownExportRecognised', { recognised: [message('amazon.notAlexa')] }),
      );
      assert.equal(e.message, english(e.sentence), 'its message is the same sentence in English');
      const german = render(e.sentence, 'de', 'de-DE');
      assert.ok(german.startsWith('Das ist kein Sprachassistenten-Export'), german);
      assert.ok(german.includes(render(message('amazon.notAlexa'), 'de', 'de-DE')), german);
      return true;
    });
  } finally {
    db.close();
  }
});

test('a failed import job reports its reason as a key', async () => {
  const dir = tempDir();
  const text = path.join(dir, 'holiday.txt');
  writeFileSync(text, 'a text file that is no export');
  const jobs = new ImportJobs({ libraryFile: path.join(dir, 'library.sqlite') });
  const id = jobs.start([text]);
  await jobs.settle();
  const status = jobs.status(id);
  assert.equal(status.state, 'failed');
  assert.equal(status.error?.key, 'import.unknownExportFiles');
  assert.notEqual(render(status.error!, 'de', 'de-DE'), english(status.error!));
});

test('the API’s errors carry their sentence as a key besides the English', async () => {
  const dir = tempDir();
  const app = createEarshot({ libraryFile: path.join(dir, 'library.sqlite') });
  try {
    const gone = await dispatch(app.handlers, 'undoWarningDecision', { id: 999 });
    assert.ok('error' in gone);
    assert.deepEqual(gone.error.sentence, message('library.goneWarning'));
    assert.equal(gone.error.message, 'That warning is no longer in your library.');
    assert.equal(render(gone.error.sentence!, 'de', 'de-DE'), 'Diese Warnung ist nicht mehr in deiner Bibliothek.');

    const unknown = await dispatch(app.handlers, 'getImportStatus', { jobId: 'no-such-job' });
    assert.ok('error' in unknown);
    assert.deepEqual(unknown.error.sentence, message('import.unknownJob'));
    assert.equal(unknown.error.message, say('import.unknownJob'));

    const sample = await dispatch(app.handlers, 'enrollVoice', {
      person: 'me',
      audioBase64: Buffer.from('not audio').toString('base64'),
    });
    assert.ok('error' in sample);
    assert.equal(sample.error.code, 'bad-sample');
    assert.deepEqual(sample.error.sentence, message('voices.sampleUnreadable'));
    assert.equal(sample.error.message, say('voices.sampleUnreadable'));
  } finally {
    await app.close();
  }
});

test('the drafted letters are the catalogue’s, in the reader’s language, without language ternaries in the code', async () => {
  const source = readFileSync(path.join(import.meta.dirname, '..', 'electron/core/analysis/evidence.ts'), 'utf8');
  assert.doesNotMatch(source, /\bde \?/, 'no de ? … : … in evidence.ts');
  const dir = tempDir();
  const db = openLibrary(path.join(dir, 'library.sqlite'));
  try {
    const file = await writeZip(path.join(dir, 'export.zip'), {
      'recordings.json': JSON.stringify([{ id: '1', time: '2018-05-01T10:00:00Z', text: 'alexa play jazz' }]),
    });
    const report = await runImport(db, [file], { importers: [fakeImporter()] });
    const german = buildEvidence(db, report.exportId!, 'de')!;
    assert.equal(german.drafts.authority?.to, sayIn('de', 'evidence.authorityTo'));
    assert.equal(german.drafts.company?.subject, sayIn('de', 'evidence.companySubject'));
    assert.equal(
      german.drafts.company?.body,
      sayIn('de', 'evidence.companyBody', {
        account: 'someone@example.com',
        recordings: '1',
        period: '2018-05-01 – 2018-05-01',
        summary: german.summary,
      }),
    );
    const inEnglish = buildEvidence(db, report.exportId!, 'en')!;
    assert.match(inEnglish.drafts.company!.body, /^Dear Data Protection Officer,/);
  } finally {
    db.close();
  }
});
