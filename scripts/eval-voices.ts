// Measures the voice module on real human voices and (with --train) trains the shipped model.
//
//   npx tsx scripts/eval-voices.ts            table of every candidate method
//   npx tsx scripts/eval-voices.ts --json     the same as JSON
//   npx tsx scripts/eval-voices.ts --quick    skip the slow GMM candidates
//   npx tsx scripts/eval-voices.ts --train    train the chosen method on all Debian speakers and
//                                             write resources/voices/voice-model.json
//
// Honesty rules: every score comes from a model that never saw that speaker (two speaker-disjoint
// folds: train on one, test on the other); enrolment and test clips are disjoint; calibration and
// thresholds used on a fold are fitted on the other fold. The Google Assistant MP3s are never
// trained on; their "speaker" is the folder (a household session), a weak label.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { equalErrorRate, fitLogistic } from '../electron/core/analysis/voices/calibrate.ts';
import { extractFeatures } from '../electron/core/analysis/voices/features.ts';
import { groupVoices } from '../electron/core/analysis/voices/grouping.ts';
import { modelToJson, type VoiceModel } from '../electron/core/analysis/voices/model.ts';
import {
  probabilitySame,
  relativeScore,
  relativeSetScore,
  summarise,
} from '../electron/core/analysis/voices/scoring.ts';
import { finishVector, rawVector, signatureOf } from '../electron/core/analysis/voices/signature.ts';
import { describe, trainModel, type TrainOptions, type TrainingClip } from '../electron/core/analysis/voices/train.ts';
import { exportVerdict } from '../electron/core/analysis/voices/verdict.ts';
import { loadDebianSpeakers, loadGoogle, type Clip, type Speaker } from '../test/fixtures/voices.ts';

const args = new Set(process.argv.slice(2));
const asJson = args.has('--json');
const log = (...a: unknown[]): void => {
  if (!asJson) console.log(...a);
};

/** The method shipped (chosen from the table below; see the report at the end). */
export const CHOSEN: TrainOptions = { raw: 'stats', projection: 'pca-wccn', dims: 59, cohort: false };

const CANDIDATES: TrainOptions[] = [
  { raw: 'stats', projection: 'none', cohort: false },
  CHOSEN,
  { ...CHOSEN, cohort: true },
  { raw: 'stats', projection: 'lda', dims: 59, cohort: false },
  ...(args.has('--quick')
    ? []
    : ([
        { raw: 'gmm', components: 64, projection: 'none', cohort: false },
        { raw: 'gmm', components: 64, projection: 'pca-wccn', dims: 200, cohort: false },
      ] as TrainOptions[])),
];

const ENROL = 8; // clips enrolled per person
const GROUP = 8; // clips per group-level trial
const EXPORT = 24; // recordings per simulated export

interface Item extends TrainingClip {
  id: string;
  corpus: string;
  seconds: number;
  clip: Clip;
}

function toItems(speakers: Speaker[]): { items: Item[]; rejected: number } {
  const items: Item[] = [];
  let rejected = 0;
  for (const s of speakers) {
    for (const c of s.clips) {
      const f = extractFeatures(c.samples, c.sampleRate);
      if (!f.ok) {
        rejected++;
        continue;
      }
      items.push({
        id: c.id,
        speaker: s.id,
        corpus: c.corpus,
        frames: f.features.frames,
        seconds: c.samples.length / c.sampleRate,
        clip: c,
      });
    }
  }
  return { items, rejected };
}

function bySpeaker<T extends { speaker: string }>(xs: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) m.set(x.speaker, [...(m.get(x.speaker) ?? []), x]);
  return m;
}

/** Deterministic shuffle. */
function shuffled<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface Scored {
  speaker: string;
  id: string;
  vector: Float32Array;
}

