import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

import { analyseAudio, decodeMono, isGzip, sniffAudio } from '../electron/core/audio/index.ts';
import { mp3DecoderInstances } from '../electron/core/audio/mp3.ts';
import { findFirstFrame, readFrameHeader } from '../electron/core/audio/mpeg-frames.ts';
import { computePeaks, peakBucketCount } from '../electron/core/audio/peaks.ts';
import { decodeWav, parseWav } from '../electron/core/audio/wav.ts';
import type { AudioAnalysis, AudioFacts } from '../electron/core/model.ts';
import { hasTool, makeWav, randomBytes, sine, type WavSampleFormat } from './helpers/audio-fixtures.ts';
import { english } from '../electron/core/messages/index.ts';

const run = promisify(execFile);
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const realworld = path.resolve(projectRoot, '../shared/realworld');
const realMp3Dir = path.join(realworld, 'google-assistant-mp3');

const HAS_FFPROBE = hasTool('ffprobe', ['-version']);
const HAS_FFMPEG = hasTool('ffmpeg', ['-version']);
const HAS_SOX = hasTool('sox', ['--version']);
const HAS_ESPEAK = hasTool('espeak-ng', ['--version']);
const HAS_LAME = hasTool('lame', ['--version']);
const HAS_OPUSENC = hasTool('opusenc', ['--version']);

function ok(r: AudioAnalysis): AudioFacts {
  if (!r.ok) assert.fail(`expected decodable audio, got: ${english(r.reason)}`);
  return r;
}
function notOk(r: AudioAnalysis): string {
  if (r.ok) assert.fail(`expected a failure, got ${r.codec} ${r.durationMs} ms`);
  // The reason is a catalogue message; worded in English, as the CLI prints it.
  const reason = english(r.reason);
  assert.equal(typeof reason, 'string');
  assert.ok(reason.length > 5);
  return reason;
}
function read(file: string): Uint8Array {
  return new Uint8Array(readFileSync(file));
}
function listMp3(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listMp3(full));
    else if (name.toLowerCase().endsWith('.mp3')) out.push(full);
  }
  return out.sort();
}
async function ffprobeDurationMs(file: string): Promise<number> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]);
  return Number(stdout.trim()) * 1000;
}
async function ffprobeStream(file: string): Promise<{ sampleRate: number; channels: number }> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-select_streams',
    'a:0',
    '-show_entries',
    'stream=sample_rate,channels',
    '-of',
    'csv=p=0',
    file,
  ]);
  const [sampleRate, channels] = stdout.trim().split(',').map(Number);
  return { sampleRate: sampleRate!, channels: channels! };
}
/** Runs `fn` over `items` with at most `limit` at a time. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

let work = '';
before(() => {
  work = mkdtempSync(path.join(tmpdir(), 'earshot-audio-'));
});
after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A short speech MP3 made with espeak-ng + lame, or a real one; null when neither is available. */
function someMp3(): Uint8Array | null {
  if (HAS_ESPEAK && HAS_LAME) {
    const wav = path.join(work, 'speech-for-mp3.wav');
    const mp3 = path.join(work, 'speech.mp3');
    if (!existsSync(mp3)) {
      execFileSync('espeak-ng', ['-w', wav, 'the quick brown fox jumps over the lazy dog']);
      execFileSync('lame', ['--quiet', '-b', '32', wav, mp3]);
    }
    return read(mp3);
  }
  if (existsSync(realMp3Dir)) return read(listMp3(realMp3Dir)[0]!);
  return null;
}

