// Streams a JSON activity file (a top-level array) one entry at a time: a 500 MB file is never held whole.
import type { Readable } from 'node:stream';
import { stripBom } from '../shared.ts';
import StreamArray from 'stream-json/streamers/StreamArray.js';

export class JsonShapeError extends Error {}

/**
 * Yields each element of the top-level array. Throws JsonShapeError when the file is not an array,
 * and the parser's error when the JSON is malformed (after yielding what came before).
 */
export async function* streamJsonArray(
  source: Readable,
  signal?: AbortSignal,
): AsyncGenerator<{ index: number; value: unknown }> {
  const bom = stripBom();
  const chain = StreamArray.withParser();
  source.on('error', (e: Error) => bom.destroy(e));
  bom.on('error', (e: Error) => chain.destroy(e));
  source.pipe(bom).pipe(chain);
  const onAbort = () => chain.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for await (const data of chain as AsyncIterable<{ key: number; value: unknown }>) {
      yield { index: data.key, value: data.value };
    }
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    if (/top-level object should be an array/i.test(message)) throw new JsonShapeError(message);
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    source.unpipe?.(bom);
    source.destroy();
    bom.destroy();
    chain.destroy();
  }
}
