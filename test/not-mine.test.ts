// "Not mine": the account check, names that are not the household's, decisions that stick, the
// evidence summary and removing an export as not mine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { english } from '../electron/core/messages/index.ts';
import path from 'node:path';
import { openLibrary } from '../electron/core/db/library.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { canonicalEmail, checkAccount } from '../electron/core/analysis/account-check.ts';
import { Profile, getProfile, setProfile } from '../electron/core/analysis/profile.ts';
import { recordNameMentions } from '../electron/core/analysis/name-mentions.ts';
import { findPersonNames } from '../electron/core/analysis/names/index.ts';
import {
  allWarnings,
  decideWarning,
  listWarnings,
  refreshWarnings,
  undoDecision,
} from '../electron/core/analysis/warnings.ts';
import { buildEvidence, listRemovals, removeExportAsNotMine } from '../electron/core/analysis/evidence.ts';
import { listRecordings } from '../electron/core/db/recordings.ts';
import { fakeImporter, type FakeRecording } from './helpers/fake-export.ts';
import { tempDir, writeZip } from './helpers/zip.ts';

const profile = (p: Partial<Profile>) => Profile.parse(p);

test('the account check compares e-mails as providers do, and names word by word', () => {
  assert.equal(canonicalEmail('Jane.Doe+alexa@GoogleMail.com'), 'janedoe@gmail.com');
  assert.equal(
    checkAccount({ value: 'jane.doe@gmail.com', kind: 'email' }, profile({ emails: ['janedoe@gmail.com'] })).status,
    'yours',
  );
  assert.equal(
    checkAccount({ value: 'tom@example.com', kind: 'email' }, profile({ emails: ['jane@example.com'] })).status,
    'not-yours',
  );
  assert.equal(checkAccount({ value: 'tom@example.com', kind: 'email' }, profile({})).status, 'unknown');
  assert.equal(
    checkAccount({ value: 'Jürgen Müller', kind: 'name' }, profile({ names: ['Juergen Mueller'] })).status,
    'yours',
  );
  assert.equal(
    checkAccount({ value: 'Müller, Jürgen', kind: 'name' }, profile({ names: ['Jürgen Müller'] })).status,
    'yours',
  );
  assert.equal(
    checkAccount({ value: 'Jürgen Schmidt', kind: 'name' }, profile({ names: ['Jürgen Müller'] })).status,
    'not-yours',
  );
  assert.equal(checkAccount(null, profile({ names: ['x'] })).status, 'unknown');
});

async function importFake(db: ReturnType<typeof openLibrary>, items: FakeRecording[], dir = tempDir()) {
  const file = await writeZip(path.join(dir, 'export.zip'), { 'recordings.json': JSON.stringify(items) });
  return runImport(db, [file], { importers: [fakeImporter()] });
}

const analyse = (db: ReturnType<typeof openLibrary>) => {
  recordNameMentions(db, (t) => findPersonNames(t));
  refreshWarnings(db, allWarnings(db));
};

test('a foreign account raises the strongest warning, with the identity and where it was found', async () => {
  const db = openLibrary(path.join(tempDir(), 'l.sqlite'));
  await importFake(db, [{ id: '1', time: '2024-01-01T10:00:00Z', text: 'what time is it' }]);
  analyse(db);
  assert.deepEqual(listWarnings(db), [], 'nothing to compare with: no warning');
  setProfile(db, { emails: ['jane@example.org'] });
  analyse(db);
  const [w] = listWarnings(db);
  assert.equal(w!.kind, 'account');
  assert.equal(w!.severity, 'strong');
  assert.match(english(w!.reason), /This export appears to belong to someone@example\.com, not to you/);
  assert.match(english(w!.reason), /recordings\.json/);
  // "It is mine": the warning goes, stays listed as dealt with, and undo brings it back.
  decideWarning(db, w!.id, 'mine', () => analyse(db));
  assert.deepEqual(listWarnings(db), []);
  assert.deepEqual(getProfile(db).confirmedAccounts, ['someone@example.com']);
  const decided = listWarnings(db, { includeDecided: true });
  assert.deepEqual(
    decided.map((x) => [x.id, x.decision]),
    [[w!.id, 'mine']],
  );
  analyse(db);
  assert.deepEqual(listWarnings(db), [], 'remembered across recomputation');
  undoDecision(db, w!.id);
  analyse(db);
  assert.deepEqual(
    listWarnings(db).map((x) => x.id),
    [w!.id],
  );
  assert.deepEqual(getProfile(db).confirmedAccounts, []);
  db.close();
});

