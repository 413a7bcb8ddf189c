// Voice signatures, grouping, matching and the foreign-export verdict, on real human voices from
// Debian packages (asterisk prompt voices). Those voices also trained the shipped model, so these
// are behaviour checks; the honest, speaker-disjoint numbers come from scripts/eval-voices.ts.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import {
  computeSignature,
  compareVoices,
  exportVerdict,
  groupVoices,
  matchAgainst,
  signatureFromAudio,
  signatureFromBytes,
  signatureToBytes,
  similarity,
  defaultVoiceModel,
} from '../electron/core/analysis/voices/index.ts';
import { ASTERISK_ROOT, GOOGLE_ROOT, asteriskAvailable, loadAsterisk, type Speaker } from './fixtures/voices.ts';
import { english } from '../electron/core/messages/index.ts';

const SKIP = asteriskAvailable()
  ? false
  : 'needs Debian packages asterisk-core-sounds-en-wav, -fr-wav, -it-wav (real voices)';

interface Sig {
  id: string;
  speaker: string;
  vector: Float32Array;
}

function signaturesOf(speakers: Speaker[]): Sig[] {
  const out: Sig[] = [];
  for (const s of speakers) {
    for (const c of s.clips) {
      const r = computeSignature(c.samples, c.sampleRate);
      if (r.ok) out.push({ id: c.id, speaker: s.id, vector: r.vector });
    }
  }
  return out;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('voice signatures on real voices', { skip: SKIP }, () => {
  let sigs: Sig[] = [];
  const of = (speaker: string): Sig[] => sigs.filter((s) => s.speaker === speaker);

  before(async () => {
    const speakers = await loadAsterisk({ maxClipsPerSpeaker: 40 }, [
      'asterisk/Allison',
      'asterisk/Carlo',
      'asterisk/June',
    ]);
    sigs = signaturesOf(speakers);
  });

  it('gives fixed-length, unit-length signatures', () => {
    assert.ok(sigs.length >= 90, `got ${sigs.length} signatures`);
    for (const s of sigs) {
      assert.equal(s.vector.length, defaultVoiceModel().outDims);
      const n = Math.hypot(...s.vector);
      assert.ok(Math.abs(n - 1) < 1e-4);
    }
  });

  it('scores the same speaker higher than different speakers', () => {
    for (const a of ['asterisk/Allison', 'asterisk/Carlo', 'asterisk/June']) {
      const mine = of(a);
      const same: number[] = [];
      const diff: number[] = [];
      for (let i = 0; i < mine.length; i++)
        for (let j = i + 1; j < mine.length; j++) same.push(similarity(mine[i]!.vector, mine[j]!.vector));
      for (const x of mine) for (const y of sigs) if (y.speaker !== a) diff.push(similarity(x.vector, y.vector));
      assert.ok(
        mean(same) > mean(diff) + 0.1,
        `${a}: same ${mean(same).toFixed(3)} vs different ${mean(diff).toFixed(3)}`,
      );
    }
    const a = of('asterisk/Allison');
    const c = of('asterisk/Carlo');
    assert.ok(
      compareVoices(a[0]!.vector, a[1]!.vector).probability >
        compareVoices(a[0]!.vector, c[0]!.vector).probability - 0.5,
    );
  });

  it('groups two real speakers apart', () => {
    const two = [...of('asterisk/Allison').slice(0, 20), ...of('asterisk/Carlo').slice(0, 20)];
    const groups = groupVoices(two.map((s) => ({ id: s.id, vector: s.vector })));
    const speakerOf = new Map(two.map((s) => [s.id, s.speaker]));
    let pure = 0;
    const majority: string[] = [];
    for (const g of groups) {
      const counts = new Map<string, number>();
      for (const m of g.members) counts.set(speakerOf.get(m)!, (counts.get(speakerOf.get(m)!) ?? 0) + 1);
      const [top, n] = [...counts].sort((x, y) => y[1] - x[1])[0]!;
      pure += n;
      majority.push(top);
    }
    assert.ok(pure / two.length >= 0.85, `purity ${(pure / two.length).toFixed(2)} over ${groups.length} groups`);
    assert.notEqual(majority[0], majority[1], 'the two largest groups are different speakers');
    assert.ok(
      groups[0]!.members.length >= 8 && groups[1]!.members.length >= 8,
      `largest groups ${groups.map((g) => g.members.length).join(', ')}`,
    );
  });

  it('flags an export of other speakers as foreign and not the user’s own held-out clips', () => {
    const allison = of('asterisk/Allison');
    const enrolled = [{ person: 'me', vectors: allison.slice(0, 8).map((s) => s.vector) }];
    const foreign = [...of('asterisk/Carlo').slice(0, 12), ...of('asterisk/June').slice(0, 12)];
    const v = exportVerdict(
      foreign.map((s) => ({ id: s.id, vector: s.vector })),
      enrolled,
    );
    assert.equal(v.foreign, true, v.reason);
    assert.equal(v.status, 'foreign');
    assert.ok(v.confidence >= 0.5 && v.confidence <= 1);
    const own = allison.slice(8, 32);
    const o = exportVerdict(
      own.map((s) => ({ id: s.id, vector: s.vector })),
      enrolled,
    );
    assert.equal(o.foreign, false, o.reason);
    assert.equal(o.status, 'own');
    // A household: the user plus an enrolled partner, with a few guests.
    const household = [
      ...allison.slice(8, 20),
      ...of('asterisk/Carlo').slice(20, 32),
      ...of('asterisk/June').slice(30, 34),
    ];
    const h = exportVerdict(
      household.map((s) => ({ id: s.id, vector: s.vector })),
      [
        ...enrolled,
        {
          person: 'partner',
          vectors: of('asterisk/Carlo')
            .slice(0, 8)
            .map((s) => s.vector),
        },
      ],
    );
    assert.equal(h.foreign, false, h.reason);
  });

  it('never calls a small export foreign, nor one with nobody enrolled', () => {
    const few = of('asterisk/Carlo').slice(0, 10);
    const v = exportVerdict(
      few.map((s) => ({ id: s.id, vector: s.vector })),
      [
        {
          person: 'me',
          vectors: of('asterisk/Allison')
            .slice(0, 8)
            .map((s) => s.vector),
        },
      ],
    );
    assert.equal(v.foreign, false);
    assert.equal(v.status, 'insufficient');
    const none = exportVerdict(
      of('asterisk/Carlo').map((s) => ({ id: s.id, vector: s.vector })),
      [],
    );
    assert.equal(none.status, 'insufficient');
  });

  it('matches held-out clips to the enrolled person more often than other voices', () => {
    const allison = of('asterisk/Allison');
    const enrolled = [{ person: 'me', vectors: allison.slice(0, 8).map((s) => s.vector) }];
    const mine = allison.slice(8).map((s) => matchAgainst(enrolled, s.vector));
    const others = of('asterisk/Carlo').map((s) => matchAgainst(enrolled, s.vector));
    const hit = mine.filter((m) => m.person === 'me').length / mine.length;
    const falseHit = others.filter((m) => m.person === 'me').length / others.length;
    assert.ok(hit > falseHit + 0.3, `hit ${hit.toFixed(2)} vs false match ${falseHit.toFixed(2)}`);
    for (const m of [...mine, ...others]) assert.ok(m.confidence >= 0.5 && m.confidence <= 1);
  });

  it('reads a real WAV file through the shared decoder', async () => {
    const file = path.join(ASTERISK_ROOT, 'en_US_f_Allison', 'vm-intro.wav');
    if (!existsSync(file)) return;
    const r = await signatureFromAudio(new Uint8Array(readFileSync(file)));
    assert.equal(r.ok, true);
  });
});

describe('voice signatures: edge cases', () => {
  it('gives no signature, with a reason, for silence, very short clips and empty audio', () => {
    const silent = computeSignature(new Float32Array(16000 * 3), 16000);
    assert.equal(silent.ok, false);
    if (!silent.ok) assert.equal(silent.reason, 'silent');
    const tone = new Float32Array(16000 * 0.3).map((_, i) => 0.3 * Math.sin(i / 5));
    const short = computeSignature(tone, 16000);
    assert.equal(short.ok, false);
    if (!short.ok) {
      assert.equal(short.reason, 'too-short');
      assert.match(english(short.message), /too short|too little/);
    }
    const empty = computeSignature(new Float32Array(0), 16000);
    assert.equal(empty.ok, false);
    const quiet = computeSignature(
      new Float32Array(8000 * 2).map(() => (Math.random() - 0.5) * 1e-5),
      8000,
    );
    assert.equal(quiet.ok, false, 'noise far below speech level is not speech');
  });

  it('rejects undecodable bytes with a reason', async () => {
    const r = await signatureFromAudio(new TextEncoder().encode('not audio at all'));
    assert.equal(r.ok, false);
  });

  it('round-trips a signature through bytes and refuses other versions', () => {
    const dims = defaultVoiceModel().outDims;
    const v = Float32Array.from({ length: dims }, (_, i) => Math.sin(i) / 3);
    const bytes = signatureToBytes(v);
    assert.equal(bytes.length, 4 + dims * 4);
    assert.deepEqual(signatureFromBytes(bytes), v);
    const copy = Uint8Array.from(bytes);
    copy[2] = (copy[2]! + 1) & 0xff;
    assert.equal(signatureFromBytes(copy), null);
    assert.equal(signatureFromBytes(bytes.subarray(0, 20)), null);
    if (typeof Buffer !== 'undefined') assert.ok(Buffer.isBuffer(bytes), 'a Buffer under Node, for SQLite BLOBs');
  });

  it('groups 10,000 signatures quickly without an n × n matrix', () => {
    const dims = defaultVoiceModel().outDims;
    let seed = 7;
    const rand = (): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 4294967296 - 0.5;
    };
    // Twelve well-separated "voices": orthogonal directions, each recording a noisy copy.
    const centres = Array.from({ length: 12 }, (_, k) =>
      Float32Array.from({ length: dims }, (_, d) => (d === k ? 1 : 0)),
    );
    const sigs = Array.from({ length: 10000 }, (_, i) => {
      const c = centres[i % centres.length]!;
      const v = Float32Array.from(c, (x) => x + 0.12 * rand());
      const n = Math.hypot(...v);
      return { id: String(i), vector: v.map((x) => x / n), c: i % centres.length };
    });
    const t0 = performance.now();
    const groups = groupVoices(sigs);
    const ms = performance.now() - t0;
    assert.ok(ms < 20000, `took ${ms.toFixed(0)} ms`);
    const byId = new Map(sigs.map((s) => [s.id, s.c]));
    let pure = 0;
    for (const g of groups) {
      const counts = new Map<number, number>();
      for (const m of g.members) counts.set(byId.get(m)!, (counts.get(byId.get(m)!) ?? 0) + 1);
      pure += Math.max(...counts.values());
    }
    assert.ok(pure / sigs.length > 0.95, `purity ${(pure / sigs.length).toFixed(3)}`);
  });

  it('computes signatures much faster than real time', () => {
    // 20 s of a voiced, pitch-varying signal at 16 kHz (the cost does not depend on the content).
    const rate = 16000;
    const x = new Float32Array(rate * 20).map((_, i) => {
      const t = i / rate;
      const f0 = 120 + 30 * Math.sin(2 * Math.PI * 0.5 * t);
      let s = 0;
      for (let h = 1; h <= 20; h++) s += Math.sin(2 * Math.PI * f0 * h * t) / h;
      return 0.2 * s * (0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * t));
    });
    computeSignature(x.subarray(0, rate), rate); // warm up
    const t0 = performance.now();
    const r = computeSignature(x, rate);
    const sec = (performance.now() - t0) / 1000;
    assert.equal(r.ok, true);
    assert.ok(20 / sec > 50, `${(20 / sec).toFixed(0)}× real time`);
  });
});

describe(
  'voice signatures on real Google Assistant MP3s',
  { skip: existsSync(GOOGLE_ROOT) ? false : 'shared/realworld/google-assistant-mp3 is not present' },
  () => {
    it('decodes and signs the MP3s', async () => {
      const dir = path.join(GOOGLE_ROOT, 'heart');
      const files = readdirSync(dir)
        .filter((f) => f.endsWith('.mp3'))
        .slice(0, 3);
      for (const f of files) {
        const r = await signatureFromAudio(new Uint8Array(readFileSync(path.join(dir, f))));
        assert.equal(r.ok, true, r.ok ? '' : english(r.message));
      }
    });
  },
);
