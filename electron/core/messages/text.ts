// One message in both UI languages, and the one function that fills its `{name}` placeholders.
// The window's own strings (renderer/src/i18n) and the core's sentences (import reports, skip
// reasons, errors) are filled the same way, so plurals and numbers read the same everywhere.

/** Plain text, or plural forms chosen by Intl.PluralRules from the `count` parameter. */
export type Text = string | { zero?: string; one?: string; two?: string; few?: string; many?: string; other: string };

/** A core sentence in English (what the CLI and the library store) and German. */
export interface Entry {
  en: Text;
  de: Text;
}

export type Params = Record<string, string | number>;

const formatters = new Map<string, { numbers: Intl.NumberFormat; plurals: Intl.PluralRules }>();
function formattersFor(locale: string) {
  let f = formatters.get(locale);
  if (!f) {
    f = { numbers: new Intl.NumberFormat(locale), plurals: new Intl.PluralRules(locale) };
    formatters.set(locale, f);
  }
  return f;
}

/** The text's plural form for `params.count`, with placeholders filled and numbers formatted for the locale. */
export function fill(message: Text, params: Params, locale: string): string {
  const { numbers, plurals } = formattersFor(locale);
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const count = typeof params.count === 'number' ? params.count : 0;
    const form = count === 0 && message.zero ? 'zero' : plurals.select(count);
    text = message[form] ?? message.other;
  }
  if (!text.includes('{')) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

/** Every form of a text, for matching and for checks. */
export function forms(message: Text): string[] {
  return typeof message === 'string' ? [message] : Object.values(message).filter((v): v is string => !!v);
}