interface FoldScores {
  pairSame: number[];
  pairDiff: number[];
  /** Test clip vs an enrolled person (relative score). */
  enrolSame: number[];
  enrolDiff: number[];
  /** GROUP held-out clips vs an enrolled person (relative set score). */
  groupSame: number[];
  groupDiff: number[];
  selfs: number[];
}

/** Enrolment / held-out split of one speaker's clips (disjoint). */
function split(clips: Scored[], enrol = ENROL): { enrol: Scored[]; rest: Scored[] } {
  return { enrol: clips.slice(0, enrol), rest: clips.slice(enrol) };
}

function foldScores(sigs: Scored[], model: VoiceModel, enrolN = ENROL): FoldScores {
  const out: FoldScores = {
    pairSame: [],
    pairDiff: [],
    enrolSame: [],
    enrolDiff: [],
    groupSame: [],
    groupDiff: [],
    selfs: [],
  };
  for (let i = 0; i < sigs.length; i++) {
    for (let j = i + 1; j < sigs.length; j++) {
      let s = 0;
      const a = sigs[i]!.vector;
      const b = sigs[j]!.vector;
      for (let d = 0; d < a.length; d++) s += a[d]! * b[d]!;
      (sigs[i]!.speaker === sigs[j]!.speaker ? out.pairSame : out.pairDiff).push(s);
    }
  }
  const spk = bySpeaker(sigs);
  const enrolled = [...spk].filter(([, c]) => c.length >= enrolN + 2).map(([id, c]) => ({ id, ...split(c, enrolN) }));
  for (const e of enrolled) {
    const set = summarise(e.enrol.map((x) => x.vector));
    out.selfs.push(set.self);
    for (const x of sigs) {
      if (x.speaker === e.id && e.enrol.includes(x)) continue;
      (x.speaker === e.id ? out.enrolSame : out.enrolDiff).push(relativeScore(x.vector, set, model));
    }
    for (const [other, clips] of spk) {
      const pool = other === e.id ? e.rest : clips;
      for (let k = 0; k + Math.min(GROUP, pool.length) <= pool.length && k < 4 * GROUP; k += GROUP) {
        const g = pool.slice(k, k + GROUP);
        if (g.length < 3) break;
        (other === e.id ? out.groupSame : out.groupDiff).push(
          relativeSetScore(summarise(g.map((x) => x.vector)), set, model),
        );
      }
    }
  }
  return out;
}

function median(xs: number[]): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : Number.NaN;
}

const GROUP_THRESHOLD_QUANTILE = 0.1;

/** Fills in the model's calibration from (other-fold) scores. */
function calibrate(model: VoiceModel, s: FoldScores): VoiceModel {
  const calibration = fitLogistic(s.enrolSame, s.enrolDiff);
  const m = {
    ...model,
    calibration,
    threshold: equalErrorRate(s.pairSame, s.pairDiff).threshold,
    typicalSelf: median(s.selfs),
  };
  // Share of other people's recordings that pass P ≥ 0.5 (used for the chance bound of a verdict).
  const fm = s.enrolDiff.filter((x) => probabilitySame(x, m) >= 0.5).length / Math.max(1, s.enrolDiff.length);
  // Group threshold: the score 10 % of a speaker's own 8-clip groups fall below (own groups in a
  // real export are usually larger, so steadier). An own export whose groups all score lower is
  // still kept from a false alarm by its single matches (more than half, see verdict.ts). Measured
  // (npm run eval): 2 % → 590/678 foreign exports found, 10 % → 608/678, both with no false alarm
  // on own exports or on the stress case; 20 % found 629 but raised 5 false alarms on the stress
  // case (a household whose other members are not enrolled), so it was not taken.
  const lowOwn = [...s.groupSame].sort((a, b) => a - b)[Math.floor(GROUP_THRESHOLD_QUANTILE * s.groupSame.length)]!;
  return { ...m, falseMatchRate: fm, groupThreshold: lowOwn };
}