describe('real Google Assistant MP3 files', () => {
  const present = existsSync(realMp3Dir);
  const skip = present ? false : `real-world samples not found at ${realMp3Dir}`;

  test('every file decodes with the right codec, rate, channels and duration', { skip }, async (t) => {
    const files = listMp3(realMp3Dir);
    assert.ok(files.length >= 81, `expected the 81 real files, found ${files.length}`);
    if (!HAS_FFPROBE) t.diagnostic('ffprobe not installed: durations are checked only for plausibility');
    const probes = HAS_FFPROBE
      ? await mapLimit(files, 8, async (f) => ({ ms: await ffprobeDurationMs(f), ...(await ffprobeStream(f)) }))
      : null;
    let worst = 0;
    let heart = 0;
    for (let i = 0; i < files.length; i++) {
      const file = files[i]!;
      const rel = path.relative(realMp3Dir, file);
      const bytes = read(file);
      assert.equal(sniffAudio(bytes), 'mp3', rel);
      const r = ok(await analyseAudio(bytes));
      assert.equal(r.codec, 'mp3', rel);
      if (rel.startsWith('heart' + path.sep)) {
        heart++;
        assert.equal(r.sampleRate, 8000, `${rel}: MPEG-2.5 8 kHz`);
        assert.equal(r.channels, 1, rel);
        const h = readFrameHeader(bytes, findFirstFrame(bytes))!;
        assert.equal(h.version, 2.5, rel);
      } else {
        assert.equal(r.sampleRate, 16000, rel);
      }
      assert.ok(r.durationMs > 500 && r.durationMs < 20_000, `${rel}: ${r.durationMs} ms`);
      assert.equal(r.peaks.length, peakBucketCount(r.durationMs / 1000), rel);
      assert.ok(Math.max(...r.peaks) > 10, `${rel}: waveform should not be flat`);
      if (probes) {
        const p = probes[i]!;
        assert.equal(r.sampleRate, p.sampleRate, rel);
        assert.equal(r.channels, p.channels, rel);
        const diff = Math.abs(r.durationMs - p.ms);
        worst = Math.max(worst, diff);
        assert.ok(diff <= 50, `${rel}: ${r.durationMs} ms vs ffprobe ${p.ms} ms`);
      }
    }
    assert.ok(heart > 0, 'the heart/ folder holds the MPEG-2.5 files');
    t.diagnostic(`${files.length} files; worst difference from ffprobe ${worst.toFixed(1)} ms`);
  });

  test('mono and joint-stereo files are both present and decoded', { skip }, async () => {
    const seen = new Set<number>();
    for (const f of listMp3(realMp3Dir)) seen.add(ok(await analyseAudio(read(f))).channels);
    assert.deepEqual([...seen].sort(), [1, 2]);
  });

  test('decodeMono gives the samples at the file rate', { skip }, async () => {
    const f = listMp3(path.join(realMp3Dir, 'heart'))[0]!;
    const m = await decodeMono(read(f));
    assert.ok(m);
    assert.equal(m.sampleRate, 8000);
    const r = ok(await analyseAudio(read(f)));
    assert.ok(Math.abs((m.samples.length / 8000) * 1000 - r.durationMs) < 50);
  });
});

describe('sniffing', () => {
  test('recognises WAV, MP3 (with and without ID3v2), Ogg Opus and gzip by content', () => {
    const wav = makeWav({ sampleRate: 16000, channels: [sine(440, 0.1, 16000)], format: 's16' });
    assert.equal(sniffAudio(wav), 'wav');
    assert.equal(isGzip(wav), false);
    assert.equal(isGzip(new Uint8Array(gzipSync(wav))), true);
    assert.equal(sniffAudio(new Uint8Array(0)), null);
    assert.equal(sniffAudio(randomBytes(4096)), null);
    assert.equal(sniffAudio(new TextEncoder().encode('RIFF this is not a wave file at all')), null);
    const opusHead = new Uint8Array(64);
    opusHead.set(new TextEncoder().encode('OggS'), 0);
    opusHead[26] = 1;
    opusHead.set(new TextEncoder().encode('OpusHead'), 28);
    assert.equal(sniffAudio(opusHead), 'opus');
  });

  test('MP3 with an ID3v2 tag in front', (t) => {
    const mp3 = someMp3();
    if (!mp3) return t.skip('no MP3 source (lame/espeak-ng or the real-world folder)');
    assert.equal(sniffAudio(mp3), 'mp3');
    const tagBody = new Uint8Array(300).fill(0x41);
    const tag = new Uint8Array(10 + tagBody.length);
    tag.set([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, (tagBody.length >> 7) & 0x7f, tagBody.length & 0x7f]);
    tag.set(tagBody, 10);
    const tagged = new Uint8Array(tag.length + mp3.length);
    tagged.set(tag);
    tagged.set(mp3, tag.length);
    assert.equal(sniffAudio(tagged), 'mp3');
    assert.equal(findFirstFrame(tagged), tag.length + findFirstFrame(mp3));
  });
});

