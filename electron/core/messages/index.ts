// The core's sentences for people — import notes, skip reasons, warnings, errors — kept in one
// catalogue, English and German side by side. The core keeps a sentence as a Message ({key, params},
// `message`) and the edge words it (`render`: the window in its language, the CLI in English).
// `say` words a sentence at once in English (text never stored nor sent); an error for the user
// carries its message (`importError`). Recognising English text back into a key (`recogniseMessage`)
// is left for migrations 7 and 10 (db/stored-messages.ts), which convert old libraries.
import { fill, forms, type Entry, type Params, type Text } from './text.ts';
import { archive } from './archive.ts';
import { audio } from './audio.ts';
import { google } from './google.ts';
import { amazon } from './amazon.ts';
import { alexa } from './alexa.ts';
import { homeAssistant } from './home-assistant.ts';
import { ovos } from './ovos.ts';
import { importing } from './importing.ts';
import { library } from './library.ts';
import { voices } from './voices.ts';
import { warnings } from './warnings.ts';
import { desktop } from './desktop.ts';
import { evidence } from './evidence.ts';
import { isMessage, renderMessage, rawText, type Message, type MessageParam } from './message.ts';
import { ImportError } from '../model.ts';

export { rawText, isMessage, sentences, storedMessage, parseStoredMessage } from './message.ts';
export type { Message, MessageParam };

type Prefixed<P extends string, T> = { [K in keyof T & string as `${P}.${K}`]: Entry };
function prefixed<P extends string, T extends Record<string, Entry>>(prefix: P, section: T): Prefixed<P, T> {
  return Object.fromEntries(Object.entries(section).map(([k, v]) => [`${prefix}.${k}`, v])) as Prefixed<P, T>;
}

export const coreMessages = {
  ...prefixed('archive', archive),
  ...prefixed('audio', audio),
  ...prefixed('google', google),
  ...prefixed('amazon', amazon),
  ...prefixed('alexa', alexa),
  ...prefixed('homeAssistant', homeAssistant),
  ...prefixed('ovos', ovos),
  ...prefixed('import', importing),
  ...prefixed('library', library),
  ...prefixed('voices', voices),
  ...prefixed('warnings', warnings),
  ...prefixed('desktop', desktop),
  ...prefixed('evidence', evidence),
};
export type CoreMessageKey = keyof typeof coreMessages;
export type CoreLang = keyof Entry;

/** The English sentence: what the core reports, stores and prints. */
export function say(key: CoreMessageKey, params: Params = {}): string {
  return fill(coreMessages[key].en, params, 'en');
}

/** The sentence in a given language, for text shown at once and never stored (menus, dialogs). */
export function sayIn(lang: CoreLang, key: CoreMessageKey, params: Params = {}, locale = defaultLocale[lang]): string {
  return fill(coreMessages[key][lang], params, locale);
}

/** A catalogue sentence kept as its key: what the core stores and reports. */
export function message(key: CoreMessageKey, params: Record<string, MessageParam> = {}): Message {
  return Object.keys(params).length ? { key, params } : { key };
}

/** A stored or reported message as text in the reader's language, nested reasons included. */
export function render(msg: Message, lang: CoreLang, locale = defaultLocale[lang]): string {
  return renderMessage(msg, (key) => (coreMessages as Record<string, Entry>)[key]?.[lang], locale);
}

/** A message in English exactly as `say` words it: what the CLI prints. */
export function english(msg: Message): string {
  return render(msg, 'en', 'en');
}

/** An error for the user that carries its sentence as a key (for the window) and in English (its message). */
export function importError(code: string, sentence: Message): ImportError {
  return new ImportError(english(sentence), code, sentence);
}

const defaultLocale: Record<CoreLang, string> = { en: 'en-GB', de: 'de-DE' };

/** The first of the system's languages that Earshot speaks (["de-AT", "en-US"] → de); English otherwise. */
export function languageFor(locales: readonly string[]): CoreLang {
  for (const l of locales) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'de' || base === 'en') return base;
  }
  return 'en';
}

