// The audio pool: short utterances spoken ONCE by espeak-ng (several voices, English and German) and
// cached as 16 kHz mono PCM; recordings are then made from them cheaply: Amazon WAVs by padding a
// clip with a seeded room-noise floor (so every file differs), Google MP3s by encoding a pool of
// padded clips once with LAME at the parameters Google uses, and reusing them under varied names.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRandom, type Random } from './random.ts';
import { poolPhrases, type Lang, type Utterance } from './vocabulary.ts';

export const SAMPLE_RATE = 16_000;
const POOL_VERSION = 1;

export interface Voice {
  id: string;
  lang: Lang;
  /** espeak-ng voice, e.g. `en-us+f3`. */
  espeak: string;
  speed: number;
  pitch: number;
}

export const VOICES: Voice[] = [
  { id: 'en-f', lang: 'en', espeak: 'en-us+f3', speed: 165, pitch: 60 },
  { id: 'en-m', lang: 'en', espeak: 'en-gb+m3', speed: 175, pitch: 40 },
  { id: 'en-c', lang: 'en', espeak: 'en-us+f4', speed: 185, pitch: 80 },
  { id: 'de-f', lang: 'de', espeak: 'de+f2', speed: 160, pitch: 55 },
  { id: 'de-m', lang: 'de', espeak: 'de+m4', speed: 170, pitch: 35 },
];

export interface SpeechClip {
  voice: string;
  utterance: Utterance;
  /** 16 kHz mono 16-bit samples of the speech alone. */
  pcm: Int16Array;
}

export function defaultCacheDir(): string {
  return process.env.EARSHOT_BENCH_CACHE ?? path.join(os.tmpdir(), 'earshot-bench-cache');
}

function tool(name: string): string {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'pipe' });
    return name;
  } catch {
    throw new Error(`The generator needs \`${name}\` (Debian: apt-get install espeak-ng ffmpeg lame).`);
  }
}

