// How much a PDF's compressed streams unpack to, counted before pdf.js reads it: pdf.js inflates a
// stream whole, so a 200 KB PDF whose page unpacks to gigabytes would hold the import (and its memory)
// until done. Image streams are not counted: reading text never decodes them.
import { createInflate, constants } from 'node:zlib';

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');
const OBJ = Buffer.from('obj');
const IMAGE = Buffer.from('/Image');

/** Bytes one zlib stream unpacks to, counting no further than `limit` (then `limit + 1`). */
function inflatedBytes(data: Uint8Array, limit: number): Promise<number> {
  return new Promise((resolve) => {
    let total = 0;
    const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH });
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        inflate.destroy();
        resolve(limit + 1);
      }
    });
    // A damaged stream counts as far as it unpacks; pdf.js decides what else to make of it.
    inflate.on('error', () => resolve(total));
    inflate.on('end', () => resolve(total));
    inflate.on('close', () => resolve(total));
    inflate.end(data);
  });
}

/**
 * Whether the non-image streams of `pdf` unpack to at most `limit` bytes in all (zlib/Flate streams;
 * the only compression that text, fonts and object streams use in practice).
 */
export async function unpacksWithin(pdf: Uint8Array, limit: number, signal?: AbortSignal): Promise<boolean> {
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  let total = 0;
  let at = 0;
  for (;;) {
    signal?.throwIfAborted();
    const k = buf.indexOf(STREAM, at);
    if (k < 0) return true;
    at = k + STREAM.length;
    if (k >= 3 && buf.toString('latin1', k - 3, k) === 'end') continue;
    let start = at;
    if (buf[start] === 0x0d) start++;
    if (buf[start] !== 0x0a) continue;
    start++;
    // A zlib stream starts with 0x78 (deflate, 32 KB window or less): anything else is not Flate.
    if (buf[start] !== 0x78) continue;
    const end = buf.indexOf(END_STREAM, start);
    const stop = end < 0 ? buf.length : end;
    const dict = buf.subarray(Math.max(0, buf.lastIndexOf(OBJ, k)), k);
    at = stop;
    if (dict.indexOf(IMAGE) >= 0) continue;
    total += await inflatedBytes(buf.subarray(start, stop), limit - total);
    if (total > limit) return false;
  }
}
