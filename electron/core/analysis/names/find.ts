// Person names in one assistant transcript (English, German, French; lower case or mixed case).
//
// How it decides, in order of trust:
//  1. Command slots: the words after "call", "text", "remind", "ruf … an", "schreib", "erinnere",
//     "appelle", "envoie un message à", … name a person unless they are a relation word (mum,
//     oma, maman), a place of business (the dentist, den pizzaservice) or a stop word. A name in a
//     strong slot is taken even when it is unknown or also a word ("call frank", "appelle rose").
//  2. Titles and kin words: "herr schmidt", "madame bernard", "aunt linda", "tata sylvie".
//  3. Given-name lists: a known first name anywhere else, unless it is also a common word in the
//     transcript's language ("will", "mark", "rosa", "blanche"): those need a slot, a possessive
//     ("mark's"), or — in English and French only — a capital letter mid-sentence.
//  4. compromise (English, mixed case only): capitalised words the rules above cannot explain.
// Never people: wake words (alexa, echo, computer, ziggy, hey google), brands and services,
// places after a place preposition ("weather in paris"), and anything after a media command
// ("play taylor swift", "spiel musik von nena", "mets du stromae"): artists are not visitors.
// Public figures asked about ("how old is angela merkel") or on a short list come back with
// kind 'public-figure' so a caller can show them calmly or not at all. Fictional characters
// ("jon snow"), sayings ("live long and prosper"), religious names ("jesus") and names after a
// saint's or royal title ("saint patrick", "king arthur") are not people outside a command slot.
import nlp from 'compromise';
import {
  ambiguous,
  anyFirstName,
  brands,
  characters,
  englishFirstNames,
  firstNames,
  honorifics,
  brandWords,
  englishCommonWords,
  kinTitles,
  mediaWords,
  neverAName,
  notPeople,
  PhraseSet,
  placePrepositions,
  places,
  placeWords,
  publicFigures,
  relations,
  religiousNames,
  sayings,
  stopWords,
  surnames,
  titles,
  wakeWords,
  type Lang,
} from './lexicon.ts';
import { detectLanguage, tokenize, type Token } from './text.ts';

export type NameReason =
  | 'command-slot'
  | 'title'
  | 'kin-word'
  | 'possessive'
  | 'first-name-list'
  | 'capitalised'
  | 'nlp'
  | 'public-figure-list'
  | 'knowledge-question';

export interface FoundName {
  /** The name as written in the transcript ("anna", "Jürgen Müller", "schmidt"). */
  name: string;
  start: number;
  end: number;
  why: NameReason;
  /** 'public-figure': someone famous asked about; not evidence of a stranger at home. */
  kind: 'person' | 'public-figure';
}

type SlotKind = 'strong' | 'weak' | 'before' | 'media' | 'knowledge' | 'skill';

