// The c't case: an export that names no account must still be recognised as someone else's, from
// signs that agree — assistants the user doesn't have, places, names — and never for a user's own
// export with trips, guests and household members.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { english, rawText } from '../electron/core/messages/index.ts';
import path from 'node:path';
import { openLibrary } from '../electron/core/db/library.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { getProfile, setProfile, type ProfileInput } from '../electron/core/analysis/profile.ts';
import { recordNameMentions } from '../electron/core/analysis/name-mentions.ts';
import { findPersonNames } from '../electron/core/analysis/names/index.ts';
import { findPlaces, samePlace } from '../electron/core/analysis/places.ts';
import { signsAgree } from '../electron/core/analysis/export-verdict.ts';
import {
  allWarnings,
  decideWarning,
  listWarnings,
  refreshWarnings,
  undoDecision,
} from '../electron/core/analysis/warnings.ts';
import { warningKinds } from '../electron/core/analysis/warning-kinds.ts';
import { WARNING_KINDS, type ExportSign } from '../electron/core/analysis/warning-types.ts';
import { buildEvidence } from '../electron/core/analysis/evidence.ts';
import { fakeImporter, type FakeRecording } from './helpers/fake-export.ts';
import { tempDir, writeZip } from './helpers/zip.ts';
import { verdictCases } from './fixtures/verdict-cases.ts';
import { runVerdictCase } from './helpers/verdict-run.ts';

type Db = ReturnType<typeof openLibrary>;

async function library(items: FakeRecording[], profile: ProfileInput, account: string | null = null) {
  const dir = tempDir();
  const db = openLibrary(path.join(dir, 'library.sqlite'));
  setProfile(db, profile);
  const file = await writeZip(path.join(dir, 'export.zip'), { 'recordings.json': JSON.stringify(items) });
  const report = await runImport(db, [file], { importers: [fakeImporter({ account })] });
  assert.equal(report.recordings, items.length, 'every recording was imported');
  recordNameMentions(db, (t) => findPersonNames(t));
  refreshWarnings(db);
  return db;
}

const at = (i: number) => new Date(Date.UTC(2018, 4, 1) + i * 7_200_000).toISOString();
const recs = (texts: string[], extra: Partial<FakeRecording> = {}): FakeRecording[] =>
  texts.map((text, i) => ({ id: `r${i}`, time: at(i), text, ...extra }));
const verdictOf = (db: Db) => listWarnings(db).find((w) => w.kind === 'export');
const signKinds = (w: { evidence: Record<string, unknown> } | undefined) =>
  ((w?.evidence.signs ?? []) as ExportSign[]).map((s) => s.kind);

// A stranger couple in Giesen: weather at home, calls to each other, everyday requests.
const strangerTexts = [
  ...Array.from({ length: 12 }, (_, i) => (i % 2 ? 'wie wird das wetter in giesen' : 'regnet es morgen in giesen')),
  'ruf lena schmidt an',
  'schick jonas eine nachricht',
  'erinnere lena an den zahnarzt',
  'ruf jonas an',
  ...Array.from({ length: 20 }, (_, i) => ['spiel radio eins', 'stell einen timer auf zehn minuten', 'stopp'][i % 3]!),
];

test('places are found by what is asked, in English, German and French, and are never people', () => {
  const cases: [string, string[]][] = [
    ['wie wird das wetter in giesen', ['giesen']],
    ['Wie wird das Wetter morgen in Bad Salzdetfurth?', ['Bad Salzdetfurth']],
    ['alexa wetter hildesheim', ['hildesheim']],
    ["what's the forecast for chipping norton this weekend", ['chipping norton']],
    ['navigate to leeds', ['leeds']],
    ['what time is it in tokyo', ['tokyo']],
    ['quel temps fait-il à lyon demain', ['lyon']],
    ['wetter in frankfurt am main am wochenende', ['frankfurt am main']],
    ['what is the weather like in the morning', []],
    ['turn on the lights in the living room', []],
    ['set a timer for ten minutes', []],
  ];
  for (const [text, want] of cases)
    assert.deepEqual(
      findPlaces(text).map((p) => p.place),
      want,
      text,
    );
  for (const text of ['wie wird das wetter in giesen', 'regnet es morgen in sarstedt', 'weather in springfield'])
    assert.deepEqual(findPersonNames(text), [], `no person in “${text}”`);
  assert.ok(samePlace('munich', 'München'));
  assert.ok(samePlace('hildesheim', 'Hildesheim, Niedersachsen'));
  assert.ok(samePlace('frankfurt', 'Frankfurt am Main'));
  assert.ok(!samePlace('giesen', 'Hildesheim'));
});

