// A WAV's waveform is read straight from its samples, a bucket at a time (wavPeaks), instead of
// decoding it whole first. It must be the same waveform, to the bit, for every layout the decoder
// reads — and analyseAudio must give what it gave before: decode, then computePeaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseAudio } from '../electron/core/audio/index.ts';
import { computePeaks, peakBucketCount } from '../electron/core/audio/peaks.ts';
import { decodeWav, parseWav, wavPeaks } from '../electron/core/audio/wav.ts';
import { makeWav, randomBytes, sine, type WavSampleFormat } from './helpers/audio-fixtures.ts';

const FORMATS: WavSampleFormat[] = ['u8', 's16', 's24', 's32', 'f32', 'f64', 'mulaw', 'alaw'];

/** Noisy, loud and silent stretches, over full scale for float formats (clipped at 255). */
function signal(frames: number, seed: number, over: boolean): Float32Array {
  const noise = randomBytes(frames, seed);
  const base = sine(220 + seed, frames / 8000, 8000, 0.6);
  const out = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    const quiet = i % 997 < 150 ? 0 : 1;
    out[i] = quiet * ((base[i] ?? 0) + (noise[i]! / 255 - 0.5) * 0.5) * (over && i % 500 === 3 ? 3 : 1);
  }
  return out;
}

test('wavPeaks is computePeaks of the decoded WAV, for every sample format and channel count', () => {
  let checked = 0;
  for (const format of FORMATS) {
    for (const channels of [1, 2]) {
      // Lengths that do and do not divide into the buckets; fewer frames than buckets, too.
      for (const frames of [1, 7, 5000, 12_345]) {
        const float = format === 'f32' || format === 'f64';
        const bytes = makeWav({
          sampleRate: 8000,
          format,
          channels: Array.from({ length: channels }, (_, c) => signal(frames, 3 + c, float)),
        });
        const info = parseWav(bytes);
        assert.ok(typeof info !== 'string', `${format}: ${String(info)}`);
        const decoded = decodeWav(bytes, info);
        for (const buckets of [1, 3, peakBucketCount(frames / 8000), 64]) {
          const label = `${format} × ${channels} ch, ${frames} frames, ${buckets} buckets`;
          const expected = computePeaks(decoded.channelData, buckets, decoded.length);
          assert.deepEqual(wavPeaks(bytes, info, buckets), expected, label);
          checked++;
        }
        // The case is not trivial: the waveform has silence and sound in it.
        if (frames > 1000) assert.ok(computePeaks(decoded.channelData, 64).some((v) => v > 100));
      }
    }
  }
  assert.equal(checked, FORMATS.length * 2 * 4 * 4);
});

test('analyseAudio gives a WAV the waveform and facts of a full decode', async () => {
  const frames = 16_000 * 3 + 17;
  const bytes = makeWav({ sampleRate: 16_000, format: 's16', channels: [signal(frames, 9, false)] });
  const a = await analyseAudio(bytes);
  assert.ok(a.ok);
  const decoded = decodeWav(bytes);
  assert.deepEqual(a.peaks, computePeaks(decoded.channelData, peakBucketCount(frames / 16_000), frames));
  assert.equal(a.peaks.length, 300);
  assert.equal(a.durationMs, Math.round((frames / 16_000) * 1000));
  assert.deepEqual([a.codec, a.sampleRate, a.channels], ['wav', 16_000, 1]);
});