// Trigger phrases per language. strong: the next words are a person (or a relation/business).
// weak: the next word is a person if it is a known first name, even an ambiguous one.
// before: the person precedes ("lukas anrufen"). media/knowledge/skill: a clause about songs,
// famous people or skills, in which names are not household evidence.
const TRIGGERS: Record<Lang, Record<SlotKind, string[]>> = {
  en: {
    strong: [
      'call',
      'phone',
      'video call',
      'facetime',
      'text',
      'message',
      'send a message to',
      'send a text to',
      'send a text message to',
      'send an email to',
      'send a voice message to',
      'send',
      'email',
      'tell',
      'remind',
      'drop in on',
      'messages from',
      'message from',
      'texts from',
      'text from',
      'calls from',
      'call from',
      'missed call from',
      'missed calls from',
      'notify',
      'invite',
      'let',
    ],
    weak: [
      'ask',
      'ring',
      'dial',
      'where is',
      'where s',
      'did',
      'has',
      'wake up',
      'pictures of',
      'photos of',
      'happy birthday to',
      'say hi to',
      'say hello to',
      'good night',
      'goodnight',
    ],
    before: [],
    media: ['play', 'shuffle', 'put on', 'listen to', 'queue', 'resume', 'skip to'],
    knowledge: [
      'who is',
      'who s',
      'who was',
      'how old is',
      'how old was',
      'how tall is',
      'when was',
      'when did',
      'where was',
      'where did',
      'tell me about',
      'who sings',
      'who sang',
      'who wrote',
      'who played',
      'who won',
      'who married',
      'what is the net worth of',
      'who plays',
      'who voiced',
      'who voices',
      'who directed',
      'who composed',
    ],
    skill: ['open', 'launch', 'start', 'enable'],
  },
  de: {
    strong: [
      'ruf',
      'rufe',
      'telefoniere mit',
      'schreib',
      'schreibe',
      'schick',
      'schicke',
      'sende',
      'nachricht an',
      'sms an',
      'nachricht fur',
      'erinnere',
      'sag',
      'sage',
      'nachricht von',
      'nachrichten von',
      'anruf von',
      'anrufe von',
      'benachrichtige',
      'informiere',
      'gratuliere',
    ],
    weak: [
      'frag',
      'frage',
      'wo ist',
      'hat',
      'ist',
      'geburtstag von',
      'bilder von',
      'fotos von',
      'gute nacht',
      'weck',
      'wecke',
    ],
    before: ['anrufen', 'anzurufen', 'zuruckrufen', 'zuruckzurufen', 'schreiben', 'erinnern', 'anrufen lassen'],
    media: ['spiel', 'spiele', 'abspielen', 'hor', 'hore', 'leg'],
    knowledge: [
      'wer ist',
      'wer war',
      'wie alt ist',
      'wie alt war',
      'wie gross ist',
      'wann wurde',
      'erzahl mir von',
      'erzahl mir uber',
      'wer singt',
      'wer sang',
      'wer spielt',
      'wer spielte',
      'wer hat',
    ],
    skill: ['offne', 'starte', 'aktiviere'],
  },
  fr: {
    strong: [
      'appelle',
      'appeler',
      'telephone a',
      'envoie un message a',
      'envoie un sms a',
      'envoie un texto a',
      'envoie un mail a',
      'envoie un email a',
      'envoie un message vocal a',
      'message a',
      'sms a',
      'texto a',
      'ecris a',
      'ecris un message a',
      'ecrire a',
      'rappelle a',
      'dis a',
      'previens',
      'messages de',
      'message de',
      'appel de',
      'appels de',
      'envoie a',
    ],
    weak: ['demande a', 'ou est', 'anniversaire de', 'bonne nuit a', 'photos de', 'reveille'],
    before: [],
    media: ['joue', 'ecoute'],
    knowledge: [
      'qui est',
      'qui etait',
      'quel age a',
      'quel age avait',
      'c est qui',
      'qui chante',
      'qui joue',
      'parle-moi de',
      'qui a',
    ],
    skill: ['ouvre', 'lance', 'demarre'],
  },
};

const KINDS: SlotKind[] = ['strong', 'before', 'knowledge', 'media', 'skill', 'weak'];
const triggerSets: Record<Lang, Record<SlotKind, PhraseSet>> = {
  en: makeSets('en'),
  de: makeSets('de'),
  fr: makeSets('fr'),
};
function makeSets(lang: Lang): Record<SlotKind, PhraseSet> {
  const t = TRIGGERS[lang];
  return {
    strong: new PhraseSet(t.strong),
    weak: new PhraseSet(t.weak),
    before: new PhraseSet(t.before),
    media: new PhraseSet(t.media),
    knowledge: new PhraseSet(t.knowledge),
    skill: new PhraseSet(t.skill),
  };
}