test('an assistant the user said they do not have is a device warning; alone it makes no verdict', async () => {
  const db = await library(recs(['spiel radio eins', 'stopp', 'lauter']), { names: ['Max Weber'], noAssistant: true });
  const [w] = listWarnings(db);
  assert.equal(w?.kind, 'device');
  assert.match(
    english(w!.reason),
    /^3 recordings come from Alexa devices, but you said you have no voice assistant\.$/,
  );
  assert.equal(verdictOf(db), undefined, 'one strong sign needs another to agree');
  // "I do use Alexa" teaches it, and undo takes it back.
  decideWarning(db, w!.id, 'mine', () => refreshWarnings(db));
  assert.equal(getProfile(db).noAssistant, false);
  assert.deepEqual(listWarnings(db), []);
  undoDecision(db, w!.id);
  assert.equal(getProfile(db).noAssistant, true);
  db.close();
});

test('the c’t case: no account, and the signs agree — one strong warning with every sign listed', async () => {
  const db = await library(
    strangerTexts.map((text, i) => ({ id: `c${i}`, time: at((i * 7) % 36), text })),
    {
      names: ['Max Weber'],
      homePlaces: ['Hildesheim'],
      noAssistant: true,
    },
  );
  const verdict = verdictOf(db);
  assert.ok(verdict, JSON.stringify(listWarnings(db).map((w) => english(w.reason))));
  assert.equal(verdict.severity, 'strong');
  assert.equal(warningKinds[verdict.kind].exportWide, true);
  assert.deepEqual(signKinds(verdict).sort(), ['devices', 'names', 'places']);
  // "Lena Schmidt" and "Lena" are one person: named once, by the fuller name, and counted once.
  const names = (verdict.evidence.signs as ExportSign[]).find((s) => s.kind === 'names')!.facts.names as string[];
  assert.deepEqual([...names].sort(), ['jonas', 'lena schmidt'], JSON.stringify(names));
  assert.match(english(verdict.reason), /^This export is very likely not yours — 3 signs:/);
  assert.match(english(verdict.reason), /ask about Giesen/);
  assert.match(english(verdict.reason), /but you said you have no voice assistant/);
  const place = listWarnings(db).find((w) => w.kind === 'place');
  assert.equal(place?.subject, 'Giesen');
  assert.equal(place?.recordings, 12);
  // The evidence summary lists each sign, not recording content.
  const evidence = buildEvidence(db, verdict.exportId!, 'en')!;
  assert.ok(evidence.reasons.some((r) => /ask about Giesen/.test(r)));
  assert.ok(evidence.reasons.some((r) => /no voice assistant/.test(r)));
  assert.ok(evidence.reasons.some((r) => /outside your household/.test(r)));
  assert.ok(buildEvidence(db, verdict.exportId!, 'de')!.reasons.some((r) => /fragen nach Giesen/.test(r)));
  // "It is mine" teaches what the signs said; undo brings back what the user had said.
  decideWarning(db, verdict.id, 'mine', () => refreshWarnings(db));
  const taught = getProfile(db);
  assert.equal(taught.noAssistant, false);
  assert.ok(taught.knownPlaces.includes('Giesen'));
  assert.ok(!listWarnings(db).some((w) => w.kind === 'export'));
  undoDecision(db, verdict.id);
  assert.equal(getProfile(db).noAssistant, true);
  assert.deepEqual(getProfile(db).knownPlaces, []);
  refreshWarnings(db);
  assert.ok(verdictOf(db), 'open again after undo');
  db.close();
});

