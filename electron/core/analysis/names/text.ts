// Tokenising transcripts and guessing their language, both cheap enough for 100,000 recordings.
import { foldText } from './normalise.ts';
import type { Lang } from './lexicon.ts';

export interface Token {
  /** As written in the transcript. */
  text: string;
  start: number;
  end: number;
  /** foldText(text): lower case, no accents. */
  key: string;
  /** First letter upper case. */
  cap: boolean;
  /** English possessive follows ("emma's"): the 's is not part of the token. */
  possessive: boolean;
  /** Punctuation (comma, full stop, …) separates this token from the previous one. */
  afterPunct: boolean;
}

// Letters and digits; hyphens inside a word keep it together (jean-pierre, saint-étienne).
// Apostrophes split, so French elisions become their own tokens (d'angèle → d, angèle).
const WORD = /[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let lastEnd = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    const word = m[0];
    const end = start + word.length;
    const between = text.slice(lastEnd, start);
    const next2 = text.slice(end, end + 3);
    const possessive = /^['’]s(?![\p{L}])/u.test(next2);
    tokens.push({
      text: word,
      start,
      end,
      key: foldText(word),
      cap: /^\p{Lu}/u.test(word),
      possessive,
      afterPunct: tokens.length === 0 || /[,.;:!?]/.test(between),
    });
    lastEnd = possessive ? end + 2 : end;
  }
  // Drop the "s" of possessives that the loop above emitted as a token of its own.
  return tokens.filter((t, i) => !(t.key === 's' && tokens[i - 1]?.possessive && tokens[i - 1]?.end === t.start - 1));
}

// Short, frequent words that tell the three languages apart in commands. Words shared by two
// languages (in, a, me, was) are left out.
const MARKERS: Record<Lang, Set<string>> = {
  en: new Set(
    "the to is what whats what's play call set my for on of and turn off please how it text remind tell weather timer add list i you when who where song music light lights alarm minutes today tomorrow me up this that with can be are does did time stop good morning night calendar show from your our he she they we will would could there their about after before weekend tonight".split(
      ' ',
    ),
  ),
  de: new Set(
    'der die das den dem ist wie ruf rufe an spiel spiele mach bitte mir mich ich ein eine einen und auf wetter schreib schreibe erinnere wecker stell schalte aus licht nach von im wird es wer wo morgen heute sag schick zu mit fur uhr minuten hat wann nicht einkaufsliste lauter leiser gibt ob dass zimmer steht kalender termin heute zeig zeige gib mache stelle stell spat viel wieviel grad nachrichten kuche wohnzimmer schlafzimmer erinnerung bei bis noch schon mal doch jetzt gleich sind bin kannst'.split(
      ' ',
    ),
  ),
  fr: new Set(
    'le la les de du des est quel quelle appelle mets joue un une et meteo il fait que qui pour sur dans au en lumiere minuteur reveil envoie dis rappelle ecris allume eteins temps ajoute liste mon ma mes ou quand d l j qu s moi lance chanson musique ce cette est-ce quelle quels y a avec chez mais tout toute maintenant demain aujourd hui soir matin combien comment pourquoi sont suis vous nous tu je'.split(
      ' ',
    ),
  ),
};

/**
 * Guess en/de/fr from marker words and letters (ä ö ü ß → German; é è ê ç œ → French).
 * Why so simple: transcripts are short commands, and a wrong guess only changes which stop and
 * ambiguity lists apply, not whether a name in a command slot is found.
 */
export function detectLanguage(text: string, tokens: Token[] = tokenize(text)): Lang {
  const score: Record<Lang, number> = { en: 0, de: 0, fr: 0 };
  for (const t of tokens) {
    for (const lang of ['en', 'de', 'fr'] as const) if (MARKERS[lang].has(t.key)) score[lang] += 1;
  }
  const lower = text.toLowerCase();
  score.de += (lower.match(/[äöüß]/g)?.length ?? 0) * 0.5;
  score.fr += (lower.match(/[éèêçœàù]/g)?.length ?? 0) * 0.5;
  // Letter patterns of German spelling that English and French rarely have.
  score.de += (lower.match(/sch|tz|\b\w+ung\b|\b\w+chen\b/g)?.length ?? 0) * 0.3;
  let best: Lang = 'en';
  for (const lang of ['de', 'fr'] as const) if (score[lang] > score[best]) best = lang;
  return best;
}