// Questions about a work: what follows is a song, a book or a role, not someone at home
// ("who sings sweet caroline", "who played jon snow", "wer singt atemlos").
const WORK_QUESTIONS = new Set([
  'who sings',
  'who sang',
  'who wrote',
  'who played',
  'who plays',
  'who voiced',
  'who voices',
  'who directed',
  'who composed',
  'wer singt',
  'wer sang',
  'wer spielt',
  'wer spielte',
  'qui chante',
  'qui joue',
]);
const DEDICATION = new Set(['for', 'fur', 'pour']);
const CONJUNCTIONS = new Set(['and', 'und', 'et', 'or', 'oder', 'ou', 'plus']);
const ARTICLES: Record<Lang, Set<string>> = {
  en: new Set(['the']),
  de: new Set(['den', 'dem', 'der', 'die']),
  fr: new Set(['la', 'le']),
};
const POSSESSIVE_BEFORE_FRAU = new Set([
  'meine',
  'meiner',
  'deine',
  'seine',
  'seiner',
  'deiner',
  'unsere',
  'eure',
  'ihre',
  'ihrer',
]);

interface Context {
  text: string;
  lang: Lang;
  tokens: Token[];
  keys: string[];
  /** Capital letters carry information (mixed-case English or French transcript). */
  casing: boolean;
  /** Per token: a non-person phrase (wake word, brand, place) covers it. */
  blocked: boolean[];
  /** Per token: blocked only as part of a character, a saying or after an honorific. */
  cultural: boolean[];
  /** Per token: used by a trigger phrase. */
  trigger: boolean[];
  /** Per token: inside a media or skill clause (names suppressed) or knowledge clause. */
  clause: (null | 'media' | 'skill' | 'knowledge')[];
  /** Per token: already part of a found name. */
  used: boolean[];
  /** Start of the transcript proper (after wake words). */
  bodyStart: number;
  found: FoundName[];
}

export interface FindOptions {
  /** Use compromise for capitalised English words no rule explains (default true). */
  nlp?: boolean;
}

/** Person names mentioned in a transcript. `lang` null or omitted: guessed from the text. */
export function findPersonNames(text: string, lang?: Lang | null, options: FindOptions = {}): FoundName[] {
  if (!text || !text.trim()) return [];
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  const l: Lang = lang ?? detectLanguage(text, tokens);
  const ctx: Context = {
    text,
    lang: l,
    tokens,
    keys: tokens.map((t) => t.key),
    casing: casingIsInformative(tokens, l),
    blocked: tokens.map(() => false),
    cultural: tokens.map(() => false),
    trigger: tokens.map(() => false),
    clause: tokens.map(() => null),
    used: tokens.map(() => false),
    bodyStart: 0,
    found: [],
  };
  markWakeWords(ctx);
  markPhrases(ctx);
  markTriggersAndSlots(ctx);
  findOutsideSlots(ctx);
  if (options.nlp !== false && l === 'en' && ctx.casing) findWithCompromise(ctx, text);
  return ctx.found.sort((a, b) => a.start - b.start);
}

/** Capitals mean something only in mixed-case English/French text (German capitalises nouns). */
function casingIsInformative(tokens: Token[], lang: Lang): boolean {
  if (lang === 'de') return false;
  const words = tokens.filter((t) => /\p{L}/u.test(t.text));
  const caps = words.filter((t) => t.cap).length;
  if (caps === 0) return false;
  // Title Case Every Word or ALL CAPS says nothing about names.
  if (words.length >= 3 && caps / words.length > 0.6) return false;
  return true;
}

function markWakeWords(ctx: Context): void {
  let i = 0;
  for (;;) {
    // "hey", "ok" before a wake word, and wake words themselves, at the start or anywhere.
    const key = ctx.keys[i];
    if ((key === 'hey' || key === 'ok' || key === 'okay') && wakeWords.matchAt(ctx.keys, i + 1) > 0) {
      ctx.blocked[i] = true;
      i += 1;
      continue;
    }
    const n = wakeWords.matchAt(ctx.keys, i);
    if (n === 0) break;
    for (let k = i; k < i + n; k++) ctx.blocked[k] = true;
    i += n;
  }
  ctx.bodyStart = i;
  for (let k = i; k < ctx.tokens.length; k++)
    if (wakeWords.matchAt(ctx.keys, k) === 1 && ctx.keys[k] !== 'computer') ctx.blocked[k] = true;
}

