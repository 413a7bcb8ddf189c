// The account check compares like with like: customer ids with the user's customer ids, names with
// names, e-mail addresses with e-mail addresses — and says "unknown" when there is nothing of the kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkAccount, identityKind, ownIdentities } from '../electron/core/analysis/account-check.ts';
import { Profile, setProfile } from '../electron/core/analysis/profile.ts';
import { allWarnings } from '../electron/core/analysis/warnings.ts';
import { openLibrary } from '../electron/core/db/library.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { alexaHistoryImporter } from '../electron/core/importers/alexa-history/index.ts';
import { CUSTOMER_ID, pageJson, RECORDS } from './fixtures/alexa-history.ts';
import { tempDir } from './helpers/zip.ts';

const profile = (p: Partial<Profile>) => Profile.parse(p);

test('each identity is sorted by its shape: a customer id is never a name', () => {
  assert.equal(identityKind('A1B2C3D4E5F6G7', 'customer-id'), 'customer-id');
  assert.equal(identityKind('A1B2C3D4E5F6G7', 'name'), 'customer-id', 'mislabelled by an importer');
  assert.equal(identityKind('A1B2C3D4E5F6G7'), 'customer-id', 'typed in "About you"');
  assert.equal(identityKind('amzn1.account.AEXAMPLE7TQ2'), 'customer-id');
  assert.equal(identityKind('Jane Doe', 'name'), 'name');
  assert.equal(identityKind('ALEXANDRA', 'name'), 'name', 'a name in capitals has no digit');
  assert.equal(identityKind('jane@example.org', 'name'), 'email');
  assert.equal(identityKind('Jane Doe', 'email'), 'email', 'trusted when it is not shaped like anything else');
});

test('a customer id compared with a name is unknown, never "not yours"', () => {
  const v = checkAccount({ value: 'A1B2C3D4E5F6G7', kind: 'customer-id' }, profile({ names: ['Jane Doe'] }));
  assert.equal(v.status, 'unknown');
  assert.match(v.status === 'unknown' ? v.why : '', /customer id/);
  assert.equal(
    checkAccount({ value: 'A1B2C3D4E5F6G7', kind: 'customer-id' }, profile({ emails: ['jane@example.org'] })).status,
    'unknown',
  );
  // The same holds for a customer id that an importer labelled as a name.
  assert.equal(
    checkAccount({ value: 'A1B2C3D4E5F6G7', kind: 'name' }, profile({ names: ['Jane Doe'] })).status,
    'unknown',
  );
});

test('customer ids are compared with the customer ids the user gave, whatever the case', () => {
  const mine = profile({ names: ['Jane Doe'], accounts: ['a1b2c3d4e5f6g7'] });
  assert.deepEqual(ownIdentities(mine, 'customer-id'), ['a1b2c3d4e5f6g7']);
  assert.deepEqual(ownIdentities(mine, 'name'), ['Jane Doe'], 'the customer id is not one of her names');
  assert.deepEqual(checkAccount({ value: 'A1B2C3D4E5F6G7', kind: 'customer-id' }, mine), {
    status: 'yours',
    matched: 'a1b2c3d4e5f6g7',
  });
  assert.deepEqual(checkAccount({ value: 'A9Z8Y7X6W5V4U3', kind: 'customer-id' }, mine), {
    status: 'not-yours',
    identity: 'A9Z8Y7X6W5V4U3',
    comparedWith: ['a1b2c3d4e5f6g7'],
  });
});

test('names are compared only with names, e-mails only with e-mails', () => {
  const mine = profile({ names: ['Jane Doe'], accounts: ['A1B2C3D4E5F6G7', 'jane.doe@gmail.com'] });
  assert.deepEqual(checkAccount({ value: 'Tom Meier', kind: 'name' }, mine), {
    status: 'not-yours',
    identity: 'Tom Meier',
    comparedWith: ['Jane Doe'],
  });
  assert.equal(checkAccount({ value: 'janedoe@gmail.com', kind: 'email' }, mine).status, 'yours');
  const onlyId = profile({ accounts: ['A1B2C3D4E5F6G7'] });
  const v = checkAccount({ value: 'Tom Meier', kind: 'name' }, onlyId);
  assert.equal(v.status, 'unknown', 'a name compared with a customer id says nothing');
  assert.match(v.status === 'unknown' ? v.why : '', /your name/);
  assert.equal(checkAccount({ value: 'tom@example.com', kind: 'email' }, onlyId).status, 'unknown');
  assert.equal(checkAccount({ value: '  ', kind: 'name' }, mine).status, 'unknown');
});

test('an Alexa voice history naming a customer id raises no account warning against a name', async () => {
  const dir = tempDir();
  const history = path.join(dir, 'history');
  await fs.mkdir(history);
  await fs.writeFile(path.join(history, 'customerHistoryRecords.json'), pageJson(RECORDS.slice(0, 3)));
  const db = openLibrary(path.join(dir, 'l.sqlite'));
  await runImport(db, [history], { importers: [alexaHistoryImporter] });
  const stored = db.prepare('SELECT account, account_kind FROM exports').get() as {
    account: string;
    account_kind: string;
  };
  assert.deepEqual(stored, { account: CUSTOMER_ID, account_kind: 'customer-id' }, 'the import named the customer id');

  const accountWarnings = () => allWarnings(db).filter((w) => w.kind === 'account');
  setProfile(db, { names: ['Jane Doe'], emails: ['jane@example.org'] });
  assert.deepEqual(accountWarnings(), [], 'nothing of the same kind to compare with');

  setProfile(db, { names: ['Jane Doe'], accounts: ['A9Z8Y7X6W5V4U3'] });
  const [w] = accountWarnings();
  assert.equal(w?.subject, CUSTOMER_ID, 'a different customer id of hers is a real mismatch');
  assert.deepEqual(
    (w?.evidence as { yours: string[] }).yours,
    ['A9Z8Y7X6W5V4U3'],
    'compared with her id, not her name',
  );

  setProfile(db, { names: ['Jane Doe'], accounts: [CUSTOMER_ID.toLowerCase()] });
  assert.deepEqual(accountWarnings(), [], 'her own customer id');
  db.close();
});
