// The shape of one UI message: plain text, or plural forms chosen by Intl.PluralRules.
export type Message =
  string | { zero?: string; one?: string; two?: string; few?: string; many?: string; other: string };