function isPlaceContext(ctx: Context, i: number): boolean {
  const prev = ctx.keys[i - 1];
  return prev !== undefined && placePrepositions[ctx.lang].has(prev);
}

/** Brands, places and public figures spanning one or more tokens. */
function markPhrases(ctx: Context): void {
  const { keys } = ctx;
  for (let i = 0; i < keys.length; i++) {
    // Characters and sayings: a name inside "jon snow" or "live long and prosper" is not a person.
    // A one-word entry that is also a given name never blocks (the lists avoid those anyway).
    const c = Math.max(characters.matchAt(keys, i), sayings.matchAt(keys, i));
    if (c > 1 || (c === 1 && !anyFirstName.has(keys[i] ?? ''))) {
      for (let k = i; k < i + c; k++) ctx.blocked[k] = ctx.cultural[k] = true;
      i += c - 1;
      continue;
    }
    // "saint patrick", "king arthur", "st moritz", "heilige maria": a saint, a royal or a place.
    if (honorifics[ctx.lang].has(keys[i] ?? '') && isFirstName(ctx, i + 1)) {
      ctx.blocked[i + 1] = ctx.cultural[i + 1] = true;
      i += 1;
      continue;
    }
    const b = brands.matchAt(keys, i);
    // A single-word brand that is also a given name (otto, mercedes) blocks only outside slots;
    // that is decided later. Multi-word brands (olive garden, pizza hut) always block.
    if (b > 1 || (b === 1 && !anyFirstName.has(keys[i] ?? ''))) {
      for (let k = i; k < i + b; k++) ctx.blocked[k] = true;
      i += b - 1;
      continue;
    }
    const p = places.matchAt(keys, i);
    if (
      p > 1 ||
      (p === 1 && (!anyFirstName.has(keys[i] ?? '') || isPlaceContext(ctx, i) || isPlaceAfter(ctx, i + 1)))
    ) {
      for (let k = i; k < i + p; k++) ctx.blocked[k] = true;
      i += p - 1;
    }
  }
}

/** "paris texas": a place name followed by a state or country is a place. */
function isPlaceAfter(ctx: Context, i: number): boolean {
  const key = ctx.keys[i];
  return key !== undefined && placeWords.has(key) && !anyFirstName.has(key);
}

function isStop(ctx: Context, key: string): boolean {
  return stopWords[ctx.lang].has(key) || (ctx.lang !== 'en' && key.length <= 2 && stopWords.en.has(key));
}

function isFirstName(ctx: Context, i: number): boolean {
  const key = ctx.keys[i] ?? '';
  if (anyFirstName.has(key)) return true;
  // Hyphenated given names: every part a given name (jean-pierre, marie-claire, hans-peter).
  if (key.includes('-')) return key.split('-').every((part) => anyFirstName.has(part));
  return false;
}

/**
 * Outside command slots German and French transcripts use only German and French given names:
 * English-only names are too often French or German words ("beau", "will", "dom").
 */
function isLocalFirstName(ctx: Context, i: number): boolean {
  if (ctx.lang === 'en') return isFirstName(ctx, i);
  const key = ctx.keys[i] ?? '';
  const local = (k: string): boolean => firstNames.de.has(k) || firstNames.fr.has(k);
  if (local(key)) return true;
  return key.includes('-') && key.split('-').every(local);
}

/** Not a person whatever the context: stop word, relation, business, wake word, brand. */
function excluded(ctx: Context, i: number): boolean {
  const key = ctx.keys[i] ?? '';
  return (
    ctx.blocked[i] === true ||
    ctx.trigger[i] === true ||
    isStop(ctx, key) ||
    neverAName(key) ||
    notPeople[ctx.lang].has(key) ||
    religiousNames.has(key) ||
    /\d/.test(key) ||
    mediaWords[ctx.lang].has(key)
  );
}

