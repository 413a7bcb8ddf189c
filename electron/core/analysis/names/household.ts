// Comparing found names with the household.
import { nameTokens, tokensMatch, type TokenMatch } from './normalise.ts';

export type HouseholdMatchHow = 'exact' | 'first-name' | 'surname' | 'short-form' | 'spelling';

export interface HouseholdMatch {
  /** The household entry as the user wrote it. */
  member: string;
  how: HouseholdMatchHow;
}

// Titles are dropped before comparing: "Herr Schmidt" is Schmidt, "Dr. Anna Meyer" is Anna Meyer.
const TITLE_TOKENS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'herr',
  'herrn',
  'frau',
  'monsieur',
  'madame',
  'mme',
  'mlle',
  'prof',
]);

function tokensOf(name: string): string[] {
  return nameTokens(name).filter((t) => !TITLE_TOKENS.has(t));
}

function worst(a: TokenMatch, b: TokenMatch): TokenMatch {
  const rank: Record<TokenMatch, number> = { exact: 0, 'short-form': 1, spelling: 2 };
  return rank[a] >= rank[b] ? a : b;
}

/**
 * How a found name (tokens) matches a known name (tokens), or null.
 *  - one word found: it matches any word of the known name — "anna" is household "Anna Schmidt",
 *    and so is "schmidt" (a surname alone matches too);
 *  - a full name found: first names must match, and surnames too when both have one
 *    ("Anna Meyer" is not "Anna Schmidt"; "Anna Schmidt" is household "Anna").
 */
function compareTokens(found: string[], known: string[]): HouseholdMatchHow | null {
  if (found.length === 0 || known.length === 0) return null;
  if (found.join(' ') === known.join(' ')) return 'exact';
  if (found.length === 1) {
    const word = found[0] ?? '';
    for (let k = 0; k < known.length; k++) {
      const m = tokensMatch(word, known[k] ?? '');
      if (!m) continue;
      if (m === 'exact') return k === 0 ? 'first-name' : 'surname';
      return m;
    }
    return null;
  }
  const firstMatch = tokensMatch(found[0] ?? '', known[0] ?? '');
  if (!firstMatch) {
    // "Mueller Anna" (surname first, as some contact lists store names).
    if (known.length >= 2 && found.length >= 2) {
      const a = tokensMatch(found[0] ?? '', known[known.length - 1] ?? '');
      const b = tokensMatch(found[found.length - 1] ?? '', known[0] ?? '');
      if (a && b) return worst(a, b) === 'exact' ? 'exact' : worst(a, b);
    }
    return null;
  }
  if (known.length === 1) return firstMatch === 'exact' ? 'first-name' : firstMatch;
  const lastMatch = tokensMatch(found[found.length - 1] ?? '', known[known.length - 1] ?? '');
  if (!lastMatch) return null;
  const w = worst(firstMatch, lastMatch);
  return w === 'exact' ? 'exact' : w;
}

/** Which household member (if any) a found name refers to. */
export function matchHousehold(found: string, household: readonly string[]): HouseholdMatch | null {
  const f = tokensOf(found);
  let best: HouseholdMatch | null = null;
  const rank: Record<HouseholdMatchHow, number> = {
    exact: 0,
    'first-name': 1,
    surname: 2,
    'short-form': 3,
    spelling: 4,
  };
  for (const member of household) {
    const how = compareTokens(f, tokensOf(member));
    if (how && (!best || rank[how] < rank[best.how])) best = { member, how };
  }
  return best;
}

/** Is the found name someone in the household (ignoring case, accents, short forms, typos)? */
export function isHouseholdName(found: string, household: readonly string[]): boolean {
  return matchHousehold(found, household) !== null;
}
