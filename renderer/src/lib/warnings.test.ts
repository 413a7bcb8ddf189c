// Warnings as the window words them: specific, with how sure, in either language.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredWarning } from '../../../electron/core/api/contract.ts';
import { rawText } from '../../../electron/core/messages/index.ts';
import { translate, type MessageKey, type Params } from '../i18n/index.ts';
import {
  byDecision,
  certainty,
  exportMarks,
  foreignExports,
  groupBySeverity,
  joinList,
  recordingCount,
  voiceLabel,
  voiceWarningFor,
  warningTitle,
  warningWhy,
} from './warnings.ts';

const en = (key: MessageKey, params?: Params) => translate('en', key, params, 'en-GB');
const de = (key: MessageKey, params?: Params) => translate('de', key, params, 'de-DE');

let next = 1;
function warning(patch: Partial<StoredWarning>): StoredWarning {
  const id = next++;
  return {
    id,
    key: `k${id}`,
    kind: 'name',
    severity: 'warning',
    exportId: 1,
    exportLabel: 'Amazon 2018',
    subject: 'Anna Schmidt',
    reason: rawText('core reason'),
    evidence: {},
    confidence: null,
    recordings: 12,
    firstTime: null,
    lastTime: null,
    decision: null,
    ...patch,
  };
}

test('a name warning reads like the ux text, and "may" when Earshot cannot know', () => {
  const w = warning({ evidence: { spellings: ['Anna Schmidt', 'anna schmidt', 'Anna Schmitt'] } });
  assert.equal(warningTitle(w, en), '12 recordings mention Anna Schmidt, who isn’t in your household');
  assert.equal(
    warningTitle({ ...w, recordings: 1 }, en),
    '1 recording mentions Anna Schmidt, who isn’t in your household',
  );
  assert.equal(warningTitle(w, de), '12 Aufnahmen nennen Anna Schmidt, die oder der nicht zu deinem Haushalt gehört');
  // Spellings that differ only in case are not listed again.
  assert.match(warningWhy(w, en, 'en-GB'), /Also written as Anna Schmitt\.$/);
  assert.match(certainty(w, en), /may well be someone you know/);
  // Without a household, it does not say "who isn't in your household".
  assert.equal(warningTitle({ ...w, severity: 'notice' }, en), '12 recordings mention Anna Schmidt');
});

test('an account warning names the identity and what the user said', () => {
  const w = warning({
    kind: 'account',
    severity: 'strong',
    subject: 'stranger@example.net',
    recordings: 0,
    confidence: 0.95,
    evidence: {
      identity: 'stranger@example.net',
      foundIn: 'Takeout/archive_browser.html',
      yours: ['a@x.org', 'b@y.org'],
      recordings: 1700,
    },
  });
  assert.equal(warningTitle(w, en), 'This export appears to belong to stranger@example.net, not to you');
  assert.equal(
    warningWhy(w, en, 'en-GB'),
    'The export names the account stranger@example.net (in “Takeout/archive_browser.html”). You told Earshot yours are a@x.org and b@y.org.',
  );
  assert.equal(recordingCount(w), 1700);
  assert.equal(certainty(w, en), 'How sure: Earshot is fairly sure.');
  assert.equal(warningTitle(w, de), 'Dieser Export scheint stranger@example.net zu gehören, nicht dir');
});

test('voice warnings say how unsure voice matching is', () => {
  const w = warning({ kind: 'voice', subject: 'Voice C', confidence: 0.5, evidence: { vendorUnrecognised: 2 } });
  assert.equal(warningTitle(w, en), '12 recordings in Voice C may be someone else’s voice');
  assert.match(warningWhy(w, en, 'en-GB'), /marked 2 of them as from an unrecognised speaker/);
  assert.match(certainty(w, en), /^How sure: this is only a guess\. Voices in short clips are hard to tell apart/);
  assert.equal(voiceWarningFor('Voice C', [w])?.id, w.id);
  assert.equal(voiceWarningFor('Voice D', [w]), undefined);
});

test('grouping, export marks and the foreign exports for the banner', () => {
  const account = warning({ kind: 'account', severity: 'strong', exportId: 2 });
  const voices = warning({ kind: 'export', severity: 'strong', exportId: 2 });
  const other = warning({ kind: 'export', severity: 'strong', exportId: 3 });
  const name = warning({ severity: 'warning', exportId: 1 });
  const notice = warning({ severity: 'notice', exportId: null });
  assert.deepEqual(
    groupBySeverity([notice, name, account]).map((g) => [g.severity, g.warnings.length]),
    [
      ['strong', 1],
      ['warning', 1],
      ['notice', 1],
    ],
  );
  assert.deepEqual(
    [...exportMarks([name, voices, account, notice])],
    [
      [1, 'warning'],
      [2, 'strong'],
    ],
  );
  // One banner per export, the account warning preferred.
  assert.deepEqual(
    foreignExports([voices, account, other, name]).map((w) => w.id),
    [account.id, other.id],
  );
});

test('the core lists decided warnings too: open ones apart from the dealt-with ones, in its order', () => {
  const anna = warning({ key: 'name:anna', decision: 'mine' });
  const bob = warning({ key: 'name:bob' });
  const account = warning({ kind: 'account', severity: 'strong', key: 'account:2', decision: 'dismissed' });
  const voice = warning({ kind: 'voice', key: 'voice:7', subject: 'Voice B' });
  const { open, decided } = byDecision([account, bob, anna, voice]);
  assert.deepEqual(
    open.map((w) => w.key),
    ['name:bob', 'voice:7'],
  );
  assert.deepEqual(
    decided.map((w) => [w.key, w.decision]),
    [
      ['account:2', 'dismissed'],
      ['name:anna', 'mine'],
    ],
  );
  // Only open warnings mark exports, raise the banner, or mark a voice group.
  assert.deepEqual([...exportMarks(open)], [[1, 'warning']]);
  assert.deepEqual(foreignExports(open), []);
  assert.equal(voiceWarningFor('Voice B', open)?.id, voice.id);
  assert.deepEqual(byDecision([]), { open: [], decided: [] });
});

test('a voice warning is tied to its group by the id it carries, whatever the labels say', () => {
  const voice = warning({ kind: 'voice', subject: 'Voice B', evidence: { groupId: 7 } });
  assert.equal(voiceWarningFor('Voice A', [voice], 7)?.id, voice.id);
  assert.equal(voiceWarningFor('Voice B', [voice], 8), undefined);
});

test('lists read naturally in each language', () => {
  assert.equal(joinList(['a', 'b', 'c'], 'en-GB'), 'a, b and c');
  assert.equal(joinList(['a', 'b'], 'de-DE'), 'a und b');
});

test('voice group labels follow the language', () => {
  assert.equal(voiceLabel('Voice AB', de), 'Stimme AB');
  assert.equal(voiceLabel('Voice A', en), 'Voice A');
  assert.equal(voiceLabel('Kitchen', de), 'Kitchen');
  assert.equal(
    warningTitle(warning({ kind: 'voice', subject: 'Voice C' }), de),
    '12 Aufnahmen in Stimme C sind vielleicht die Stimme einer anderen Person',
  );
});
