// RIFF/WAVE, read by hand: chunk walk, PCM 8/16/24/32-bit, float 32/64, WAVE_FORMAT_EXTENSIBLE,
// G.711 mu-law and A-law. Damaged files give what is there; unreadable ones a plain reason.

import { english, message, type Message } from '../messages/index.ts';
import { peakBytes } from './peaks.ts';
import { AudioDecodeError, type DecodedAudio } from './types.ts';

export type WavEncoding = 'pcm' | 'float' | 'mulaw' | 'alaw';

export interface WavInfo {
  encoding: WavEncoding;
  /** The format code as written (for EXTENSIBLE, the sub-format's code). */
  formatCode: number;
  channels: number;
  sampleRate: number;
  /** Bits per sample in the container (8, 16, 24, 32, 64). */
  bitsPerSample: number;
  /** Bytes per sample frame (all channels). */
  blockAlign: number;
  /** Where the samples start. */
  dataOffset: number;
  /** Whole sample frames available (limited to what the file really holds). */
  frames: number;
  /** The data chunk declared more bytes than the file holds (cut short, or a streaming writer). */
  truncated: boolean;
}

const WAVE_FORMAT_PCM = 0x0001;
const WAVE_FORMAT_IEEE_FLOAT = 0x0003;
const WAVE_FORMAT_ALAW = 0x0006;
const WAVE_FORMAT_MULAW = 0x0007;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

const FORMAT_NAMES: Record<number, string> = {
  0x0002: 'Microsoft ADPCM',
  0x0011: 'IMA ADPCM',
  0x0031: 'GSM 6.10',
  0x0040: 'G.721 ADPCM',
  0x0050: 'MPEG',
  0x0055: 'MP3',
  0x0064: 'G.726 ADPCM',
  0x0065: 'G.722 ADPCM',
  0x00ff: 'AAC',
  0x1610: 'AAC',
};

