// Streams the objects held in the arrays of a JSON file, however large, one at a time: a voice-history
// dump of 300 MB or an Amazon JSON table is never held whole. Which arrays matter is decided by the
// caller from each object's own fields, so a page saved as `{customerHistoryRecords: […]}`, a list of
// such pages, a bare list of records, or JSON Lines all work.
import type { Readable } from 'node:stream';
import { stripBom } from '../shared.ts';

import Parser from 'stream-json/Parser.js';

export interface ArrayObject {
  /** The key of the object property holding the array (`customerHistoryRecords`), or null for a top-level array. */
  arrayKey: string | null;
  /** Index of the object in its array. */
  index: number;
  value: Record<string, unknown>;
}

interface Token {
  name: string;
  value?: string;
}

type Building =
  { kind: 'object'; obj: Record<string, unknown>; key: string | null } | { kind: 'array'; arr: unknown[] };
type Outer = { kind: 'object'; key: string | null } | { kind: 'array'; key: string | null; count: number };

/**
 * Yields every object that is an element of an array, outermost first (an object inside an object
 * that is already being yielded is part of it, not yielded again). Throws the parser's error when the
 * JSON is malformed, after yielding what came before.
 */
export async function* streamArrayObjects(source: Readable, signal?: AbortSignal): AsyncGenerator<ArrayObject> {
  const bom = stripBom();
  const parser = new Parser({
    packKeys: true,
    packStrings: true,
    packNumbers: true,
    streamKeys: false,
    streamStrings: false,
    streamNumbers: false,
    jsonStreaming: true,
  });
  source.on('error', (e: Error) => bom.destroy(e));
  bom.on('error', (e: Error) => parser.destroy(e));
  source.pipe(bom).pipe(parser);
  const onAbort = () => parser.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
  signal?.addEventListener('abort', onAbort, { once: true });

  const outer: Outer[] = [];
  let building: Building[] = [];
  let lastKey: string | null = null;
  let start: { arrayKey: string | null; index: number } = { arrayKey: null, index: 0 };

  const add = (value: unknown): Record<string, unknown> | null => {
    const top = building[building.length - 1];
    if (!top) return null;
    if (top.kind === 'array') top.arr.push(value);
    else if (top.key !== null) {
      top.obj[top.key] = value;
      top.key = null;
    }
    return null;
  };

  try {
    for await (const token of parser as AsyncIterable<Token>) {
      if (building.length > 0) {
        switch (token.name) {
          case 'startObject':
            building.push({ kind: 'object', obj: {}, key: null });
            break;
          case 'startArray':
            building.push({ kind: 'array', arr: [] });
            break;
          case 'endObject':
          case 'endArray': {
            const done = building.pop()!;
            const value = done.kind === 'object' ? done.obj : done.arr;
            if (building.length === 0) {
              yield { arrayKey: start.arrayKey, index: start.index, value: value as Record<string, unknown> };
            } else add(value);
            break;
          }
          case 'keyValue': {
            const top = building[building.length - 1]!;
            if (top.kind === 'object') top.key = token.value ?? '';
            break;
          }
          case 'stringValue':
            add(token.value ?? '');
            break;
          case 'numberValue':
            add(Number(token.value));
            break;
          case 'nullValue':
            add(null);
            break;
          case 'trueValue':
            add(true);
            break;
          case 'falseValue':
            add(false);
            break;
        }
        continue;
      }
      switch (token.name) {
        case 'startObject': {
          const top = outer[outer.length - 1];
          if (top?.kind === 'array') {
            start = { arrayKey: top.key, index: top.count++ };
            building = [{ kind: 'object', obj: {}, key: null }];
          } else outer.push({ kind: 'object', key: null });
          lastKey = null;
          break;
        }
        case 'startArray': {
          const top = outer[outer.length - 1];
          if (top?.kind === 'array') top.count++;
          outer.push({ kind: 'array', key: top?.kind === 'object' ? lastKey : null, count: 0 });
          break;
        }
        case 'endObject':
        case 'endArray':
          outer.pop();
          break;
        case 'keyValue':
          lastKey = token.value ?? null;
          break;
        default: {
          const top = outer[outer.length - 1];
          if (top?.kind === 'array' && /Value$/.test(token.name)) top.count++;
        }
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    source.unpipe?.(bom);
    source.destroy();
    bom.destroy();
    parser.destroy();
  }
}
