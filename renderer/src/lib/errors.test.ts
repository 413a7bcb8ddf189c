// Errors shown in the window go through errorText (the catalogue), never an error's raw message:
// a German window would otherwise show English, and a core sentence would skip its translation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../api.ts';
import { setLanguage } from '../i18n/index.ts';
import { errorText } from './errors.ts';
import { message, render } from '../../../electron/core/messages/index.ts';

const components = path.join(import.meta.dirname, '..', 'components');

test('no component, hook or window helper shows an error’s own message', () => {
  const files = readdirSync(components).filter((f) => f.endsWith('.tsx'));
  assert.ok(files.length > 10, 'the components were found');
  const raw = /\b(e|err|error)\s+instanceof\s+Error\s*\?\s*\1\.message/;
  // The helpers and hooks that keep an error for a component to show, besides the components.
  const others = ['hooks', 'lib'].flatMap((dir) =>
    readdirSync(path.join(components, '..', dir))
      .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts') && f !== 'errors.ts')
      .map((f) => path.join('..', dir, f)),
  );
  const offenders = [...files, ...others].filter((f) => raw.test(readFileSync(path.join(components, f), 'utf8')));
  assert.deepEqual(offenders, [], 'use errorText(e) from lib/errors.ts');
  assert.ok(raw.test('setError(e instanceof Error ? e.message : String(e))'), 'the check finds the pattern');
});

test('an error the core gave a sentence is worded in the window’s language, not in its English message', () => {
  setLanguage('de');
  try {
    const error = new ApiError(
      'That warning is no longer in your library.',
      'not-found',
      message('library.goneWarning'),
    );
    assert.equal(errorText(error), 'Diese Warnung ist nicht mehr in deiner Bibliothek.');
    const unknown = message('import.unknownExportRecognised', { recognised: [message('amazon.notAlexa')] });
    assert.equal(errorText(new ApiError('…', 'unknown-export', unknown)), render(unknown, 'de', 'de-DE'));
    assert.equal(errorText(new Error('the browser’s own words')), 'the browser’s own words');
  } finally {
    setLanguage(null);
  }
});
