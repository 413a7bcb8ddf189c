// Folding person names for comparison: case, accents and German spellings (Müller = Mueller = Muller).
export function foldPersonName(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/,/g, ' ')
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .replace(/ß/g, 'ss')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The people a list of mentioned names stands for, each once, by the fullest name it was called:
 * "Markus" is the same person as "Markus Brandt" when both occur, so ["Markus Brandt", "Markus",
 * "Sabine"] → ["Markus Brandt", "Sabine"]. Counting "Markus" twice would also make an export look
 * as if it named more strangers than it does. Order follows the first mention of each person.
 */
export function distinctPeople(names: readonly string[]): string[] {
  const words = (n: string) => foldPersonName(n).split(' ').filter(Boolean);
  const unique = [...new Map(names.map((n) => [foldPersonName(n), n])).values()].filter((n) => words(n).length > 0);
  const fullest = new Map<string, string>(); // each name → the longest name whose words contain all of its words
  for (const n of unique) {
    const own = words(n);
    let best = n;
    for (const other of unique) {
      const theirs = words(other);
      if (theirs.length > words(best).length && own.every((w) => theirs.includes(w))) best = other;
    }
    fullest.set(n, best);
  }
  return [...new Set(unique.map((n) => fullest.get(n)!))];
}
