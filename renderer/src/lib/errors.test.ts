// Errors shown in the window go through errorText (the catalogue), never an error's raw message:
// a German window would otherwise show English, and a core sentence would skip its translation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const components = path.join(import.meta.dirname, '..', 'components');

test('no component shows an error’s own message', () => {
  const files = readdirSync(components).filter((f) => f.endsWith('.tsx'));
  assert.ok(files.length > 10, 'the components were found');
  const raw = /\b(e|err|error)\s+instanceof\s+Error\s*\?\s*\1\.message/;
  const offenders = files.filter((f) => raw.test(readFileSync(path.join(components, f), 'utf8')));
  assert.deepEqual(offenders, [], 'use errorText(e) from lib/errors.ts');
  assert.ok(raw.test('setError(e instanceof Error ? e.message : String(e))'), 'the check finds the pattern');
});