describe('WAV decoding', () => {
  const formats: { format: WavSampleFormat; tolerance: number; extensible?: boolean }[] = [
    { format: 'u8', tolerance: 1 / 128 },
    { format: 's16', tolerance: 1 / 32768 },
    { format: 's24', tolerance: 1 / 8388608 },
    { format: 's32', tolerance: 1e-7 },
    { format: 'f32', tolerance: 1e-7 },
    { format: 'f64', tolerance: 1e-7 },
    { format: 'mulaw', tolerance: 0.02 },
    { format: 'alaw', tolerance: 0.02 },
    { format: 's16', tolerance: 1 / 32768, extensible: true },
    { format: 's24', tolerance: 1 / 8388608, extensible: true },
    { format: 'f32', tolerance: 1e-7, extensible: true },
  ];
  for (const { format, tolerance, extensible } of formats) {
    for (const sampleRate of [8000, 16000, 44100]) {
      test(`${format}${extensible ? ' (extensible)' : ''} ${sampleRate} Hz mono`, async () => {
        const src = sine(300, 0.75, sampleRate, 0.6);
        const bytes = makeWav({ sampleRate, channels: [src], format, extensible: !!extensible });
        const r = ok(await analyseAudio(bytes));
        assert.equal(r.codec, 'wav');
        assert.equal(r.sampleRate, sampleRate);
        assert.equal(r.channels, 1);
        assert.equal(r.durationMs, 750);
        assert.equal(r.peaks.length, 75);
        const d = decodeWav(bytes);
        assert.equal(d.length, src.length);
        let maxErr = 0;
        for (let i = 0; i < src.length; i++) maxErr = Math.max(maxErr, Math.abs(d.channelData[0]![i]! - src[i]!));
        assert.ok(maxErr <= tolerance + 1e-9, `max error ${maxErr} > ${tolerance}`);
      });
    }
  }

  test('stereo keeps both channels, and the mono mix averages them', async () => {
    const left = sine(200, 0.5, 16000, 0.8);
    const right = new Float32Array(left.length).fill(0.2);
    const bytes = makeWav({ sampleRate: 16000, channels: [left, right], format: 's16' });
    const r = ok(await analyseAudio(bytes));
    assert.equal(r.channels, 2);
    assert.equal(r.durationMs, 500);
    const d = decodeWav(bytes);
    assert.equal(d.channelData.length, 2);
    assert.ok(Math.abs(d.channelData[1]![100]! - 0.2) < 1e-4);
    const m = await decodeMono(bytes);
    assert.ok(m);
    assert.equal(m.samples.length, left.length);
    for (const i of [0, 17, 333, 7999]) assert.ok(Math.abs(m.samples[i]! - (left[i]! + 0.2) / 2) < 1e-4);
  });

  test('LIST and other chunks are skipped, with and without the pad byte after odd sizes', async () => {
    const src = sine(440, 0.3, 16000);
    for (const omitPad of [false, true]) {
      const bytes = makeWav({
        sampleRate: 16000,
        channels: [src],
        format: 's16',
        extraChunks: [
          { id: 'LIST', body: new TextEncoder().encode('INFOISFT\x05\x00\x00\x00Lavf\x00'), omitPad },
          { id: 'fact', body: new Uint8Array([1, 2, 3]), omitPad },
          { id: 'junk', body: new Uint8Array(0) },
        ],
      });
      const r = ok(await analyseAudio(bytes));
      assert.equal(r.durationMs, 300, `omitPad=${omitPad}`);
      const d = decodeWav(bytes);
      assert.ok(Math.abs(d.channelData[0]![50]! - src[50]!) < 1e-4, `omitPad=${omitPad}`);
    }
  });

  test('a data chunk that runs past the end (cut-off file) gives what is there', async () => {
    const full = makeWav({ sampleRate: 8000, channels: [sine(300, 2, 8000)], format: 's16' });
    const cut = full.subarray(0, full.length - 8000 * 2 + 1); // a second short, ending on half a sample
    const info = parseWav(cut);
    assert.ok(typeof info !== 'string');
    assert.equal(info.truncated, true);
    const r = ok(await analyseAudio(cut));
    assert.equal(r.durationMs, 1000);
    assert.equal(decodeWav(cut).length, 8000);
  });

  test('streaming writers: data size 0xFFFFFFFF or 0 uses the rest of the file', async () => {
    for (const dataSizeField of [0xffffffff, 0]) {
      const bytes = makeWav({ sampleRate: 16000, channels: [sine(300, 1.5, 16000)], format: 's16', dataSizeField });
      const r = ok(await analyseAudio(bytes));
      assert.equal(r.durationMs, 1500, `data size ${dataSizeField}`);
    }
  });

  test('unreadable WAV files give a plain reason', async () => {
    const noSamples = makeWav({ sampleRate: 16000, channels: [new Float32Array(0)], format: 's16' });
    assert.match(notOk(await analyseAudio(noSamples)), /no audio samples/);
    const adpcm = makeWav({ sampleRate: 8000, channels: [sine(300, 0.5, 8000)], format: 's16', formatCode: 0x11 });
    assert.match(notOk(await analyseAudio(adpcm)), /IMA ADPCM/);
    const headerOnly = makeWav({ sampleRate: 16000, channels: [sine(300, 0.5, 16000)], format: 's16' }).subarray(0, 20);
    notOk(await analyseAudio(headerOnly));
    const noData = makeWav({ sampleRate: 16000, channels: [sine(300, 0.5, 16000)], format: 's16' }).subarray(0, 36);
    assert.match(notOk(await analyseAudio(noData)), /no audio data/);
    const garbage = new Uint8Array(2000);
    garbage.set(new TextEncoder().encode('RIFF\xff\xff\xff\xffWAVE'));
    garbage.set(randomBytes(1980, 7), 20);
    notOk(await analyseAudio(garbage));
  });

  test('gzip-compressed WAV is unpacked and decoded', async () => {
    const bytes = makeWav({ sampleRate: 16000, channels: [sine(300, 1, 16000)], format: 's16' });
    const r = ok(await analyseAudio(new Uint8Array(gzipSync(bytes))));
    assert.equal(r.durationMs, 1000);
    const broken = new Uint8Array(gzipSync(bytes)).subarray(0, 30);
    assert.match(notOk(await analyseAudio(broken)), /gzip/);
  });

  test('WAV variants made by espeak-ng and sox match sox’s own decoding', async (t) => {
    if (!HAS_ESPEAK || !HAS_SOX) return t.skip('espeak-ng or sox not installed');
    const speech = path.join(work, 'speech.wav');
    execFileSync('espeak-ng', ['-w', speech, 'alexa, what is the weather like today']);
    const variants: [string, string[]][] = [
      ['ulaw8k', ['-r', '8000', '-e', 'mu-law']],
      ['alaw8k', ['-r', '8000', '-e', 'a-law']],
      ['u8', ['-b', '8', '-e', 'unsigned-integer']],
      ['s16-16k', ['-r', '16000', '-b', '16']],
      ['s24', ['-b', '24']],
      ['s32', ['-b', '32', '-e', 'signed-integer']],
      ['f32', ['-b', '32', '-e', 'floating-point']],
      ['f64', ['-b', '64', '-e', 'floating-point']],
      ['stereo-44k', ['-r', '44100', '-c', '2', '-b', '16']],
    ];
    for (const [name, args] of variants) {
      const file = path.join(work, `${name}.wav`);
      execFileSync('sox', [speech, ...args, file]);
      const bytes = read(file);
      const r = ok(await analyseAudio(bytes));
      const ref = new Float32Array(
        new Uint8Array(execFileSync('sox', [file, '-t', 'f32', '-e', 'floating-point', '-'])).buffer,
      );
      const d = decodeWav(bytes);
      const ch = d.channelData.length;
      assert.equal(d.length, ref.length / ch, name);
      let maxErr = 0;
      for (let i = 0; i < d.length; i++)
        for (let c = 0; c < ch; c++) maxErr = Math.max(maxErr, Math.abs(d.channelData[c]![i]! - ref[i * ch + c]!));
      assert.ok(maxErr < 1e-6, `${name}: differs from sox by ${maxErr}`);
      const soxMs = Number(execFileSync('soxi', ['-D', file]).toString()) * 1000;
      assert.ok(Math.abs(r.durationMs - soxMs) <= 1, `${name}: ${r.durationMs} vs sox ${soxMs}`);
      assert.ok(Math.max(...r.peaks) > 50, `${name}: speech should show in the waveform`);
    }
  });
});

