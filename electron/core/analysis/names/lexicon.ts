// Word lists, folded once at load time into sets. The data lives in resources/names/ (see its
// "source" fields); bundlers inline the JSON, so this stays a pure module with no file access.
import nlp from 'compromise';
import firstNameData from '../../../../resources/names/first-names.json' with { type: 'json' };
import surnameData from '../../../../resources/names/surnames.json' with { type: 'json' };
import wordData from '../../../../resources/names/words.json' with { type: 'json' };
import placeData from '../../../../resources/names/places.json' with { type: 'json' };
import brandData from '../../../../resources/names/brands.json' with { type: 'json' };
import publicData from '../../../../resources/names/public-figures.json' with { type: 'json' };
import cultureData from '../../../../resources/names/culture.json' with { type: 'json' };
import { foldText } from './normalise.ts';

export type Lang = 'en' | 'de' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'de', 'fr'];

type PerLang<T> = Record<Lang, T>;

const fold = (list: readonly string[]): Set<string> => new Set(list.map((w) => foldText(w)));
const perLang = (data: PerLang<string[]>): PerLang<Set<string>> => ({
  en: fold(data.en),
  de: fold(data.de),
  fr: fold(data.fr),
});

/** Phrases of one or more words, looked up by their first folded word (longest first). */
export class PhraseSet {
  private readonly byFirst = new Map<string, string[][]>();
  constructor(phrases: readonly string[]) {
    for (const phrase of phrases) {
      // "for pete's sake": the possessive 's is not a token of its own (see text.ts).
      const words = foldText(phrase)
        .replace(/'s\b/g, '')
        .split(/[\s'-]+/)
        .filter(Boolean);
      const first = words[0];
      if (!first) continue;
      const list = this.byFirst.get(first) ?? [];
      list.push(words);
      list.sort((a, b) => b.length - a.length);
      this.byFirst.set(first, list);
    }
  }
  /** Number of tokens of the longest phrase starting at `keys[at]`, or 0. */
  matchAt(keys: readonly string[], at: number): number {
    const candidates = this.byFirst.get(keys[at] ?? '');
    if (!candidates) return 0;
    for (const words of candidates) {
      if (words.every((w, k) => keys[at + k] === w)) return words.length;
    }
    return 0;
  }
}

/** Given names per language; English also gets compromise's lexicon of first names. */
export const firstNames: PerLang<Set<string>> = perLang(firstNameData as unknown as PerLang<string[]>);
/** Every given name of any language: "appelle kevin" and "call léa" happen. */
export const anyFirstName = new Set<string>([...firstNames.en, ...firstNames.de, ...firstNames.fr]);
export const surnames = fold(surnameData.names);

// compromise (MIT) tags ~3,000 English first names and ~900 surnames in its lexicon, and knows
// which common English words are not names. Why: a cheap, offline second opinion for English.
const compromiseFirst = new Set<string>();
const compromiseLast = new Set<string>();
const compromiseWord = new Set<string>();
{
  const world = nlp.world() as { model: { one: { lexicon: Record<string, string | string[]> } } };
  const lexicon = world.model.one.lexicon;
  for (const [word, tags] of Object.entries(lexicon)) {
    const list = Array.isArray(tags) ? tags : [tags];
    const key = foldText(word);
    if (list.some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName')) compromiseFirst.add(key);
    else if (list.includes('LastName')) compromiseLast.add(key);
    else compromiseWord.add(key);
  }
}
for (const key of compromiseFirst) anyFirstName.add(key);
/** Given names English speakers use: the English list and compromise's. */
export const englishFirstNames = new Set<string>([...firstNames.en, ...compromiseFirst]);
for (const key of compromiseLast) surnames.add(key);
/** English words that compromise knows as something other than a name ("dinner", "ready"). */
export const englishCommonWords = compromiseWord;

export const wakeWords = new PhraseSet(wordData.wakeWords);
export const wakeWordSet = fold(wordData.wakeWords.filter((w) => !w.includes(' ')));
export const relations = perLang(wordData.relations);
export const kinTitles = perLang(wordData.kinTitles);
export const titles = perLang(wordData.titles);
export const stopWords = perLang(wordData.stopWords);
export const notPeople = perLang(wordData.notPeople);
export const ambiguous = perLang(wordData.ambiguous);

export const places = new PhraseSet(placeData.places);
export const placeWords = fold(placeData.places.filter((p) => !/[\s]/.test(p)));
export const placePrepositions = perLang(placeData.prepositions);
export const brands = new PhraseSet(brandData.brands);
export const brandWords = fold(brandData.brands.filter((b) => !/[\s']/.test(b)));
export const mediaWords = perLang(brandData.mediaWords);
export const publicFigures = new PhraseSet(publicData.names);
/** Fictional characters ("jon snow", "benjamin blümchen") and sayings or titles with a name in them. */
export const characters = new PhraseSet(cultureData.characters);
export const sayings = new PhraseSet(cultureData.phrases);
/** Religious names ("jesus", "gott"): never a person outside a command slot. */
export const religiousNames = fold(cultureData.religious);
/** Words before a name that make it a saint, a royal or a place ("saint patrick", "king arthur", "st moritz"). */
export const honorifics = perLang(cultureData.honorifics);

/** Words that are never a person in any of the three languages, whatever a name list says. */
export function neverAName(key: string): boolean {
  return wakeWordSet.has(key) || LANGS.some((l) => relations[l].has(key));
}
