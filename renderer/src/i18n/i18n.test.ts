// The i18n layer: German is complete, placeholders survive translation, plurals and numbers follow the locale.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { de } from './de.ts';
import { en } from './en.ts';
import { systemLanguage, translate } from './index.ts';
import type { Message } from './types.ts';

const placeholders = (m: Message) =>
  new Set((typeof m === 'string' ? [m] : Object.values(m)).join(' ').match(/\{\w+\}/g) ?? []);

test('every English key exists in German, with a real text and the same placeholders', () => {
  const enKeys = Object.keys(en).sort();
  assert.deepEqual(Object.keys(de).sort(), enKeys);
  for (const key of enKeys as (keyof typeof en)[]) {
    const g = de[key];
    assert.ok(typeof g === 'string' ? g.length > 0 : g.other.length > 0, `${key} is empty in German`);
    assert.deepEqual(
      [...placeholders(g)].sort(),
      [...placeholders(en[key])].sort(),
      `${key} has different placeholders`,
    );
    assert.equal(typeof g, typeof en[key], `${key}: plural forms in one language and not the other`);
  }
});

test('plurals and numbers follow the locale', () => {
  assert.equal(translate('en', 'count.recordings', { count: 1 }, 'en-GB'), '1 recording');
  assert.equal(translate('en', 'count.recordings', { count: 12408 }, 'en-GB'), '12,408 recordings');
  assert.equal(translate('de', 'count.recordings', { count: 12408 }, 'de-DE'), '12.408 Aufnahmen');
  assert.equal(translate('de', 'count.recordings', { count: 1 }, 'de-DE'), '1 Aufnahme');
  assert.equal(
    translate('en', 'report.skippedGroup', { count: 23, reason: 'not part of the Assistant history' }, 'en'),
    '23 files — not part of the Assistant history',
  );
  assert.equal(translate('en', 'import.files', { done: 812, total: 1700 }, 'en'), '812 of 1,700 files');
});

test('the language follows the system, English when it is neither', () => {
  assert.equal(systemLanguage(['de-AT', 'en-US']), 'de');
  assert.equal(systemLanguage(['fr-FR', 'en-GB']), 'en');
  assert.equal(systemLanguage(['fr-FR']), 'en');
  assert.equal(systemLanguage([]), 'en');
});

test('German playback controls: decimal commas and the key’s German name', () => {
  assert.equal(translate('de', 'detail.speedValue', { speed: 0.5 }, 'de-DE'), '0,5×');
  assert.equal(translate('de', 'detail.speedValue', { speed: 1.75 }, 'de-DE'), '1,75×');
  assert.equal(translate('en', 'detail.speedValue', { speed: 0.5 }, 'en-GB'), '0.5×');
  assert.equal(
    translate('de', 'detail.withSpaceKey', { action: translate('de', 'detail.play') }, 'de-DE'),
    'Abspielen (Leertaste)',
  );
});