function merge(a: FoldScores, b: FoldScores): FoldScores {
  const out = {} as FoldScores;
  for (const k of Object.keys(a) as (keyof FoldScores)[]) out[k] = [...a[k], ...b[k]];
  return out;
}

/** Purity (each group's majority speaker share) and inverse purity (each speaker's largest group share). */
function purity(
  sigs: Scored[],
  model: VoiceModel,
): { purity: number; inversePurity: number; groups: number; speakers: number } {
  const groups = groupVoices(
    sigs.map((s) => ({ id: s.id, vector: s.vector })),
    model,
  );
  const spkOf = new Map(sigs.map((s) => [s.id, s.speaker]));
  let pure = 0;
  const bestShare = new Map<string, number>();
  for (const g of groups) {
    const counts = new Map<string, number>();
    for (const m of g.members) counts.set(spkOf.get(m)!, (counts.get(spkOf.get(m)!) ?? 0) + 1);
    pure += Math.max(...counts.values());
    for (const [s, c] of counts) bestShare.set(s, Math.max(bestShare.get(s) ?? 0, c));
  }
  const inv = [...bestShare.values()].reduce((a, b) => a + b, 0);
  return {
    purity: pure / sigs.length,
    inversePurity: inv / sigs.length,
    groups: groups.length,
    speakers: bestShare.size,
  };
}

interface ExportStats {
  foreignTrials: number;
  foreignDetected: number;
  ownTrials: number;
  ownFalseAlarms: number;
  ownInsufficient: number;
  /** Own exports where the user is a minority among voices nobody enrolled (stress case). */
  stressTrials: number;
  stressFalseAlarms: number;
  details: string[];
  /** Best group score and single-recording matches of every simulated export (for --dump). */
  foreignEvidence: [number, number][];
  ownEvidence: [number, number][];
}

/**
 * Google folders as users (≥ 6 clips: 3 enrolled): a foreign export is 24 clips of the other
 * folders (several draws); an own export is the folder's held-out clips (only folders with ≥ 12
 * held out) plus guests up to 20 recordings (at least a quarter). Folder = household session is a weak label: two folders can
 * be the same person, which can only make "foreign" look missed.
 */
function googleExports(
  sigs: Scored[],
  model: VoiceModel,
): Pick<CandidateResult, 'googleForeignDetected' | 'googleForeignTrials' | 'googleOwnFalseAlarms' | 'googleOwnTrials'> {
  const out = { googleForeignDetected: 0, googleForeignTrials: 0, googleOwnFalseAlarms: 0, googleOwnTrials: 0 };
  const spk = bySpeaker(sigs);
  const ref = (xs: Scored[]) => xs.map((x) => ({ id: x.id, vector: x.vector }));
  for (const [u, clips] of spk) {
    if (clips.length < 6) continue;
    const { enrol, rest } = split(clips, 3);
    const enrolled = [{ person: u, vectors: enrol.map((x) => x.vector) }];
    const others = sigs.filter((x) => x.speaker !== u);
    for (let r = 0; r < 5; r++) {
      const v = exportVerdict(ref(shuffled(others, 101 + r).slice(0, EXPORT)), enrolled, model);
      out.googleForeignTrials++;
      if (v.foreign) out.googleForeignDetected++;
    }
    if (rest.length >= 12) {
      const v = exportVerdict(
        ref([...rest, ...shuffled(others, 7).slice(0, Math.max(Math.ceil(rest.length / 3), 20 - rest.length))]),
        enrolled,
        model,
      );
      out.googleOwnTrials++;
      if (v.foreign) out.googleOwnFalseAlarms++;
    }
  }
  return out;
}

