// Highlighting what a search matched: word prefixes, any case, any accents.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fold, highlight, searchTerms } from './highlight.ts';

const marked = (text: string, search: string) =>
  highlight(text, search)
    .filter((s) => s.match)
    .map((s) => s.text);

test('every search word matches as the start of a word', () => {
  assert.deepEqual(marked('Play the sound of rain', 'pla rai'), ['Pla', 'rai']);
  assert.deepEqual(marked('display the rain', 'play'), []);
  assert.deepEqual(marked('Automatic Bouncer with vibration', 'bouncer vibr'), ['Bouncer', 'vibr']);
});

test('case and diacritics do not matter, and the original text is kept', () => {
  assert.deepEqual(marked('Café au lait', 'cafe'), ['Café']);
  assert.deepEqual(marked('Spiel Musik für Jürgen', 'JURG fur'), ['für', 'Jürg']);
  assert.deepEqual(marked('Straße', 'stra'), ['Stra']);
  // Decomposed input (NFD) keeps its combining marks inside the highlight.
  assert.deepEqual(marked('Cafe\u0301 noir', 'café'), ['Cafe\u0301']);
  const segments = highlight('Cafe\u0301 noir', 'cafe');
  assert.equal(segments.map((s) => s.text).join(''), 'Cafe\u0301 noir');
});

test('the longest matching word wins, and nothing is marked without words', () => {
  assert.deepEqual(marked('baby bouncer', 'b bab'), ['bab', 'b']);
  assert.deepEqual(highlight('hello', ''), [{ text: 'hello', match: false }]);
  assert.deepEqual(highlight('', 'x'), []);
  assert.deepEqual(searchTerms('  "Hello",  wörld! hello '), ['hello', 'world']);
  assert.equal(fold('ÉÀÇ'), 'eac');
});

test('emoji and other astral characters stay whole', () => {
  const segments = highlight('🎵 play 🎵', 'play');
  assert.equal(segments.map((s) => s.text).join(''), '🎵 play 🎵');
  assert.deepEqual(marked('🎵 play 🎵', 'play'), ['play']);
});