/** An unknown word in a strong command slot: does it look like a name rather than a word? */
function looksLikeName(ctx: Context, i: number): boolean {
  const t = ctx.tokens[i];
  if (!t || excluded(ctx, i) || titles[ctx.lang].has(t.key)) return false;
  if (isFirstName(ctx, i) || surnames.has(t.key)) return true;
  if (t.key.length < 3) return false;
  if (brandWords.has(t.key) || placeWords.has(t.key)) return false;
  if (ctx.casing && !t.cap) return false;
  if (ctx.lang === 'en' && englishCommonWords.has(t.key)) return false;
  return true;
}

/** Can token i continue a name as its surname (or second given name)? */
function continuesName(ctx: Context, i: number, inSlot: boolean): boolean {
  const t = ctx.tokens[i];
  if (!t || t.afterPunct || excluded(ctx, i) || titles[ctx.lang].has(t.key)) return false;
  if (ambiguous[ctx.lang].has(t.key) && !(ctx.casing && t.cap) && !surnames.has(t.key)) return false;
  if (ctx.casing) return t.cap;
  if (surnames.has(t.key) || isFirstName(ctx, i)) return true;
  return inSlot && ctx.lang !== 'en' ? false : inSlot && looksLikeName(ctx, i) && !englishCommonWords.has(t.key);
}

function emit(ctx: Context, from: number, to: number, why: NameReason, kind: FoundName['kind'] = 'person'): void {
  const first = ctx.tokens[from];
  const last = ctx.tokens[to];
  if (!first || !last) return;
  for (let k = from; k <= to; k++) ctx.used[k] = true;
  ctx.found.push({ name: ctx.text.slice(first.start, last.end), start: first.start, end: last.end, why, kind });
}

/** Take a name starting at token i: first word accepted by the caller, surname words added. */
function takeName(
  ctx: Context,
  i: number,
  why: NameReason,
  inSlot: boolean,
  kind: FoundName['kind'] = 'person',
): number {
  let end = i;
  if (!ctx.tokens[i]?.possessive) {
    while (end + 1 < ctx.tokens.length && end - i < 2 && continuesName(ctx, end + 1, inSlot)) {
      end += 1;
      if (ctx.tokens[end]?.possessive) break;
    }
  }
  const pub = publicFigures.matchAt(ctx.keys, i);
  const finalKind = kind === 'person' && !inSlot && pub > 0 && pub === end - i + 1 ? 'public-figure' : kind;
  emit(
    ctx,
    i,
    end,
    finalKind === 'public-figure' && why !== 'knowledge-question' ? 'public-figure-list' : why,
    finalKind,
  );
  return end;
}

function markTriggersAndSlots(ctx: Context): void {
  const sets = triggerSets[ctx.lang];
  const n = ctx.tokens.length;
  let clause: Context['clause'][number] = null;
  for (let i = ctx.bodyStart; i < n; i++) {
    if (
      ctx.tokens[i]?.afterPunct &&
      i > ctx.bodyStart &&
      /[.!?;]/.test(ctx.text.slice(ctx.tokens[i - 1]?.end ?? 0, ctx.tokens[i]?.start ?? 0))
    )
      clause = null;
    let matched: SlotKind | null = null;
    let len = 0;
    for (const kind of KINDS) {
      const m = sets[kind].matchAt(ctx.keys, i);
      if (m > len) {
        len = m;
        matched = kind;
      }
    }
    // Inside a media command, "for X" / "für X" / "pour X" dedicates it to a person:
    // "play lullabies for baby ella", "spiel ein lied für lena".
    if (clause === 'media' && DEDICATION.has(ctx.keys[i] ?? '')) {
      let at = i + 1;
      while (relations[ctx.lang].has(ctx.keys[at] ?? '') || relations.en.has(ctx.keys[at] ?? '')) at += 1;
      if (isFirstName(ctx, at) && !excluded(ctx, at) && !ambiguous[ctx.lang].has(ctx.keys[at] ?? '')) {
        for (let k = i; k < at; k++) ctx.clause[k] = clause;
        i = takeName(ctx, at, 'command-slot', false);
        continue;
      }
    }
    // Media nouns ("song by", "album von", "chanson de", "story about") open a media clause.
    if (!matched && mediaWords[ctx.lang].has(ctx.keys[i] ?? '') && clause !== 'knowledge') {
      clause = 'media';
    }
    // A trigger word that is also a one-word brand ("ring", "signal") acts as the trigger.
    if (matched && ctx.blocked[i] && brands.matchAt(ctx.keys, i) === 1 && len >= 1) ctx.blocked[i] = false;
    if (!matched || ctx.blocked[i]) {
      ctx.clause[i] = clause;
      continue;
    }
    for (let k = i; k < i + len; k++) {
      ctx.trigger[k] = true;
      ctx.clause[k] = clause;
    }
    const next = i + len;
    if (matched === 'media' || matched === 'skill' || matched === 'knowledge') {
      // A knowledge question that is only one word long ("is", "did") is a weak slot instead.
      if (matched === 'knowledge' && len === 1) {
        if (clause === null) slot(ctx, next, 'weak');
      } else if (matched === 'knowledge' && WORK_QUESTIONS.has(ctx.keys.slice(i, next).join(' '))) clause = 'media';
      else clause = matched;
      i = next - 1;
      continue;
    }
    if (matched === 'before') {
      if (clause === null) slotBefore(ctx, i - 1);
      i = next - 1;
      continue;
    }
    // A person slot ends a media/skill clause: "mets un rappel pour appeler julie".
    if (matched === 'strong') clause = null;
    if (clause === null) i = slot(ctx, next, matched) - 1;
    else i = next - 1;
  }
}