/** Simulated exports within one fold: every user with enough clips, with and without a household. */
function exportTrials(sigs: Scored[], model: VoiceModel, seed: number): ExportStats {
  const st: ExportStats = {
    foreignTrials: 0,
    foreignDetected: 0,
    ownTrials: 0,
    ownFalseAlarms: 0,
    ownInsufficient: 0,
    stressTrials: 0,
    stressFalseAlarms: 0,
    details: [],
    foreignEvidence: [],
    ownEvidence: [],
  };
  const spk = bySpeaker(sigs);
  const users = [...spk].filter(([, c]) => c.length >= ENROL + 12).map(([id]) => id);
  const ref = (xs: Scored[]) => xs.map((x) => ({ id: x.id, vector: x.vector }));
  for (const a of users) {
    const A = split(spk.get(a)!);
    for (const b of [null, ...users.filter((u) => u !== a)]) {
      const B = b ? split(spk.get(b)!) : null;
      const enrolled = [
        { person: a, vectors: A.enrol.map((x) => x.vector) },
        ...(B ? [{ person: b!, vectors: B.enrol.map((x) => x.vector) }] : []),
      ];
      const others = sigs.filter((x) => x.speaker !== a && x.speaker !== b);
      const otherSpk = [...new Set(others.map((x) => x.speaker))];
      // Foreign: one other speaker alone (when they have enough clips), and mixes of several.
      const foreign: { label: string; clips: Scored[] }[] = [];
      for (const o of otherSpk)
        if (spk.get(o)!.length >= 20) foreign.push({ label: `only ${o}`, clips: spk.get(o)!.slice(0, EXPORT) });
      for (let r = 0; r < 6; r++)
        foreign.push({ label: `mix#${r}`, clips: shuffled(others, seed + r * 7919).slice(0, EXPORT) });
      for (const f of foreign) {
        if (f.clips.length < 20) continue;
        const v = exportVerdict(ref(f.clips), enrolled, model);
        st.foreignEvidence.push([Math.max(...v.groups.map((g) => g.score)), v.matchedRecordings / v.recordings]);
        st.foreignTrials++;
        if (v.foreign) st.foreignDetected++;
        else
          st.details.push(
            `MISSED foreign export (${f.label}) for user ${a}${b ? ` + ${b}` : ''}: ${v.status} — ${v.reason}`,
          );
      }
      // Own: held-out clips of the user (and household), with guests / TV (other speakers) mixed in.
      const own: { label: string; clips: Scored[]; stress?: boolean }[] = [];
      const aRest = A.rest;
      own.push({ label: 'user only', clips: aRest.slice(0, EXPORT) });
      own.push({
        label: 'user + 25% guests',
        clips: [...aRest.slice(0, 18), ...shuffled(others, seed + 1).slice(0, 6)],
      });
      if (B) own.push({ label: 'user + household', clips: [...aRest.slice(0, 12), ...B.rest.slice(0, 12)] });
      if (B)
        own.push({
          label: 'household-heavy (user 6)',
          clips: [...aRest.slice(0, 6), ...B.rest.slice(0, 12), ...shuffled(others, seed + 2).slice(0, 6)],
        });
      own.push({
        label: 'user 6 of 24, 18 unenrolled',
        clips: [...aRest.slice(0, 6), ...shuffled(others, seed + 3).slice(0, 18)],
        stress: true,
      });
      for (const o of own) {
        const v = exportVerdict(ref(o.clips), enrolled, model);
        if (!o.stress)
          st.ownEvidence.push([Math.max(...v.groups.map((g) => g.score)), v.matchedRecordings / v.recordings]);
        if (o.stress) {
          st.stressTrials++;
          if (v.foreign) st.stressFalseAlarms++;
          continue;
        }
        st.ownTrials++;
        if (v.foreign) {
          st.ownFalseAlarms++;
          st.details.push(`FALSE ALARM on own export (${o.label}) for user ${a}${b ? ` + ${b}` : ''}: ${v.reason}`);
        }
        if (v.status === 'insufficient') st.ownInsufficient++;
      }
    }
  }
  return st;
}

