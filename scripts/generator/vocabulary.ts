// What people say to voice assistants, as templates with slots (English and German), the replies,
// household names, devices, and when people talk: a daily and weekly rhythm over years.
import type { Random } from './random.ts';

export type Lang = 'en' | 'de';
export type Topic =
  'weather' | 'music' | 'timer' | 'alarm' | 'lights' | 'shopping' | 'question' | 'call' | 'smalltalk' | 'control';

interface Template {
  topic: Topic;
  weight: number;
  say: string[];
  reply?: string[];
}

const SLOTS: Record<Lang, Record<string, string[]>> = {
  en: {
    city: [
      'London',
      'Manchester',
      'Seattle',
      'Boston',
      'Berlin',
      'Munich',
      'Chicago',
      'Dublin',
      'Leeds',
      'Portland',
      'Hamburg',
      'Denver',
    ],
    day: ['today', 'tomorrow', 'this weekend', 'on Saturday', 'on Monday', 'tonight'],
    artist: [
      'Taylor Swift',
      'the Beatles',
      'Adele',
      'Coldplay',
      'Ed Sheeran',
      'Miles Davis',
      'Queen',
      'Billie Eilish',
      'Radiohead',
      'Fleetwood Mac',
      'Beyoncé',
      'Bob Marley',
    ],
    genre: [
      'jazz',
      'classical music',
      'rock',
      'lo-fi beats',
      'country',
      'pop',
      'relaxing music',
      'hip hop',
      'rain sounds',
      'eighties hits',
    ],
    station: ['BBC Radio 2', 'Radio Two', 'NPR', 'KEXP', 'Classic FM', 'Capital FM', 'Jazz FM'],
    minutes: ['five', 'ten', 'fifteen', 'twenty', 'thirty', 'three', 'twelve', 'forty five'],
    food: ['pasta', 'the eggs', 'the pizza', 'tea', 'rice', 'the cake', 'the laundry'],
    time: ['6 30', '7 am', 'seven fifteen', '6 45', '8 o clock', 'half past six', '5 30 am', 'noon'],
    room: ['living room', 'kitchen', 'bedroom', 'hallway', 'office', 'bathroom', 'kids room', 'garden'],
    item: [
      'milk',
      'eggs',
      'bread',
      'bananas',
      'coffee',
      'toilet paper',
      'butter',
      'apples',
      'cheese',
      'dish soap',
      'tomatoes',
      'orange juice',
      'cat food',
      'rice',
      'olive oil',
    ],
    name: [
      'Emma',
      'Oliver',
      'Sophie',
      'James',
      'Mia',
      'Lucas',
      'Grandma',
      'Mom',
      'Dad',
      'Noah',
      'Charlotte',
      'Liam',
      'Aunt Julia',
      'Tom',
    ],
    fact: [
      'how tall is Mount Everest',
      'how far is the moon',
      'who wrote Hamlet',
      'what is the capital of Australia',
      'how many ounces in a cup',
      'when is Easter',
      'what is 15 times 12',
      'how do you spell necessary',
      'who won the game last night',
      'what does a fox say',
      'how old is the universe',
      'why is the sky blue',
      'what time is it in Tokyo',
      'how many days until Christmas',
      'convert 30 Celsius to Fahrenheit',
    ],
    thing: ['the TV', 'the fan', 'the heater', 'the coffee machine', 'the vacuum', 'the air purifier'],
    temp: ['20', '21', '22', '19', '68', '70'],
  },
  de: {
    city: [
      'Berlin',
      'Hamburg',
      'München',
      'Köln',
      'Frankfurt',
      'Stuttgart',
      'Leipzig',
      'Dresden',
      'Hannover',
      'Bremen',
      'Düsseldorf',
    ],
    day: ['heute', 'morgen', 'am Wochenende', 'am Samstag', 'am Montag', 'heute Abend'],
    artist: [
      'Helene Fischer',
      'Herbert Grönemeyer',
      'die Ärzte',
      'Rammstein',
      'Mark Forster',
      'Nena',
      'die Toten Hosen',
      'Sarah Connor',
      'Peter Fox',
      'Kraftwerk',
    ],
    genre: [
      'Jazz',
      'klassische Musik',
      'Rockmusik',
      'Schlager',
      'Entspannungsmusik',
      'Kinderlieder',
      'Popmusik',
      'Regengeräusche',
    ],
    station: ['Bayern 3', 'NDR 2', 'WDR 2', 'SWR3', 'Radio Eins', 'Deutschlandfunk', 'Antenne Bayern'],
    minutes: ['fünf', 'zehn', 'fünfzehn', 'zwanzig', 'dreißig', 'drei', 'zwölf'],
    food: ['die Nudeln', 'die Eier', 'die Pizza', 'den Tee', 'den Reis', 'den Kuchen', 'die Wäsche'],
    time: ['6 Uhr 30', '7 Uhr', 'viertel nach sieben', '6 Uhr 45', '8 Uhr', 'halb sieben', '5 Uhr 30'],
    room: ['Wohnzimmer', 'Küche', 'Schlafzimmer', 'Flur', 'Büro', 'Bad', 'Kinderzimmer'],
    item: [
      'Milch',
      'Eier',
      'Brot',
      'Bananen',
      'Kaffee',
      'Toilettenpapier',
      'Butter',
      'Äpfel',
      'Käse',
      'Spülmittel',
      'Tomaten',
      'Orangensaft',
      'Katzenfutter',
    ],
    name: [
      'Lena',
      'Jonas',
      'Sophie',
      'Paul',
      'Mia',
      'Leon',
      'Oma',
      'Opa',
      'Mama',
      'Papa',
      'Tante Julia',
      'Felix',
      'Hannah',
    ],
    fact: [
      'wie hoch ist die Zugspitze',
      'wie weit ist der Mond entfernt',
      'wer hat Faust geschrieben',
      'was ist die Hauptstadt von Australien',
      'wann ist Ostern',
      'was ist 15 mal 12',
      'wie schreibt man Rhythmus',
      'wie alt ist das Universum',
      'warum ist der Himmel blau',
      'wie viele Tage bis Weihnachten',
      'wie viel Uhr ist es in Tokio',
    ],
    thing: ['den Fernseher', 'den Ventilator', 'die Heizung', 'die Kaffeemaschine', 'den Staubsauger'],
    temp: ['20', '21', '22', '19', '23'],
  },
};

