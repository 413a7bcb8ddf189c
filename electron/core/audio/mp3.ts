// MPEG audio (Layer III and friends) through one shared mpg123 wasm decoder.
//
// The decoder is created lazily, once, and reused for every file. mpg123-decoder's own reset()
// builds a brand-new wasm instance each time, which for thousands of clips means thousands of
// instances; instead, between files we destroy and recreate only the mpg123 stream handle inside the
// same wasm instance (the very calls the library's reset() makes), falling back to reset() if the
// library's internals ever change shape.

import { MPEGDecoder } from 'mpg123-decoder';
import { say } from '../messages/index.ts';
import { scanMpeg, type MpegScan } from './mpeg-frames.ts';
import { SerialQueue } from './serial.ts';
import { AudioDecodeError, type DecodedAudio } from './types.ts';

export interface Mp3Decoded extends DecodedAudio {
  channels: number;
  /** Frame count × samples per frame, as ffprobe and players report it. */
  durationMs: number;
  scan: MpegScan;
}

const DAMAGED = say('audio.mp3Damaged');

let decoderPromise: Promise<MPEGDecoder> | null = null;
let dirty = false;
let wasmInstances = 0;
const queue = new SerialQueue();

/** Shapes of mpg123-decoder internals used for the in-place reset (checked at run time). */
interface DecoderInternals {
  _decoder: number;
  _common?: {
    wasm?: {
      mpeg_frame_decoder_create?: (ptr: number, gapless: number) => number;
      mpeg_frame_decoder_destroy?: (decoder: number) => void;
    };
    allocateTypedArray?: (len: number, type: Uint32ArrayConstructor) => { ptr: number; buf: Uint32Array };
  };
  _sampleRatePtr?: { buf: Uint32Array };
  _inputBytes?: number;
  _outputSamples?: number;
  _frameNumber?: number;
}

const handleSlots = new WeakMap<object, { ptr: number; buf: Uint32Array }>();

function getDecoder(): Promise<MPEGDecoder> {
  if (!decoderPromise) {
    const decoder = new MPEGDecoder();
    wasmInstances++;
    dirty = false;
    decoderPromise = decoder.ready.then(() => decoder);
    decoderPromise.catch(() => {
      decoderPromise = null;
    });
  }
  return decoderPromise;
}

/** Recreates the mpg123 stream handle inside the existing wasm instance. False when not possible. */
function resetInPlace(decoder: MPEGDecoder): boolean {
  const d = decoder as unknown as DecoderInternals;
  const common = d._common;
  const wasm = common?.wasm;
  if (
    !common ||
    !wasm?.mpeg_frame_decoder_create ||
    !wasm.mpeg_frame_decoder_destroy ||
    !common.allocateTypedArray ||
    typeof d._decoder !== 'number'
  ) {
    return false;
  }
  let slot = handleSlots.get(decoder);
  if (!slot) {
    slot = common.allocateTypedArray(1, Uint32Array);
    handleSlots.set(decoder, slot);
  }
  wasm.mpeg_frame_decoder_destroy(d._decoder);
  // mpeg_frame_decoder_destroy() frees the handle itself: freeing it again (as the library's free()
  // does, harmlessly only because it then throws the whole instance away) would corrupt the heap.
  const error = wasm.mpeg_frame_decoder_create(slot.ptr, 1);
  if (error) throw new Error(`mpg123 could not create a decoder (${error})`);
  d._decoder = slot.buf[0]!;
  d._inputBytes = 0;
  d._outputSamples = 0;
  d._frameNumber = 0;
  if (d._sampleRatePtr) d._sampleRatePtr.buf[0] = 0;
  return true;
}

/** Drops the shared decoder after a failure so the next call starts from a clean one. */
function discardDecoder(decoder: MPEGDecoder | null): void {
  decoderPromise = null;
  try {
    decoder?.free();
  } catch {
    // already unusable
  }
}

/** How many wasm instances the MP3 decoder has created so far (for tests and diagnostics). */
export function mp3DecoderInstances(): number {
  return wasmInstances;
}

/**
 * Decodes an MP3 file. Throws AudioDecodeError with a plain reason when there is no decodable audio.
 * Calls are serialised: the one decoder is never used by two files at once.
 */
export function decodeMp3(bytes: Uint8Array): Promise<Mp3Decoded> {
  const scan = scanMpeg(bytes);
  if (!scan) return Promise.reject(new AudioDecodeError(say('audio.mp3NoFrames')));
  if (scan.frames === 0) {
    return Promise.reject(new AudioDecodeError(say('audio.mp3CutShort')));
  }
  return queue.run(async () => {
    let decoder: MPEGDecoder | null = null;
    try {
      decoder = await getDecoder();
      if (dirty && !resetInPlace(decoder)) await decoder.reset();
      dirty = true;
      const r = decoder.decode(bytes.subarray(scan.start, scan.end));
      if (!r.samplesDecoded || !r.sampleRate) throw new AudioDecodeError(DAMAGED);
      const channels = scan.first.channels;
      // mpg123-decoder always hands back two channels; a mono stream has two identical copies.
      const channelData = channels === 1 ? [r.channelData[0]!] : r.channelData.slice(0, 2);
      const sampleRate = r.sampleRate;
      const decodedMs = (r.samplesDecoded / sampleRate) * 1000;
      const framesMs = ((scan.frames * scan.first.samplesPerFrame) / scan.first.sampleRate) * 1000;
      // The frame count is what ffprobe and players show; trust the decoder if the two disagree wildly
      // (a stream that changes format midway, which the frame walk does not follow).
      const durationMs = Math.abs(framesMs - decodedMs) > Math.max(100, decodedMs * 0.1) ? decodedMs : framesMs;
      return { sampleRate, channelData, length: r.samplesDecoded, channels, durationMs, scan };
    } catch (e) {
      if (e instanceof AudioDecodeError) throw e;
      // A wasm trap or a broken decoder: start afresh next time.
      discardDecoder(decoder);
      throw new AudioDecodeError(DAMAGED);
    }
  });
}