function u16(b: Uint8Array, p: number): number {
  return b[p]! | (b[p + 1]! << 8);
}
function u32(b: Uint8Array, p: number): number {
  return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
}
function fourcc(b: Uint8Array, p: number): string {
  return String.fromCharCode(b[p]!, b[p + 1]!, b[p + 2]!, b[p + 3]!);
}
/** Four printable ASCII characters: what a chunk id looks like. */
function looksLikeChunkId(b: Uint8Array, p: number): boolean {
  if (p < 0 || p + 4 > b.length) return false;
  for (let i = 0; i < 4; i++) {
    const c = b[p + i]!;
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

interface FmtChunk {
  formatCode: number;
  channels: number;
  sampleRate: number;
  blockAlign: number;
  bitsPerSample: number;
}

function readFmt(b: Uint8Array, body: number, size: number): FmtChunk | Message {
  if (size < 14 || body + 14 > b.length) return message('audio.wavFormatCutShort');
  let formatCode = u16(b, body);
  const channels = u16(b, body + 2);
  const sampleRate = u32(b, body + 4);
  const blockAlign = u16(b, body + 12);
  const bitsPerSample = size >= 16 && body + 16 <= b.length ? u16(b, body + 14) : 8;
  if (formatCode === WAVE_FORMAT_EXTENSIBLE) {
    // cbSize(2) validBits(2) channelMask(4) SubFormat GUID(16): the GUID starts with the format code.
    if (size >= 40 && body + 26 <= b.length) formatCode = u16(b, body + 24);
    else formatCode = WAVE_FORMAT_PCM;
  }
  return { formatCode, channels, sampleRate, blockAlign, bitsPerSample };
}

/** Reads the header and chunk layout. Returns a plain-English reason when the file cannot be decoded. */
export function parseWav(bytes: Uint8Array): WavInfo | string {
  const parsed = parseWavInfo(bytes);
  return isWavInfo(parsed) ? parsed : english(parsed);
}

export function isWavInfo(parsed: WavInfo | Message): parsed is WavInfo {
  return !('key' in parsed);
}

/** The header and chunk layout, or why the file cannot be decoded (a catalogue message). */
export function parseWavInfo(bytes: Uint8Array): WavInfo | Message {
  const len = bytes.length;
  if (len < 12) return message('audio.wavTooShort');
  const rf64 = fourcc(bytes, 0) !== 'RIFF';
  let fmt: FmtChunk | null = null;
  let fmtError: Message | null = null;
  let dataOffset = -1;
  let dataBytes = 0;
  let truncated = false;
  let ds64DataSize = -1;
  let pos = 12;
  while (pos + 8 <= len) {
    const id = fourcc(bytes, pos);
    const size = u32(bytes, pos + 4);
    const body = pos + 8;
    const available = len - body;
    if (id === 'fmt ') {
      const r = readFmt(bytes, body, Math.min(size, available));
      if ('key' in r) fmtError = r;
      else fmt = r;
    } else if (id === 'ds64' && size >= 16 && body + 16 <= len) {
      // RF64: 64-bit RIFF size, then 64-bit data size.
      const lo = u32(bytes, body + 8);
      const hi = u32(bytes, body + 12);
      ds64DataSize = hi * 0x100000000 + lo;
    } else if (id === 'data' && dataOffset < 0) {
      dataOffset = body;
      let declared = size;
      if (rf64 && size === 0xffffffff && ds64DataSize >= 0) declared = ds64DataSize;
      // A streaming writer that never went back to fill in the size (0 or 0xFFFFFFFF): use the rest.
      const unsized = declared === 0xffffffff || (declared === 0 && available > 0 && !looksLikeChunkId(bytes, body));
      if (unsized || declared > available) {
        truncated = !unsized;
        dataBytes = available;
        break; // the samples run to the end of the file: no chunk follows
      }
      dataBytes = declared;
    }
    if (size > available) break; // chunk runs past the end: nothing after it
    let next = body + size + (size & 1);
    // Some writers leave out the pad byte after an odd-sized chunk.
    if (size & 1 && next + 4 <= len && !looksLikeChunkId(bytes, next) && looksLikeChunkId(bytes, next - 1)) next--;
    pos = next;
  }
  if (!fmt) return fmtError ?? message('audio.wavNoFormat');
  if (dataOffset < 0) return message('audio.wavNoData');
  const { formatCode, channels, sampleRate, bitsPerSample } = fmt;
  let encoding: WavEncoding;
  if (formatCode === WAVE_FORMAT_PCM) encoding = 'pcm';
  else if (formatCode === WAVE_FORMAT_IEEE_FLOAT) encoding = 'float';
  else if (formatCode === WAVE_FORMAT_MULAW) encoding = 'mulaw';
  else if (formatCode === WAVE_FORMAT_ALAW) encoding = 'alaw';
  else {
    const name = FORMAT_NAMES[formatCode];
    const code = '0x' + formatCode.toString(16).padStart(4, '0');
    return name ? message('audio.wavEncodingNamed', { name, code }) : message('audio.wavEncoding', { code });
  }
  if (channels < 1 || channels > 64 || sampleRate < 1 || sampleRate > 1_536_000) {
    return message('audio.wavFormatInvalid');
  }
  // The container size per sample: bitsPerSample rounded up to whole bytes (12-bit in 16, 20-bit in 24).
  let containerBits = Math.ceil(bitsPerSample / 8) * 8;
  if (encoding === 'mulaw' || encoding === 'alaw') containerBits = 8;
  const fromBlock = fmt.blockAlign > 0 && fmt.blockAlign % channels === 0 ? (fmt.blockAlign / channels) * 8 : 0;
  if (encoding === 'pcm' && ![8, 16, 24, 32].includes(containerBits) && [8, 16, 24, 32].includes(fromBlock)) {
    containerBits = fromBlock;
  }
  const supported =
    encoding === 'pcm'
      ? [8, 16, 24, 32].includes(containerBits)
      : encoding === 'float'
        ? containerBits === 32 || containerBits === 64
        : true;
  if (!supported) return message('audio.wavBits', { bits: String(bitsPerSample) });
  const frameBytes = (containerBits / 8) * channels;
  // Trust blockAlign only when it is at least one frame (some writers put nonsense there).
  const blockAlign = fmt.blockAlign >= frameBytes ? fmt.blockAlign : frameBytes;
  const frames = Math.floor(dataBytes / blockAlign);
  return {
    encoding,
    formatCode,
    channels,
    sampleRate,
    bitsPerSample: containerBits,
    blockAlign,
    dataOffset,
    frames,
    truncated,
  };
}

// G.711 expansion tables, built once.
const MULAW = new Float32Array(256);
const ALAW = new Float32Array(256);
for (let i = 0; i < 256; i++) {
  const u = ~i & 0xff;
  let t = ((u & 0x0f) << 3) + 0x84;
  t <<= (u & 0x70) >> 4;
  MULAW[i] = (u & 0x80 ? 0x84 - t : t - 0x84) / 32768;
  const a = i ^ 0x55;
  let s = (a & 0x0f) << 4;
  const seg = (a & 0x70) >> 4;
  if (seg === 0) s += 8;
  else if (seg === 1) s += 0x108;
  else s = (s + 0x108) << (seg - 1);
  ALAW[i] = (a & 0x80 ? s : -s) / 32768;
}

/** Decodes one channel of samples into `out`. Plain loops over bytes: no per-sample allocation. */
/** Decodes `frames` frames of one channel from frame `first` on into `out`. */
function decodeChannel(
  bytes: Uint8Array,
  info: WavInfo,
  channel: number,
  out: Float32Array,
  first = 0,
  frames = info.frames,
): void {
  const { blockAlign, encoding, bitsPerSample } = info;
  const bps = bitsPerSample >> 3;
  let p = info.dataOffset + first * blockAlign + channel * bps;
  const b = bytes;
  if (encoding === 'mulaw' || encoding === 'alaw') {
    const table = encoding === 'mulaw' ? MULAW : ALAW;
    for (let i = 0; i < frames; i++, p += blockAlign) out[i] = table[b[p]!]!;
    return;
  }
  if (encoding === 'float') {
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    if (bps === 4) for (let i = 0; i < frames; i++, p += blockAlign) out[i] = view.getFloat32(p, true);
    else for (let i = 0; i < frames; i++, p += blockAlign) out[i] = view.getFloat64(p, true);
    return;
  }
  switch (bps) {
    case 1:
      for (let i = 0; i < frames; i++, p += blockAlign) out[i] = (b[p]! - 128) / 128;
      break;
    case 2:
      for (let i = 0; i < frames; i++, p += blockAlign) out[i] = (((b[p]! | (b[p + 1]! << 8)) << 16) >> 16) / 32768;
      break;
    case 3:
      for (let i = 0; i < frames; i++, p += blockAlign)
        out[i] = (((b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16)) << 8) >> 8) / 8388608;
      break;
    case 4:
      for (let i = 0; i < frames; i++, p += blockAlign)
        out[i] = (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) / 2147483648;
      break;
  }
}

/**
 * The waveform envelope of a WAV (computePeaks of what decodeWav gives, to the bit) without decoding
 * it whole: one bucket at a time through a small buffer. A 70 KB recording would otherwise become
 * 140 KB of samples to read once and throw away; 1,700 of them were half the c't import's decode time.
 */
export function wavPeaks(bytes: Uint8Array, info: WavInfo, buckets: number): Uint8Array {
  const n = Math.max(1, Math.floor(buckets));
  const length = info.frames;
  const maxes = new Float32Array(n);
  if (length <= 0 || info.channels === 0) return peakBytes(maxes);
  const scratch = new Float32Array(Math.ceil(length / n) + 1);
  for (let c = 0; c < info.channels; c++) {
    for (let b = 0; b < n; b++) {
      const from = Math.floor((b * length) / n);
      const count = Math.floor(((b + 1) * length) / n) - from;
      decodeChannel(bytes, info, c, scratch, from, count);
      // Written out, as in computePeaks: a called loop runs about 3.5× slower here.
      let max = maxes[b]!;
      for (let i = 0; i < count; i++) {
        const a = Math.abs(scratch[i]!);
        max = a > max ? a : max;
      }
      maxes[b] = max;
    }
  }
  return peakBytes(maxes);
}

/** Decodes every channel. Throws AudioDecodeError with a plain reason when the file cannot be decoded. */
export function decodeWav(bytes: Uint8Array, info?: WavInfo): DecodedAudio & { info: WavInfo } {
  const parsed = info ?? parseWavInfo(bytes);
  if (!isWavInfo(parsed)) throw new AudioDecodeError(parsed);
  const channelData: Float32Array[] = [];
  for (let c = 0; c < parsed.channels; c++) {
    const out = new Float32Array(parsed.frames);
    decodeChannel(bytes, parsed, c, out);
    channelData.push(out);
  }
  return { sampleRate: parsed.sampleRate, channelData, length: parsed.frames, info: parsed };
}
