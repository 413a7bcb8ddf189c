// Which recordings wait for their waveform, and how stored peaks become channel data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { peaksToChannel, waveformPending } from './waveform.ts';
import { message } from '../../../electron/core/messages/index.ts';

test('a waveform is pending only for playable audio without peaks and without an error', () => {
  assert.equal(waveformPending({ hasAudio: true, peaks: [], audioError: null }), true);
  assert.equal(waveformPending({ hasAudio: true, peaks: [0, 128, 255], audioError: null }), false);
  // No audio: nothing to wait for.
  assert.equal(waveformPending({ hasAudio: false, peaks: [], audioError: null }), false);
  // The background decode gave up: the error says why, and nothing more will come.
  assert.equal(waveformPending({ hasAudio: true, peaks: [], audioError: message('voices.undecodable') }), false);
});

test('peaks 0–255 become 0–1, clamped', () => {
  assert.deepEqual([...peaksToChannel([0, 255, 51, 300, -4])], [0, 1, 0.20000000298023224, 1, 0]);
  assert.equal(peaksToChannel([]).length, 0);
});
