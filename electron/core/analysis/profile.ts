// "About you": who the user is and who lives with them, kept in the library on this computer only.
import { z } from 'zod';
import type { Db } from '../db/library.ts';

const name = z.string().trim().min(1).max(200);

/** The commercial assistants a user can say they have or not (self-hosted ones are theirs by nature). */
export const ASSISTANTS = ['alexa', 'google-assistant'] as const;
export type Assistant = (typeof ASSISTANTS)[number];

export const Profile = z
  .object({
    names: z.array(name).max(20).default([]),
    emails: z.array(z.string().trim().toLowerCase().email().max(320)).max(20).default([]),
    household: z.array(name).max(50).default([]),
    /** Account names or customer ids the user knows are theirs (e.g. an Amazon account name). */
    accounts: z.array(name).max(20).default([]),
    /** Devices the user confirmed as theirs, by name or serial. */
    devices: z.array(z.string().trim().min(1).max(300)).max(200).default([]),
    /** The user owns no voice-assistant device at all ("I have no Alexa, no Google Assistant"). */
    noAssistant: z.boolean().default(false),
    /** Assistants the user said they do not have, when they have some but not these. */
    notMyAssistants: z.array(z.enum(ASSISTANTS)).max(ASSISTANTS.length).default([]),
    /** Where the user lives: towns or regions, as the user writes them. */
    homePlaces: z.array(name).max(20).default([]),
    /** Places the user said they know (from "I know this place" on a place warning). */
    knownPlaces: z.array(name).max(500).default([]),
    /** Words the user said are not a person (from "not a person" on a name warning). */
    notPeople: z.array(name).max(1000).default([]),
    /** People the user said they know (from "this is someone I know" on a name warning). */
    knownPeople: z.array(name).max(1000).default([]),
    /** Accounts an export named that the user said are theirs after all (from "it is mine"). */
    confirmedAccounts: z.array(z.string().trim().min(1).max(320)).max(200).default([]),
    /** The first-run step was shown and skipped; ask again only from Settings. */
    skipped: z.boolean().default(false),
  })
  .strict();
export type Profile = z.infer<typeof Profile>;
export type ProfileInput = z.input<typeof Profile>;

const KEY = 'profile';

export function getProfile(db: Db): Profile {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  if (!raw) return Profile.parse({});
  const parsed = Profile.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : Profile.parse({});
}

export function setProfile(db: Db, input: ProfileInput): Profile {
  const profile = Profile.parse(input);
  const unique = (xs: string[]) => [...new Set(xs)];
  const clean: Profile = {
    ...profile,
    names: unique(profile.names),
    emails: unique(profile.emails),
    household: unique(profile.household),
    accounts: unique(profile.accounts),
    devices: unique(profile.devices),
    knownPeople: unique(profile.knownPeople),
    confirmedAccounts: unique(profile.confirmedAccounts),
    notMyAssistants: [...new Set(profile.notMyAssistants)],
    homePlaces: unique(profile.homePlaces),
    knownPlaces: unique(profile.knownPlaces),
    notPeople: unique(profile.notPeople),
  };
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(KEY, JSON.stringify(clean));
  return clean;
}

/** Whether the user has said anything about themselves that Earshot can compare against. */
export function hasIdentity(p: Profile): boolean {
  return p.names.length > 0 || p.emails.length > 0 || p.accounts.length > 0;
}

/** Everyone whose name is expected in the recordings: the user and the household. */
export function householdNames(p: Profile): string[] {
  return [...p.names, ...p.household, ...p.accounts];
}

/** Whether the user said they do not have this assistant (or none at all). */
export function deniesAssistant(p: Profile, assistant: string): boolean {
  return (
    (ASSISTANTS as readonly string[]).includes(assistant) &&
    (p.noAssistant || p.notMyAssistants.includes(assistant as Assistant))
  );
}
