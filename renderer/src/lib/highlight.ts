// Marks the words a search matched: every search word as a prefix of a word in the text, ignoring
// case and diacritics ("cafe" finds "Café"), the same sense the library's full-text search uses.

/** Folds text for matching: NFD, marks stripped, lower case. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a search, folded; the same split as the full-text search (letters and digits). */
export function searchTerms(search: string): string[] {
  return [
    ...new Set(
      fold(search)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean),
    ),
  ].slice(0, 20);
}

export interface Segment {
  text: string;
  match: boolean;
}

/** Splits text into plain and matched pieces, keeping the original characters. */
export function highlight(text: string, search: string | string[]): Segment[] {
  const terms = typeof search === 'string' ? searchTerms(search) : search;
  if (!text || terms.length === 0) return text ? [{ text, match: false }] : [];
  // Fold character by character so every folded position maps back to the original text.
  const folded: string[] = [];
  const origin: number[] = [];
  const originLength: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    // A combining mark folds to nothing: it belongs to the letter before it.
    if (!f && originLength.length) originLength[originLength.length - 1]! += ch.length;
    for (const c of f) {
      folded.push(c);
      origin.push(i);
      originLength.push(ch.length);
    }
    i += ch.length;
  }
  const flat = folded.join('');
  const marks = new Uint8Array(text.length);
  const word = /[\p{L}\p{N}]+/gu;
  for (let m = word.exec(flat); m; m = word.exec(flat)) {
    const w = m[0];
    let best = 0;
    for (const term of terms) if (term.length > best && w.startsWith(term)) best = term.length;
    if (!best) continue;
    // Folded positions [start, start+best) map to original characters; mark all of them.
    const start = [...flat.slice(0, m.index)].length;
    const endCp = start + [...w.slice(0, best)].length;
    for (let k = start; k < endCp; k++) marks.fill(1, origin[k]!, origin[k]! + originLength[k]!);
  }
  const out: Segment[] = [];
  let startOfRun = 0;
  for (let p = 1; p <= text.length; p++) {
    if (p === text.length || marks[p] !== marks[startOfRun]) {
      out.push({ text: text.slice(startOfRun, p), match: marks[startOfRun] === 1 });
      startOfRun = p;
    }
  }
  return out;
}