/** Fill a person slot starting at token i; returns the index after what was consumed. */
function slot(ctx: Context, i: number, kind: 'strong' | 'weak'): number {
  const strong = kind === 'strong';
  let at = i;
  const titleLang = titles[ctx.lang];
  // Skip a German/French/English article only before a given name ("ruf den peter an").
  if (
    ARTICLES[ctx.lang].has(ctx.keys[at] ?? '') &&
    isFirstName(ctx, at + 1) &&
    !ambiguous[ctx.lang].has(ctx.keys[at + 1] ?? '')
  )
    at += 1;
  // In a strong slot a contact may share a character's name ("text Rachel Green"): it is a person.
  if (strong) for (let k = at; ctx.cultural[k] && !ctx.trigger[k]; k++) ctx.blocked[k] = ctx.cultural[k] = false;
  const key = ctx.keys[at];
  const t = ctx.tokens[at];
  if (!t || key === undefined || ctx.used[at]) return at;
  if (
    ctx.blocked[at] &&
    !(strong && isFirstName(ctx, at) && brands.matchAt(ctx.keys, at) <= 1 && places.matchAt(ctx.keys, at) <= 1)
  )
    return at;
  if (titleLang.has(key) || kinTitles[ctx.lang].has(key)) {
    // "herr schmidt", "aunt linda", "tata sylvie": the title is not part of the name.
    const isKin = kinTitles[ctx.lang].has(key) && !titleLang.has(key);
    // "herrn doktor schulz": titles stack.
    while (titleLang.has(ctx.keys[at + 1] ?? '')) at += 1;
    if (looksLikeName(ctx, at + 1) || isFirstName(ctx, at + 1)) {
      const end = takeName(ctx, at + 1, isKin ? 'kin-word' : 'title', true);
      return conjunction(ctx, end + 1, kind);
    }
    return at + 1;
  }
  if (relations[ctx.lang].has(key) || excludedForSlot(ctx, at)) return at;
  const first = isFirstName(ctx, at);
  const ok = strong ? first || looksLikeName(ctx, at) : first && !excluded(ctx, at);
  if (!ok) return at;
  if (
    !strong &&
    ambiguous[ctx.lang].has(key) &&
    !ctx.tokens[at]?.possessive &&
    !(ctx.casing && t.cap) &&
    !weakAllowsAmbiguous(ctx, i)
  )
    return at;
  const end = takeName(ctx, at, 'command-slot', strong);
  return conjunction(ctx, end + 1, kind);
}

