// Files an export holds that Earshot keeps but cannot read (an Amazon transcripts PDF): the export's
// page lists them and the window can save each one again, byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createEarshot } from '../electron/core/app.ts';
import { dispatch } from '../electron/core/api/handlers.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import type { Importer } from '../electron/core/importers/importer.ts';
import type { KeptFile } from '../electron/core/api/contract.ts';
import { english, rawText } from '../electron/core/messages/index.ts';
import { fakeImporter } from './helpers/fake-export.ts';
import { tempDir, writeZip } from './helpers/zip.ts';

/** The fake export kind, which also keeps its `transcripts.pdf` as it came and names two contacts. */
function keepingImporter(): Importer {
  const inner = fakeImporter();
  return {
    detect: inner.detect,
    async run(files, sink) {
      const pdf = files.entries.find((e) => e.name === 'transcripts.pdf');
      if (pdf) await sink.attach(pdf, rawText('no transcripts with times in it'));
      sink.addMentionedName('Carla Kontakt', 'contacts.csv');
      sink.addMentionedName('Bob Builder', 'contacts.csv');
      await inner.run(files, sink);
    },
  };
}

test('an export’s kept files and the names it mentions are listed, each file can be fetched to save, until the export is removed', async () => {
  const dir = tempDir();
  const app = createEarshot({ libraryFile: path.join(dir, 'library.sqlite') });
  try {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 1, 2, 250, 255])]);
    const file = await writeZip(path.join(dir, 'export.zip'), {
      'recordings.json': JSON.stringify([{ id: '1', time: '2018-05-01T10:00:00Z', text: 'alexa play jazz' }]),
      'docs/transcripts.pdf': pdf,
    });
    const report = await runImport(app.db, [file], { importers: [keepingImporter()] });
    assert.equal(report.recordings, 1);
    const call = async (method: string, args: unknown) => {
      const answer = await dispatch(app.handlers, method, args);
      if ('error' in answer) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
      return answer.result as never;
    };

    const kept: KeptFile[] = await call('listKeptFiles', { exportId: report.exportId });
    assert.equal(kept.length, 1);
    assert.equal(kept[0]!.path, 'docs/transcripts.pdf');
    assert.equal(english(kept[0]!.reason), 'no transcripts with times in it');
    assert.equal(kept[0]!.size, pdf.length);
    assert.match(kept[0]!.sha256, /^[0-9a-f]{64}$/);

    const saved: { name: string; base64: string } = await call('getKeptFile', { id: kept[0]!.id });
    assert.equal(saved.name, 'transcripts.pdf');
    assert.deepEqual(Buffer.from(saved.base64, 'base64'), pdf, 'the same bytes come back');

    assert.deepEqual(await call('listKeptFiles', { exportId: report.exportId! + 1 }), [], 'another export keeps none');
    await assert.rejects(call('getKeptFile', { id: kept[0]!.id + 99 }), { code: 'not-found' });
    await assert.rejects(call('listKeptFiles', { exportId: -1 }), { code: 'invalid-args' });

    assert.deepEqual(await call('listMentionedNames', { exportId: report.exportId }), [
      { name: 'Carla Kontakt', foundIn: 'contacts.csv' },
      { name: 'Bob Builder', foundIn: 'contacts.csv' },
    ]);

    await call('removeExport', { exportId: report.exportId });
    assert.deepEqual(await call('listMentionedNames', { exportId: report.exportId }), [], 'names go with the export');
    assert.deepEqual(await call('listKeptFiles', { exportId: report.exportId }), [], 'removed with its export');
    await assert.rejects(call('getKeptFile', { id: kept[0]!.id }), { code: 'not-found' });
  } finally {
    await app.close();
  }
});
