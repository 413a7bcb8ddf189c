// A sentence meant for a person, kept as a catalogue key and its parameters until the edge (the
// window, the CLI, the evidence letter) turns it into text in the reader's language. The library
// stores these, never English text, so a German window never has to guess what a stored sentence said.
import { fill, type Text } from './text.ts';
import type { Message, MessageParam } from '../model.ts';

export type { Message, MessageParam };

/** Text from outside the catalogue (an old row that was not recognised, a third-party error). */
export const RAW_KEY = 'text.raw';

export function rawText(text: string): Message {
  return { key: RAW_KEY, params: { text } };
}

/** Sentences of their own, one after the other (a verdict followed by its signs). */
export const SENTENCES_KEY = 'text.sentences';

export function sentences(list: Message[]): Message {
  return { key: SENTENCES_KEY, params: { sentences: list } };
}

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { key?: unknown }).key === 'string' &&
    ((value as { params?: unknown }).params === undefined || typeof (value as { params?: unknown }).params === 'object')
  );
}

/** Looks up a key's text in one language; undefined when the catalogue has no such key. */
export type Lookup = (key: string) => Text | undefined;

/**
 * The message as text: nested messages are rendered first, a list of them is joined with "; ".
 * An unknown key (a newer library opened by an older app) shows its raw text or the key, never throws.
 */
export function renderMessage(message: Message, lookup: Lookup, locale: string): string {
  const params = message.params ?? {};
  if (message.key === RAW_KEY) return typeof params.text === 'string' ? params.text : '';
  if (message.key === SENTENCES_KEY && Array.isArray(params.sentences))
    return params.sentences.map((m) => renderMessage(m, lookup, locale)).join(' ');
  const filled: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') filled[name] = value;
    else if (Array.isArray(value)) filled[name] = value.map((m) => renderMessage(m, lookup, locale)).join('; ');
    else if (isMessage(value)) filled[name] = renderMessage(value, lookup, locale);
  }
  const text = lookup(message.key);
  if (text === undefined) return typeof params.text === 'string' ? params.text : message.key;
  return fill(text, filled, locale);
}

/** A message as the library stores it. */
export function storedMessage(message: Message): string {
  return JSON.stringify(message);
}

/** Stored JSON back to a message; text that is not one (a damaged row) is kept as raw text. */
export function parseStoredMessage(stored: string | null): Message | null {
  if (stored === null) return null;
  try {
    const value: unknown = JSON.parse(stored);
    if (isMessage(value)) return value;
  } catch {
    // not JSON: an older row's text
  }
  return rawText(stored);
}
