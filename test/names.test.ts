// Names in transcripts: what a user would notice in the warnings — who is flagged, who is not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  detectLanguage,
  findPersonNames,
  isHouseholdName,
  matchHousehold,
  normaliseName,
} from '../electron/core/analysis/names/index.ts';
import { openLibrary } from '../electron/core/db/library.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { setProfile } from '../electron/core/analysis/profile.ts';
import { recordNameMentions } from '../electron/core/analysis/name-mentions.ts';
import { nameWarnings } from '../electron/core/analysis/name-warnings.ts';
import type { ComputedWarning } from '../electron/core/analysis/warning-types.ts';
import { evaluate } from '../scripts/eval-names.ts';
import { labelled, splitLabelled } from './fixtures/names-labelled.ts';
import { fakeImporter, type FakeRecording } from './helpers/fake-export.ts';
import { tempDir, writeZip } from './helpers/zip.ts';

/**
 * The name and speaker warnings the app raises for these recordings and this household: the real
 * pipeline (import, the name finder stored per recording, the warnings computed from it).
 */
async function nameWarningsFor(items: FakeRecording[], household: string[]): Promise<ComputedWarning[]> {
  const dir = tempDir();
  const db = openLibrary(path.join(dir, 'library.sqlite'));
  try {
    const profile = setProfile(db, { household });
    const file = await writeZip(path.join(dir, 'export.zip'), { 'recordings.json': JSON.stringify(items) });
    const report = await runImport(db, [file], { importers: [fakeImporter()] });
    assert.equal(report.recordings, items.length, 'every recording was imported');
    const checked = recordNameMentions(db, (t) => findPersonNames(t));
    assert.equal(checked, items.length, 'every recording was checked for names');
    return [...nameWarnings(db, profile, 'transcript'), ...nameWarnings(db, profile, 'speaker')];
  } finally {
    db.close();
  }
}
const at = (i: number) => new Date(Date.UTC(2018, 4, 1) + i * 1000).toISOString();

/** Person names (not public figures) found, lower case. */
const people = (text: string, lang?: 'en' | 'de' | 'fr'): string[] =>
  findPersonNames(text, lang)
    .filter((f) => f.kind === 'person')
    .map((f) => f.name.toLowerCase());

test('"call anna" flags Anna, unless Anna is in the household', async () => {
  const found = findPersonNames('alexa call anna');
  assert.deepEqual(
    found.map((f) => [f.name, f.why, f.kind]),
    [['anna', 'command-slot', 'person']],
  );
  assert.equal(found[0]?.start, 11);
  assert.equal(found[0]?.end, 15);
  const recs: FakeRecording[] = [{ id: 'r1', time: at(1), text: 'alexa call anna' }];
  assert.deepEqual(
    (await nameWarningsFor(recs, ['Tom Becker'])).map((w) => [w.kind, w.subject]),
    [['name', 'Anna']],
  );
  assert.deepEqual(await nameWarningsFor(recs, ['Anna Schmidt', 'Tom Becker']), []);
  assert.deepEqual(await nameWarningsFor(recs, ['ANNA']), []);
});

test('full names and surnames: "text john smith", a surname alone matches the household', () => {
  assert.deepEqual(people("text john smith i'm running late"), ['john smith']);
  assert.deepEqual(people('ruf frau schneider an'), ['schneider']);
  assert.equal(matchHousehold('schneider', ['Petra Schneider'])?.how, 'surname');
  assert.equal(matchHousehold('anna', ['Anna Schmidt'])?.how, 'first-name');
  assert.equal(matchHousehold('Anna Schmidt', ['Anna Schmidt'])?.how, 'exact');
  assert.equal(isHouseholdName('anna meyer', ['Anna Schmidt']), false, 'another Anna is someone else');
  assert.equal(isHouseholdName('peter schmidt', ['Anna Schmidt']), false);
  assert.equal(isHouseholdName('Herr Schmidt', ['Anna Schmidt']), true);
});

test('Müller, Mueller and Muller are the same name; accents and ß fold too', () => {
  assert.equal(normaliseName('Müller'), normaliseName('Mueller'));
  assert.equal(normaliseName('Mueller'), normaliseName('Muller'));
  assert.equal(normaliseName('Strauß'), normaliseName('Strauss'));
  assert.equal(normaliseName('Léa'), normaliseName('lea'));
  assert.equal(isHouseholdName('jürgen mueller', ['Jürgen Müller']), true);
  assert.equal(isHouseholdName('Juergen Muller', ['Jürgen Müller']), true);
  assert.equal(isHouseholdName('françois', ['Francois Dubois']), true);
});

