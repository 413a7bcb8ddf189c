// "About you" in the window: the lists the user types (names, e-mail addresses, household,
// accounts, where they live) and which assistants they have, checked in plain words before they are saved, and who a voice group's person is.
import type { Profile } from '../../../electron/core/api/contract.ts';

export type ListField = 'names' | 'emails' | 'household' | 'accounts' | 'homePlaces';
export const listFields: ListField[] = ['names', 'emails', 'household', 'accounts', 'homePlaces'];

/** The limits the core enforces (see electron/core/analysis/profile.ts). */
export const limits: Record<ListField | 'devices', number> = {
  names: 20,
  emails: 20,
  household: 50,
  accounts: 20,
  homePlaces: 20,
  devices: 200,
};
export const maxNameLength = 200;
export const maxEmailLength = 320;

export interface ProfileDraft {
  names: string[];
  emails: string[];
  household: string[];
  accounts: string[];
  homePlaces: string[];
  devices: string[];
  /** "I have no voice assistant at all". */
  noAssistant: boolean;
  /** Assistants the user said they don't have. */
  notMyAssistants: Profile['notMyAssistants'];
}

export const emptyProfile: Profile = {
  names: [],
  emails: [],
  household: [],
  accounts: [],
  devices: [],
  noAssistant: false,
  notMyAssistants: [],
  homePlaces: [],
  knownPlaces: [],
  notPeople: [],
  knownPeople: [],
  confirmedAccounts: [],
  skipped: false,
};

export function draftOf(p: Profile): ProfileDraft {
  return {
    names: [...p.names],
    emails: [...p.emails],
    household: [...p.household],
    accounts: [...p.accounts],
    homePlaces: [...p.homePlaces],
    devices: [...p.devices],
    noAssistant: p.noAssistant,
    notMyAssistants: [...p.notMyAssistants],
  };
}

/**
 * What one typed entry becomes: e-mail addresses may be pasted as a list (commas, spaces,
 * semicolons, new lines). People at home are a list of people, so commas, "and", "und" and "&"
 * part them too ("Jana, Anna" is two people). The user's own names are spellings of one person:
 * only new lines and semicolons part them ("Meier, Tom" stays one name).
 */
export function splitEntries(text: string, field: ListField): string[] {
  const separator = field === 'emails' ? /[\s,;]+/ : field === 'household' ? /[\n;,&]+|\s+(?:and|und)\s+/i : /[\n;]+/;
  return text
    .split(separator)
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

/** Adds entries to a list, leaving out ones already there (ignoring case). */
export function addEntries(list: string[], text: string, field: ListField): string[] {
  const out = [...list];
  for (const entry of splitEntries(text, field)) {
    const value = field === 'emails' ? entry.toLowerCase() : entry;
    if (!out.some((x) => x.toLowerCase() === value.toLowerCase())) out.push(value);
  }
  return out;
}

// The same shape the core accepts (zod's e-mail check).
const emailPattern = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

export function isEmail(text: string): boolean {
  return text.length <= maxEmailLength && emailPattern.test(text.trim());
}

export type ProfileProblem =
  | { field: ListField; kind: 'email'; value: string }
  | { field: ListField; kind: 'tooLong'; value: string; max: number }
  | { field: ListField | 'devices'; kind: 'tooMany'; max: number };

/** Everything that would stop the profile from being saved, one problem per entry. */
export function validateProfile(draft: ProfileDraft): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  for (const field of listFields) {
    const list = draft[field];
    if (list.length > limits[field]) problems.push({ field, kind: 'tooMany', max: limits[field] });
    for (const value of list) {
      if (field === 'emails') {
        if (!isEmail(value)) problems.push({ field, kind: 'email', value });
      } else if (value.length > maxNameLength) {
        problems.push({ field, kind: 'tooLong', value, max: maxNameLength });
      }
    }
  }
  if (draft.devices.length > limits.devices) problems.push({ field: 'devices', kind: 'tooMany', max: limits.devices });
  return problems;
}

/** The profile to save from a draft: the user's lists, everything else as it was. */
export function profileFromDraft(base: Profile, draft: ProfileDraft, skipped = base.skipped): Profile {
  return { ...base, ...draft, skipped };
}

/** Whether the user has told Earshot nothing at all (and has not skipped the step either). */
export function shouldAskAboutYou(p: Profile): boolean {
  return (
    !p.skipped &&
    !p.names.length &&
    !p.emails.length &&
    !p.household.length &&
    !p.accounts.length &&
    !p.homePlaces.length &&
    !p.noAssistant &&
    !p.notMyAssistants.length
  );
}

/** Whether the user has said who they are, so Earshot can tell what is not theirs. */
export function knowsUser(p: Profile): boolean {
  return p.names.length > 0 || p.emails.length > 0 || p.accounts.length > 0;
}

/** The name a voice group or sample of the user is stored under. */
export const selfPerson = 'me';

export function personForMe(p: Profile | null): string {
  return p?.names[0] ?? selfPerson;
}

export type PersonRole = 'me' | 'household' | 'other';

/** Who a voice group's person is to the user. */
export function personRole(person: string, p: Profile | null): PersonRole {
  const same = (a: string) => a.toLowerCase() === person.toLowerCase();
  if (same(selfPerson) || p?.names.some(same)) return 'me';
  if (p?.household.some(same)) return 'household';
  return 'other';
}