interface Pattern {
  key: CoreMessageKey;
  regex: RegExp;
  names: string[];
}
let patterns: Pattern[] | null = null;

/** Each English form as an anchored pattern; longer literal text first, so the most specific wins. */
function compiled(): Pattern[] {
  if (patterns) return patterns;
  const list: (Pattern & { literal: number })[] = [];
  for (const [key, entry] of Object.entries(coreMessages) as [CoreMessageKey, Entry][]) {
    for (const form of forms(entry.en)) {
      const names: string[] = [];
      const source = form
        .split(/(\{\w+\})/)
        .map((part) => {
          const name = /^\{(\w+)\}$/.exec(part)?.[1];
          if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(name);
          return '([\\s\\S]*?)';
        })
        .join('');
      list.push({ key, regex: new RegExp(`^${source}$`), names, literal: form.replace(/\{\w+\}/g, '').length });
    }
  }
  list.sort((a, b) => b.literal - a.literal);
  patterns = list;
  return patterns;
}

const ENGLISH_NUMBER = /^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^-?\d+(?:\.\d+)?$/;
/** Placeholders that hold counts, so "1,700" becomes 1.700 in German; a year or "001" elsewhere stays text. */
export const NUMBER_PLACEHOLDER = /^(count|total|done|depth|ratio|limit)$|Count$/;

/** Which catalogue sentence an English text is, with its parameters; null for any other text. */
export function recognise(text: string): { key: CoreMessageKey; params: Params } | null {
  for (const p of compiled()) {
    const m = p.regex.exec(text);
    if (!m) continue;
    const params: Params = {};
    p.names.forEach((name, i) => {
      const value = m[i + 1] ?? '';
      params[name] =
        NUMBER_PLACEHOLDER.test(name) && ENGLISH_NUMBER.test(value) ? Number(value.replace(/,/g, '')) : value;
    });
    return { key: p.key, params };
  }
  return null;
}

/**
 * Stored English text back to a message, nested reasons and "; "-joined lists of them included;
 * text that is no catalogue sentence is kept as raw text. Only the migration of old libraries uses
 * this — new rows are stored as messages.
 */
export function recogniseMessage(text: string): Message {
  const found = recognise(text);
  if (!found) return rawText(text);
  const params: Record<string, MessageParam> = {};
  for (const [name, value] of Object.entries(found.params))
    params[name] = typeof value === 'string' ? nested(value) : value;
  return message(found.key, params);
}

function nested(value: string): MessageParam {
  if (recognise(value)) return recogniseMessage(value);
  if (value.includes('; ')) {
    const parts = value.split('; ');
    if (parts.every((p) => recognise(p))) return parts.map(recogniseMessage);
  }
  return value;
}

/** A value that is either a message or (from an older caller) English text, as text in a language. */
export function renderAny(value: Message | string, lang: CoreLang, locale = defaultLocale[lang]): string {
  return isMessage(value) ? render(value, lang, locale) : inLanguage(value, lang, locale);
}

/**
 * An English core sentence in the given language. Parameters that are core sentences themselves
 * (a reason inside a reason) are translated too; text from elsewhere (a library's error message,
 * a file name) is left as it is.
 */
export function inLanguage(text: string, lang: CoreLang, locale: string): string {
  if (lang === 'en') return text;
  const found = recognise(text);
  if (!found) return text;
  const params: Params = {};
  for (const [name, value] of Object.entries(found.params))
    params[name] = typeof value === 'string' ? parameterIn(value, lang, locale) : value;
  return fill(coreMessages[found.key][lang] as Text, params, locale);
}

/** A parameter: a sentence, a list of sentences joined with "; ", or text left as it is. */
function parameterIn(value: string, lang: CoreLang, locale: string): string {
  if (recognise(value) || !value.includes('; ')) return inLanguage(value, lang, locale);
  return value
    .split('; ')
    .map((part) => inLanguage(part, lang, locale))
    .join('; ');
}
