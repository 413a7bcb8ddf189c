// Folding of names for comparison: case, accents, German umlaut spellings, short forms, typos.
import nicknameData from '../../../../resources/names/nicknames.json' with { type: 'json' };

const COMBINING = /[\u0300-\u036f]/g;

/**
 * Lower case, accents stripped, ß→ss, ligatures split, curly apostrophes made straight.
 * Why: lexicon look-ups must not depend on how the speech recogniser spelled "Müller" or "Léa".
 */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/[’‘`´]/g, "'")
    .normalize('NFD')
    .replace(COMBINING, '');
}

/**
 * One name token folded for comparison: foldText plus ae/oe/ue → a/o/u, so that
 * Müller, Mueller and Muller all become "muller" (ü→u and ü→ue both covered).
 * Why unconditional: applied to both sides, a rare false collision (Joel/Jol) costs nothing,
 * while a missed Mueller/Müller would warn about a household member.
 */
function foldToken(token: string): string {
  return foldText(token)
    .replace(/[^a-z]/g, '')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u');
}

/** Name tokens: words of a name, hyphenated parts kept together ("jean-pierre" → "jeanpierre"). */
export function nameTokens(name: string): string[] {
  return foldText(name)
    .split(/[\s,.;:/()]+/)
    .map((t) => foldToken(t))
    .filter((t) => t.length > 0);
}

/** Short-form groups: folded token → indices of the groups it belongs to (a name may be in several). */
const groupsOf = new Map<string, number[]>();
const groupKey: string[] = [];
(nicknameData.groups as string[][]).forEach((group, index) => {
  groupKey.push(foldToken(group[0] ?? ''));
  for (const variant of group) {
    const key = foldToken(variant);
    if (!key) continue;
    const list = groupsOf.get(key) ?? [];
    if (!list.includes(index)) list.push(index);
    groupsOf.set(key, list);
  }
});

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

export type TokenMatch = 'exact' | 'spelling' | 'short-form';

/**
 * Do two folded name tokens name the same given name or surname?
 * exact after folding; short form via the nickname table (Bob/Robert, Sepp/Josef);
 * spelling: edit distance 1 when both have at least 5 letters (Katharina/Katarina, Schmitt/Schmidt).
 */
export function tokensMatch(a: string, b: string): TokenMatch | null {
  if (!a || !b) return null;
  if (a === b) return 'exact';
  const ga = groupsOf.get(a);
  const gb = groupsOf.get(b);
  if (ga && gb && ga.some((g) => gb.includes(g))) return 'short-form';
  if (a.length >= 5 && b.length >= 5 && editDistance(a, b, 1) <= 1) return 'spelling';
  return null;
}

/**
 * Canonical comparison key of a name: folded tokens, each short form replaced by its group's
 * first name ("Bob Mueller" → "robert muller"). Names with equal keys are the same; names with
 * different keys may still match through tokensMatch (typos, names in several groups).
 */
export function normaliseName(name: string): string {
  return nameTokens(name)
    .map((t) => {
      const groups = groupsOf.get(t);
      return groups && groups.length > 0 ? (groupKey[groups[0] ?? 0] ?? t) : t;
    })
    .join(' ');
}
