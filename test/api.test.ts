// The API as the window uses it: validation, listing, search, filters, insight, deleting,
// the audio function with Range requests, and exporting a selection.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import { createEarshot, type Earshot } from '../electron/core/app.ts';
import { dispatch } from '../electron/core/api/handlers.ts';
import { parseRange, recordingIdFromUrl } from '../electron/core/api/audio-response.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { writeSelectionZip, csvField } from '../electron/core/export/selection-zip.ts';
import { fakeImporter, type FakeRecording } from './helpers/fake-export.ts';
import { makeWav } from './helpers/wav.ts';
import { tempDir, writeZip } from './helpers/zip.ts';

let app: Earshot;
let dir: string;
const wav = makeWav(1);

const items: FakeRecording[] = [
  { id: '1', time: '2024-03-01T10:00:00Z', text: 'alexa play jazz', device: 'Kitchen', audio: 'a.wav' },
  { id: '2', time: '2024-03-02T11:30:00Z', text: 'Wie wird das Wetter in München', device: 'Bedroom' },
  { id: '3', time: '2024-03-03T12:00:00Z', device: 'Kitchen', notIntended: true },
  { id: '4', time: '2024-04-01T08:00:00Z', text: 'alexa play jazz', response: 'Here is some jazz', device: 'Kitchen' },
];

before(async () => {
  dir = tempDir();
  app = createEarshot({ libraryFile: path.join(dir, 'library.sqlite') });
  const file = await writeZip(path.join(dir, 'export.zip'), {
    'recordings.json': JSON.stringify(items),
    'audio/a.wav': wav,
  });
  await runImport(app.db, [file], { importers: [fakeImporter()] });
});
after(async () => app.close());

const call = async (method: string, args: unknown) => {
  const answer = await dispatch(app.handlers, method, args);
  if ('error' in answer) throw new Error(answer.error.message);
  return answer.result as never;
};

test('invalid arguments are refused with a sentence, not run', async () => {
  const bad = await dispatch(app.handlers, 'listRecordings', { limit: -5 });
  assert.ok('error' in bad && bad.error.code === 'invalid-args');
  const unknown = await dispatch(app.handlers, 'dropTables', {});
  assert.ok('error' in unknown && unknown.error.code === 'unknown-method');
  const extra = await dispatch(app.handlers, 'getRecording', { id: 1, sql: 'x' });
  assert.ok('error' in extra, 'unknown keys are refused');
  const empty = await dispatch(app.handlers, 'deleteRecordings', {});
  assert.ok('error' in empty, 'an empty selection never deletes');
});

test('lists newest first with a total, and pages by offset', async () => {
  const page: { total: number; rows: { transcript: string | null }[] } = await call('listRecordings', { limit: 2 });
  assert.equal(page.total, 4);
  assert.deepEqual(
    page.rows.map((r) => r.transcript),
    ['alexa play jazz', null],
  );
  const next: { rows: { transcript: string | null }[] } = await call('listRecordings', { limit: 2, offset: 2 });
  assert.deepEqual(
    next.rows.map((r) => r.transcript),
    ['Wie wird das Wetter in München', 'alexa play jazz'],
  );
});

test('search matches prefixes, ignores accents, and combines with filters', async () => {
  const search = async (s: string, filters = {}) =>
    ((await call('listRecordings', { search: s, filters })) as { total: number }).total;
  assert.equal(await search('jaz'), 2);
  assert.equal(await search('munchen'), 1);
  assert.equal(await search('JAZZ'), 2);
  assert.equal(await search('jazz', { from: Date.parse('2024-03-15T00:00:00Z') }), 1);
  assert.equal(await search('jazz some'), 1, 'words in the response count too');
  assert.equal(await search('"); DROP TABLE recordings; --'), 0, 'operators in user text are harmless');
  assert.equal(await search('', { devices: ['Bedroom'] }), 1);
  assert.equal(await search('', { notIntended: true }), 1);
  assert.equal(await search('', { noTranscript: true }), 1);
  assert.equal(await search('', { hasAudio: true }), 1);
});

test('sorting by duration puts recordings with audio first', async () => {
  const page: { rows: { durationMs: number | null }[] } = await call('listRecordings', { sort: 'longest' });
  assert.ok(Math.abs(page.rows[0]!.durationMs! - 1000) < 5);
});

