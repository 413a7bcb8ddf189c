// Voice samples are sent as 16-bit PCM mono WAV, which the core decodes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
// A test, not the window: it checks that the core reads what the window sends.
// eslint-disable-next-line no-restricted-imports
import { decodeMono } from '../../../electron/core/audio/index.ts';
import { downmix, encodeWav, level, toBase64, voicedSeconds } from './wav.ts';

test('the WAV header and samples are what a WAV reader expects', () => {
  const wav = encodeWav(Float32Array.from([0, 1, -1, 0.5, 2]), 16000);
  const view = new DataView(wav.buffer);
  const ascii = (o: number, n: number) => String.fromCharCode(...wav.subarray(o, o + n));
  assert.equal(ascii(0, 4), 'RIFF');
  assert.equal(ascii(8, 8), 'WAVEfmt ');
  assert.equal(view.getUint16(22, true), 1);
  assert.equal(view.getUint32(24, true), 16000);
  assert.equal(view.getUint16(34, true), 16);
  assert.equal(view.getUint32(40, true), 10);
  assert.deepEqual(
    [0, 1, 2, 3, 4].map((i) => view.getInt16(44 + 2 * i, true)),
    [0, 32767, -32768, 16383, 32767],
  );
});

test('the core reads the WAV back at its rate', async () => {
  const tone = Float32Array.from({ length: 16000 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 220 * i) / 16000));
  const decoded = await decodeMono(encodeWav(tone, 16000));
  assert.ok(decoded);
  assert.equal(decoded.sampleRate, 16000);
  assert.equal(decoded.samples.length, 16000);
  assert.ok(Math.abs(decoded.samples[100]! - tone[100]!) < 0.001);
});

test('channels, base64, loudness and voiced time', () => {
  assert.deepEqual([...downmix([Float32Array.from([1, 0]), Float32Array.from([0, 0])])], [0.5, 0]);
  assert.equal(toBase64(Uint8Array.from([104, 105])), 'aGk=');
  assert.equal(toBase64(new Uint8Array(100_000)).length, Math.ceil(100_000 / 3) * 4);
  assert.equal(level(new Float32Array(10)), 0);
  assert.equal(level(new Uint8Array(10).fill(128)), 0);
  const half = Float32Array.from({ length: 16000 }, (_, i) => (i < 8000 ? 0.5 * Math.sin(i) : 0));
  const voiced = voicedSeconds(half, 16000);
  assert.ok(voiced > 0.45 && voiced < 0.55, String(voiced));
});
