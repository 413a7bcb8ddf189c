// The core's catalogue of sentences for people: German is complete, placeholders match, every
// English sentence is recognised back as itself (so the window can show it in German), and the
// sentences real imports produce all come from the catalogue.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { openLibrary } from '../electron/core/db/library.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import {
  NUMBER_PLACEHOLDER,
  coreMessages,
  inLanguage,
  recognise,
  say,
  type CoreMessageKey,
  english,
  parseStoredMessage,
} from '../electron/core/messages/index.ts';
import { forms, type Entry, type Text } from '../electron/core/messages/text.ts';
import { writeSingleFileHistory } from './fixtures/alexa-history.ts';
import { hasEspeak, writeAmazon2019, writeAmazon2024Parts, writeAmazonWithoutAlexa } from './fixtures/amazon.ts';
import {
  englishJsonTakeout,
  germanHtmlTakeout,
  makeTempDir,
  malformedTakeout,
  multiPartTakeout,
  noAssistantTakeout,
  oldVoiceAndAudioTakeout,
  writeZip as writeGoogleZip,
} from './fixtures/google-takeout.ts';

const entries = Object.entries(coreMessages) as [CoreMessageKey, Entry][];
const placeholders = (m: Text) =>
  [
    ...new Set(
      forms(m)
        .join(' ')
        .match(/\{\w+\}/g) ?? [],
    ),
  ].sort();

test('every sentence has German with the same placeholders and the same plural forms', () => {
  assert.ok(entries.length > 50, `only ${entries.length} sentences`);
  for (const [key, { en, de }] of entries) {
    for (const form of [...forms(en), ...forms(de)]) assert.ok(form.trim().length > 0, `${key} has an empty form`);
    assert.deepEqual(placeholders(de), placeholders(en), `${key}: placeholders differ`);
    assert.equal(typeof de, typeof en, `${key}: plural forms in one language only`);
    assert.notEqual(forms(de).join(), forms(en).join(), `${key}: German is the English text`);
    // German quotes open low („…“); an English opening quote is a sign of an untranslated fragment.
    for (const form of forms(de))
      assert.equal(form.split('„').length, form.split('“').length, `${key}: German quotes are „…“: ${form}`);
  }
});

/** Sample values that look like what the core passes: counts as numbers, the rest as text. */
function sampleParams(text: Text, count: number): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const p of placeholders(text)) {
    const name = p.slice(1, -1);
    params[name] = NUMBER_PLACEHOLDER.test(name) ? (name === 'count' ? count : 1234) : `‹${name} value›`;
  }
  return params;
}

test('every English sentence is recognised as itself, with its parameters', () => {
  for (const [key, { en }] of entries) {
    for (const count of [1, 2, 1700]) {
      const params = sampleParams(en, count);
      const text = say(key, params);
      const found = recognise(text);
      assert.ok(found, `${key} not recognised: ${text}`);
      assert.equal(found.key, key, `“${text}” is taken for ${found.key}`);
      for (const [name, value] of Object.entries(params)) {
        // A placeholder the form does not show (a plural chosen by count alone) cannot come back.
        if (!text.includes(typeof value === 'number' ? value.toLocaleString('en') : value)) continue;
        assert.equal(found.params[name], value, `${key}: {${name}}`);
      }
    }
  }
});

test('German is filled with German numbers, and a reason inside a reason is translated too', () => {
  const english = say('archive.tooManyEntries', { count: 500000 });
  assert.match(english, /more than 500,000 files/);
  assert.match(inLanguage(english, 'de', 'de-DE'), /mehr als 500\.000 Dateien/);
  const nested = say('archive.skipInnerZip', { detail: say('archive.entryCrc') });
  assert.equal(
    inLanguage(nested, 'de', 'de-DE'),
    'ist ein ZIP im Export, das sich nicht öffnen ließ (ist beschädigt: ihre Prüfsumme stimmt nicht (CRC-Fehler))',
  );
  assert.equal(
    inLanguage('invalid central directory file header signature', 'de', 'de-DE'),
    'invalid central directory file header signature',
  );
  assert.equal(inLanguage(english, 'en', 'en-GB'), english);
  // What Earshot recognised in a file it cannot import: several sentences joined with "; ".
  const recognised = [say('amazon.recognisedAlexaData'), say('alexa.recognisedHistory')].join('; ');
  const german = inLanguage(say('import.unknownExportRecognised', { recognised }), 'de', 'de-DE');
  assert.ok(german.includes(inLanguage(say('amazon.recognisedAlexaData'), 'de', 'de-DE')), german);
  assert.ok(german.includes(inLanguage(say('alexa.recognisedHistory'), 'de', 'de-DE')), german);
});

test('what real imports report — notes, skipped files, errors — all comes from the catalogue', async (t) => {
  const dir = await makeTempDir('earshot-messages-');
  const exports: { label: string; files: string[] }[] = [];
  const google = async (label: string, files: Parameters<typeof writeGoogleZip>[1]) =>
    exports.push({ label, files: [await writeGoogleZip(path.join(dir, `${label}.zip`), files)] });
  await google('english', englishJsonTakeout());
  await google('german', germanHtmlTakeout());
  await google('old', oldVoiceAndAudioTakeout());
  await google('malformed', malformedTakeout());
  await google('no-assistant', noAssistantTakeout());
  await google('part-1-only', multiPartTakeout().part1);
  exports.push({ label: 'alexa history', files: [await writeSingleFileHistory(await makeTempDir())] });
  if (hasEspeak()) {
    exports.push({ label: 'amazon 2024', files: await writeAmazon2024Parts(await makeTempDir()) });
    exports.push({ label: 'amazon 2019', files: await writeAmazon2019(await makeTempDir()) });
  } else t.diagnostic('Amazon exports with audio skipped: no espeak-ng (apt-get install espeak-ng)');
  const bad = path.join(dir, 'renamed.zip');
  writeFileSync(bad, 'this is a text file, not a zip');
  const empty = path.join(dir, 'empty.zip');
  writeFileSync(empty, '');
  const other = path.join(dir, 'holiday.txt');
  writeFileSync(other, 'a text file that is no export');

  const texts: string[] = [];
  for (const e of exports) {
    const db = openLibrary(path.join(dir, `${e.label}.sqlite`));
    try {
      const report = await runImport(db, e.files);
      texts.push(...report.notes.map(english), ...report.skipped.map((s) => english(s.reason)));
      const audioErrors = db.prepare('SELECT DISTINCT audio_error FROM recordings WHERE audio_error IS NOT NULL');
      texts.push(...(audioErrors.pluck().all() as string[]).map((stored) => english(parseStoredMessage(stored)!)));
    } finally {
      db.close();
    }
  }
  const notAlexa = await writeAmazonWithoutAlexa(await makeTempDir());
  for (const file of [bad, empty, other, notAlexa]) {
    const db = openLibrary(path.join(dir, `${path.basename(file)}.sqlite`));
    try {
      await assert.rejects(runImport(db, [file]), (e: Error) => (texts.push(e.message), true));
    } finally {
      db.close();
    }
  }
  assert.ok(texts.length >= 10, `only ${texts.length} texts`);
  // A reason may end in a library's own words ("(invalid signature)"); the sentence around them is ours.
  const unknown = [...new Set(texts)].filter((text) => !recognise(text));
  assert.deepEqual(unknown, [], 'sentences the window could not translate');
});
