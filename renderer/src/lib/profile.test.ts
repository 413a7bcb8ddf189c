// "About you": lists typed in plain form, checked the way the core checks them, in plain words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addEntries,
  emptyProfile,
  isEmail,
  knowsUser,
  personForMe,
  personRole,
  profileFromDraft,
  shouldAskAboutYou,
  splitEntries,
  validateProfile,
  type ProfileDraft,
} from './profile.ts';

const draft = (patch: Partial<ProfileDraft> = {}): ProfileDraft => ({
  names: [],
  emails: [],
  household: [],
  accounts: [],
  homePlaces: [],
  devices: [],
  noAssistant: false,
  notMyAssistants: [],
  ...patch,
});

test('entries split as people paste them: e-mail lists on any separator, names only on lines', () => {
  assert.deepEqual(splitEntries('a@x.org, b@y.org;c@z.org\n d@w.org', 'emails'), [
    'a@x.org',
    'b@y.org',
    'c@z.org',
    'd@w.org',
  ]);
  assert.deepEqual(splitEntries('Meier, Tom\nTommy  Meier; T. M.', 'names'), ['Meier, Tom', 'Tommy Meier', 'T. M.']);
  // People at home: a list typed in one go is several people.
  assert.deepEqual(splitEntries('Jana, Anna', 'household'), ['Jana', 'Anna']);
  assert.deepEqual(splitEntries('Anna  Schmidt; Bob and Jana\nTom und Lea & Max', 'household'), [
    'Anna Schmidt',
    'Bob',
    'Jana',
    'Tom',
    'Lea',
    'Max',
  ]);
  // "and" inside a name is not a separator.
  assert.deepEqual(splitEntries('Alexander Sandoval', 'household'), ['Alexander Sandoval']);
  assert.deepEqual(splitEntries('   ', 'names'), []);
});

test('adding leaves out what is already there, ignoring case; addresses are lower-cased', () => {
  assert.deepEqual(addEntries(['Anna'], 'anna\nTom', 'household'), ['Anna', 'Tom']);
  assert.deepEqual(addEntries([], 'Jane.Doe@Example.com', 'emails'), ['jane.doe@example.com']);
});

test('e-mail addresses are checked as the core checks them', () => {
  assert.ok(isEmail('jane.doe@example.com'));
  assert.ok(isEmail('j+tag@mail.example.co.uk'));
  for (const bad of ['jane@', '@example.com', 'jane@example', 'jane doe@example.com', 'jane..doe@example.com'])
    assert.ok(!isEmail(bad), bad);
});

test('problems are named one by one, for the field they are in', () => {
  assert.deepEqual(validateProfile(draft({ names: ['Jane'], emails: ['jane.doe@example.com'] })), []);
  assert.deepEqual(validateProfile(draft({ emails: ['jane@'] })), [{ field: 'emails', kind: 'email', value: 'jane@' }]);
  const long = 'x'.repeat(201);
  assert.deepEqual(validateProfile(draft({ household: [long] })), [
    { field: 'household', kind: 'tooLong', value: long, max: 200 },
  ]);
  const many = Array.from({ length: 21 }, (_, i) => `Name ${i}`);
  assert.deepEqual(validateProfile(draft({ names: many })), [{ field: 'names', kind: 'tooMany', max: 20 }]);
});

test('the first-run step asks only while nothing is known and it was not skipped', () => {
  assert.ok(shouldAskAboutYou(emptyProfile));
  assert.ok(!shouldAskAboutYou({ ...emptyProfile, skipped: true }));
  assert.ok(!shouldAskAboutYou({ ...emptyProfile, household: ['Tom'] }));
  assert.ok(!knowsUser({ ...emptyProfile, household: ['Tom'] }));
  assert.ok(knowsUser({ ...emptyProfile, emails: ['a@b.org'] }));
  const saved = profileFromDraft(
    { ...emptyProfile, knownPeople: ['Bob'], skipped: true },
    draft({ names: ['Jane'] }),
    false,
  );
  assert.deepEqual(saved, { ...emptyProfile, names: ['Jane'], knownPeople: ['Bob'], skipped: false });
});

test('a voice group’s person is the user, someone at home, or someone else', () => {
  const p = { ...emptyProfile, names: ['Jane Doe'], household: ['Tom'] };
  assert.equal(personForMe(p), 'Jane Doe');
  assert.equal(personForMe(emptyProfile), 'me');
  assert.equal(personRole('jane doe', p), 'me');
  assert.equal(personRole('me', null), 'me');
  assert.equal(personRole('Tom', p), 'household');
  assert.equal(personRole('Anna', p), 'other');
});