describe('MP3 and Opus edge cases', () => {
  test('a truncated MP3 decodes what is there; a few bytes of one does not', async (t) => {
    const mp3 = someMp3();
    if (!mp3) return t.skip('no MP3 source (lame/espeak-ng or the real-world folder)');
    const full = ok(await analyseAudio(mp3));
    const half = ok(await analyseAudio(mp3.subarray(0, Math.floor(mp3.length / 2))));
    assert.ok(half.durationMs > full.durationMs * 0.3 && half.durationMs < full.durationMs * 0.7);
    const start = findFirstFrame(mp3);
    const stub = mp3.subarray(0, start + 50);
    assert.match(notOk(await analyseAudio(stub)), /MP3/);
  });

  test('an MP3 made by lame (with Info/LAME tag) matches ffprobe', async (t) => {
    if (!HAS_ESPEAK || !HAS_LAME || !HAS_FFPROBE) return t.skip('espeak-ng, lame or ffprobe not installed');
    const wav = path.join(work, 'lame-src.wav');
    execFileSync('espeak-ng', ['-w', wav, 'set a timer for ten minutes']);
    for (const [name, args] of [
      ['cbr', ['-b', '64']],
      ['vbr', ['-V', '4']],
      ['mono8k', ['--resample', '8', '-m', 'm', '-b', '8']],
      ['stereo', ['-m', 'j', '-b', '96']],
    ] as const) {
      const out = path.join(work, `lame-${name}.mp3`);
      execFileSync('lame', ['--quiet', ...args, wav, out]);
      const r = ok(await analyseAudio(read(out)));
      const expected = await ffprobeDurationMs(out);
      assert.ok(Math.abs(r.durationMs - expected) <= 50, `${name}: ${r.durationMs} vs ffprobe ${expected}`);
      assert.equal(r.sampleRate, (await ffprobeStream(out)).sampleRate, name);
    }
  });

  test('Ogg Opus made with opusenc or ffmpeg', async (t) => {
    if (!HAS_ESPEAK || (!HAS_OPUSENC && !HAS_FFMPEG)) return t.skip('espeak-ng and opusenc/ffmpeg not installed');
    const wav = path.join(work, 'opus-src.wav');
    execFileSync('espeak-ng', ['-w', wav, 'play some jazz in the kitchen']);
    const srcMs = (() => {
      const d = decodeWav(read(wav));
      return (d.length / d.sampleRate) * 1000;
    })();
    const outputs: [string, number][] = [];
    if (HAS_OPUSENC) {
      const out = path.join(work, 'opusenc.opus');
      execFileSync('opusenc', ['--quiet', wav, out]);
      outputs.push([out, 1]);
    }
    if (HAS_FFMPEG) {
      const out = path.join(work, 'ffmpeg-stereo.opus');
      execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', wav, '-ac', '2', '-c:a', 'libopus', out]);
      outputs.push([out, 2]);
    }
    for (const [file, channels] of outputs) {
      const bytes = read(file);
      assert.equal(sniffAudio(bytes), 'opus');
      const r = ok(await analyseAudio(bytes));
      assert.equal(r.codec, 'opus');
      assert.equal(r.sampleRate, 48000);
      assert.equal(r.channels, channels);
      assert.ok(Math.abs(r.durationMs - srcMs) <= 30, `${file}: ${r.durationMs} vs source ${srcMs}`);
      const m = await decodeMono(bytes);
      assert.ok(m && m.sampleRate === 48000 && m.samples.length > 0);
      // Cut short: still no exception.
      await analyseAudio(bytes.subarray(0, Math.floor(bytes.length / 3)));
      notOk(await analyseAudio(bytes.subarray(0, 40)));
    }
  });
});

