// Export labels: stored in English at import, shown in the reader's language (issue 16: German
// export labels stayed English, "Amazon data export · …").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exportKinds, exportLabel, kindName, labelIn } from '../electron/core/messages/export-labels.ts';

test('every kind of export has a German label, with the source name kept', () => {
  assert.ok(exportKinds.length >= 8, 'all kinds are listed');
  for (const kind of exportKinds) {
    const stored = exportLabel(kind, ['/home/jo/Downloads/my-data.zip']);
    assert.equal(stored, `${kindName(kind)} · my-data`);
    const german = labelIn(stored, 'de');
    assert.equal(german, `${kindName(kind, 'de')} · my-data`, kind);
    assert.equal(labelIn(stored, 'en'), stored);
    // Brand names stay as they are; every descriptive name is translated.
    if (kindName(kind) !== 'Google Takeout') assert.notEqual(kindName(kind, 'de'), kindName(kind), kind);
  }
  assert.equal(labelIn('Amazon data export', 'de'), 'Amazon-Datenexport');
  assert.equal(labelIn('Alexa voice history · Alexa voice history', 'de'), 'Alexa-Sprachverlauf · Alexa voice history');
});

test('a label the user might have typed, or from another kind, is left alone', () => {
  assert.equal(labelIn('Amazon data exporter · x', 'de'), 'Amazon data exporter · x');
  assert.equal(labelIn('my own name', 'de'), 'my own name');
});

test('the source name is the last part of a Windows or POSIX path, folder or file', () => {
  assert.equal(exportLabel('amazon-2024', ['C:\\Users\\jo\\Downloads\\Alexa.zip']), 'Amazon data export · Alexa');
  assert.equal(exportLabel('ovos-mycroft', ['/srv/ovos/utterances/']), 'OpenVoiceOS / Mycroft recordings · utterances');
  assert.equal(exportLabel('alexa-voice-history', []), 'Alexa voice history');
});