test('asking about other cities now and then, guests and the household raise no verdict', async () => {
  const own = [
    ...Array.from({ length: 14 }, () => 'wie wird das wetter in hildesheim'),
    'wie wird das wetter in berlin',
    'wetter in hamburg morgen',
    'wie wird das wetter in paris',
    'ruf anna schmidt an',
    'schick tom eine nachricht',
    'ruf jana an',
    ...Array.from({ length: 10 }, () => 'spiel radio eins'),
  ];
  const db = await library(recs(own), { names: ['Max Weber'], household: ['Jana'], homePlaces: ['Hildesheim'] });
  assert.equal(verdictOf(db), undefined);
  assert.ok(!listWarnings(db).some((w) => w.kind === 'place'), 'no place dominates but home');
  db.close();
});

test('a place dominates only when most questions ask about it and home is rarely asked', async () => {
  const trip = [
    ...Array.from({ length: 6 }, () => 'wie wird das wetter in hildesheim'),
    ...Array.from({ length: 5 }, () => 'wie wird das wetter in rom'),
  ];
  const db = await library(recs(trip), { names: ['Max Weber'], homePlaces: ['Hildesheim'] });
  assert.ok(!listWarnings(db).some((w) => w.kind === 'place'), 'a trip while home is asked about too');
  db.close();
  const db2 = await library(recs(Array.from({ length: 5 }, () => 'wie wird das wetter in giesen')), {
    names: ['Max Weber'],
    homePlaces: ['Hildesheim'],
  });
  const [w] = listWarnings(db2).filter((x) => x.kind === 'place');
  assert.equal(w?.subject, 'Giesen');
  // "I know this place" teaches it.
  decideWarning(db2, w!.id, 'mine', () => refreshWarnings(db2));
  assert.deepEqual(getProfile(db2).knownPlaces, ['Giesen']);
  db2.close();
  const db3 = await library(recs(Array.from({ length: 5 }, () => 'wie wird das wetter in giesen')), {
    names: ['Max Weber'],
  });
  assert.ok(!listWarnings(db3).some((x) => x.kind === 'place'), 'without a home place nothing is foreign');
  db3.close();
});

test('an account mismatch stays the export’s one strong warning, with the other signs in its evidence', async () => {
  const db = await library(
    strangerTexts.map((text, i) => ({ id: `a${i}`, time: at(i), text })),
    { names: ['Max Weber'], emails: ['max@example.org'], homePlaces: ['Hildesheim'], noAssistant: true },
    'someone@example.com',
  );
  const strong = listWarnings(db).filter((w) => w.severity === 'strong');
  assert.deepEqual(
    strong.map((w) => w.kind),
    ['account'],
  );
  assert.deepEqual(signKinds(strong[0]).sort(), ['account', 'devices', 'names', 'places']);
  db.close();
});

test('"not a person" teaches that a word is no one, under any export, and undo takes it back', async () => {
  const db = await library(recs(['ruf anna schmidt an', 'ruf anna schmidt an', 'spiel radio']), {
    names: ['Max Weber'],
  });
  const [w] = listWarnings(db).filter((x) => x.kind === 'name');
  assert.equal(w?.subject, 'Anna Schmidt');
  assert.ok(warningKinds.name.decisions.includes('not-a-person'));
  decideWarning(db, w!.id, 'not-a-person', () => refreshWarnings(db));
  assert.deepEqual(getProfile(db).notPeople, ['Anna Schmidt']);
  refreshWarnings(db);
  assert.deepEqual(listWarnings(db), []);
  assert.equal(listWarnings(db, { includeDecided: true })[0]?.decision, 'not-a-person');
  undoDecision(db, w!.id);
  assert.deepEqual(getProfile(db).notPeople, []);
  refreshWarnings(db);
  assert.equal(listWarnings(db).length, 1);
  db.close();
});

