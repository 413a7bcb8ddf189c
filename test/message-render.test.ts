// Messages kept as keys until the edge: rendered in the reader's language with nested reasons and
// lists, old English text recognised back into a message (for the library migration only), and
// anything unrecognised kept as its own text rather than lost.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inLanguage, message, rawText, recogniseMessage, render, say } from '../electron/core/messages/index.ts';
import { parseStoredMessage } from '../electron/core/messages/message.ts';

test('a message renders in English as say() does and in German as the catalogue says', () => {
  const msg = message('archive.skipInnerZip', { detail: message('archive.entryCrc') });
  assert.equal(render(msg, 'en'), say('archive.skipInnerZip', { detail: say('archive.entryCrc') }));
  const german = render(msg, 'de', 'de-DE');
  assert.notEqual(german, render(msg, 'en'));
  assert.equal(german, inLanguage(render(msg, 'en'), 'de', 'de-DE'));
});

test('a list of messages inside a message renders each one in the language, joined with "; "', () => {
  const msg = message('import.unknownExportRecognised', {
    recognised: [message('amazon.recognisedAlexaData'), message('alexa.recognisedHistory')],
  });
  const german = render(msg, 'de', 'de-DE');
  assert.ok(german.includes(render(message('amazon.recognisedAlexaData'), 'de')), german);
  assert.ok(german.includes(render(message('alexa.recognisedHistory'), 'de')), german);
});

test('stored English text is recognised back into the same message, nested ones and lists included', () => {
  const msg = message('import.unknownExportRecognised', {
    recognised: [message('amazon.recognisedAlexaData'), message('alexa.recognisedHistory')],
  });
  assert.deepEqual(recogniseMessage(render(msg, 'en')), msg);
  const counted = message('archive.tooManyEntries', { count: 500000 });
  assert.deepEqual(recogniseMessage(render(counted, 'en')), counted);
});

test('text that is no catalogue sentence is kept as raw text and shown as it was', () => {
  const msg = recogniseMessage('ENOSPC: no space left on device');
  assert.deepEqual(msg, rawText('ENOSPC: no space left on device'));
  assert.equal(render(msg, 'de'), 'ENOSPC: no space left on device');
  assert.equal(render({ key: 'no.suchKey', params: { text: 'kept' } }, 'de'), 'kept');
  assert.deepEqual(parseStoredMessage('not json'), rawText('not json'));
  assert.deepEqual(parseStoredMessage(JSON.stringify(msg)), msg);
});