describe('not audio', () => {
  test('0 bytes, random bytes and a text file named .wav', async () => {
    assert.equal(notOk(await analyseAudio(new Uint8Array(0))), 'the file is empty');
    assert.equal(await decodeMono(new Uint8Array(0)), null);
    assert.match(notOk(await analyseAudio(randomBytes(10_000))), /not a recognised audio format/);
    const textFile = path.join(work, 'notes.wav');
    writeFileSync(textFile, 'These are my notes, not a recording.\nLine two.\n');
    const reason = notOk(await analyseAudio(read(textFile)));
    assert.match(reason, /not a recognised audio format \(WAV, MP3 or Ogg Opus\)/);
    assert.match(reason, /text/);
    assert.equal(await decodeMono(read(textFile)), null);
  });

  test('never throws, whatever the bytes', async () => {
    const wav = makeWav({ sampleRate: 8000, channels: [sine(300, 0.5, 8000)], format: 'mulaw' });
    const mp3 = someMp3();
    const sources = mp3 ? [wav, mp3] : [wav];
    let n = 0;
    for (const src of sources) {
      for (let i = 0; i < 150; i++) {
        const noise = randomBytes(40, i + 1);
        const mutated = src.slice(0, Math.max(1, Math.floor((src.length * ((i * 37) % 100)) / 100)));
        for (let k = 0; k < 8; k++) {
          const at = (noise[k]! * 131 + noise[k + 8]! * 7 + i * 13) % mutated.length;
          mutated[at] = noise[k + 16]!;
        }
        const r = await analyseAudio(mutated);
        assert.equal(typeof r.ok, 'boolean');
        if (!r.ok) assert.ok(english(r.reason).length > 0);
        else assert.ok(r.peaks.length >= 1 && Number.isFinite(r.durationMs));
        n++;
      }
    }
    assert.ok(n >= 150);
  });
});

