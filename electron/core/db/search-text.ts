// Turns what the user types into an FTS5 query: every word must match, the last one as a prefix,
// so results narrow as they type. Quotes keep FTS5 operators in user text from being interpreted.

/** Words of the search text, in the same sense the FTS tokenizer uses (letters and digits). */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 20);
}

/** An FTS5 MATCH expression, or null when the text has no words. */
export function ftsQuery(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  // Every word as a prefix: "alex pla" finds "alexa play" while typing. A single letter is matched
  // as a whole word: as a prefix it would match most of a large library (62,000 of 100,000
  // recordings for "t"), slowly and usefully to nobody.
  return words.map((w) => `"${w.replace(/"/g, '""')}"${[...w].length > 1 ? '*' : ''}`).join(' AND ');
}
