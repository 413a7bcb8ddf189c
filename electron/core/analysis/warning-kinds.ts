// One home for each warning kind: how it is computed, whether it speaks for a whole export, and
// what the user's answer teaches. `allWarnings` is the only way warnings are computed.
import type { Db } from '../db/library.ts';
import { accountWarnings, sameAccount } from './account-warnings.ts';
import { deviceWarnings } from './device-warnings.ts';
import { exportVerdicts, verdictWarnings } from './export-verdict.ts';
import { nameWarnings } from './name-warnings.ts';
import { isHouseholdName } from './names/index.ts';
import { foldPersonName } from './fold.ts';
import { placeWarnings } from './place-warnings.ts';
import { samePlace } from './places.ts';
import { getProfile, type Profile } from './profile.ts';
import { exportVoiceSigns, voiceWarnings } from './voice-groups.ts';
import type { ComputedWarning, Decision, ExportSign, WarningKind } from './warning-types.ts';

/** What a decision is made about: the warning's kind, subject and evidence. */
export type Decided = Pick<ComputedWarning, 'kind' | 'subject' | 'evidence'>;

export interface WarningKindSpec {
  /** Says a whole export may be someone else's: the red banner and the "not my data" page. */
  exportWide: boolean;
  /** The answers that make sense besides "dismiss". */
  decisions: readonly Decision[];
  /** Computes this kind's warnings; `earlier` holds the kinds computed before it. */
  compute(db: Db, profile: Profile, earlier: ComputedWarning[]): ComputedWarning[];
  /** What the answer teaches, so the warning stays answered under any spelling and in every export. */
  learn(profile: Profile, w: Decided, decision: Decision): Profile;
  /** Takes back what `learn` taught. */
  unlearn(profile: Profile, w: Decided, decision: Decision): Profile;
  /** The answer the profile already gives to this warning, if any. */
  answered(profile: Profile, w: Decided): Decision | null;
  /** The answer removes the warning's cause: keep it listed as answered (until its export goes). */
  outlivesAnswer: boolean;
}

const nothing = (p: Profile) => p;
const notAnswered = () => null;
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
const signsOf = (w: Decided): ExportSign[] =>
  Array.isArray(w.evidence.signs) ? (w.evidence.signs as ExportSign[]) : [];

/** A person: "someone I know" teaches the name; "not a person" teaches that the word is none. */
const person = (source: 'transcript' | 'speaker'): WarningKindSpec => ({
  exportWide: false,
  decisions: source === 'transcript' ? ['mine', 'not-a-person'] : ['mine'],
  compute: (db, profile) => nameWarnings(db, profile, source),
  learn: (p, w, d) =>
    d === 'mine'
      ? { ...p, knownPeople: [...p.knownPeople, w.subject] }
      : d === 'not-a-person'
        ? { ...p, notPeople: [...p.notPeople, w.subject] }
        : p,
  unlearn: (p, w, d) =>
    d === 'mine'
      ? { ...p, knownPeople: p.knownPeople.filter((x) => !isHouseholdName(w.subject, [x])) }
      : d === 'not-a-person'
        ? { ...p, notPeople: p.notPeople.filter((x) => foldPersonName(x) !== foldPersonName(w.subject)) }
        : p,
  answered: (p, w) =>
    isHouseholdName(w.subject, p.knownPeople)
      ? 'mine'
      : p.notPeople.some((x) => foldPersonName(x) === foldPersonName(w.subject))
        ? 'not-a-person'
        : null,
  outlivesAnswer: false,
});

/** "Mine" on a device: an assistant the user does have after all, or a device that is theirs. */
function learnDevice(p: Profile, w: Decided): Profile {
  const source = str(w.evidence.source);
  if (str(w.evidence.assistant) && source) {
    return { ...p, noAssistant: false, notMyAssistants: p.notMyAssistants.filter((a) => a !== source) };
  }
  return { ...p, devices: [...p.devices, w.subject] };
}
function unlearnDevice(p: Profile, w: Decided): Profile {
  const source = str(w.evidence.source);
  if (str(w.evidence.assistant) && source) {
    const said = str(w.evidence.said);
    if (said === 'none') return { ...p, noAssistant: true };
    return { ...p, notMyAssistants: [...p.notMyAssistants, source as Profile['notMyAssistants'][number]] };
  }
  return { ...p, devices: p.devices.filter((d) => d !== w.subject) };
}