test('every kind has one home, and refreshing with no argument computes them all', async () => {
  assert.deepEqual(Object.keys(warningKinds).sort(), [...WARNING_KINDS].sort());
  const db = await library(recs(['ruf anna schmidt an']), { names: ['Max Weber'] });
  const before = listWarnings(db);
  refreshWarnings(db, allWarnings(db));
  assert.deepEqual(listWarnings(db), before);
  db.close();
});

test('the rule: decisive alone, strong with one more, supporting in threes or two clear ones', () => {
  const sign = (strength: ExportSign['strength'], confidence = 0.5): ExportSign => ({
    kind: 'names',
    strength,
    confidence,
    reason: rawText(''),
    facts: {},
    warningKey: null,
  });
  assert.ok(signsAgree([sign('decisive', 0.9)]));
  assert.ok(!signsAgree([sign('strong', 0.85)]));
  assert.ok(signsAgree([sign('strong', 0.85), sign('supporting')]));
  assert.ok(!signsAgree([sign('supporting'), sign('supporting')]));
  assert.ok(signsAgree([sign('supporting', 0.6), sign('supporting', 0.9)]));
  assert.ok(signsAgree([sign('supporting'), sign('supporting'), sign('supporting')]));
});

test('generated c’t-like deliveries are all recognised, own exports never (seed 3)', async () => {
  const cases = verdictCases(3, 12);
  assert.equal(cases.filter((c) => c.foreign).length, 12);
  for (const c of cases) {
    const r = await runVerdictCase(c);
    assert.equal(r.verdict != null, c.foreign, `${c.name}: ${r.warnings.map((w) => english(w.reason)).join(' | ')}`);
  }
});

test('the CLI: profile --home/--devices none/--no-assistant, and warnings --json carries the verdict and its signs', async () => {
  const { spawnSync } = await import('node:child_process');
  const dir = tempDir();
  const file = path.join(dir, 'library.sqlite');
  const db = openLibrary(file);
  const zip = await writeZip(path.join(dir, 'export.zip'), {
    'recordings.json': JSON.stringify(strangerTexts.map((text, i) => ({ id: `k${i}`, time: at(i), text }))),
  });
  await runImport(db, [zip], { importers: [fakeImporter({ account: null })] });
  recordNameMentions(db, (t) => findPersonNames(t));
  db.close();
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args, '--db', file], { encoding: 'utf8' });
  const profile = cli('profile', '--name', 'Max Weber', '--home', 'Hildesheim', '--devices', 'none', '--json');
  assert.equal(profile.status, 0, profile.stderr);
  const saved = JSON.parse(profile.stdout) as { homePlaces: string[]; noAssistant: boolean };
  assert.deepEqual(saved.homePlaces, ['Hildesheim']);
  assert.equal(saved.noAssistant, true);
  const out = cli('warnings', '--json');
  assert.equal(out.status, 0, out.stderr);
  const warnings = JSON.parse(out.stdout) as {
    kind: string;
    severity: string;
    exportId: number;
    signs?: ExportSign[];
  }[];
  const verdict = warnings.find((w) => w.kind === 'export');
  assert.ok(verdict, out.stdout);
  assert.equal(verdict.severity, 'strong');
  assert.equal(typeof verdict.exportId, 'number');
  assert.deepEqual(verdict.signs!.map((s) => s.kind).sort(), ['devices', 'names', 'places']);
  const text = cli('warnings');
  assert.match(text.stdout, /\[strong\] export: This export is very likely not yours — 3 signs:/);
  assert.match(text.stdout, /- places \(supporting, \d+ % sure\)/);
  const noAlexa = cli('profile', '--devices', 'some', '--no-assistant', 'alexa', '--json');
  assert.equal(noAlexa.status, 0, noAlexa.stderr);
  assert.deepEqual((JSON.parse(noAlexa.stdout) as { notMyAssistants: string[] }).notMyAssistants, ['alexa']);
  const bad = cli('profile', '--no-assistant', 'siri');
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /--no-assistant takes “alexa” or “google”/);
});