test('one recording in full, with peaks to draw', async () => {
  const page: { rows: { id: number; hasAudio: boolean }[] } = await call('listRecordings', {
    filters: { hasAudio: true },
  });
  const detail: { peaks: number[]; exportLabel: string; sampleRate: number } = await call('getRecording', {
    id: page.rows[0]!.id,
  });
  assert.ok(detail.peaks.length >= 50 && detail.peaks.every((p) => p >= 0 && p <= 255));
  assert.equal(detail.sampleRate, 16000);
  assert.equal(await call('getRecording', { id: 99999 }), null);
});

test('insight counts per day, hour, device and top requests in local time', async () => {
  const insight: {
    total: number;
    perDay: { day: string; recordings: number }[];
    heatmap: number[][];
    perDevice: { device: string; recordings: number; notIntended: number }[];
    topRequests: { text: string; recordings: number }[];
  } = await call('getInsight', { tzOffsetMinutes: -60 });
  assert.equal(insight.total, 4);
  assert.deepEqual(
    insight.perDay.map((d) => d.day),
    ['2024-03-01', '2024-03-02', '2024-03-03', '2024-04-01'],
  );
  // 2024-03-01 10:00 UTC is a Friday, 11:00 at UTC+1.
  assert.equal(insight.heatmap[4]![11], 1);
  assert.deepEqual(insight.perDevice[0], { device: 'Kitchen', recordings: 3, notIntended: 1 });
  assert.deepEqual(insight.topRequests[0], { text: 'alexa play jazz', recordings: 2 });
});

test('a heatmap cell filters the list to the same local weekday and hour', async () => {
  const insight: { heatmap: number[][] } = await call('getInsight', { tzOffsetMinutes: -60 });
  const slot = { weekday: 4, hour: 11, tzOffsetMinutes: -60 };
  const search = async (s: string, filters = {}) =>
    ((await call('listRecordings', { search: s, filters })) as { total: number }).total;
  assert.equal(await search('', { slot }), insight.heatmap[4]![11]);
  assert.equal(await search('', { slot }), 1);
  // The same moment is 10:00 in UTC, so an hour off finds nothing.
  assert.equal(await search('', { slot: { ...slot, tzOffsetMinutes: 0 } }), 0);
  assert.equal(await search('', { slot: { ...slot, hour: 10, tzOffsetMinutes: 0 } }), 1);
});

test('the audio function serves whole files and byte ranges', async () => {
  const page: { rows: { id: number }[] } = await call('listRecordings', { filters: { hasAudio: true } });
  const id = page.rows[0]!.id;
  const whole = app.serveAudio(new Request(`earshot-audio://recording/${id}`));
  assert.equal(whole.status, 200);
  assert.equal(whole.headers.get('content-type'), 'audio/wav');
  assert.ok(Buffer.from(await whole.arrayBuffer()).equals(wav));
  const part = app.serveAudio(
    new Request(`http://127.0.0.1/audio/recording/${id}`, { headers: { Range: 'bytes=0-3' } }),
  );
  assert.equal(part.status, 206);
  assert.equal(part.headers.get('content-range'), `bytes 0-3/${wav.length}`);
  assert.equal(Buffer.from(await part.arrayBuffer()).toString('ascii'), 'RIFF');
  const beyond = app.serveAudio(
    new Request(`earshot-audio://recording/${id}`, { headers: { Range: `bytes=${wav.length}-` } }),
  );
  assert.equal(beyond.status, 416);
  assert.equal(app.serveAudio(new Request('earshot-audio://recording/../../etc/passwd')).status, 404);
  assert.equal(app.serveAudio(new Request('earshot-audio://recording/424242')).status, 404);
});

test('range and URL parsing', () => {
  assert.deepEqual(parseRange('bytes=-10', 100), { start: 90, end: 99 });
  assert.deepEqual(parseRange('bytes=10-', 100), { start: 10, end: 99 });
  assert.deepEqual(parseRange('bytes=10-500', 100), { start: 10, end: 99 });
  assert.equal(parseRange('bytes=50-10', 100), 'invalid');
  assert.equal(parseRange('items=1-2', 100), null);
  assert.equal(recordingIdFromUrl('earshot-audio://recording/12'), 12);
  assert.equal(recordingIdFromUrl('earshot-audio://recording/12/x'), null);
  assert.equal(recordingIdFromUrl('earshot-audio://recording/0'), null);
});