export const warningKinds: Record<WarningKind, WarningKindSpec> = {
  account: {
    exportWide: true,
    decisions: ['mine', 'not-mine'],
    compute: (db, profile) => accountWarnings(db, profile),
    learn: (p, w, d) => (d === 'mine' ? { ...p, confirmedAccounts: [...p.confirmedAccounts, w.subject] } : p),
    unlearn: (p, w, d) =>
      d === 'mine' ? { ...p, confirmedAccounts: p.confirmedAccounts.filter((a) => !sameAccount(a, w.subject)) } : p,
    answered: (p, w) => (p.confirmedAccounts.some((a) => sameAccount(a, w.subject)) ? 'mine' : null),
    outlivesAnswer: false,
  },
  device: {
    exportWide: false,
    decisions: ['mine'],
    compute: (db, profile) => deviceWarnings(db, profile),
    learn: (p, w, d) => (d === 'mine' ? learnDevice(p, w) : p),
    unlearn: (p, w, d) => (d === 'mine' ? unlearnDevice(p, w) : p),
    // A device the user confirms is no longer computed as unconfirmed: nothing to answer here.
    answered: notAnswered,
    outlivesAnswer: true,
  },
  place: {
    exportWide: false,
    decisions: ['mine'],
    compute: (db, profile) => placeWarnings(db, profile),
    learn: (p, w, d) => (d === 'mine' ? { ...p, knownPlaces: [...p.knownPlaces, w.subject] } : p),
    unlearn: (p, w, d) =>
      d === 'mine' ? { ...p, knownPlaces: p.knownPlaces.filter((x) => !samePlace(w.subject, x)) } : p,
    answered: notAnswered,
    outlivesAnswer: true,
  },
  name: person('transcript'),
  speaker: person('speaker'),
  voice: {
    exportWide: false,
    decisions: ['mine'],
    // Naming the voice happens on the Voices page: the group then is someone's.
    compute: (db) => voiceWarnings(db),
    learn: nothing,
    unlearn: nothing,
    answered: notAnswered,
    outlivesAnswer: false,
  },
  export: {
    exportWide: true,
    decisions: ['mine', 'not-mine'],
    compute: (db, profile, earlier) =>
      verdictWarnings(db, exportVerdicts(db, profile, earlier, exportVoiceSigns(db)), earlier),
    // "It is mine" on the verdict teaches what its signs said: the assistant and devices are the
    // user's, the place is one they know.
    learn: (p, w, d) => (d === 'mine' ? signsOf(w).reduce(learnSign, p) : p),
    unlearn: (p, w, d) => (d === 'mine' ? signsOf(w).reduce(unlearnSign, p) : p),
    answered: notAnswered,
    outlivesAnswer: true,
  },
};

function signAsWarning(s: ExportSign): Decided | null {
  if (s.kind === 'devices' && str(s.facts.assistant))
    return { kind: 'device', subject: String(s.facts.assistant), evidence: { ...s.facts, source: sourceOf(s) } };
  if (s.kind === 'places' && str(s.facts.place))
    return { kind: 'place', subject: String(s.facts.place), evidence: s.facts };
  return null;
}
const sourceOf = (s: ExportSign) => (s.facts.assistant === 'Alexa' ? 'alexa' : 'google-assistant');
function learnSign(p: Profile, s: ExportSign): Profile {
  const w = signAsWarning(s);
  if (w) return warningKinds[w.kind].learn(p, w, 'mine');
  if (s.kind === 'devices' && Array.isArray(s.facts.devices))
    return { ...p, devices: [...p.devices, ...(s.facts.devices as string[])] };
  return p;
}
function unlearnSign(p: Profile, s: ExportSign): Profile {
  const w = signAsWarning(s);
  if (w) return warningKinds[w.kind].unlearn(p, w, 'mine');
  if (s.kind === 'devices' && Array.isArray(s.facts.devices)) {
    const taught = new Set(s.facts.devices as string[]);
    return { ...p, devices: p.devices.filter((d) => !taught.has(d)) };
  }
  return p;
}

/** The order kinds are computed in: the verdict last, from the signs the others found. */
const ORDER: readonly WarningKind[] = ['account', 'device', 'place', 'name', 'speaker', 'voice', 'export'];

/** Every warning, computed from the facts and the user's profile. */
export function allWarnings(db: Db, profile: Profile = getProfile(db)): ComputedWarning[] {
  const out: ComputedWarning[] = [];
  for (const kind of ORDER) out.push(...warningKinds[kind].compute(db, profile, out));
  return out;
}

export function isExportWide(kind: WarningKind): boolean {
  return warningKinds[kind].exportWide;
}