/** Weak triggers that are clearly about a person ("ask", "pictures of") may take "jack" or "lily". */
function weakAllowsAmbiguous(ctx: Context, slotStart: number): boolean {
  const prev = ctx.keys[slotStart - 1] ?? '';
  return !['did', 'has', 'hat', 'ist'].includes(prev);
}

function excludedForSlot(ctx: Context, i: number): boolean {
  const key = ctx.keys[i] ?? '';
  if (isFirstName(ctx, i) && !isStop(ctx, key) && !neverAName(key) && !/\d/.test(key)) return false;
  return excluded(ctx, i);
}

/** "text olivia and noah", "erinnere lena und tim", "envoie un message à jules et à gabriel". */
function conjunction(ctx: Context, i: number, kind: 'strong' | 'weak'): number {
  if (!CONJUNCTIONS.has(ctx.keys[i] ?? '')) return i;
  let at = i + 1;
  if (ctx.keys[at] === 'a' && ctx.lang === 'fr') at += 1;
  if (ctx.keys[at] === 'to' && ctx.lang === 'en') at += 1;
  const key = ctx.keys[at] ?? '';
  if (!isFirstName(ctx, at) || relations[ctx.lang].has(key) || isStop(ctx, key)) return i;
  return slot(ctx, at, kind);
}

/** German "lukas anrufen", "mama anzurufen": the person precedes the verb. */
function slotBefore(ctx: Context, i: number): void {
  if (i < ctx.bodyStart || ctx.used[i]) return;
  const key = ctx.keys[i] ?? '';
  if (relations[ctx.lang].has(key) || !isFirstName(ctx, i) || excludedForSlot(ctx, i)) return;
  let start = i;
  // "jürgen müller anrufen": step back over a given name before a surname.
  if (i - 1 >= ctx.bodyStart && isFirstName(ctx, i - 1) && !excluded(ctx, i - 1) && !ctx.used[i - 1]) start = i - 1;
  emit(ctx, start, i, 'command-slot');
}

