// Small, dependency-free signal-processing kernels for the voice module: an in-place radix-2 FFT
// of real frames, a windowed-sinc resampler, and the mel filterbank / DCT tables.

/** Precomputed tables for an N-point (power of two) real-input FFT. */
export interface FftPlan {
  n: number;
  cos: Float64Array;
  sin: Float64Array;
  rev: Uint32Array;
}

export function fftPlan(n: number): FftPlan {
  if (n < 2 || (n & (n - 1)) !== 0) throw new Error(`FFT size must be a power of two, got ${n}`);
  const cos = new Float64Array(n / 2);
  const sin = new Float64Array(n / 2);
  for (let i = 0; i < n / 2; i++) {
    cos[i] = Math.cos((2 * Math.PI * i) / n);
    sin[i] = -Math.sin((2 * Math.PI * i) / n);
  }
  const rev = new Uint32Array(n);
  const bits = Math.log2(n);
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
    rev[i] = r;
  }
  return { n, cos, sin, rev };
}

/**
 * Power spectrum |X(k)|² for k = 0..n/2 of the real frame `input` (length n). `re`/`im` are scratch
 * buffers of length n; the result goes to `out` (length n/2 + 1).
 */
export function powerSpectrum(
  plan: FftPlan,
  input: Float64Array,
  re: Float64Array,
  im: Float64Array,
  out: Float64Array,
): void {
  const { n, cos, sin, rev } = plan;
  for (let i = 0; i < n; i++) {
    re[rev[i]!] = input[i]!;
    im[i] = 0;
  }
  for (let size = 2; size <= n; size <<= 1) {
    const half = size >> 1;
    const step = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * step]!;
        const wi = sin[k * step]!;
        const a = start + k;
        const b = a + half;
        const br = re[b]!;
        const bi = im[b]!;
        const tr = br * wr - bi * wi;
        const ti = br * wi + bi * wr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a] = re[a]! + tr;
        im[a] = im[a]! + ti;
      }
    }
  }
  for (let k = 0; k <= n / 2; k++) out[k] = re[k]! * re[k]! + im[k]! * im[k]!;
}

/**
 * Resamples with a Hann-windowed sinc low-pass (cut-off at 0.45 × the lower rate), polyphase: the
 * filter taps are tabulated once per output phase (rates with a small common divisor, as all real
 * audio rates are). Returns the input itself when the rates are equal.
 */
export function resample(samples: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return samples;
  const g = gcd(Math.round(fromRate), Math.round(toRate));
  const up = Math.round(toRate) / g; // L: output phases
  const down = Math.round(fromRate) / g; // M: input step per L outputs
  const outLen = Math.floor((samples.length * up) / down);
  const out = new Float32Array(outLen);
  const cutoff = (0.45 * Math.min(fromRate, toRate)) / fromRate; // cycles per input sample
  const halfTaps = Math.ceil(8 / (2 * cutoff)); // ≈ 8 zero crossings each side
  const width = 2 * halfTaps;
  if (up > 4096) throw new Error(`unsupported resampling ratio ${fromRate} → ${toRate}`);
  // table[p * width + q] is the tap for input index (centre - halfTaps + 1 + q) at phase p.
  const table = new Float32Array(up * width);
  for (let p = 0; p < up; p++) {
    const frac = p / up;
    let norm = 0;
    for (let q = 0; q < width; q++) {
      const x = frac + halfTaps - 1 - q;
      const w = 0.5 + 0.5 * Math.cos((Math.PI * x) / halfTaps);
      const arg = 2 * cutoff * x;
      const h = w * (arg === 0 ? 1 : Math.sin(Math.PI * arg) / (Math.PI * arg));
      table[p * width + q] = h;
      norm += h;
    }
    for (let q = 0; q < width; q++) table[p * width + q] = table[p * width + q]! / norm;
  }
  const n = samples.length;
  for (let j = 0; j < outLen; j++) {
    const pos = j * down;
    const centre = Math.floor(pos / up);
    const phase = pos - centre * up;
    const base = centre - halfTaps + 1;
    const t0 = phase * width;
    let acc = 0;
    if (base >= 0 && base + width <= n) {
      for (let q = 0; q < width; q++) acc += samples[base + q]! * table[t0 + q]!;
    } else {
      for (let q = 0; q < width; q++) {
        const i = base + q;
        if (i >= 0 && i < n) acc += samples[i]! * table[t0 + q]!;
      }
    }
    out[j] = acc;
  }
  return out;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

const hzToMel = (hz: number): number => 2595 * Math.log10(1 + hz / 700);
const melToHz = (mel: number): number => 700 * (10 ** (mel / 2595) - 1);

/** Triangular mel filters as dense rows over the n/2 + 1 FFT bins. */
export function melFilterbank(
  filters: number,
  fftSize: number,
  sampleRate: number,
  lowHz: number,
  highHz: number,
): Float64Array[] {
  const bins = fftSize / 2 + 1;
  const lo = hzToMel(lowHz);
  const hi = hzToMel(highHz);
  const edges: number[] = [];
  for (let i = 0; i < filters + 2; i++) edges.push(melToHz(lo + ((hi - lo) * i) / (filters + 1)));
  const rows: Float64Array[] = [];
  for (let m = 0; m < filters; m++) {
    const row = new Float64Array(bins);
    const [l, c, r] = [edges[m]!, edges[m + 1]!, edges[m + 2]!];
    for (let k = 0; k < bins; k++) {
      const f = (k * sampleRate) / fftSize;
      if (f > l && f < r) row[k] = f <= c ? (f - l) / (c - l) : (r - f) / (r - c);
    }
    rows.push(row);
  }
  return rows;
}

/** Orthonormal DCT-II rows: `count` coefficients from `size` inputs. */
export function dctMatrix(count: number, size: number): Float64Array[] {
  const rows: Float64Array[] = [];
  for (let k = 0; k < count; k++) {
    const row = new Float64Array(size);
    const scale = k === 0 ? Math.sqrt(1 / size) : Math.sqrt(2 / size);
    for (let n = 0; n < size; n++) row[n] = scale * Math.cos((Math.PI * k * (n + 0.5)) / size);
    rows.push(row);
  }
  return rows;
}