function addStats(a: ExportStats, b: ExportStats): ExportStats {
  return {
    foreignTrials: a.foreignTrials + b.foreignTrials,
    foreignDetected: a.foreignDetected + b.foreignDetected,
    ownTrials: a.ownTrials + b.ownTrials,
    ownFalseAlarms: a.ownFalseAlarms + b.ownFalseAlarms,
    ownInsufficient: a.ownInsufficient + b.ownInsufficient,
    stressTrials: a.stressTrials + b.stressTrials,
    stressFalseAlarms: a.stressFalseAlarms + b.stressFalseAlarms,
    details: [...a.details, ...b.details],
    foreignEvidence: [...a.foreignEvidence, ...b.foreignEvidence],
    ownEvidence: [...a.ownEvidence, ...b.ownEvidence],
  };
}

function signaturesWith(model: VoiceModel, items: Item[]): Scored[] {
  return items.map((c) => ({ speaker: c.speaker, id: c.id, vector: finishVector(model, rawVector(model, c.frames)) }));
}

/** Throughput of the whole signature path (resample → features → vector) in × real time. */
function throughput(model: VoiceModel, items: Item[]): { xRealTime: number; seconds: number } {
  const sample = items.filter((_, i) => i % 3 === 0);
  const audio = sample.reduce((s, c) => s + c.seconds, 0);
  const t0 = performance.now();
  for (const c of sample) signatureOf(model, c.clip.samples, c.clip.sampleRate);
  const t = (performance.now() - t0) / 1000;
  return { xRealTime: audio / t, seconds: audio };
}