/** Names not in a command slot: titles, kin words, possessives, first-name lists, capitals. */
function findOutsideSlots(ctx: Context): void {
  const n = ctx.tokens.length;
  for (let i = ctx.bodyStart; i < n; i++) {
    if (ctx.used[i]) continue;
    const t = ctx.tokens[i];
    if (!t) continue;
    const clause = ctx.clause[i];
    if (clause === 'media' || clause === 'skill') continue;
    const pub = publicFigures.matchAt(ctx.keys, i);
    if (pub > 0 && !ctx.blocked[i]) {
      emit(ctx, i, i + pub - 1, clause === 'knowledge' ? 'knowledge-question' : 'public-figure-list', 'public-figure');
      i += pub - 1;
      continue;
    }
    const key = t.key;
    const prev = ctx.keys[i - 1] ?? '';
    if (i - 1 >= ctx.bodyStart && (titles[ctx.lang].has(prev) || kinTitles[ctx.lang].has(prev)) && !ctx.used[i - 1]) {
      // "frau" after "meine" is the wife, not a title.
      const wife = (prev === 'frau' || prev === 'mann') && POSSESSIVE_BEFORE_FRAU.has(ctx.keys[i - 2] ?? '');
      if (
        !wife &&
        (looksLikeName(ctx, i) || isFirstName(ctx, i)) &&
        !excluded(ctx, i) &&
        !relations[ctx.lang].has(key)
      ) {
        const isKin = kinTitles[ctx.lang].has(prev) && !titles[ctx.lang].has(prev);
        i = takeName(ctx, i, isKin ? 'kin-word' : 'title', false, clause === 'knowledge' ? 'public-figure' : 'person');
        continue;
      }
    }
    if (excluded(ctx, i) || relations[ctx.lang].has(key)) continue;
    const first = isLocalFirstName(ctx, i);
    const sentenceStart = i === ctx.bodyStart || t.afterPunct;
    if (first) {
      // In English, a given name only German or French speakers use ("lion", "prosper") is more
      // often an English word: like "will" or "mark", it needs more than the name list.
      const foreign = ctx.lang === 'en' && !englishFirstNames.has(key) && !key.includes('-');
      const amb = ambiguous[ctx.lang].has(key) || foreign;
      let why: NameReason | null = null;
      if (!amb) why = 'first-name-list';
      else if (t.possessive) why = 'possessive';
      else if (ctx.casing && t.cap && !sentenceStart && !(foreign && afterProperNoun(ctx, i))) why = 'capitalised';
      else if (
        continuesName(ctx, i + 1, false) &&
        surnames.has(ctx.keys[i + 1] ?? '') &&
        !ambiguous[ctx.lang].has(ctx.keys[i + 1] ?? '')
      )
        why = 'first-name-list';
      if (!why) continue;
      if (clause === 'knowledge') {
        let end = takeName(ctx, i, 'knowledge-question', false, 'person');
        // "how old is harrison ford", "wie alt ist jan böhmermann": any word after the first
        // name that is not a stop word makes it a full name, even when unknown or a brand.
        const next = ctx.tokens[end + 1];
        const last0 = ctx.found[ctx.found.length - 1];
        if (
          end === i &&
          next &&
          last0 &&
          !next.afterPunct &&
          !isStop(ctx, next.key) &&
          !ctx.trigger[end + 1] &&
          !/\d/.test(next.key)
        ) {
          end += 1;
          ctx.used[end] = true;
          last0.end = next.end;
          last0.name = ctx.text.slice(last0.start, next.end);
        }
        // A full name asked about ("how old is tom hanks") is a public figure; a lone first
        // name ("how old is anna") is more likely someone at home.
        const last = ctx.found[ctx.found.length - 1];
        if (last && end > i) {
          last.kind = 'public-figure';
          last.why = 'knowledge-question';
        }
        i = end;
        continue;
      }
      i = takeName(ctx, i, why, false);
      continue;
    }
    // German genitive without apostrophe: "annas kalender", "finns zimmer".
    if (ctx.lang === 'de' && key.length > 3 && key.endsWith('s') && clause === null) {
      const base = key.slice(0, -1);
      if (anyFirstName.has(base) && !ambiguous.de.has(base) && !stopWords.de.has(key)) {
        const name = t.text.slice(0, -1);
        ctx.used[i] = true;
        ctx.found.push({ name, start: t.start, end: t.start + name.length, why: 'possessive', kind: 'person' });
      }
    }
  }
}

/** "Snoop Lion", "Kings Lion": a capitalised word that is no given name before it makes one proper noun. */
function afterProperNoun(ctx: Context, i: number): boolean {
  const prev = ctx.tokens[i - 1];
  return (
    prev !== undefined &&
    prev.cap &&
    !ctx.tokens[i]?.afterPunct &&
    !isFirstName(ctx, i - 1) &&
    !titles[ctx.lang].has(prev.key)
  );
}

/** English mixed-case text: let compromise judge capitalised words that no rule explained. */
function findWithCompromise(ctx: Context, text: string): void {
  const unexplained = ctx.tokens.some(
    (t, i) =>
      t.cap && !ctx.used[i] && i > ctx.bodyStart && !t.afterPunct && !excluded(ctx, i) && ctx.clause[i] === null,
  );
  if (!unexplained) return;
  const people = nlp(text).people().json({ offset: true }) as {
    text: string;
    offset: { start: number; length: number };
  }[];
  for (const p of people) {
    const start = p.offset.start;
    const end = start + p.offset.length;
    const idx = ctx.tokens.map((t, i) => (t.start >= start && t.end <= end ? i : -1)).filter((i) => i >= 0);
    if (idx.length === 0) continue;
    if (idx.some((i) => ctx.used[i] || excluded(ctx, i) || ctx.clause[i] !== null || !ctx.tokens[i]?.cap)) continue;
    if (idx[0] === ctx.bodyStart || ctx.tokens[idx[0] ?? 0]?.afterPunct) continue;
    const from = idx[0] ?? 0;
    const to = idx[idx.length - 1] ?? from;
    emit(ctx, from, to, 'nlp');
  }
}
