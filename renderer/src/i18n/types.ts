// The shape of one UI message: plain text, or plural forms chosen by Intl.PluralRules — the same
// shape as the core's own sentences, filled by the same function.
export type { Text as Message } from '../../../electron/core/messages/text.ts';
