// Places named in transcripts: the town in "wie wird das Wetter in Giesen", "directions to Leeds",
// "what time is it in Tokyo". Found by what is asked (weather, routes, time) in English, German and
// French, so a small town no list knows is still found; the place list in resources/names/ adds
// bare "in X" mentions of places it knows. The c't case was solved from exactly these questions.
import placeData from '../../../resources/names/places.json' with { type: 'json' };
import wordData from '../../../resources/names/words.json' with { type: 'json' };
import { foldPersonName } from './fold.ts';

export interface PlaceMention {
  /** As written, e.g. "Bad Salzdetfurth". */
  place: string;
  /** Folded for comparison (see `foldPlace`). */
  folded: string;
  context: 'weather' | 'route' | 'time' | 'in';
}

/** Case, accents, German spellings and punctuation folded: "Köln" = "koeln" = "koln". */
export function foldPlace(place: string): string {
  // Folded as person names are, with "St." read as "Sankt" ("St. Peter-Ording" = "Sankt Peter-Ording").
  return foldPersonName(place.normalize('NFC').replace(/(^|[^\p{L}])st\.?\s/giu, '$1sankt '));
}

// The same place in another language: what a user types in About you and what they ask about
// need not agree ("München" at home, "weather in Munich" from a visitor's phone).
const EXONYMS: string[][] = [
  ['munchen', 'munich', 'monaco di baviera'],
  ['koln', 'cologne'],
  ['wien', 'vienna', 'vienne'],
  ['nurnberg', 'nuremberg'],
  ['zurich', 'zuerich'],
  ['genf', 'geneva', 'geneve', 'ginevra'],
  ['rom', 'rome', 'roma'],
  ['mailand', 'milan', 'milano'],
  ['prag', 'prague', 'praha'],
  ['warschau', 'warsaw', 'varsovie'],
  ['brussel', 'brussels', 'bruxelles'],
  ['lissabon', 'lisbon', 'lisbonne'],
  ['moskau', 'moscow', 'moscou'],
  ['venedig', 'venice', 'venise', 'venezia'],
  ['florenz', 'florence', 'firenze'],
  ['neapel', 'naples', 'napoli'],
  ['kopenhagen', 'copenhagen', 'copenhague'],
  ['athen', 'athens', 'athenes'],
  ['london', 'londres'],
  ['hannover', 'hanover'],
  ['braunschweig', 'brunswick'],
  ['frankfurt', 'frankfurt am main', 'francfort'],
  ['strassburg', 'strasbourg'],
  ['aachen', 'aix la chapelle'],
  ['dusseldorf', 'duesseldorf'],
];
const sameAs = new Map<string, number>();
EXONYMS.forEach((names, i) => names.forEach((n) => sameAs.set(n, i)));

/**
 * Whether a place asked about is one the user named: equal when folded, the same city under another
 * language's name, or one of the parts of what the user wrote ("Hildesheim, Lower Saxony").
 */
export function samePlace(asked: string, named: string): boolean {
  const a = foldPlace(asked);
  const parts = [foldPlace(named), ...named.split(/[,/;()]/).map(foldPlace)].filter(Boolean);
  return parts.some((b) => {
    if (a === b) return true;
    const ia = sameAs.get(a);
    if (ia != null && ia === sameAs.get(b)) return true;
    // "Frankfurt" asked, "Frankfurt am Main" named; "Bad Salzdetfurth" named, "Salzdetfurth" asked.
    return (
      (a.length >= 4 && b.startsWith(`${a} `)) || (b.length >= 4 && (a.endsWith(` ${b}`) || a.startsWith(`${b} `)))
    );
  });
}

const knownPlaces = new Set(placeData.places.map(foldPlace));

// What a question asks about, per language, as folded words.
const WEATHER = new Set(
  (
    'weather forecast temperature temperatures rain raining snow snowing sunny hot cold warm humid windy umbrella ' +
    'wetter wettervorhersage vorhersage temperatur temperaturen regen regnet regnen schnee schneit sonne sonnig warm kalt heiss windig gewitter ' +
    'meteo temps pluie pleut pleuvoir neige neiger temperature chaud froid'
  ).split(' '),
);
const ROUTE = new Set(
  (
    'directions navigate navigation route drive driving traffic commute distance far train trains bus flight flights ' +
    'navigiere navigation fahr fahre fahrt bring verkehr stau weit entfernt zug zuge bahn ' +
    'itineraire trajet aller conduire circulation loin'
  ).split(' '),
);
const TIME = new Set('time clock spat spaet uhrzeit uhr heure'.split(' '));

