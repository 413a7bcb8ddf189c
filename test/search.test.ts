// What the search box promises, tried on a real library: prefixes while typing, phrases, OR,
// -word, symbols that find nothing (and say so), accents, in German and English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openLibrary, type Db } from '../electron/core/db/library.ts';
import { listRecordings } from '../electron/core/db/recordings.ts';
import { searchQuery } from '../electron/core/db/search-text.ts';

const TRANSCRIPTS = [
  'alexa turn on the living room light',
  'alexa turn off the lights',
  'alexa play jazz in the kitchen',
  'alexa play blues',
  'alexa what is the weather in Regensburg',
  'alexa wie wird das Wetter in München',
  'alexa spiel Musik von Café del Mar',
  "alexa don't play that again",
  'alexa set a timer for ten minutes',
];

function library(): Db {
  const db = openLibrary(':memory:');
  db.prepare(
    "INSERT INTO exports (kind, label, source_files, imported_at, report) VALUES ('amazon', 'x', '[]', 0, '{}')",
  ).run();
  const insert = db.prepare(
    "INSERT INTO recordings (export_id, key, source, time_utc, transcript) VALUES (1, @key, 'alexa', @time, @text)",
  );
  TRANSCRIPTS.forEach((text, i) => insert.run({ key: `r${i}`, time: 1_700_000_000_000 + i * 60_000, text }));
  assert.equal(db.prepare('SELECT COUNT(*) FROM recordings').pluck().get(), TRANSCRIPTS.length);
  return db;
}

function found(db: Db, search: string): string[] {
  const page = listRecordings(db, { search, filters: {}, sort: 'oldest', offset: 0, limit: 100 });
  assert.equal(page.total, page.rows.length);
  return page.rows.map((r) => r.transcript!);
}

test('while typing, the word being typed is a prefix, even a single letter', () => {
  const db = library();
  assert.deepEqual(found(db, 'turn o'), [TRANSCRIPTS[0], TRANSCRIPTS[1]]);
  assert.deepEqual(found(db, 'living r'), [TRANSCRIPTS[0]]);
  assert.deepEqual(found(db, 'turn of'), [TRANSCRIPTS[1]]);
  assert.deepEqual(found(db, 'wett'), [TRANSCRIPTS[5]]);
  // A finished single letter means itself: "set a timer" has the word "a", "alexa" does not count.
  assert.deepEqual(found(db, 'a timer'), [TRANSCRIPTS[8]]);
  db.close();
});

test('quotes make a phrase: the words next to each other, in order', () => {
  const db = library();
  assert.deepEqual(found(db, '"play jazz"'), [TRANSCRIPTS[2]]);
  assert.deepEqual(found(db, '"jazz play"'), []);
  assert.deepEqual(found(db, 'play jazz'), [TRANSCRIPTS[2]]);
  // A quote still open is being typed: its last word is a prefix.
  assert.deepEqual(found(db, '"play bl'), [TRANSCRIPTS[3]]);
  // Inside a closed phrase the last word is whole: "play j" is not a phrase of this library.
  assert.deepEqual(found(db, '"play j"'), []);
  db.close();
});

test('OR finds either, -word leaves out, and they combine with the other words', () => {
  const db = library();
  assert.deepEqual(found(db, 'jazz OR blues'), [TRANSCRIPTS[2], TRANSCRIPTS[3]]);
  assert.deepEqual(found(db, 'play jazz OR blues'), [TRANSCRIPTS[2], TRANSCRIPTS[3]]);
  assert.deepEqual(found(db, 'play -jazz'), [TRANSCRIPTS[3], TRANSCRIPTS[7]]);
  assert.deepEqual(found(db, 'turn -"living room"'), [TRANSCRIPTS[1]]);
  // Only exclusions: everything else.
  assert.equal(found(db, '-alexa').length, 0);
  assert.equal(found(db, '-weather').length, TRANSCRIPTS.length - 1);
  // "or" in lower case is a word like any other, not the operator.
  assert.deepEqual(found(db, 'jazz or blues'), []);
  db.close();
});

test('words with an apostrophe are found as written, accents are forgiven', () => {
  const db = library();
  assert.deepEqual(found(db, "don't"), [TRANSCRIPTS[7]]);
  assert.deepEqual(found(db, 'cafe'), [TRANSCRIPTS[6]]);
  assert.deepEqual(found(db, 'muenchen'), []); // a spelling, not an accent: not claimed
  assert.deepEqual(found(db, 'munchen'), [TRANSCRIPTS[5]]);
  db.close();
});

test('a search of symbols only finds nothing and says so, instead of listing everything', () => {
  const db = library();
  for (const text of ['👍', '!!!', '-', '"', '*']) {
    const page = listRecordings(db, { search: text, filters: {}, sort: 'oldest', offset: 0, limit: 100 });
    assert.equal(page.total, 0, text);
    assert.equal(page.searchHasNoWords, true, text);
  }
  const empty = listRecordings(db, { search: '   ', filters: {}, sort: 'oldest', offset: 0, limit: 100 });
  assert.equal(empty.total, TRANSCRIPTS.length, 'an empty box lists everything');
  assert.equal(empty.searchHasNoWords, undefined);
  const words = listRecordings(db, { search: 'jazz', filters: {}, sort: 'oldest', offset: 0, limit: 100 });
  assert.equal(words.searchHasNoWords, undefined);
  db.close();
});

test('user text never becomes FTS5 syntax', () => {
  const db = library();
  for (const text of ['NEAR(play jazz)', 'play^', 'a AND', 'OR', 'OR OR jazz', 'col:jazz', '"""', 'jazz -', '(']) {
    assert.doesNotThrow(() => found(db, text), text);
  }
  assert.equal(searchQuery('transcript:jazz').match, '"transcript jazz"*');
  assert.equal(searchQuery('').match, null);
  db.close();
});