test('short forms and small typos match the household member', () => {
  for (const [short, full] of [
    ['bob', 'Robert Miller'],
    ['bill', 'William Jones'],
    ['kathy', 'Katherine Brown'],
    ['alex', 'Alexandra Petrova'],
    ['alex', 'Alexander Wolf'],
    ['hans', 'Johannes Bauer'],
    ['sepp', 'Josef Huber'],
    ['kati', 'Katharina Weber'],
  ] as const) {
    assert.equal(matchHousehold(short, [full])?.how, 'short-form', `${short} ~ ${full}`);
  }
  assert.equal(matchHousehold('katarina', ['Katharina'])?.how, 'spelling');
  assert.equal(isHouseholdName('schmitt', ['Anna Schmidt']), true, 'edit distance 1 for names of 5+ letters');
  assert.equal(isHouseholdName('tim', ['Tom']), false, 'no typo tolerance for short names');
  assert.equal(isHouseholdName('nina', ['Anna']), false);
});

test('relation words are not unknown people', () => {
  for (const t of [
    'call mom',
    'Call Mum',
    'ruf mama an',
    'ruf oma an',
    'appelle papa',
    'appelle mamie',
    'video call grandma',
    'call my sister',
  ]) {
    assert.deepEqual(people(t), [], t);
  }
  assert.deepEqual(people('call uncle bob'), ['bob']);
  assert.deepEqual(people('ruf tante gabi an'), ['gabi']);
  assert.deepEqual(people('appelle tata sylvie'), ['sylvie']);
});

test('wake words, places, brands, skills and artists are not people', () => {
  for (const t of [
    'alexa what time is it',
    'hey google, what is the weather',
    'ok google set a timer',
    'echo volume five',
    'computer lights on',
    'ziggy stop',
    "what's the weather in paris",
    'wie wird das wetter in berlin',
    'quel temps fait-il à nice',
    'directions to charlotte',
    'play spotify',
    'open amazon music',
    'alexa ask uber for a ride',
    'play taylor swift',
    'play something by frank sinatra',
    'spiele helene fischer',
    'spiel musik von mark forster',
    'mets de la musique de stromae',
    'book a table at olive garden',
  ]) {
    assert.deepEqual(people(t), [], t);
  }
});

test('famous people asked about are public figures, not household evidence', async () => {
  const merkel = findPersonNames('wie alt ist angela merkel');
  assert.deepEqual(
    merkel.map((f) => [f.name, f.kind]),
    [['angela merkel', 'public-figure']],
  );
  assert.equal(findPersonNames('how old is harrison ford')[0]?.kind, 'public-figure');
  assert.deepEqual(people('how old is anna'), ['anna'], 'a lone first name is more likely someone at home');
  assert.equal(findPersonNames('who is barack obama')[0]?.kind, 'public-figure');
  assert.deepEqual(await nameWarningsFor([{ id: 'r1', time: at(1), text: 'who is barack obama' }], ['Tom Becker']), []);
});

test('words that are also names need a command slot, a possessive or a capital', () => {
  assert.deepEqual(people('will it rain tomorrow'), []);
  assert.deepEqual(people('pay my electricity bill'), []);
  assert.deepEqual(people('call bill'), ['bill']);
  assert.deepEqual(people('set the lights to rose'), []);
  assert.deepEqual(people('appelle rose'), ['rose']);
  assert.deepEqual(people('mets la lumière en rose'), []);
  assert.deepEqual(people('lautstärke auf max'), []);
  assert.deepEqual(people('erinnere max an den termin'), ['max']);
  assert.deepEqual(people("what's on mark's calendar"), ['mark']);
  assert.deepEqual(people('Remind Grace to feed the cat'), ['grace']);
});

test('German command slots', () => {
  assert.deepEqual(people('ruf anna an'), ['anna']);
  assert.deepEqual(people('Ruf Jürgen Müller an'), ['jürgen müller']);
  assert.deepEqual(people('schreib lisa dass ich später komme'), ['lisa']);
  assert.deepEqual(people('erinnere lena und tim an die hausaufgaben'), ['lena', 'tim']);
  assert.deepEqual(people('sende eine nachricht an sophie'), ['sophie']);
  assert.deepEqual(people('erinnere mich daran lukas anzurufen'), ['lukas']);
  assert.deepEqual(people('ruf detlef an'), ['detlef']);
  assert.deepEqual(people('ruf den pizzaservice an'), []);
  assert.deepEqual(people('was steht in annas kalender'), ['anna']);
});

test('French command slots', () => {
  assert.deepEqual(people('appelle julie'), ['julie']);
  assert.deepEqual(people('envoie un message à pierre'), ['pierre']);
  assert.deepEqual(people('rappelle à chloé et à théo de faire leurs devoirs'), ['chloé', 'théo']);
  assert.deepEqual(people('appelle marie-claire dupont'), ['marie-claire dupont']);
  assert.deepEqual(people('dis à léa que le dîner est prêt'), ['léa']);
  assert.deepEqual(people('appelle madame bernard'), ['bernard']);
  assert.deepEqual(people('appelle gwenaëlle'), ['gwenaëlle'], 'an unknown name in a call slot');
  assert.deepEqual(people('appelle le médecin'), []);
});

test('lower-case and mixed-case transcripts give the same names', () => {
  for (const t of ['Text John Smith that I am late', 'Hey Google, call Sarah', 'Remind Peter to take out the bins']) {
    assert.deepEqual(people(t), people(t.toLowerCase()), t);
  }
  assert.deepEqual(people('Call Siobhan'), ['siobhan']);
  assert.deepEqual(people('Text Dhruv that the game starts at eight'), ['dhruv']);
});

