import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisStatus } from '../../../electron/core/api/contract.ts';
import { withVoicesProgress } from './analysis.ts';

const loaded: AnalysisStatus = {
  voices: { done: 0, total: 10, withoutSignature: 2, running: false },
  groups: 1,
  enrolled: [{ person: 'Anna', samples: 1 }],
  method: 'm',
};

test('a progress event moves the voices on and keeps what it does not carry', () => {
  const next = withVoicesProgress(loaded, { done: 4, total: 12, running: true });
  assert.deepEqual(next?.voices, { done: 4, total: 12, withoutSignature: 2, running: true });
  assert.equal(next?.groups, 1);
  assert.deepEqual(next?.enrolled, loaded.enrolled);
  assert.equal(loaded.voices.done, 0, 'the earlier status is not changed in place');
});

test('an event before the status is loaded, or one that changes nothing, leaves the state as it was', () => {
  assert.equal(withVoicesProgress(null, { done: 1, total: 2, running: true }), null);
  assert.equal(withVoicesProgress(loaded, { done: 0, total: 10, running: false }), loaded);
});
