import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExportSummary, Overview } from '../../../electron/core/api/contract.ts';
import { initialLibrary, libraryEmpty, libraryReducer } from './library.ts';

const overview = (recordings: number) => ({ recordings, warnings: 0, strongWarnings: 0 }) as unknown as Overview;
const anExport = { id: 1, label: 'Alexa' } as unknown as ExportSummary;

test('a load replaces the summary and clears an earlier error', () => {
  const failed = libraryReducer(initialLibrary, { type: 'failed', message: 'locked' });
  assert.equal(failed.error, 'locked');
  const loaded = libraryReducer(failed, { type: 'loaded', overview: overview(3), exports: [anExport], devices: [] });
  assert.equal(loaded.error, null);
  assert.equal(loaded.overview?.recordings, 3);
  assert.deepEqual(loaded.exports, [anExport]);
});

test('a failed reload keeps what was shown', () => {
  const loaded = libraryReducer(initialLibrary, {
    type: 'loaded',
    overview: overview(3),
    exports: [anExport],
    devices: [],
  });
  const failed = libraryReducer(loaded, { type: 'failed', message: 'busy' });
  assert.equal(failed.overview, loaded.overview);
  assert.equal(failed.exports, loaded.exports);
});

test('the welcome shows only once loaded and with neither recordings nor exports', () => {
  assert.equal(libraryEmpty(initialLibrary), false, 'not before the first load');
  const empty = libraryReducer(initialLibrary, { type: 'loaded', overview: overview(0), exports: [], devices: [] });
  assert.equal(libraryEmpty(empty), true);
  const exportOnly = libraryReducer(initialLibrary, {
    type: 'loaded',
    overview: overview(0),
    exports: [anExport],
    devices: [],
  });
  assert.equal(libraryEmpty(exportOnly), false);
});