const TEMPLATES: Record<Lang, Template[]> = {
  en: [
    {
      topic: 'weather',
      weight: 12,
      say: [
        "what's the weather",
        "what's the weather {day}",
        "what's the weather in {city}",
        'will it rain {day}',
        'do I need an umbrella {day}',
        'how cold is it outside',
        "what's the temperature in {city}",
      ],
      reply: [
        'Right now in {city} it is 14 degrees with cloudy skies.',
        '{day} expect light rain with a high of 17 degrees.',
        'It is currently 8 degrees and sunny.',
      ],
    },
    {
      topic: 'music',
      weight: 14,
      say: [
        'play {artist}',
        'play some {genre}',
        'play {station}',
        'play music by {artist}',
        'next song',
        'pause',
        'volume {minutes}',
        'turn it up',
        'stop the music',
        'shuffle my playlist',
        "what's this song",
      ],
      reply: ['Here is {station}.', 'Shuffling songs by {artist}.', 'Playing {genre}.'],
    },
    {
      topic: 'timer',
      weight: 10,
      say: [
        'set a timer for {minutes} minutes',
        'set a {minutes} minute timer for {food}',
        'how much time is left on the timer',
        'cancel the timer',
        'stop',
      ],
      reply: ['{minutes} minutes, starting now.', 'You have about 4 minutes left.'],
    },
    {
      topic: 'alarm',
      weight: 6,
      say: [
        'set an alarm for {time}',
        'wake me up at {time} tomorrow',
        'snooze',
        'turn off my alarm',
        'what alarms do I have',
      ],
      reply: ['Alarm set for {time} tomorrow.', 'You have one alarm at {time}.'],
    },
    {
      topic: 'lights',
      weight: 11,
      say: [
        'turn on the {room} lights',
        'turn off the lights',
        'turn off the {room} light',
        'dim the {room} lights to 30 percent',
        'turn on {thing}',
        'set the thermostat to {temp} degrees',
        'goodnight',
      ],
      reply: ['OK.', 'Good night, sleep well.'],
    },
    {
      topic: 'shopping',
      weight: 7,
      say: [
        'add {item} to my shopping list',
        'put {item} on the list',
        "what's on my shopping list",
        'remove {item} from my shopping list',
        'add {item} and {item} to the shopping list',
      ],
      reply: ['I have added {item} to your shopping list.', 'You have 6 items on your shopping list.'],
    },
    {
      topic: 'question',
      weight: 12,
      say: [
        '{fact}',
        'what time is it',
        "what's the date today",
        'how do you make pancakes',
        'tell me the news',
        "what's on my calendar {day}",
        'how long is my commute',
        'when does the supermarket close',
      ],
      reply: ['Mount Everest is 8,849 metres tall.', 'It is 7:42.', 'Here is your flash briefing.'],
    },
    {
      topic: 'call',
      weight: 5,
      say: [
        'call {name}',
        'send a message to {name}',
        'drop in on the {room}',
        'remind me to call {name} {day}',
        "what's {name}'s birthday",
      ],
      reply: ['Calling {name}.', 'OK, I will remind you.'],
    },
    {
      topic: 'smalltalk',
      weight: 4,
      say: [
        'tell me a joke',
        'good morning',
        'thank you',
        'how are you',
        'sing a song',
        'tell me a story for {name}',
        'I love you',
      ],
      reply: [
        'Good morning! Here is your day.',
        'Why did the scarecrow win an award? Because he was outstanding in his field.',
      ],
    },
    { topic: 'control', weight: 4, say: ['stop', 'cancel', 'never mind', 'louder', 'quieter', 'repeat that'] },
  ],
  de: [
    {
      topic: 'weather',
      weight: 12,
      say: [
        'wie ist das Wetter',
        'wie wird das Wetter {day}',
        'wie ist das Wetter in {city}',
        'regnet es {day}',
        'brauche ich {day} einen Regenschirm',
        'wie kalt ist es draußen',
      ],
      reply: ['In {city} sind es gerade 14 Grad und bewölkt.', '{day} gibt es leichten Regen bei bis zu 17 Grad.'],
    },
    {
      topic: 'music',
      weight: 14,
      say: [
        'spiel {artist}',
        'spiel {genre}',
        'spiel {station}',
        'nächster Titel',
        'Pause',
        'lauter',
        'leiser',
        'Musik aus',
        'was läuft gerade',
      ],
      reply: ['Hier ist {station}.', 'Hier ist {genre}.'],
    },
    {
      topic: 'timer',
      weight: 10,
      say: [
        'stell einen Timer auf {minutes} Minuten',
        'Timer {minutes} Minuten für {food}',
        'wie lange läuft der Timer noch',
        'Timer abbrechen',
        'stopp',
      ],
      reply: ['{minutes} Minuten, ab jetzt.'],
    },
    {
      topic: 'alarm',
      weight: 6,
      say: ['weck mich um {time}', 'stell einen Wecker für {time}', 'schlummern', 'Wecker aus'],
      reply: ['Dein Wecker ist für {time} gestellt.'],
    },
    {
      topic: 'lights',
      weight: 11,
      say: [
        'mach das Licht im {room} an',
        'Licht aus',
        'schalte das Licht in der Küche aus',
        'dimm das Licht im {room} auf 30 Prozent',
        'schalte {thing} ein',
        'stell die Heizung auf {temp} Grad',
        'gute Nacht',
      ],
      reply: ['OK.', 'Gute Nacht.'],
    },
    {
      topic: 'shopping',
      weight: 7,
      say: [
        'setz {item} auf die Einkaufsliste',
        'füge {item} zur Einkaufsliste hinzu',
        'was steht auf meiner Einkaufsliste',
        'lösche {item} von der Einkaufsliste',
      ],
      reply: ['Ich habe {item} auf deine Einkaufsliste gesetzt.'],
    },
    {
      topic: 'question',
      weight: 12,
      say: [
        '{fact}',
        'wie spät ist es',
        'welcher Tag ist heute',
        'was gibt es Neues',
        'was steht {day} in meinem Kalender',
        'wann macht der Supermarkt zu',
      ],
      reply: ['Die Zugspitze ist 2.962 Meter hoch.', 'Es ist 7:42 Uhr.'],
    },
    {
      topic: 'call',
      weight: 5,
      say: ['ruf {name} an', 'schick eine Nachricht an {name}', 'erinnere mich {day} daran {name} anzurufen'],
      reply: ['Ich rufe {name} an.'],
    },
    {
      topic: 'smalltalk',
      weight: 4,
      say: [
        'erzähl mir einen Witz',
        'guten Morgen',
        'danke',
        'wie geht es dir',
        'sing ein Lied',
        'erzähl eine Geschichte für {name}',
      ],
      reply: ['Guten Morgen!'],
    },
    { topic: 'control', weight: 4, say: ['stopp', 'abbrechen', 'vergiss es', 'wiederhole das'] },
  ],
};

