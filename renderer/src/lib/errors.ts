// What went wrong, for the person: the core's sentence (a catalogue message, see electron/core/messages)
// in the window's language; an error without one (the window's own, the browser's) as it says itself.
import { currentI18n } from '../i18n/index.ts';
import { isMessage } from '../../../electron/core/messages/message.ts';

export function errorText(e: unknown): string {
  const sentence = (e as { sentence?: unknown } | null)?.sentence;
  if (isMessage(sentence)) return currentI18n().localise(sentence);
  return currentI18n().localise(e instanceof Error ? e.message : String(e));
}
