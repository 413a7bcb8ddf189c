import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contract } from '../../../electron/core/api/contract.ts';
import { en } from '../i18n/en.ts';
import { decisionToast } from './warnings.ts';

const DECISIONS = contract.decideWarning.shape.decision.options;

test('every decision has its own toast, in the catalogue', () => {
  const keys = DECISIONS.map((d) => decisionToast({ id: 1, subject: 'Paul' }, d).key);
  assert.equal(new Set(keys).size, DECISIONS.length);
  for (const key of keys) assert.ok(key in en, `${key} is in the English catalogue`);
});

test('"not a person" names what was taken for one; a missing subject is said as nothing, not "undefined"', () => {
  assert.deepEqual(decisionToast({ id: 1, subject: 'Paris' }, 'not-a-person').params, { name: 'Paris' });
  assert.deepEqual(decisionToast({ id: 1 }, 'not-a-person').params, { name: '' });
});
