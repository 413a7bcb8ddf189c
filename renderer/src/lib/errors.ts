// What went wrong, for the person: the error's message, in the window's language when the core
// said it (see electron/core/messages).
import { currentI18n } from '../i18n/index.ts';

export function errorText(e: unknown): string {
  return currentI18n().localise(e instanceof Error ? e.message : String(e));
}
