// "Is this export someone else's?" — decided on groups of recordings, not single clips: one
// 1–6 s clip is a weak witness (per-recording EER ≈ 20 %), but a group of the same voice averaged
// over many clips is a strong one. The export is called foreign only when (a) it is large enough,
// (b) none of its voice groups resembles anyone enrolled, and (c) no more single recordings match
// than chance alone would produce. Anything less certain is "own" or "insufficient": never cry wolf.

import { say } from '../../messages/index.ts';
import { groupVoices, type SignatureRef, type VoiceGroup } from './grouping.ts';
import type { VoiceModel } from './model.ts';
import {
  probabilitySame,
  relativeScore,
  relativeSetScore,
  summarise,
  type EnrolledPerson,
  type VoiceSet,
} from './scoring.ts';

export interface VerdictOptions {
  /** Fewer voiced recordings than this never give a foreign verdict (default 20). */
  minRecordings?: number;
  /** Groups smaller than this are not used as evidence either way (default 3). */
  minGroupSize?: number;
}

export interface GroupEvidence {
  label: string;
  size: number;
  /** Best enrolled person for this group and the relative score (≈1 same voice, ≈0 unrelated). */
  closest: string | null;
  score: number;
  matches: boolean;
}

export interface ExportVerdict {
  /** 'foreign': no voice in the export matches anyone enrolled; 'own': at least one does; 'insufficient': too little to say. */
  status: 'foreign' | 'own' | 'insufficient';
  foreign: boolean;
  /** 0..1 confidence in `status` (0 for 'insufficient'). */
  confidence: number;
  /** One sentence a user can read. */
  reason: string;
  recordings: number;
  /** Recordings that individually match an enrolled person, and how many would by chance alone. */
  matchedRecordings: number;
  chanceMatches: number;
  groups: GroupEvidence[];
  voiceGroups: VoiceGroup[];
  /** Foreign although many single clips match: the groups outweighed them (a weaker verdict). */
  singleMatchesOverruled?: boolean;
}

/** The groups outweigh single-clip matches when they hold this share of the export… */
const GROUPS_DECIDE_SHARE = 0.75;
/** …and the best of them is at least this far below the group threshold. */
const GROUPS_DECIDE_GAP = 0.1;

/** Upper bound on matches a foreign export of n recordings produces by chance (mean + 3σ + 1). */
export function chanceMatchBound(n: number, falseMatchRate: number): number {
  const mean = n * falseMatchRate;
  return mean + 3 * Math.sqrt(n * falseMatchRate * (1 - falseMatchRate)) + 1;
}

export function exportVerdict(
  signatures: SignatureRef[],
  enrolled: EnrolledPerson[],
  model: VoiceModel,
  opts: VerdictOptions = {},
): ExportVerdict {
  const minRecordings = opts.minRecordings ?? 20;
  const minGroup = opts.minGroupSize ?? 3;
  const people = enrolled
    .filter((e) => e.vectors.length > 0)
    .map((e) => ({ person: e.person, set: summarise(e.vectors) }));
  const n = signatures.length;
  const base = {
    recordings: n,
    matchedRecordings: 0,
    chanceMatches: 0,
    groups: [] as GroupEvidence[],
    voiceGroups: [] as VoiceGroup[],
  };
  if (people.length === 0) {
    return {
      ...base,
      status: 'insufficient',
      foreign: false,
      confidence: 0,
      reason: say('voices.verdictNoneEnrolled'),
    };
  }
  // Single recordings.
  let matched = 0;
  for (const s of signatures) {
    let best = -Infinity;
    for (const p of people) best = Math.max(best, relativeScore(s.vector, p.set, model));
    if (probabilitySame(best, model) >= 0.5) matched++;
  }
  const chance = n * model.falseMatchRate;
  // Voice groups.
  const voiceGroups = groupVoices(signatures, model);
  const groups: GroupEvidence[] = [];
  for (const g of voiceGroups) {
    if (g.members.length < minGroup) continue;
    const set: VoiceSet = { mean: Float64Array.from(g.mean), size: g.members.length, self: g.cohesion };
    let best: { person: string; score: number } | null = null;
    for (const p of people) {
      const score = relativeSetScore(set, p.set, model);
      if (!best || score > best.score) best = { person: p.person, score };
    }
    groups.push({
      label: g.label,
      size: g.members.length,
      closest: best?.person ?? null,
      score: best?.score ?? 0,
      matches: (best?.score ?? 0) >= model.groupThreshold,
    });
  }
  const common = { recordings: n, matchedRecordings: matched, chanceMatches: chance, groups, voiceGroups };
  const matchingGroup = groups.find((g) => g.matches);
  // Single matches count only when they are more than chance AND at least half the export: one
  // stranger who resembles the user matches many of their own clips, so chance alone is no bound.
  const manyMatches = matched > Math.max(chanceMatchBound(n, model.falseMatchRate), 0.5 * n);
  // But when the groups hold most of the export and every one is clearly unlike anyone enrolled
  // (a stranger couple whose clips one by one resemble the user), the groups decide: the export is
  // then foreign, though less sure — the single matches keep it from being decisive alone.
  const bestGroup = groups.reduce((m, g) => Math.max(m, g.score), -Infinity);
  const grouped = groups.reduce((s, g) => s + g.size, 0);
  const overruled =
    manyMatches && grouped >= GROUPS_DECIDE_SHARE * n && bestGroup <= model.groupThreshold - GROUPS_DECIDE_GAP;
  const tooManyMatches = manyMatches && !overruled;
  if (matchingGroup || tooManyMatches) {
    const margin = matchingGroup ? matchingGroup.score - model.groupThreshold : 0;
    return {
      ...common,
      status: 'own',
      foreign: false,
      confidence: Math.min(0.99, 0.6 + margin + (tooManyMatches ? 0.2 : 0)),
      reason: matchingGroup
        ? say('voices.verdictOwnGroup', {
            group: matchingGroup.label,
            count: matchingGroup.size,
            person: String(matchingGroup.closest),
          })
        : say('voices.verdictOwnMatches', { matchedCount: matched, total: n }),
    };
  }
  if (n < minRecordings) {
    return {
      ...common,
      status: 'insufficient',
      foreign: false,
      confidence: 0,
      reason: say('voices.verdictTooFew', { count: n, neededCount: minRecordings }),
    };
  }
  const bestScore = groups.reduce((m, g) => Math.max(m, g.score), -Infinity);
  const evidence = groups.reduce((s, g) => s + g.size, 0);
  if (evidence < Math.min(minRecordings, n / 2)) {
    return {
      ...common,
      status: 'insufficient',
      foreign: false,
      confidence: 0,
      reason: say('voices.verdictTooVaried'),
    };
  }
  // Confidence grows with the gap below the threshold and with the number of recordings grouped.
  const gap = Number.isFinite(bestScore) ? model.groupThreshold - bestScore : model.groupThreshold;
  const sure = Math.max(0.5, Math.min(0.99, 0.5 + gap + 0.1 * Math.log10(evidence / minRecordings + 1)));
  const confidence = overruled ? Math.min(sure, 0.7) : sure;
  return {
    ...common,
    status: 'foreign',
    foreign: true,
    confidence,
    singleMatchesOverruled: overruled,
    reason: say('voices.verdictForeign', {
      groupCount: groups.length,
      evidenceCount: evidence,
      total: n,
      matchedCount: matched,
    }),
  };
}
