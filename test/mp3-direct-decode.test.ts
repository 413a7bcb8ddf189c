// decodeMp3 reads samples straight out of the wasm heap instead of through mpg123-decoder's decode();
// what it returns must be exactly what the library itself decodes, channel for channel.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MPEGDecoder } from 'mpg123-decoder';
import { analyseAudio } from '../electron/core/audio/index.ts';
import { decodeMp3 } from '../electron/core/audio/mp3.ts';
import { scanMpeg } from '../electron/core/audio/mpeg-frames.ts';
import { hasTool, makeWav, sine } from './helpers/audio-fixtures.ts';
import { english } from '../electron/core/messages/index.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const realMp3Dir = path.resolve(projectRoot, '../shared/realworld/google-assistant-mp3');
const HAS_LAME = hasTool('lame', ['--version']);
const work = mkdtempSync(path.join(os.tmpdir(), 'earshot-mp3-direct-'));
after(() => rmSync(work, { recursive: true, force: true }));

function realMp3s(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...realMp3s(full));
    else if (name.toLowerCase().endsWith('.mp3')) out.push(full);
  }
  return out.sort();
}

/** The reference: a fresh library decoder, its own decode(), over the same frames. */
async function libraryDecode(bytes: Uint8Array) {
  const scan = scanMpeg(bytes)!;
  const decoder = new MPEGDecoder();
  await decoder.ready;
  try {
    return decoder.decode(bytes.subarray(scan.start, scan.end));
  } finally {
    decoder.free();
  }
}

async function assertSameAsLibrary(bytes: Uint8Array, name: string) {
  const ours = await decodeMp3(bytes);
  const ref = await libraryDecode(bytes);
  assert.ok(ref.samplesDecoded > 0, `${name}: the library decodes it`);
  assert.equal(ours.length, ref.samplesDecoded, `${name}: sample count`);
  assert.equal(ours.sampleRate, ref.sampleRate, `${name}: sample rate`);
  assert.equal(ours.channelData.length, ours.channels, `${name}: one array per channel`);
  for (let c = 0; c < ours.channels; c++) {
    const a = ours.channelData[c]!;
    const b = ref.channelData[c]!;
    assert.equal(a.length, ours.length, `${name}: channel ${c} is exactly the decoded length`);
    let differ = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differ++;
    assert.equal(differ, 0, `${name}: channel ${c} sample for sample`);
  }
  return ours;
}

test('real Google Assistant MP3s decode exactly as mpg123-decoder decodes them', async (t) => {
  const files = realMp3s(realMp3Dir);
  if (files.length === 0) return t.skip('no real-world MP3 folder');
  for (const file of files.slice(0, 30)) {
    const bytes = new Uint8Array(readFileSync(file));
    const d = await assertSameAsLibrary(bytes, path.basename(file));
    assert.ok(
      d.channelData[0]!.some((v) => v !== 0),
      'not silence',
    );
  }
});

test('a stereo MP3 keeps left and right apart, and its peaks are scaled to full scale', async (t) => {
  if (!HAS_LAME) return t.skip('lame not installed');
  const rate = 44100;
  const wav = path.join(work, 'lr.wav');
  // Loud left, quiet right: a swapped or duplicated channel shows at once.
  writeFileSync(
    wav,
    makeWav({ sampleRate: rate, channels: [sine(440, 2, rate, 0.8), sine(660, 2, rate, 0.1)], format: 's16' }),
  );
  const mp3 = path.join(work, 'lr.mp3');
  execFileSync('lame', ['--quiet', '-m', 's', '-b', '192', wav, mp3]);
  const bytes = new Uint8Array(readFileSync(mp3));
  const d = await assertSameAsLibrary(bytes, 'stereo');
  assert.equal(d.channels, 2);
  const peak = (ch: Float32Array) => ch.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  assert.ok(Math.abs(peak(d.channelData[0]!) - 0.8) < 0.05, `left ${peak(d.channelData[0]!)}`);
  assert.ok(Math.abs(peak(d.channelData[1]!) - 0.1) < 0.05, `right ${peak(d.channelData[1]!)}`);
  const a = await analyseAudio(bytes);
  if (!a.ok) assert.fail(english(a.reason));
  assert.ok(a.peaks.length >= 190 && a.peaks.length <= 210, `${a.peaks.length} peaks for 2 s`);
  // The envelope follows the louder channel: 0.8 of full scale in the middle of the clip.
  const mid = a.peaks[Math.floor(a.peaks.length / 2)]!;
  assert.ok(Math.abs(mid - 0.8 * 255) <= 12, `peak ${mid}`);
});

test('many files in a row through the one decoder still decode exactly', async (t) => {
  if (!HAS_LAME) return t.skip('lame not installed');
  const rate = 16000;
  const files: Uint8Array[] = [];
  for (let i = 0; i < 6; i++) {
    const wav = path.join(work, `m${i}.wav`);
    writeFileSync(
      wav,
      makeWav({ sampleRate: rate, channels: [sine(200 + 90 * i, 0.5 + i * 0.7, rate, 0.2 + 0.1 * i)], format: 's16' }),
    );
    const mp3 = path.join(work, `m${i}.mp3`);
    execFileSync('lame', ['--quiet', '-m', 'm', '-b', '24', wav, mp3]);
    files.push(new Uint8Array(readFileSync(mp3)));
  }
  // Alternate long and short clips, so a leftover from the previous file would show.
  for (const i of [5, 0, 4, 1, 3, 2, 5]) await assertSameAsLibrary(files[i]!, `mono ${i}`);
});
