// Turns what the user types into FTS5 queries. What a search box user expects:
//   play jazz        every word must match; each word is also a prefix, so results narrow as they type
//   "play jazz"      a phrase: these words, next to each other, in this order
//   jazz OR blues    either (OR binds tighter than the implied AND: `play jazz OR blues`)
//   -weather         leaves out recordings with that word (or -"a phrase")
// User text never reaches FTS5 as syntax: every word is quoted, so `NEAR`, `*`, `^` or a stray quote
// are words or nothing, never an error.

/** Words of the search text, in the same sense the FTS tokenizer uses (letters and digits). */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** At most this many terms are searched; the rest of a pasted paragraph is ignored. */
const MAX_TERMS = 20;

interface Term {
  words: string[];
  /** The last word may be the start of a longer one. */
  prefix: boolean;
}

export interface SearchQuery {
  /** What must match (FTS5 MATCH), or null when only exclusions or nothing were typed. */
  match: string | null;
  /** What must not match (FTS5 MATCH), or null. */
  exclude: string | null;
  /** The text has characters but no word to search for ("👍", "!!!"): nothing can match it. */
  noWords: boolean;
}

interface Token {
  text: string;
  quoted: boolean;
  /** A quote was opened and closed; an open one is still being typed. */
  closed: boolean;
  negated: boolean;
  /** Followed directly by the end of the text: the user is still typing it. */
  atEnd: boolean;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  const re = /(-?)(?:"([^"]*)("?)|(\S+))/gu;
  const all = text.normalize('NFC');
  for (let m = re.exec(all); m; m = re.exec(all)) {
    const quoted = m[2] !== undefined;
    out.push({
      text: quoted ? m[2]! : m[4]!,
      quoted,
      closed: quoted && m[3] === '"',
      negated: m[1] === '-',
      atEnd: m.index + m[0].length === all.length,
    });
  }
  return out;
}

function term(token: Token): Term | null {
  const words = searchWords(token.text);
  if (words.length === 0) return null;
  const last = words[words.length - 1]!;
  // A word is a prefix while typing ("alex pla" finds "alexa play"); a quoted phrase is exact once
  // its quote is closed. A single letter is a prefix only while it is being typed ("turn o"): later
  // in the text it means itself, not the start of most of the library.
  const prefix = token.closed ? false : token.atEnd || [...last].length > 1;
  return { words, prefix };
}

function ftsTerm(t: Term): string {
  const phrase = `"${t.words.map((w) => w.replace(/"/g, '""')).join(' ')}"`;
  return t.prefix ? `${phrase}*` : phrase;
}

/** The FTS5 queries for what the user typed. */
export function searchQuery(text: string): SearchQuery {
  const groups: Term[][] = [];
  const excluded: Term[] = [];
  let joinNext = false;
  let count = 0;
  let sawCharacters = false;
  for (const token of tokens(text)) {
    if (count >= MAX_TERMS) break;
    if (!token.quoted && !token.negated && token.text === 'OR') {
      joinNext = groups.length > 0;
      continue;
    }
    sawCharacters = true;
    const t = term(token);
    if (!t) {
      joinNext = false;
      continue;
    }
    count++;
    if (token.negated) excluded.push(t);
    else if (joinNext) groups[groups.length - 1]!.push(t);
    else groups.push([t]);
    joinNext = false;
  }
  const match = groups.length
    ? groups.map((g) => (g.length > 1 ? `(${g.map(ftsTerm).join(' OR ')})` : ftsTerm(g[0]!))).join(' AND ')
    : null;
  const exclude = excluded.length ? excluded.map(ftsTerm).join(' OR ') : null;
  return { match, exclude, noWords: sawCharacters && match === null && exclude === null };
}
