// Comparing found names with the household, and summarising the names that match nobody.
import { findPersonNames, type FoundName } from './find.ts';
import { neverAName, type Lang } from './lexicon.ts';
import { foldText, nameTokens, tokensMatch, type TokenMatch } from './normalise.ts';

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

/** Are two found names probably the same person (for merging variants in the summary)? */
export function sameName(a: string, b: string): boolean {
  const ta = tokensOf(a);
  const tb = tokensOf(b);
  return compareTokens(ta, tb) !== null || compareTokens(tb, ta) !== null;
}

export type NameSource = 'transcript' | 'contact' | 'persons-info';

export interface RecordingNames {
  id: number;
  transcript: string | null;
  timeUtc: number | null;
  /** Alexa's intent CSV "Contact Name" column. */
  contactName?: string | null;
  /** Alexa voice history personsInfo[].personFirstName: Amazon's own guess of who spoke. */
  personsInfo?: string[];
  /** Transcript language if known; guessed per transcript otherwise. */
  lang?: Lang | null;
}

export interface UnknownName {
  /** Best display form ("Anna Schmidt"). */
  name: string;
  recordingIds: number[];
  first: number | null;
  last: number | null;
  sources: NameSource[];
  /** Every spelling seen ("anna", "Anna Schmidt", "anna schmitt"). */
  variants: string[];
  kind: 'person' | 'public-figure';
}

export interface UnknownNamesOptions {
  /** Include famous people asked about ("how old is angela merkel"); default false. */
  includePublicFigures?: boolean;
  /** Language for all transcripts; default: per recording, else guessed. */
  lang?: Lang | null;
}

// Export columns use these for "no value" (see shared/docs/export-formats.md).
const EMPTY_VALUES = new Set([
  '',
  'not available',
  'not applicable',
  'nicht verfugbar',
  'non disponible',
  'n/a',
  'null',
  'unknown',
]);

/** A contact or personsInfo value worth comparing: not empty, not "Mom", not "Alexa". */
function usableListedName(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  const key = foldText(v);
  if (EMPTY_VALUES.has(key)) return null;
  const words = key.split(/\s+/);
  if (words.every((w) => neverAName(w))) return null;
  return v;
}

interface Cluster {
  names: Map<string, { count: number; source: NameSource; cased: boolean }>;
  tokens: string[];
  ids: Set<number>;
  first: number | null;
  last: number | null;
  sources: Set<NameSource>;
  kind: 'person' | 'public-figure';
}

/**
 * The unknown people in a set of recordings: names from transcripts, contact names and
 * personsInfo that match no household member, merged across spellings and short forms
 * (Müller/Mueller, "anna" with "Anna Schmidt"), most frequent first.
 */
export function unknownNames(
  recordings: readonly RecordingNames[],
  household: readonly string[],
  options: UnknownNamesOptions = {},
): UnknownName[] {
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster>();
  const householdCache = new Map<string, boolean>();
  const inHousehold = (name: string): boolean => {
    const key = tokensOf(name).join(' ');
    let v = householdCache.get(key);
    if (v === undefined) {
      v = isHouseholdName(name, household);
      householdCache.set(key, v);
    }
    return v;
  };

  const add = (rec: RecordingNames, name: string, source: NameSource, kind: Cluster['kind'], cased: boolean): void => {
    const tokens = tokensOf(name);
    if (tokens.length === 0 || inHousehold(name)) return;
    const key = tokens.join(' ');
    let cluster = byKey.get(key);
    if (!cluster) {
      // Merge with an existing person of the same name under another spelling; prefer the
      // cluster seen most often so a bare "anna" joins the dominant Anna.
      let best: Cluster | undefined;
      for (const c of clusters) {
        if (c.kind !== kind) continue;
        if (compareTokens(tokens, c.tokens) !== null || compareTokens(c.tokens, tokens) !== null) {
          if (!best || c.ids.size > best.ids.size) best = c;
        }
      }
      cluster = best;
      if (!cluster) {
        cluster = { names: new Map(), tokens, ids: new Set(), first: null, last: null, sources: new Set(), kind };
        clusters.push(cluster);
      } else if (tokens.length > cluster.tokens.length) {
        cluster.tokens = tokens;
      }
      byKey.set(key, cluster);
    }
    const entry = cluster.names.get(name) ?? { count: 0, source, cased };
    entry.count += 1;
    cluster.names.set(name, entry);
    cluster.ids.add(rec.id);
    cluster.sources.add(source);
    if (rec.timeUtc !== null) {
      if (cluster.first === null || rec.timeUtc < cluster.first) cluster.first = rec.timeUtc;
      if (cluster.last === null || rec.timeUtc > cluster.last) cluster.last = rec.timeUtc;
    }
  };

  for (const rec of recordings) {
    if (rec.transcript) {
      const found: FoundName[] = findPersonNames(rec.transcript, rec.lang ?? options.lang ?? null);
      for (const f of found) {
        if (f.kind === 'public-figure' && !options.includePublicFigures) continue;
        add(rec, f.name, 'transcript', f.kind, f.name !== f.name.toLowerCase());
      }
    }
    const contact = usableListedName(rec.contactName);
    if (contact) add(rec, contact, 'contact', 'person', true);
    for (const p of rec.personsInfo ?? []) {
      const person = usableListedName(p);
      if (person) add(rec, person, 'persons-info', 'person', true);
    }
  }

  return clusters
    .map((c) => ({
      name: displayName(c),
      recordingIds: [...c.ids].sort((a, b) => a - b),
      first: c.first,
      last: c.last,
      sources: (['transcript', 'contact', 'persons-info'] as const).filter((s) => c.sources.has(s)),
      variants: [...c.names.keys()],
      kind: c.kind,
    }))
    .sort((a, b) => b.recordingIds.length - a.recordingIds.length || a.name.localeCompare(b.name));
}

/** The fullest, best-cased spelling: contact lists beat transcripts; "Anna Schmidt" beats "anna". */
function displayName(c: Cluster): string {
  let best = '';
  let bestScore = -Infinity;
  for (const [name, info] of c.names) {
    const words = name.trim().split(/\s+/).length;
    const score = words * 1000 + (info.cased ? 500 : 0) + (info.source !== 'transcript' ? 200 : 0) + info.count;
    if (score > bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best === best.toLowerCase() ? titleCase(best) : best;
}

function titleCase(name: string): string {
  return name.replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/**
 * The sentence the warnings panel shows, in Earshot's tone:
 * "12 recordings mention Anna Schmidt, who isn't in your household."
 */
export function describeUnknownName(entry: Pick<UnknownName, 'name' | 'recordingIds' | 'sources' | 'kind'>): string {
  const n = entry.recordingIds.length;
  const recs = `${n.toLocaleString('en-GB')} recording${n === 1 ? '' : 's'}`;
  if (entry.kind === 'public-figure') {
    return `${recs} ${n === 1 ? 'asks' : 'ask'} about ${entry.name}, a public figure — this is probably nothing to worry about.`;
  }
  if (entry.sources.length === 1 && entry.sources[0] === 'persons-info') {
    return `Alexa thought ${recs} ${n === 1 ? 'was' : 'were'} spoken by ${entry.name}, who isn't in your household.`;
  }
  if (entry.sources.length === 1 && entry.sources[0] === 'contact') {
    return `${recs} ${n === 1 ? 'contacts' : 'contact'} ${entry.name}, who isn't in your household.`;
  }
  return `${recs} ${n === 1 ? 'mentions' : 'mention'} ${entry.name}, who isn't in your household.`;
}