export interface Utterance {
  lang: Lang;
  topic: Topic;
  text: string;
  reply: string | null;
  /** Names of people the text mentions (the "not mine" analysis looks for these). */
  names: string[];
}

function fill(template: string, lang: Lang, random: Random, names: string[]): string {
  return template.replace(/\{(\w+)\}/g, (_m, slot: string) => {
    const value = random.pick(SLOTS[lang][slot]!);
    if (slot === 'name') names.push(value);
    return value;
  });
}

/** One thing a user says, with the assistant's reply (when it gave one). */
export function utterance(random: Random, lang: Lang): Utterance {
  const templates = TEMPLATES[lang];
  const t = templates[random.weighted(templates.map((x) => x.weight))]!;
  const names: string[] = [];
  const text = fill(random.pick(t.say), lang, random, names);
  const reply = t.reply && random.chance(0.7) ? fill(random.pick(t.reply), lang, random, []) : null;
  return { lang, topic: t.topic, text, reply, names };
}

/** Short phrases for the audio pool: each is spoken once per voice and reused across recordings. */
export function poolPhrases(random: Random, lang: Lang, count: number): Utterance[] {
  const seen = new Set<string>();
  const out: Utterance[] = [];
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const u = utterance(random, lang);
    if (seen.has(u.text)) continue;
    seen.add(u.text);
    out.push(u);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// When people talk to assistants

/** Relative activity per local hour: quiet at night, a morning peak, a larger evening peak. */
const HOURS_WEEKDAY = [
  0.3, 0.15, 0.08, 0.05, 0.05, 0.2, 1.6, 3.2, 2.6, 1.2, 0.9, 1.0, 1.4, 1.2, 0.9, 1.0, 1.5, 2.4, 3.0, 2.8, 2.4, 2.0, 1.4,
  0.7,
];
const HOURS_WEEKEND = [
  0.5, 0.3, 0.15, 0.08, 0.05, 0.08, 0.3, 0.9, 1.8, 2.6, 2.5, 2.2, 2.0, 1.6, 1.5, 1.6, 1.8, 2.2, 2.8, 2.8, 2.6, 2.2, 1.6,
  1.0,
];

/**
 * `count` times (ms since the epoch, UTC, ascending, distinct) between `from` and `to`, following the
 * daily and weekly rhythm in local time `utcOffsetHours`, with use growing over the years.
 */
export function activityTimes(
  random: Random,
  count: number,
  from: number,
  to: number,
  utcOffsetHours: number,
): number[] {
  const day = 86_400_000;
  const days = Math.max(1, Math.floor((to - from) / day));
  const times: number[] = [];
  const seen = new Set<number>();
  while (times.length < count) {
    // Growth: more use later, density ∝ 0.4 + t on [0, 1], sampled by inverting its CDF (0.4t + t²/2) / 0.9.
    const x = -0.4 + Math.sqrt(0.16 + 1.8 * random.next());
    const d = Math.min(days - 1, Math.floor(Math.min(1, Math.max(0, x)) * days));
    const localMidnight = from + d * day;
    const weekday = new Date(localMidnight).getUTCDay();
    const weights = weekday === 0 || weekday === 6 ? HOURS_WEEKEND : HOURS_WEEKDAY;
    const hour = random.weighted(weights);
    const t = localMidnight + hour * 3_600_000 + random.int(0, 3_599_999) - utcOffsetHours * 3_600_000;
    if (seen.has(t)) continue;
    seen.add(t);
    times.push(t);
  }
  return times.sort((a, b) => a - b);
}