test('the language is guessed when not given', () => {
  assert.equal(detectLanguage('ruf mama an'), 'de');
  assert.equal(detectLanguage('appelle julie'), 'fr');
  assert.equal(detectLanguage('call anna'), 'en');
  assert.equal(detectLanguage('quel temps fait-il à paris'), 'fr');
  assert.equal(detectLanguage('wie wird das wetter morgen'), 'de');
});

test('name warnings merge spellings and say how often, when and from where', async () => {
  const recs: FakeRecording[] = [
    { id: 'r1', time: at(3), text: 'call anna schmidt' },
    { id: 'r2', time: at(1), text: 'remind anna schmidt to buy milk' },
    { id: 'r3', time: at(2), text: 'ruf jürgen müller an' },
    { id: 'r4', time: at(4), text: 'Ruf Juergen Mueller an' },
    { id: 'r6', time: at(6), text: 'alexa good morning', speakerLabel: 'David' },
    { id: 'r7', time: at(7), text: 'alexa good morning', speakerLabel: 'Tom' },
    { id: 'r8', time: at(8), text: 'call mom' },
    { id: 'r9', time: at(9) },
  ];
  const result = await nameWarningsFor(recs, ['Tom Becker']);
  // Keyed by the folded name: the display form may be "Jürgen Müller" or "Juergen Mueller".
  const byName = new Map(result.map((r) => [normaliseName(r.subject ?? ''), r]));
  assert.deepEqual([...byName.keys()].sort(), ['anna schmidt', 'david', 'jurgen muller']);
  const anna = byName.get('anna schmidt');
  assert.equal(anna?.subject, 'Anna Schmidt');
  assert.equal(anna?.kind, 'name');
  assert.equal(anna?.recordingIds.length, 2);
  assert.equal(anna?.firstTime, Date.parse(at(1)));
  assert.equal(anna?.lastTime, Date.parse(at(3)));
  assert.equal(anna?.evidence.source, 'transcript');
  assert.equal(byName.get('jurgen muller')?.recordingIds.length, 2);
  assert.equal((byName.get('jurgen muller')?.evidence.spellings as string[]).length, 2);
  const david = byName.get('david');
  assert.equal(david?.kind, 'speaker', "Alexa's guess of who spoke is its own kind of warning");
  assert.equal(david?.evidence.source, 'speaker');
});

test('an ordinary household history raises no name warnings', async () => {
  const lines = [
    'alexa what time is it',
    'play the news',
    'set a timer for ten minutes',
    'call mom',
    'turn off the kitchen lights',
    'remind emma to practise piano',
    "what's on emma's calendar",
    'call paul',
    'wie wird das wetter in hamburg',
    'spiel musik von nena',
  ];
  const recs = lines.map((text, i) => ({ id: `r${i}`, time: at(i), text }));
  assert.deepEqual(await nameWarningsFor(recs, ['Emma Wilson', 'Paul Wilson']), []);
});

// The numbers reached when this was written (see scripts/eval-names.ts), minus a small margin:
// a rule change that loses more than that fails here.
test('quality on the labelled transcript set does not regress', () => {
  assert.ok(labelled.length >= 300);
  for (const lang of ['en', 'de', 'fr'] as const) assert.ok(labelled.filter((l) => l.lang === lang).length >= 100);
  const { dev, heldOut, fresh, blind } = splitLabelled();
  const notTuned = evaluate([...heldOut, ...fresh, ...blind]).byLang.all;
  const all = evaluate([...dev, ...heldOut, ...fresh, ...blind]).byLang.all;
  console.log(
    `names: not-tuned precision ${notTuned.precision.toFixed(3)} recall ${notTuned.recall.toFixed(3)}; ` +
      `all precision ${all.precision.toFixed(3)} recall ${all.recall.toFixed(3)}`,
  );
  assert.ok(notTuned.precision >= 0.97, `precision ${notTuned.precision}`);
  assert.ok(notTuned.recall >= 0.95, `recall ${notTuned.recall}`);
  assert.ok(all.precision >= 0.97, `precision ${all.precision}`);
  assert.ok(all.recall >= 0.96, `recall ${all.recall}`);
});

test('100,000 transcripts are processed quickly', () => {
  const samples = labelled.map((l) => l.text);
  const n = 100_000;
  const household = ['Anna Schmidt', 'Peter Schmidt'];
  const t0 = performance.now();
  const unknown = new Set<string>();
  for (let i = 0; i < n; i++) {
    for (const f of findPersonNames(samples[i % samples.length] ?? '')) {
      if (f.kind === 'person' && !isHouseholdName(f.name, household)) unknown.add(normaliseName(f.name));
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `names: ${n.toLocaleString('en-GB')} transcripts in ${seconds.toFixed(2)} s (${Math.round(n / seconds).toLocaleString('en-GB')}/s), ${unknown.size} unknown names`,
  );
  assert.ok(unknown.size > 10);
  assert.ok(seconds < 60, `took ${seconds} s`);
});
