// The one i18n layer: every string the window shows goes through `t`. Language follows the system,
// with an override kept in localStorage; numbers in parameters are formatted for the locale.
import { useSyncExternalStore } from 'react';
import { de } from './de.ts';
import { en, type MessageKey } from './en.ts';
import { fill, type Params } from '../../../electron/core/messages/text.ts';
import { renderAny, languageFor, type Message } from '../../../electron/core/messages/index.ts';
import type { Message as UiText } from './types.ts';
import { labelIn } from '../../../electron/core/messages/export-labels.ts';

export type { MessageKey };
export type Lang = 'en' | 'de';
export const languages: Lang[] = ['en', 'de'];
const catalogs: Record<Lang, Record<MessageKey, UiText>> = { en, de };
const storageKey = 'earshot.language';

export type { Params };

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The language the system asks for, when Earshot has it. */
export function systemLanguage(
  languagesList: readonly string[] = typeof navigator === 'undefined'
    ? []
    : (navigator.languages ?? [navigator.language]),
): Lang {
  return languageFor(languagesList);
}

export function languageOverride(): Lang | null {
  const saved = storage()?.getItem(storageKey);
  return saved === 'en' || saved === 'de' ? saved : null;
}

let current: Lang = languageOverride() ?? systemLanguage();
const listeners = new Set<() => void>();

export function setLanguage(lang: Lang | null) {
  if (lang) storage()?.setItem(storageKey, lang);
  else storage()?.removeItem(storageKey);
  current = lang ?? systemLanguage();
  if (typeof document !== 'undefined') document.documentElement.lang = current;
  for (const l of listeners) l();
}

/** The locale for Intl: the system's own when it speaks the UI language (en-GB stays en-GB). */
export function localeFor(lang: Lang): string {
  const sys = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  return sys.find((l) => l.toLowerCase().split('-')[0] === lang) ?? (lang === 'de' ? 'de-DE' : 'en-GB');
}

/** Fills `{name}` placeholders; numbers are formatted for the locale. */
export function translate(lang: Lang, key: MessageKey, params: Params = {}, locale = localeFor(lang)): string {
  return fill(catalogs[lang][key] ?? en[key], params, locale);
}

export interface I18n {
  lang: Lang;
  locale: string;
  t: (key: MessageKey, params?: Params) => string;
  /** A sentence from the core (import note, skip reason, error) in this language: a message, or older English text. */
  localise: (text: Message | string) => string;
  /** An export's stored label ("Amazon data export · my-data") in this language. */
  exportLabel: (label: string) => string;
}

function make(lang: Lang): I18n {
  const locale = localeFor(lang);
  return {
    lang,
    locale,
    t: (key, params) => translate(lang, key, params, locale),
    localise: (text) => renderAny(text, lang, locale),
    exportLabel: (label) => labelIn(label, lang),
  };
}

// Another window (or a test) changing the saved language: follow it.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === storageKey) setLanguage(languageOverride());
  });
}

let snapshot = make(current);
function subscribe(listener: () => void) {
  const wrapped = () => {
    if (snapshot.lang !== current) snapshot = make(current);
    listener();
  };
  listeners.add(wrapped);
  return () => listeners.delete(wrapped);
}

export function useI18n(): I18n {
  return useSyncExternalStore(subscribe, () => (snapshot.lang === current ? snapshot : (snapshot = make(current))));
}

/** Outside React (rarely needed): the current language's translator. */
export function currentI18n(): I18n {
  return snapshot.lang === current ? snapshot : (snapshot = make(current));
}