interface CandidateResult {
  method: string;
  dims: number;
  pairEer: number;
  enrolEer: number;
  groupEer: number;
  purity: number;
  inversePurity: number;
  groups: number;
  speakers: number;
  exports: ExportStats;
  googlePairEer: number;
  googleEnrolEer: number;
  googleEnrolled: number;
  googleForeignDetected: number;
  googleForeignTrials: number;
  googleOwnFalseAlarms: number;
  googleOwnTrials: number;
  googlePurity: number;
  googleInversePurity: number;
  speedXRealTime: number;
  trainSeconds: number;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  // Up to 200 clips per speaker train the models; at most 60 per speaker (spread) are tested, so
  // that the prolific asterisk voices do not swamp the trials.
  const debian = await loadDebianSpeakers({ maxClipsPerSpeaker: 200 });
  const google = await loadGoogle();
  const deb = toItems(debian);
  const testItems = [...bySpeaker(deb.items).values()].flatMap((c) =>
    c.length <= 60 ? c : Array.from({ length: 60 }, (_, i) => c[Math.floor((i * c.length) / 60)]!),
  );
  const goo = toItems(google);
  log(
    `Loaded ${debian.length} Debian speakers (${deb.items.length} clips, ${deb.rejected} without enough speech) and ${google.length} Google folders (${goo.items.length} clips, ${goo.rejected} rejected) in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  if (debian.length < 4)
    throw new Error('too few Debian speakers installed (see test/fixtures/voices.ts for the packages)');
  const speakerIds = debian.map((s) => s.id);
  // Two speaker-disjoint folds, alternating so both hold asterisk and ktuberling voices.
  const fold = new Map(speakerIds.map((s, i) => [s, i % 2]));

  if (args.has('--train')) return train(deb.items, fold);

  const results: CandidateResult[] = [];
  for (const o of CANDIDATES) {
    const tt = performance.now();
    const foldSigs: Scored[][] = [];
    const foldModels: VoiceModel[] = [];
    const scores: FoldScores[] = [];
    for (const f of [0, 1]) {
      const m = trainModel(
        deb.items.filter((c) => fold.get(c.speaker) !== f),
        o,
      );
      const sigs = signaturesWith(
        m,
        testItems.filter((c) => fold.get(c.speaker) === f),
      );
      foldModels.push(m);
      foldSigs.push(sigs);
      scores.push(foldScores(sigs, m));
    }
    // Each fold is calibrated with the other fold's scores.
    const calibrated = [calibrate(foldModels[0]!, scores[1]!), calibrate(foldModels[1]!, scores[0]!)];
    const pooled = merge(scores[0]!, scores[1]!);
    let ex: ExportStats | null = null;
    let pur = { purity: 0, inversePurity: 0, groups: 0, speakers: 0 };
    for (const f of [0, 1]) {
      const e = exportTrials(foldSigs[f]!, calibrated[f]!, 17 + f);
      ex = ex ? addStats(ex, e) : e;
      const p = purity(foldSigs[f]!, calibrated[f]!);
      const n = foldSigs[f]!.length;
      const total = foldSigs[0]!.length + foldSigs[1]!.length;
      pur = {
        purity: pur.purity + (p.purity * n) / total,
        inversePurity: pur.inversePurity + (p.inversePurity * n) / total,
        groups: pur.groups + p.groups,
        speakers: pur.speakers + p.speakers,
      };
    }
    // Google: a model trained on all Debian speakers, calibrated on the pooled Debian fold scores.
    const full = calibrate(trainModel(deb.items, o), pooled);
    const gs = signaturesWith(full, goo.items);
    // Google folders are small: enrol 3 clips of each folder with at least 5.
    const gScores = foldScores(gs, full, 3);
    const gExports = googleExports(gs, full);
    const gp = purity(gs, full);
    const speed = throughput(full, [...deb.items, ...goo.items]);
    results.push({
      method: describe(o),
      dims: full.outDims,
      pairEer: equalErrorRate(pooled.pairSame, pooled.pairDiff).eer,
      enrolEer: equalErrorRate(pooled.enrolSame, pooled.enrolDiff).eer,
      groupEer: equalErrorRate(pooled.groupSame, pooled.groupDiff).eer,
      ...pur,
      exports: ex!,
      googlePairEer: equalErrorRate(gScores.pairSame, gScores.pairDiff).eer,
      googleEnrolEer: gScores.enrolSame.length ? equalErrorRate(gScores.enrolSame, gScores.enrolDiff).eer : Number.NaN,
      googleEnrolled: gScores.selfs.length,
      ...gExports,
      googlePurity: gp.purity,
      googleInversePurity: gp.inversePurity,
      speedXRealTime: speed.xRealTime,
      trainSeconds: (performance.now() - tt) / 1000,
    });
    log(`  evaluated ${describe(o)} in ${((performance.now() - tt) / 1000).toFixed(0)} s`);
  }
  if (args.has('--dump')) {
    const q = (xs: number[]) => {
      const v = [...xs].sort((a, b) => a - b);
      return [0, 0.02, 0.1, 0.5, 0.9, 0.98, 1].map((p) => v[Math.floor(p * (v.length - 1))]!.toFixed(2)).join(' ');
    };
    for (const r of results) {
      console.log(r.method);
      console.log(
        '  foreign best-group',
        q(r.exports.foreignEvidence.map((e) => e[0])),
        ' matched',
        q(r.exports.foreignEvidence.map((e) => e[1])),
      );
      console.log(
        '  own     best-group',
        q(r.exports.ownEvidence.map((e) => e[0])),
        ' matched',
        q(r.exports.ownEvidence.map((e) => e[1])),
      );
    }
  }
  if (asJson) {
    console.log(
      JSON.stringify(
        {
          speakers: speakerIds,
          googleFolders: google.map((g) => g.id),
          clips: deb.items.length,
          googleClips: goo.items.length,
          results,
        },
        null,
        2,
      ),
    );
    return;
  }
  const pct = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '—');
  const rows = results.map((r) => ({
    method: r.method,
    dims: String(r.dims),
    'EER pair': pct(r.pairEer),
    'EER vs enrolled': pct(r.enrolEer),
    'EER 8-clip group': pct(r.groupEer),
    'purity / inverse': `${pct(r.purity)} / ${pct(r.inversePurity)}`,
    'foreign detected': `${r.exports.foreignDetected}/${r.exports.foreignTrials}`,
    'own false alarms': `${r.exports.ownFalseAlarms}/${r.exports.ownTrials}`,
    'stress false alarms': `${r.exports.stressFalseAlarms}/${r.exports.stressTrials}`,
    'Google EER pair / enrolled': `${pct(r.googlePairEer)} / ${pct(r.googleEnrolEer)} (${r.googleEnrolled} folders)`,
    'Google foreign / own FA': `${r.googleForeignDetected}/${r.googleForeignTrials} / ${r.googleOwnFalseAlarms}/${r.googleOwnTrials}`,
    'Google purity / inverse': `${pct(r.googlePurity)} / ${pct(r.googleInversePurity)}`,
    speed: `${Math.round(r.speedXRealTime)}× RT`,
  }));
  console.log(`\nDebian speakers (${speakerIds.length}): ${speakerIds.join(', ')}`);
  console.log(
    'All Debian numbers are speaker-disjoint (2 folds). "stress" = own export where the user speaks 6 of 24 clips and nobody else is enrolled (not a target; shows the limit).\n',
  );
  console.table(rows);
  for (const r of results) {
    if (r.exports.details.length) {
      console.log(`\n${r.method}: ${r.exports.details.length} export errors`);
      const kinds = new Map<string, number>();
      for (const d of r.exports.details) {
        const k = d
          .replace(/for user .*?: /, ': ')
          .replace(/\(only [^)]*\)/, '(single speaker)')
          .replace(/mix#\d/, 'mix')
          .replace(/\d+/g, 'N')
          .slice(0, 110);
        kinds.set(k, (kinds.get(k) ?? 0) + 1);
      }
      for (const [k, c] of [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 6)) console.log(`  ${c}× ${k}`);
    }
  }
}

/** Trains CHOSEN on every Debian speaker, calibrates it on speaker-disjoint fold scores, writes the model. */
function train(items: Item[], fold: Map<string, number>): void {
  const scores: FoldScores[] = [];
  for (const f of [0, 1]) {
    const m = trainModel(
      items.filter((c) => fold.get(c.speaker) !== f),
      CHOSEN,
    );
    scores.push(
      foldScores(
        signaturesWith(
          m,
          items.filter((c) => fold.get(c.speaker) === f),
        ),
        m,
      ),
    );
  }
  const model = calibrate(trainModel(items, CHOSEN), merge(scores[0]!, scores[1]!));
  const speakers = [...new Set(items.map((c) => c.speaker))];
  const json = modelToJson(model, {
    script: 'npx tsx scripts/eval-voices.ts --train',
    packages: [
      'asterisk-core-sounds-en-wav',
      'asterisk-core-sounds-es-wav',
      'asterisk-core-sounds-fr-wav',
      'asterisk-core-sounds-it-wav',
      'asterisk-core-sounds-ru-wav',
      'asterisk-prompt-it-menardi-wav',
      'asterisk-prompt-es-co',
      'asterisk-prompt-fr-armelle',
      'ktuberling-data',
      'pocketsphinx-testdata',
      'alsa-utils',
    ],
    speakers,
    clips: items.length,
  });
  const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../resources/voices/voice-model.json');
  writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
  console.log(
    `Wrote ${out}: ${model.name}, ${model.outDims} dims, threshold ${model.threshold.toFixed(3)}, calibration a=${model.calibration.a.toFixed(2)} b=${model.calibration.b.toFixed(2)}, typicalSelf ${model.typicalSelf.toFixed(3)}, groupThreshold ${model.groupThreshold.toFixed(3)}, falseMatchRate ${(100 * model.falseMatchRate).toFixed(1)}%`,
  );
}

await main();