// Words after which a place is named, per language (folded).
const BEFORE_PLACE = new Set(
  'in for at near to towards around nach fur in im bei um aus von richtung bis a au aux pour vers pres de en'.split(
    ' ',
  ),
);
// Words that end a place: times, articles, fillers and question words.
const ENDS_PLACE = new Set(
  (
    'today tomorrow tonight now this next week weekend morning afternoon evening night day days hour hours the a an ' +
    'please and or right currently later like be is will going on at from be it there here me my our your ' +
    'monday tuesday wednesday thursday friday saturday sunday ' +
    'heute morgen ubermorgen abend nachmittag vormittag nacht jetzt gerade woche wochenende tag tage stunde der die das den dem des ein eine einen bitte und oder es ist wird sein werden mal denn so wie gibt da dort hier mich mir uns ' +
    'montag dienstag mittwoch donnerstag freitag samstag sonntag ' +
    'aujourd hui demain soir matin nuit semaine maintenant le la les un une et ou est sera il y fait ce cette'
  ).split(' '),
);
// A place never starts with these: "the weather in the morning", "in einer Stunde".
const NOT_A_PLACE = new Set(
  (
    'the a an my our your this that which what how general summer winter spring autumn fall degrees celsius fahrenheit ' +
    'einer einem einen eine ein der die das dem den meiner meinem unserer dieser diesem welcher celsius grad sommer winter ' +
    'minutes minuten stunden hours days tagen ' +
    'ma mon mes notre votre ce cette quel quelle degres'
  ).split(' '),
);
// Ordinary words of the three languages: in a lower-case transcript they end a place name.
const ORDINARY = new Set(
  Object.values(wordData.stopWords as Record<string, string[]>)
    .flat()
    .map(foldPlace),
);

// Connectors inside a place name: "Frankfurt am Main", "Halle an der Saale", "Stratford upon Avon".
const CONNECTORS = new Set(['am', 'an', 'der', 'ob', 'upon', 'on', 'sur', 'en', 'le', 'la', 'les', 'de']);

interface Token {
  raw: string;
  key: string;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.normalize('NFC').matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)) {
    const raw = m[0].replace(/[.'’-]+$/u, '');
    out.push({ raw, key: foldPlace(raw) });
  }
  return out;
}

/** The place named from `at` on, up to four words, or null. `lower`: the transcript has no capitals. */
function placeAt(ts: Token[], at: number, lower: boolean): { place: string; end: number } | null {
  const first = ts[at];
  if (!first || NOT_A_PLACE.has(first.key) || ENDS_PLACE.has(first.key) || /^\d/.test(first.key)) return null;
  let end = at + 1;
  while (end < ts.length && end - at < 4) {
    const t = ts[end]!;
    if (CONNECTORS.has(t.key)) {
      // A connector joins only when a name follows it: "Frankfurt am Main", not "Giesen am Montag".
      let k = end;
      while (k < ts.length && CONNECTORS.has(ts[k]!.key) && k - end < 2) k++;
      const next = ts[k];
      if (!next || ENDS_PLACE.has(next.key) || NOT_A_PLACE.has(next.key) || /^\d/.test(next.key)) break;
      end = k + 1;
      continue;
    }
    // A second word continues a place when it is capitalised, the whole is a known place, or (in a
    // lower-case transcript, where capitals tell nothing) it is no ordinary word: "chipping norton".
    if (ENDS_PLACE.has(t.key) || BEFORE_PLACE.has(t.key) || /^\d/.test(t.key)) break;
    if (contextOf(t.key)) break;
    const joined = ts
      .slice(at, end + 1)
      .map((x) => x.key)
      .join(' ');
    const capitalised = /^\p{Lu}/u.test(t.raw) && /^\p{Lu}/u.test(first.raw);
    const prefix = /^(bad|sankt|st|new|san|santa|saint|le|la|los|las|el)$/.test(first.key);
    if (!capitalised && !knownPlaces.has(joined) && !prefix && !(lower && !ORDINARY.has(t.key))) break;
    end++;
  }
  const place = ts
    .slice(at, end)
    .map((t) => t.raw)
    .join(' ');
  return { place, end };
}

function contextOf(key: string): PlaceMention['context'] | null {
  if (WEATHER.has(key)) return 'weather';
  if (ROUTE.has(key)) return 'route';
  if (TIME.has(key)) return 'time';
  return null;
}

/** Places asked about in one transcript, each once. */
export function findPlaces(text: string): PlaceMention[] {
  const ts = tokens(text);
  const lower = text === text.toLowerCase();
  const found = new Map<string, PlaceMention>();
  const add = (place: string, context: PlaceMention['context']) => {
    const folded = foldPlace(place);
    if (folded.length < 2 || found.has(folded)) return;
    found.set(folded, { place, folded, context });
  };
  let context: PlaceMention['context'] | null = null;
  for (let i = 0; i < ts.length; i++) {
    const key = ts[i]!.key;
    context = contextOf(key) ?? context;
    if (BEFORE_PLACE.has(key)) {
      const p = placeAt(ts, i + 1, lower);
      if (!p) continue;
      const folded = foldPlace(p.place);
      // Without a question about weather, a route or the time, only places the list knows count.
      if (context) add(p.place, context);
      else if (knownPlaces.has(folded)) add(p.place, 'in');
      i = p.end - 1;
    } else if (contextOf(key) === 'weather' && i + 1 < ts.length && !BEFORE_PLACE.has(ts[i + 1]!.key)) {
      // "alexa wetter hildesheim": the place straight after the weather word.
      const p = placeAt(ts, i + 1, lower);
      if (p && (p.end === ts.length || knownPlaces.has(foldPlace(p.place)) || /^\p{Lu}/u.test(p.place))) {
        add(p.place, 'weather');
        i = p.end - 1;
      }
    }
  }
  return [...found.values()];
}
