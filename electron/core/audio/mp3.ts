// MPEG audio (Layer III and friends) through one shared mpg123 wasm decoder.
//
// The decoder is created lazily, once, and reused for every file. mpg123-decoder's own reset()
// builds a brand-new wasm instance each time, which for thousands of clips means thousands of
// instances; instead, between files we destroy and recreate only the mpg123 stream handle inside the
// same wasm instance (the very calls the library's reset() makes), falling back to reset() if the
// library's internals ever change shape.

import { MPEGDecoder } from 'mpg123-decoder';
import { message } from '../messages/index.ts';
import { scanMpeg, type MpegScan } from './mpeg-frames.ts';
import { SerialQueue } from './serial.ts';
import { AudioDecodeError, type DecodedAudio } from './types.ts';

export interface Mp3Decoded extends DecodedAudio {
  channels: number;
  /** Frame count × samples per frame, as ffprobe and players report it. */
  durationMs: number;
  scan: MpegScan;
}

const DAMAGED = message('audio.mp3Damaged');

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
      mpeg_decoder_feed?: (decoder: number, input: number, length: number) => number;
      mpeg_decoder_read?: (
        decoder: number,
        output: number,
        outputLength: number,
        samplesDecoded: number,
        sampleRate: number,
        errorString: number,
      ) => number;
    };
    allocateTypedArray?: (len: number, type: Uint32ArrayConstructor) => { ptr: number; buf: Uint32Array };
  };
  _sampleRatePtr?: { ptr: number; buf: Uint32Array };
  _samplesDecodedPtr?: { ptr: number; buf: Uint32Array };
  _errorStringPtr?: { ptr: number };
  _input?: { ptr: number; len: number; buf: Uint8Array };
  _output?: { ptr: number; len: number; buf: Float32Array };
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

/** mpg123's return codes the feed/read loop handles (mpg123.h). */
const NEED_MORE = -10;
const NEW_FORMAT = -11;
/** Read errors in a row after which a stream is given up on (the library's own loop would spin). */
const MAX_READ_ERRORS = 64;

interface RawDecode {
  sampleRate: number;
  length: number;
  channelData: Float32Array[];
}

/**
 * Feeds the stream and reads the samples straight out of the wasm heap into one preallocated array
 * per channel wanted: mpg123-decoder's decode() copies every chunk twice (both channels, even for
 * mono) and then concatenates them, which for short clips costs about as much as the decoding.
 * Null when the library's internals are not the expected shape (decode() is used then).
 */
function decodeDirect(decoder: MPEGDecoder, data: Uint8Array, channels: number, expected: number): RawDecode | null {
  const d = decoder as unknown as DecoderInternals;
  const wasm = d._common?.wasm;
  const { _input: input, _output: output, _samplesDecodedPtr: decodedPtr, _sampleRatePtr: ratePtr } = d;
  if (!wasm?.mpeg_decoder_feed || !wasm.mpeg_decoder_read || !input || !output || !decodedPtr || !ratePtr) return null;
  if (!d._errorStringPtr) return null;
  const errorPtr = d._errorStringPtr.ptr;
  let capacity = Math.max(1152, expected);
  let out = Array.from({ length: channels }, () => new Float32Array(capacity));
  let length = 0;
  let errors = 0;
  for (let offset = 0; offset < data.length;) {
    const chunk = data.subarray(offset, offset + input.len);
    offset += chunk.length;
    input.buf.set(chunk);
    if (wasm.mpeg_decoder_feed(d._decoder, input.ptr, chunk.length) === NEED_MORE) continue;
    for (;;) {
      decodedPtr.buf[0] = 0;
      const error = wasm.mpeg_decoder_read(d._decoder, output.ptr, output.len, decodedPtr.ptr, ratePtr.ptr, errorPtr);
      const n = decodedPtr.buf[0]!;
      if (n) {
        if (length + n > capacity) {
          capacity = Math.max(capacity * 2, length + n);
          out = out.map((ch) => {
            const grown = new Float32Array(capacity);
            grown.set(ch.subarray(0, length));
            return grown;
          });
        }
        // The output buffer holds n samples of the left channel, then n of the right.
        for (let c = 0; c < channels; c++) out[c]!.set(output.buf.subarray(c * n, c * n + n), length);
        length += n;
      }
      if (error === NEW_FORMAT) continue;
      if (error === NEED_MORE) break;
      if (error) {
        if (++errors > MAX_READ_ERRORS) break;
        continue;
      }
      errors = 0;
    }
  }
  return { sampleRate: ratePtr.buf[0]!, length, channelData: out.map((ch) => ch.subarray(0, length)) };
}

function fromLibrary(decoder: MPEGDecoder, data: Uint8Array): RawDecode {
  const r = decoder.decode(data);
  return { sampleRate: r.sampleRate, length: r.samplesDecoded, channelData: r.channelData };
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
  if (!scan) return Promise.reject(new AudioDecodeError(message('audio.mp3NoFrames')));
  if (scan.frames === 0) {
    return Promise.reject(new AudioDecodeError(message('audio.mp3CutShort')));
  }
  return queue.run(async () => {
    let decoder: MPEGDecoder | null = null;
    try {
      decoder = await getDecoder();
      if (dirty && !resetInPlace(decoder)) await decoder.reset();
      dirty = true;
      const channels = scan.first.channels;
      const data = bytes.subarray(scan.start, scan.end);
      // mpg123-decoder always hands back two channels; a mono stream has two identical copies.
      const r =
        decodeDirect(decoder, data, channels, (scan.frames + 1) * scan.first.samplesPerFrame) ??
        fromLibrary(decoder, data);
      if (!r.length || !r.sampleRate) throw new AudioDecodeError(DAMAGED);
      const channelData = r.channelData.slice(0, channels);
      const sampleRate = r.sampleRate;
      const decodedMs = (r.length / sampleRate) * 1000;
      const framesMs = ((scan.frames * scan.first.samplesPerFrame) / scan.first.sampleRate) * 1000;
      // The frame count is what ffprobe and players show; trust the decoder if the two disagree wildly
      // (a stream that changes format midway, which the frame walk does not follow).
      const durationMs = Math.abs(framesMs - decodedMs) > Math.max(100, decodedMs * 0.1) ? decodedMs : framesMs;
      return { sampleRate, channelData, length: r.length, channels, durationMs, scan };
    } catch (e) {
      if (e instanceof AudioDecodeError) throw e;
      // A wasm trap or a broken decoder: start afresh next time.
      discardDecoder(decoder);
      throw new AudioDecodeError(DAMAGED);
    }
  });
}