test('exporting a selection writes the original audio and a CSV', async () => {
  const page: { rows: { id: number }[] } = await call('listRecordings', {});
  const out = path.join(dir, 'selection.zip');
  const written = await writeSelectionZip(
    app.db,
    page.rows.map((r) => r.id),
    createWriteStream(out),
  );
  assert.deepEqual(written, { recordings: 4, audioFiles: 1 });
  const entries = await readZip(out);
  const audioName = [...entries.keys()].find((n) => n.startsWith('audio/'))!;
  assert.ok(entries.get(audioName)!.equals(wav));
  const csv = entries.get('recordings.csv')!.toString('utf8');
  assert.ok(csv.startsWith('\ufeffid,time_utc'));
  assert.equal(csv.trim().split('\r\n').length, 5);
  assert.match(csv, /Wie wird das Wetter in München/);
  assert.equal(csvField('=cmd()'), '"\'=cmd()"');
  assert.equal(csvField('a,b'), '"a,b"');
});

test('deleting a selection removes rows and audio and says how many', async () => {
  const count: { recordings: number } = await call('countRecordings', {
    from: Date.parse('2024-03-01T00:00:00Z'),
    to: Date.parse('2024-03-02T00:00:00Z'),
  });
  assert.equal(count.recordings, 1);
  const result: { deleted: number } = await call('deleteRecordings', {
    from: Date.parse('2024-03-01T00:00:00Z'),
    to: Date.parse('2024-03-02T00:00:00Z'),
  });
  assert.equal(result.deleted, 1);
  assert.equal(app.db.prepare('SELECT COUNT(*) FROM audio').pluck().get(), 0);
  assert.equal(((await call('listRecordings', { search: 'jazz' })) as { total: number }).total, 1, 'the index follows');
  const bytes = await fs.readFile(path.join(dir, 'library.sqlite'));
  assert.equal(bytes.indexOf(wav.subarray(44, 4000)), -1, 'deleted audio is gone from the file');
  const exports: { id: number }[] = await call('listExports', {});
  const whole: { deleted: number; exportsRemoved: number; changed: string[] } = await call('deleteRecordings', {
    exportId: exports[0]!.id,
  });
  // It also says what changed, so the window refetches just that.
  assert.deepEqual(whole, {
    deleted: 3,
    exportsRemoved: 1,
    changed: ['recordings', 'exports', 'warnings', 'voices'],
  });
  assert.deepEqual(await call('listExports', {}), []);
});

async function readZip(file: string): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z!))),
  );
  const out = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, async (e, s) => {
        if (e) return reject(e);
        const chunks: Buffer[] = [];
        for await (const c of s!) chunks.push(c as Buffer);
        out.set(entry.fileName, Buffer.concat(chunks));
        zip.readEntry();
      });
    });
    zip.on('end', resolve);
    zip.readEntry();
  });
  return out;
}

test('"Delete all my data" empties the library and says what it removed', async () => {
  const dir2 = tempDir();
  const other = createEarshot({ libraryFile: path.join(dir2, 'library.sqlite'), resumeAnalysis: false });
  try {
    const file = await writeZip(path.join(dir2, 'export.zip'), {
      'recordings.json': JSON.stringify(items),
      'audio/a.wav': wav,
    });
    await runImport(other.db, [file], { importers: [fakeImporter()] });
    const refused = await dispatch(other.handlers, 'deleteAllData', {});
    assert.ok('error' in refused, 'needs the typed confirmation');
    const answer = await dispatch(other.handlers, 'deleteAllData', { confirm: 'delete everything' });
    assert.ok('result' in answer);
    const result = answer.result as { recordings: number; removed: string[] };
    assert.equal(result.recordings, 4);
    assert.equal(result.removed[0], '4 recordings with their audio, from 1 export');
    for (const t of ['recordings', 'exports', 'audio', 'settings', 'warnings']) {
      assert.equal(other.db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get(), 0, t);
    }
    const bytes = await fs.readFile(path.join(dir2, 'library.sqlite'));
    assert.equal(bytes.indexOf(wav.subarray(44, 4000)), -1, 'no audio left in the file');
    assert.equal(bytes.indexOf(Buffer.from('alexa play jazz')), -1, 'no transcript left in the file');
  } finally {
    await other.close();
  }
});