describe('peaks', () => {
  test('bucket count: 100 per second, at least 1, at most 4000', () => {
    assert.equal(peakBucketCount(0), 1);
    assert.equal(peakBucketCount(0.004), 1);
    assert.equal(peakBucketCount(1), 100);
    assert.equal(peakBucketCount(3.456), 346);
    assert.equal(peakBucketCount(40), 4000);
    assert.equal(peakBucketCount(3600), 4000);
  });

  test('values are max |sample| scaled to 0–255', () => {
    const n = 1000;
    const a = new Float32Array(n);
    for (let i = 0; i < n; i++) a[i] = i < 250 ? 0 : i < 500 ? (i % 2 ? -1 : 1) : i < 750 ? -0.5 : 3; // 3: clipping
    const p = computePeaks([a], 4);
    assert.deepEqual([...p], [0, 255, 128, 255]);
    const b = new Float32Array(n).fill(0.25);
    assert.deepEqual([...computePeaks([a, b], 4)], [64, 255, 128, 255]);
    assert.equal(computePeaks([new Float32Array(0)], 10).length, 10);
  });

  test('long recordings stay at 4000 buckets and keep their loud spots', async () => {
    const src = new Float32Array(8000 * 60);
    src[8000 * 30] = 0.5;
    const r = ok(await analyseAudio(makeWav({ sampleRate: 8000, channels: [src], format: 's16' })));
    assert.equal(r.peaks.length, 4000);
    assert.equal(Math.max(...r.peaks), 128);
    assert.ok(r.peaks.every((v) => v >= 0 && v <= 255));
  });
});

describe('shared decoders', () => {
  test('200 sequential MP3 files reuse one decoder without growing memory', async (t) => {
    const files = existsSync(realMp3Dir) ? listMp3(realMp3Dir).map(read) : [someMp3()].filter((b) => b !== null);
    if (files.length === 0) return t.skip('no MP3 source (lame/espeak-ng or the real-world folder)');
    ok(await analyseAudio(files[0]!));
    const instances = mp3DecoderInstances();
    // Warm up, then measure.
    for (let i = 0; i < 50; i++) ok(await analyseAudio(files[i % files.length]!));
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 200; i++) ok(await analyseAudio(files[i % files.length]!));
    (globalThis as { gc?: () => void }).gc?.();
    const grown = process.memoryUsage().rss - before;
    assert.equal(mp3DecoderInstances(), instances, 'no new wasm instance per file');
    assert.ok(grown < 64 * 1024 * 1024, `rss grew by ${(grown / 1048576).toFixed(1)} MB`);
    t.diagnostic(`rss change over 200 files: ${(grown / 1048576).toFixed(1)} MB`);
  });

  test('concurrent calls give the same results as sequential ones', async (t) => {
    const mp3s = existsSync(realMp3Dir) ? listMp3(realMp3Dir).slice(0, 24).map(read) : [];
    const wav = makeWav({ sampleRate: 16000, channels: [sine(300, 1, 16000)], format: 's16' });
    const inputs = [...mp3s, wav, wav];
    if (mp3s.length === 0) {
      const one = someMp3();
      if (!one) return t.skip('no MP3 source');
      inputs.push(one, one, one);
    }
    const sequential: AudioAnalysis[] = [];
    for (const b of inputs) sequential.push(await analyseAudio(b));
    const concurrent = await Promise.all(inputs.map((b) => analyseAudio(b)));
    assert.deepEqual(concurrent, sequential);
    const monos = await Promise.all(inputs.map((b) => decodeMono(b)));
    for (let i = 0; i < inputs.length; i++) {
      const s = sequential[i]!;
      assert.ok(s.ok && monos[i]);
      assert.ok(Math.abs((monos[i]!.samples.length / monos[i]!.sampleRate) * 1000 - s.durationMs) < 50);
    }
  });
});
