import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialVersions, invalidated, versionOf } from './changes.ts';

test('a change moves on only the topics it names', () => {
  const next = invalidated(initialVersions, ['warnings', 'profile']);
  assert.deepEqual(next, { exports: 0, recordings: 0, warnings: 1, voices: 0, profile: 1, waveforms: 0 });
  assert.equal(versionOf(next, ['recordings', 'exports']), versionOf(initialVersions, ['recordings', 'exports']));
  assert.notEqual(versionOf(next, ['recordings', 'warnings']), versionOf(initialVersions, ['recordings', 'warnings']));
});

test('a topic named twice moves on once, and no topics leave the state as it was', () => {
  assert.equal(invalidated(initialVersions, ['voices', 'voices']).voices, 1);
  assert.equal(invalidated(initialVersions, []), initialVersions);
});

test('a query key moves on whenever any topic it reads does, however many changes came before', () => {
  let v = initialVersions;
  let last = versionOf(v, ['exports', 'recordings']);
  for (const topic of ['exports', 'recordings', 'warnings', 'recordings'] as const) {
    v = invalidated(v, [topic]);
    const key = versionOf(v, ['exports', 'recordings']);
    if (topic === 'warnings') assert.equal(key, last);
    else assert.ok(key > last);
    last = key;
  }
});
