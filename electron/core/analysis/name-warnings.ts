// People named in transcripts, and Alexa's guess of who spoke, who are not the user or their household.
import type { Db } from '../db/library.ts';
import { isHouseholdName } from './names/index.ts';
import { message } from '../messages/index.ts';
import { hasIdentity, householdNames, type Profile } from './profile.ts';
import type { ComputedWarning } from './warning-types.ts';

/** How a name found in a lower-case transcript is shown: "anna schmidt" → "Anna Schmidt". */
export function displayName(name: string): string {
  if (name !== name.toLowerCase()) return name;
  return name.replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

/** Name warnings from transcripts (`name`) or from Alexa's guess of who spoke (`speaker`). */
export function nameWarnings(db: Db, profile: Profile, source: 'transcript' | 'speaker'): ComputedWarning[] {
  const familiar = householdNames(profile);
  const knowsHousehold = hasIdentity(profile) || profile.household.length > 0;
  const rows = db
    .prepare(
      `SELECT m.folded, m.name, m.source, r.id, r.time_utc, r.export_id FROM name_mentions m
       JOIN recordings r ON r.id = m.recording_id WHERE m.source = ? ORDER BY m.folded, r.time_utc`,
    )
    .all(source) as {
    folded: string;
    name: string;
    source: 'transcript' | 'speaker';
    id: number;
    time_utc: number | null;
    export_id: number;
  }[];
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    // Household matching forgives case, accents, spellings (Müller/Mueller) and short forms (Alex).
    if (isHouseholdName(r.name, familiar)) continue;
    const key = `${r.source}:${r.folded}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const out: ComputedWarning[] = [];
  for (const [key, list] of groups) {
    const ids = [...new Set(list.map((r) => r.id))];
    const name = displayName(mostCommon(list.map((r) => r.name)));
    const times = list.map((r) => r.time_utc).filter((t): t is number => t != null);
    const speaker = list[0]!.source === 'speaker';
    out.push({
      key: `${speaker ? 'speaker' : 'name'}:${key.slice(key.indexOf(':') + 1)}`,
      kind: speaker ? 'speaker' : 'name',
      severity: knowsHousehold ? 'warning' : 'notice',
      exportId: new Set(list.map((r) => r.export_id)).size === 1 ? list[0]!.export_id : null,
      subject: name,
      reason: message(
        speaker
          ? knowsHousehold
            ? 'warnings.speakerOutsider'
            : 'warnings.speakerUnknown'
          : knowsHousehold
            ? 'warnings.nameOutsider'
            : 'warnings.nameUnknown',
        { name, count: ids.length },
      ),
      evidence: { spellings: [...new Set(list.map((r) => r.name))], source: list[0]!.source },
      confidence: null,
      recordingIds: ids,
      firstTime: times.reduce<number | null>((m, x) => (m == null || x < m ? x : m), null),
      lastTime: times.reduce<number | null>((m, x) => (m == null || x > m ? x : m), null),
    });
  }
  return out;
}

function mostCommon(xs: string[]): string {
  const counts = new Map<string, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}
