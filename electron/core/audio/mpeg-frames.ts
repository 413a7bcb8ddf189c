// MPEG audio frame headers, read by hand: finding the first frame (past ID3v2 tags and junk),
// walking the frame chain, and counting frames for the duration. Pure; no decoder involved.

export interface MpegFrameHeader {
  /** 1 = MPEG-1, 2 = MPEG-2, 2.5 = MPEG-2.5. */
  version: 1 | 2 | 2.5;
  layer: 1 | 2 | 3;
  bitrateKbps: number;
  sampleRate: number;
  channels: 1 | 2;
  /** Bytes in this frame, header included. */
  frameLength: number;
  samplesPerFrame: number;
  hasCrc: boolean;
}

// Bitrates in kbit/s, index 1..14 (0 = free format and 15 = invalid are rejected).
const BITRATES_V1: Record<1 | 2 | 3, readonly number[]> = {
  1: [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  2: [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  3: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
};
const BITRATES_V2_L1 = [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256];
const BITRATES_V2_L23 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const SAMPLE_RATES_V1 = [44100, 48000, 32000];
const SAMPLE_RATES_V2 = [22050, 24000, 16000];
const SAMPLE_RATES_V25 = [11025, 12000, 8000];

/** The fields two frames of one stream must share. */
function streamKey(b1: number, b2: number): number {
  // version bits, layer bits, sample-rate index
  return ((b1 & 0x1e) << 2) | ((b2 >> 2) & 3);
}

/** Reads the 4-byte header at `pos`, or null when it is not a valid (non-free-format) frame header. */
export function readFrameHeader(bytes: Uint8Array, pos: number): MpegFrameHeader | null {
  if (pos < 0 || pos + 4 > bytes.length) return null;
  const b0 = bytes[pos]!;
  const b1 = bytes[pos + 1]!;
  const b2 = bytes[pos + 2]!;
  const b3 = bytes[pos + 3]!;
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const versionBits = (b1 >> 3) & 3;
  const layerBits = (b1 >> 1) & 3;
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 3;
  if (versionBits === 1 || layerBits === 0 || bitrateIndex === 0 || bitrateIndex === 15) return null;
  if (rateIndex === 3 || (b3 & 3) === 2) return null;
  const version: 1 | 2 | 2.5 = versionBits === 3 ? 1 : versionBits === 2 ? 2 : 2.5;
  const layer = (4 - layerBits) as 1 | 2 | 3;
  const bitrateKbps =
    version === 1
      ? BITRATES_V1[layer][bitrateIndex]!
      : layer === 1
        ? BITRATES_V2_L1[bitrateIndex]!
        : BITRATES_V2_L23[bitrateIndex]!;
  const sampleRate = (version === 1 ? SAMPLE_RATES_V1 : version === 2 ? SAMPLE_RATES_V2 : SAMPLE_RATES_V25)[rateIndex]!;
  const padding = (b2 >> 1) & 1;
  const channels: 1 | 2 = b3 >> 6 === 3 ? 1 : 2;
  let samplesPerFrame: number;
  let frameLength: number;
  if (layer === 1) {
    samplesPerFrame = 384;
    frameLength = (Math.floor((12 * bitrateKbps * 1000) / sampleRate) + padding) * 4;
  } else {
    samplesPerFrame = layer === 3 && version !== 1 ? 576 : 1152;
    frameLength = Math.floor(((samplesPerFrame / 8) * bitrateKbps * 1000) / sampleRate) + padding;
  }
  return { version, layer, bitrateKbps, sampleRate, channels, frameLength, samplesPerFrame, hasCrc: (b1 & 1) === 0 };
}

/** Length of the ID3v2 tag(s) at `pos` (0 when there is none). */
export function id3v2Length(bytes: Uint8Array, pos = 0): number {
  let total = 0;
  let p = pos;
  // Some files carry more than one tag back to back.
  while (
    p + 10 <= bytes.length &&
    bytes[p] === 0x49 && // I
    bytes[p + 1] === 0x44 && // D
    bytes[p + 2] === 0x33 && // 3
    bytes[p + 3]! < 0xff &&
    bytes[p + 4]! < 0xff &&
    (bytes[p + 6]! | bytes[p + 7]! | bytes[p + 8]! | bytes[p + 9]!) < 0x80
  ) {
    const size = (bytes[p + 6]! << 21) | (bytes[p + 7]! << 14) | (bytes[p + 8]! << 7) | bytes[p + 9]!;
    const footer = bytes[p + 5]! & 0x10 ? 10 : 0;
    const len = 10 + size + footer;
    total += len;
    p += len;
  }
  return total;
}

/** How many valid, consistent frames follow one another from `pos` (stops counting at `want`). */
function chainLength(bytes: Uint8Array, pos: number, want: number): { frames: number; reachedEnd: boolean } {
  const key = streamKey(bytes[pos + 1]!, bytes[pos + 2]!);
  let frames = 0;
  let p = pos;
  while (frames < want) {
    if (p >= bytes.length) return { frames, reachedEnd: true };
    const h = readFrameHeader(bytes, p);
    if (!h || streamKey(bytes[p + 1]!, bytes[p + 2]!) !== key) {
      // A header cut off by the end of the file still counts as reaching the end.
      return { frames, reachedEnd: p + 4 > bytes.length };
    }
    frames++;
    p += h.frameLength;
  }
  return { frames, reachedEnd: p >= bytes.length };
}

/** How far past the tags we look for the first frame when it is not right at the start. */
const SEARCH_LIMIT = 64 * 1024;

/**
 * Offset of the first MPEG audio frame, or -1. A frame right after the ID3v2 tag (or at the very
 * start) is accepted when its chain runs to the end of the file; elsewhere three consistent
 * frames in a row are required, so random bytes are not mistaken for MP3.
 */
export function findFirstFrame(bytes: Uint8Array): number {
  const start = id3v2Length(bytes, 0);
  if (start >= bytes.length) return -1;
  const first = chainLength(bytes, start, 3);
  if (first.frames >= 3 || (first.frames >= 1 && first.reachedEnd)) return start;
  const end = Math.min(bytes.length - 4, start + SEARCH_LIMIT);
  for (let p = start + 1; p <= end; p++) {
    if (bytes[p] !== 0xff || (bytes[p + 1]! & 0xe0) !== 0xe0) continue;
    if (chainLength(bytes, p, 3).frames >= 3) return p;
  }
  return -1;
}

export interface MpegScan {
  /** First audio frame (past tags). */
  start: number;
  /** End of the last complete frame. */
  end: number;
  /** Complete audio frames, not counting a Xing/Info/VBRI header frame. */
  frames: number;
  /** Frames the Xing/Info/VBRI header claims, if there is one. */
  declaredFrames: number | null;
  first: MpegFrameHeader;
  /** Whether the first frame is a Xing/Info/VBRI header frame (carries no audio). */
  hasInfoFrame: boolean;
  /** Bytes skipped inside the stream while resynchronising (damage). */
  skippedBytes: number;
}

function ascii4(bytes: Uint8Array, p: number, s: string): boolean {
  return (
    p + 4 <= bytes.length &&
    bytes[p] === s.charCodeAt(0) &&
    bytes[p + 1] === s.charCodeAt(1) &&
    bytes[p + 2] === s.charCodeAt(2) &&
    bytes[p + 3] === s.charCodeAt(3)
  );
}

function u32be(bytes: Uint8Array, p: number): number {
  return ((bytes[p]! << 24) | (bytes[p + 1]! << 16) | (bytes[p + 2]! << 8) | bytes[p + 3]!) >>> 0;
}

/** Frame count from a Xing/Info or VBRI header in the frame at `pos`, or undefined when there is no such header. */
function infoFrameCount(bytes: Uint8Array, pos: number, h: MpegFrameHeader): number | null | undefined {
  const sideInfo = h.version === 1 ? (h.channels === 1 ? 17 : 32) : h.channels === 1 ? 9 : 17;
  const xing = pos + 4 + (h.hasCrc ? 2 : 0) + sideInfo;
  if (h.layer === 3 && (ascii4(bytes, xing, 'Xing') || ascii4(bytes, xing, 'Info'))) {
    const flags = xing + 8 <= bytes.length ? u32be(bytes, xing + 4) : 0;
    return flags & 1 && xing + 12 <= bytes.length ? u32be(bytes, xing + 8) : null;
  }
  const vbri = pos + 36;
  if (ascii4(bytes, vbri, 'VBRI')) {
    return vbri + 18 <= bytes.length ? u32be(bytes, vbri + 14) : null;
  }
  return undefined;
}

/**
 * Walks every frame from the first one, resynchronising over damaged stretches, and counts the
 * complete frames. Returns null when there is no MPEG audio frame at all.
 */
export function scanMpeg(bytes: Uint8Array): MpegScan | null {
  const start = findFirstFrame(bytes);
  if (start < 0) return null;
  const first = readFrameHeader(bytes, start)!;
  const key = streamKey(bytes[start + 1]!, bytes[start + 2]!);
  const info = infoFrameCount(bytes, start, first);
  const hasInfoFrame = info !== undefined;
  let frames = 0;
  let skippedBytes = 0;
  let p = start;
  let end = start;
  while (p + 4 <= bytes.length) {
    const h = readFrameHeader(bytes, p);
    if (h && streamKey(bytes[p + 1]!, bytes[p + 2]!) === key) {
      if (p + h.frameLength > bytes.length) break; // cut-off last frame
      frames++;
      p += h.frameLength;
      end = p;
      continue;
    }
    // Trailing tags end the stream.
    if (bytes[p] === 0x54 && bytes[p + 1] === 0x41 && bytes[p + 2] === 0x47) break; // ID3v1 "TAG"
    if (ascii4(bytes, p, 'APET') || ascii4(bytes, p, 'LYRI')) break;
    // Resynchronise: the next position where a chain of frames starts again.
    let q = p + 1;
    let found = -1;
    for (; q + 4 <= bytes.length; q++) {
      if (bytes[q] !== 0xff || (bytes[q + 1]! & 0xe0) !== 0xe0) continue;
      if (streamKey(bytes[q + 1]!, bytes[q + 2]!) !== key) continue;
      const c = chainLength(bytes, q, 2);
      if (c.frames >= 2 || (c.frames === 1 && c.reachedEnd)) {
        found = q;
        break;
      }
    }
    if (found < 0) break;
    skippedBytes += found - p;
    p = found;
  }
  if (hasInfoFrame && frames > 0) frames--;
  return { start, end, frames, declaredFrames: info ?? null, first, hasInfoFrame, skippedBytes };
}