test('names that are not the household are flagged; household, short forms and spellings are not', async () => {
  const db = openLibrary(path.join(tempDir(), 'l.sqlite'));
  setProfile(db, {
    names: ['Jane Doe'],
    emails: ['someone@example.com'],
    household: ['Jürgen Müller', 'Alexander Doe'],
  });
  await importFake(db, [
    { id: '1', time: '2024-01-01T10:00:00Z', text: 'call anna schmidt' },
    { id: '2', time: '2024-01-02T10:00:00Z', text: 'text anna schmidt i am late' },
    { id: '3', time: '2024-01-03T10:00:00Z', text: 'call juergen mueller' },
    { id: '4', time: '2024-01-04T10:00:00Z', text: 'remind alex to take out the bins' },
    { id: '5', time: '2024-01-05T10:00:00Z', text: "what's the weather in paris" },
    { id: '6', time: '2024-01-06T10:00:00Z', text: 'alexa play taylor swift' },
  ]);
  analyse(db);
  const warnings = listWarnings(db);
  assert.equal(warnings.length, 1, JSON.stringify(warnings.map((w) => english(w.reason))));
  assert.equal(warnings[0]!.kind, 'name');
  assert.match(english(warnings[0]!.reason), /^2 recordings mention Anna Schmidt, who isn't in your household\.$/i);
  assert.equal(warnings[0]!.recordings, 2);
  const flagged = listRecordings(db, { filters: { flagged: true } });
  assert.equal(flagged.total, 2);
  assert.ok(flagged.rows.every((r) => r.flagged));
  assert.equal(listRecordings(db, { filters: { warningId: warnings[0]!.id } }).total, 2);
  // "I know this person": the warning goes, and stays gone after recomputing.
  decideWarning(db, warnings[0]!.id, 'mine', () => analyse(db));
  analyse(db);
  assert.deepEqual(listWarnings(db), []);
  assert.deepEqual(getProfile(db).knownPeople, ['Anna Schmidt'], 'remembered as someone the user knows');
  db.close();
});

test('without a household, names are notices that ask, not warnings', async () => {
  const db = openLibrary(path.join(tempDir(), 'l.sqlite'));
  await importFake(db, [{ id: '1', time: '2024-01-01T10:00:00Z', text: 'call anna' }]);
  analyse(db);
  const [w] = listWarnings(db);
  assert.equal(w!.severity, 'notice');
  assert.match(english(w!.reason), /Tell Earshot who lives with you/);
  db.close();
});

test('the evidence summary names files with hashes and counts, never content; removal is recorded', async () => {
  const dir = tempDir();
  const db = openLibrary(path.join(dir, 'l.sqlite'));
  const report = await importFake(
    db,
    [
      { id: '1', time: '2024-01-01T10:00:00Z', text: 'my secret shopping list', device: 'Kitchen' },
      { id: '2', time: '2024-03-01T10:00:00Z', text: 'call anna', device: 'Kitchen' },
    ],
    dir,
  );
  setProfile(db, { emails: ['jane@example.org'] });
  analyse(db);
  const evidence = buildEvidence(db, report.exportId!, 'en')!;
  assert.equal(evidence.files[0]!.name, 'export.zip');
  assert.match(evidence.files[0]!.sha256!, /^[0-9a-f]{64}$/);
  assert.match(evidence.summary, /Recordings: 2 \(0 with audio, 2 with a transcript\), 2024-01-01 to 2024-03-01/);
  assert.match(evidence.summary, /someone@example\.com/);
  assert.doesNotMatch(
    evidence.summary + evidence.html + evidence.drafts.company!.body,
    /shopping list|anna/i,
    'no recording content',
  );
  assert.match(evidence.drafts.company!.to, /Amazon/);
  assert.match(evidence.drafts.authority!.body, /personal data breach/);
  const german = buildEvidence(db, report.exportId!, 'de')!;
  assert.match(german.drafts.company!.body, /Sehr geehrte/);
  // The company's address in a German letter: the address as it is, the words around it in German.
  assert.match(
    german.drafts.company!.to,
    /^Amazon Europe Core .* Luxembourg \(oder das Formular unter amazon\.com\/privacy\)$/,
  );
  assert.match(evidence.drafts.company!.to, /\(or the form at amazon\.com\/privacy\)$/);
  // The German summary names the export's kind in German too.
  assert.match(german.summary, /^Beweiszusammenfassung: Alexa-Sprachverlauf · export\nArt: Alexa-Sprachverlauf\n/);

  const removed = removeExportAsNotMine(db, report.exportId!)!;
  assert.equal(removed.deleted, 2);
  assert.match(removed.removal.summary, /Removed: .* every recording of this export was deleted/);
  assert.ok(removed.removal.summary.includes(evidence.files[0]!.sha256!));
  assert.equal(listRecordings(db, {}).total, 0);
  assert.equal(listRemovals(db).length, 1);
  analyse(db);
  assert.deepEqual(listWarnings(db), []);
  db.close();
});

test('a voice the user called someone else is flagged even before any voice is known', async () => {
  const { SOMEONE_ELSE, voiceWarnings } = await import('../electron/core/analysis/voice-groups.ts');
  const db = openLibrary(path.join(tempDir(), 'l.sqlite'));
  await importFake(db, [
    { id: '1', time: '2024-01-01T10:00:00Z', text: 'what time is it' },
    { id: '2', time: '2024-01-02T10:00:00Z', text: 'turn on the lights' },
  ]);
  const centroid = Buffer.from(new Float32Array(59).fill(0.1).buffer);
  const group = Number(
    db
      .prepare("INSERT INTO voice_groups (label, centroid, size, person, created_at) VALUES ('Voice A', ?, 2, NULL, 0)")
      .run(centroid).lastInsertRowid,
  );
  for (const id of [1, 2]) {
    db.prepare("INSERT INTO voice_signatures (recording_id, vector, method, group_id) VALUES (?, NULL, 'test', ?)").run(
      id,
      group,
    );
  }
  assert.deepEqual(voiceWarnings(db), [], 'no known voice and no verdict from the user: nothing to say');
  db.prepare('UPDATE voice_groups SET person = ? WHERE id = ?').run(SOMEONE_ELSE, group);
  const [w] = voiceWarnings(db);
  assert.equal(w!.kind, 'voice');
  assert.match(english(w!.reason), /You said Voice A is someone else/);
  assert.deepEqual(w!.recordingIds.sort(), [1, 2]);
  assert.equal(w!.evidence.groupId, group, 'the warning names its group by id');
  db.close();
});
