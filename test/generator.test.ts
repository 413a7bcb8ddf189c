// The benchmark's export generator: the same seed gives the same bytes, another seed another export,
// and what it writes has the structure of the real exports (and imports as such).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { openExportFiles } from '../electron/core/archive/export-files.ts';
import { sniffAudio } from '../electron/core/audio/index.ts';
import { generateExport, createRandom } from '../scripts/generate-export.ts';

function missingTools(): string | false {
  for (const t of ['espeak-ng', 'ffmpeg', 'lame']) {
    try {
      execFileSync('sh', ['-c', `command -v ${t}`], { stdio: 'pipe' });
    } catch {
      return `${t} is not installed (apt-get install espeak-ng ffmpeg lame)`;
    }
  }
  return false;
}

const skip = missingTools();
const dir = mkdtempSync(path.join(os.tmpdir(), 'earshot-generator-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const digest = (files: string[]) => files.map((f) => createHash('sha256').update(readFileSync(f)).digest('hex'));

test('the random stream is reproducible from its seed', () => {
  const a = createRandom('x');
  const b = createRandom('x');
  const c = createRandom('y');
  const seqA = Array.from({ length: 5 }, () => a.next());
  assert.deepEqual(
    seqA,
    Array.from({ length: 5 }, () => b.next()),
  );
  assert.notDeepEqual(
    seqA,
    Array.from({ length: 5 }, () => c.next()),
  );
});

describe('generated exports', { skip }, () => {
  for (const kind of ['amazon', 'amazon-2018', 'google'] as const) {
    test(`${kind}: the same seed writes the same bytes; another seed does not`, () => {
      const one = generateExport({ kind, count: 40, seed: 'same', outDir: path.join(dir, `${kind}-1`) });
      const two = generateExport({ kind, count: 40, seed: 'same', outDir: path.join(dir, `${kind}-2`) });
      const other = generateExport({ kind, count: 40, seed: 'other', outDir: path.join(dir, `${kind}-3`) });
      assert.deepEqual(digest(one.files), digest(two.files));
      assert.notDeepEqual(digest(one.files), digest(other.files));
      assert.equal(one.recordings, two.recordings);
    });
  }

  test('amazon: 2024 layout, parts, BOM CSVs, 16 kHz 16-bit mono WAVs of 1–6 s', async () => {
    const g = generateExport({
      kind: 'amazon',
      count: 60,
      seed: 7,
      outDir: path.join(dir, 'amazon-parts'),
      partBytes: 2 * 1024 * 1024,
    });
    assert.ok(g.files.length >= 2, 'split into parts');
    assert.match(path.basename(g.files[0]!), /^All Data Categories\.1\.zip$/);
    const files = await openExportFiles(g.files);
    try {
      const names = files.entries.map((e) => e.path);
      const intent = files.entries.find((e) => e.path === 'Additional Data/Alexa/Alexa/NLU/Intent-2-1.csv')!;
      const csv = (await intent.read()).toString('utf8');
      assert.ok(
        csv.startsWith(
          '\ufeffCurrently Playing Song,Screen Contents,Contact Name,Utterance text,Utterance Creation Date',
        ),
      );
      assert.ok(names.includes('Devices/Device Registration.csv'));
      const wavs = files.entries.filter((e) => e.path.startsWith('Additional Data/Alexa/Voice/'));
      assert.equal(wavs.length, 60);
      for (const w of wavs.slice(0, 10)) {
        const b = await w.read();
        assert.equal(sniffAudio(b), 'wav');
        assert.equal(b.readUInt16LE(22), 1);
        assert.equal(b.readUInt32LE(24), 16000);
        assert.equal(b.readUInt16LE(34), 16);
        const seconds = b.readUInt32LE(40) / 32000;
        assert.ok(seconds >= 1 && seconds <= 6.5, `${seconds} s`);
      }
      const rows = csv.trim().split('\r\n').slice(1);
      assert.ok(rows.length >= 55 && rows.length <= 70, `${rows.length} transcript rows`);
      const times = rows.map((r) => Date.parse(r.split(',').pop()!));
      assert.ok(Math.max(...times) - Math.min(...times) > 365 * 86_400_000, 'spread over years');
    } finally {
      await files.close();
    }
  });

  test('google: Takeout layout, activity JSON with Google escapes, MPEG Layer III linked by audioFiles', async () => {
    const g = generateExport({ kind: 'google', count: 80, seed: 3, outDir: path.join(dir, 'google-layout') });
    assert.match(path.basename(g.files[0]!), /^takeout-\d{8}T\d{6}Z-001\.zip$/);
    const files = await openExportFiles(g.files);
    try {
      const json = files.entries.find((e) => e.path === 'Takeout/My Activity/Assistant/MyActivity.json')!;
      const items = JSON.parse((await json.read()).toString('utf8')) as {
        title: string;
        time: string;
        audioFiles?: string[];
      }[];
      assert.equal(items.length, 80);
      assert.ok(items.every((i) => typeof i.title === 'string' && !Number.isNaN(Date.parse(i.time))));
      const withAudio = items.filter((i) => i.audioFiles?.length);
      assert.equal(withAudio.length, g.withAudio);
      const byName = new Map(files.entries.map((e) => [e.name, e]));
      for (const i of withAudio) {
        const entry = byName.get(i.audioFiles![0]!);
        assert.ok(entry, `${i.audioFiles![0]} is in the archive`);
        const b = await entry.read();
        assert.equal(sniffAudio(b), 'mp3');
        assert.equal(b[0], 0xff, 'no ID3 tag: starts with a frame');
      }
      assert.ok(items.some((i) => /^Said /.test(i.title)));
    } finally {
      await files.close();
    }
  });
});
