// Names: who do the recordings mention, and is it someone in the household?
// Pure and runtime-neutral (no database, no Electron, no file access): word lists are JSON in
// resources/names/, inlined by the bundler. See find.ts for how names are found.
export { findPersonNames, type FoundName, type FindOptions, type NameReason } from './find.ts';
export { detectLanguage, tokenize, type Token } from './text.ts';
export { type Lang } from './lexicon.ts';
export { normaliseName, foldText, nameTokens, tokensMatch, editDistance, type TokenMatch } from './normalise.ts';
export { matchHousehold, isHouseholdName, type HouseholdMatch, type HouseholdMatchHow } from './household.ts';