/** Speaks `text` with espeak-ng and resamples to 16 kHz mono s16le with ffmpeg. */
function speak(voice: Voice, text: string): Int16Array {
  const wav = execFileSync(
    tool('espeak-ng'),
    ['-v', voice.espeak, '-s', String(voice.speed), '-p', String(voice.pitch), '--stdout', text],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const raw = execFileSync(
    tool('ffmpeg'),
    ['-v', 'error', '-f', 'wav', '-i', 'pipe:0', '-ar', String(SAMPLE_RATE), '-ac', '1', '-f', 's16le', 'pipe:1'],
    {
      input: wav,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return new Int16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + (raw.byteLength & ~1)));
}

/** Phrases per voice in the pool (distinct speech clips = VOICES.length × this). */
export const PHRASES_PER_VOICE = 24;

/** The speech pool, made once and cached (keyed by its spec, so changing voices or phrases re-makes it). */
export function speechPool(cacheDir = defaultCacheDir(), log: (s: string) => void = () => {}): SpeechClip[] {
  const spec = VOICES.map((v) => ({
    v,
    phrases: poolPhrases(createRandom(`pool/${v.id}`), v.lang, PHRASES_PER_VOICE),
  }));
  const key = createHash('sha256').update(JSON.stringify({ POOL_VERSION, spec })).digest('hex').slice(0, 16);
  const dir = path.join(cacheDir, `speech-${key}`);
  const manifest = path.join(dir, 'manifest.json');
  if (!existsSync(manifest)) {
    log(`Speaking the audio pool (${spec.length * PHRASES_PER_VOICE} clips, once) into ${dir} …`);
    const tmp = `${dir}.${process.pid}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    const entries: { voice: string; utterance: Utterance; file: string }[] = [];
    for (const { v, phrases } of spec) {
      for (const [i, u] of phrases.entries()) {
        const file = `${v.id}-${i}.s16`;
        const pcm = speak(v, u.text);
        writeFileSync(path.join(tmp, file), Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength));
        entries.push({ voice: v.id, utterance: u, file });
      }
    }
    writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(entries));
    mkdirSync(path.dirname(dir), { recursive: true });
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  }
  const entries = JSON.parse(readFileSync(manifest, 'utf8')) as { voice: string; utterance: Utterance; file: string }[];
  return entries.map((e) => {
    const b = readFileSync(path.join(dir, e.file));
    return { voice: e.voice, utterance: e.utterance, pcm: new Int16Array(b.buffer, b.byteOffset, b.byteLength >> 1) };
  });
}

/**
 * Speech padded to `seconds` (never shorter than the speech plus 0.2 s) with a quiet room-noise floor
 * before and after, as a device records from the wake word to the end of speech.
 */
export function paddedPcm(random: Random, speech: Int16Array, seconds: number, rate = SAMPLE_RATE): Int16Array {
  const total = Math.max(speech.length + Math.round(0.2 * rate), Math.round(seconds * rate));
  const lead = Math.round((total - speech.length) * (0.25 + 0.35 * random.next()));
  const out = new Int16Array(total);
  const level = 20 + random.next() * 120; // noise floor, about −60 to −48 dBFS
  const gain = 0.6 + random.next() * 0.5;
  let state = random.next() * 0x7fffffff;
  let lp = 0;
  for (let i = 0; i < total; i++) {
    // xorshift noise, low-passed a little (room hum rather than hiss)
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    lp = lp * 0.7 + ((state & 0xffff) / 0x8000 - 1) * 0.3;
    const j = i - lead;
    const s = j >= 0 && j < speech.length ? speech[j]! * gain : 0;
    const v = Math.round(s + lp * level);
    out[i] = v > 32767 ? 32767 : v < -32768 ? -32768 : v;
  }
  return out;
}

/** A canonical 44-byte-header PCM WAV. */
export function wavFile(pcm: Int16Array, rate = SAMPLE_RATE, channels = 1): Buffer {
  const data = pcm.byteLength;
  const b = Buffer.alloc(44 + data);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + data, 4);
  b.write('WAVE', 8, 'ascii');
  b.write('fmt ', 12, 'ascii');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(channels, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * channels * 2, 28);
  b.writeUInt16LE(channels * 2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(data, 40);
  Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength).copy(b, 44);
  return b;
}

/** Google's three kinds of Assistant MP3 [real]: how often each occurs in a generated Takeout. */
export const MP3_FORMATS = [
  {
    id: 'mono16k24',
    weight: 80,
    args: ['-m', 'm', '-b', '24'],
    stereo: false,
    note: 'MPEG-2 Layer III 16 kHz mono 24 kbps',
  },
  {
    id: 'joint16k48',
    weight: 15,
    args: ['-m', 'j', '-b', '48'],
    stereo: true,
    note: 'MPEG-2 Layer III 16 kHz joint stereo 48 kbps',
  },
  {
    id: 'mono8k8',
    weight: 5,
    args: ['-m', 'm', '-b', '8', '--resample', '8'],
    stereo: false,
    note: 'MPEG-2.5 Layer III 8 kHz mono 8 kbps',
  },
] as const;

export interface Mp3Clip {
  format: (typeof MP3_FORMATS)[number]['id'];
  utterance: Utterance;
  voice: string;
  bytes: Buffer;
  seconds: number;
}

/** Duration of a recording: 1–6 s, most around `meanSeconds` (log-normal). */
export function recordingSeconds(random: Random, meanSeconds: number): number {
  const s = Math.exp(random.normal(Math.log(meanSeconds) - 0.08, 0.4));
  return Math.min(6, Math.max(1, s));
}

/**
 * MP3 clips encoded once with LAME (no ID3, no Xing/LAME tag, as Google's files) and cached: each
 * speech clip padded to a few lengths, in Google's formats.
 */
export function mp3Pool(
  speech: SpeechClip[],
  cacheDir = defaultCacheDir(),
  log: (s: string) => void = () => {},
): Mp3Clip[] {
  const key = createHash('sha256')
    .update(
      JSON.stringify({
        POOL_VERSION,
        speech: speech.map((s) => [s.voice, s.utterance.text, s.pcm.length]),
        formats: MP3_FORMATS,
      }),
    )
    .digest('hex')
    .slice(0, 16);
  const dir = path.join(cacheDir, `mp3-${key}`);
  const manifest = path.join(dir, 'manifest.json');
  if (!existsSync(manifest)) {
    log(`Encoding the MP3 pool (${speech.length * 2} clips, once) with lame into ${dir} …`);
    const lame = tool('lame');
    const tmp = `${dir}.${process.pid}.tmp`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    const random = createRandom('mp3-pool');
    const entries: { format: string; voice: string; utterance: Utterance; file: string; seconds: number }[] = [];
    for (const [i, clip] of speech.entries()) {
      for (let variant = 0; variant < 2; variant++) {
        const format = MP3_FORMATS[random.weighted(MP3_FORMATS.map((f) => f.weight))]!;
        const seconds = recordingSeconds(random, 3.2);
        const mono = paddedPcm(random, clip.pcm, seconds);
        let pcm = mono;
        if (format.stereo) {
          pcm = new Int16Array(mono.length * 2);
          for (let k = 0; k < mono.length; k++) {
            pcm[2 * k] = mono[k]!;
            pcm[2 * k + 1] = Math.round(mono[k]! * 0.92);
          }
        }
        const mp3 = execFileSync(
          lame,
          [
            '--quiet',
            '-r',
            '-s',
            '16',
            '--bitwidth',
            '16',
            '--signed',
            '--little-endian',
            '-t',
            '--noreplaygain',
            ...format.args,
            '-',
            '-',
          ],
          {
            input: Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength),
            maxBuffer: 64 * 1024 * 1024,
            stdio: ['pipe', 'pipe', 'pipe'],
          },
        );
        const file = `${i}-${variant}-${format.id}.mp3`;
        writeFileSync(path.join(tmp, file), mp3);
        entries.push({
          format: format.id,
          voice: clip.voice,
          utterance: clip.utterance,
          file,
          seconds: mono.length / SAMPLE_RATE,
        });
      }
    }
    writeFileSync(path.join(tmp, 'manifest.json'), JSON.stringify(entries));
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  }
  const entries = JSON.parse(readFileSync(manifest, 'utf8')) as {
    format: Mp3Clip['format'];
    voice: string;
    utterance: Utterance;
    file: string;
    seconds: number;
  }[];
  return entries.map((e) => ({
    format: e.format,
    voice: e.voice,
    utterance: e.utterance,
    seconds: e.seconds,
    bytes: readFileSync(path.join(dir, e.file)),
  }));
}
