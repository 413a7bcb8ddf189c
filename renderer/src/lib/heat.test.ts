// The heatmap's steps: an empty cell stays empty, and one recording beside a busy hour still shows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { heatLevel, heatLevels } from './heat.ts';

test('empty cells stay empty and any count is visible', () => {
  assert.equal(heatLevel(0, 500), 0);
  assert.equal(heatLevel(1, 500), 1);
  assert.equal(heatLevel(1, 1), heatLevels - 1);
});

test('the busiest cell is on the top step and the rest spread below it', () => {
  assert.equal(heatLevel(100, 100), 4);
  assert.equal(heatLevel(50, 100), 2);
  assert.equal(heatLevel(51, 100), 3);
  assert.equal(heatLevel(26, 100), 2);
});

test('nonsense counts give an empty cell, not an exception', () => {
  assert.equal(heatLevel(Number.NaN, 10), 0);
  assert.equal(heatLevel(5, 0), 0);
  assert.equal(heatLevel(-3, 10), 0);
});
