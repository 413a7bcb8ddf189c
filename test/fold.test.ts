// Folding and merging person names (issue 16: the names sign said "Markus Brandt, Markus").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distinctPeople, foldPersonName } from '../electron/core/analysis/fold.ts';

test('a first name said alone is the same person as the full name said elsewhere', () => {
  assert.deepEqual(distinctPeople(['Markus Brandt', 'Markus', 'Sabine']), ['Markus Brandt', 'Sabine']);
  assert.deepEqual(distinctPeople(['Markus', 'Sabine', 'Markus Brandt']), ['Markus Brandt', 'Sabine']);
  // Spelling and case do not make two people.
  assert.deepEqual(distinctPeople(['Jürgen Müller', 'juergen', 'MUELLER']), ['Jürgen Müller']);
});

test('different people stay different, and nothing is invented', () => {
  assert.deepEqual(distinctPeople(['Anna Weber', 'Anna Schulz']), ['Anna Weber', 'Anna Schulz']);
  // "Anna" could be either Anna: she is merged into one of them, never counted as a third person.
  assert.equal(distinctPeople(['Anna Weber', 'Anna Schulz', 'Anna']).length, 2);
  assert.deepEqual(distinctPeople(['Tom', 'Tim']), ['Tom', 'Tim']);
  assert.deepEqual(distinctPeople(['', '  ', '—']), []);
  assert.equal(foldPersonName('Meier, Tom'), 'meier tom');
});
