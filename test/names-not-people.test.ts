// Things that are not people: artists' stage names, fictional characters, sayings, religious names
// and saints or royals are never name warnings outside a command slot — but "call …" still is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPersonNames } from '../electron/core/analysis/names/index.ts';
import { evaluate } from '../scripts/eval-names.ts';
import { heldOut2026 } from './fixtures/names-heldout-2026.ts';

const people = (text: string): string[] =>
  findPersonNames(text)
    .filter((f) => f.kind === 'person')
    .map((f) => f.name.toLowerCase());

test("the walk-through's four false names are not people", () => {
  for (const text of [
    'Snoop Lion',
    'snoop lion',
    'live long and prosper',
    'Live long and prosper',
    'jesus',
    'Jon Snow',
  ])
    assert.deepEqual(people(text), [], text);
});

test('a name inside a character, a saying or a stage name is not a person', () => {
  for (const text of [
    'jon snow is my favourite character',
    'i love snoop lion',
    'hail mary',
    "for pete's sake",
    'peeping tom',
    'mary had a little lamb',
    'tell me a story about peter pan',
    'wer ist bibi blocksberg',
    'erzähl mir die geschichte von hänsel und gretel',
    'joyeux noël',
  ])
    assert.deepEqual(people(text), [], text);
});

test('religious names and names after a saint or a royal title are not people', () => {
  for (const text of [
    'sweet jesus',
    'jesus liebt dich',
    'danke jesus',
    'who was king arthur',
    'tell me about saint francis',
    'heilige maria mutter gottes',
  ])
    assert.deepEqual(people(text), [], text);
});

test('questions about a work name a song or a role, not someone at home', () => {
  assert.deepEqual(people('who sings sweet caroline'), []);
  assert.deepEqual(people('who played rachel in friends'), []);
  assert.deepEqual(people('wer singt atemlos'), []);
  // The same name as a question about a person at home is still found.
  assert.deepEqual(people('where is rachel'), ['rachel']);
});

test('a given name only German or French speakers use needs more than the list in English', () => {
  assert.deepEqual(people('live long and prosper'), []);
  assert.deepEqual(people("what's on lukas's calendar"), ['lukas'], 'a possessive is enough');
  assert.deepEqual(people('remind Lion to feed the cat'), ['lion'], 'a command slot is enough');
  assert.deepEqual(people('ruf lion an'), ['lion'], 'in German it is a name');
});

test('dishes, drinks, holidays and brands named after someone are not people', () => {
  for (const text of [
    'recipe for eggs benedict',
    'how do i make a tom collins',
    'add dr pepper to the shopping list',
    'füge dr. oetker pudding hinzu',
    "what day is valentine's day",
    'god bless america',
    'bestell tante fanny teig',
  ])
    assert.deepEqual(people(text), [], text);
  assert.deepEqual(people("what's on uncle ben's calendar"), ['ben'], 'an uncle, not the rice');
  assert.deepEqual(people('ruf tante fanny an'), ['fanny']);
});

test('in a command slot the same names are people: contacts can share them', () => {
  assert.deepEqual(people('call jesus'), ['jesus']);
  assert.deepEqual(people("hey google text Rachel Green I'm outside"), ['rachel green']);
  assert.deepEqual(people('appelle noël'), ['noël']);
  assert.deepEqual(people('tell Patrick dinner is ready'), ['patrick']);
});

test('batch 4, held out for these rules, keeps its recall and gains precision', () => {
  const s = evaluate(heldOut2026).byLang.all;
  console.log(
    `names batch 4: precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} (${s.sentences} transcripts)`,
  );
  assert.equal(s.sentences, 148, 'the whole held-out set was measured');
  // Before the rules for things that are not people: precision 0.723, recall 1.000.
  assert.ok(s.precision >= 0.9, `precision ${s.precision}`);
  assert.ok(s.recall >= 0.97, `recall ${s.recall}`);
});
