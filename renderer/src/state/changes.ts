// Which parts of the library have changed since the window loaded them: one counter per topic
// (exports, recordings, warnings, voices, profile). A query depends on the topics it reads, so a
// warning decision refetches warnings and counts, not the whole window.
import { CHANGE_TOPICS, type ChangeTopic } from '../../../electron/core/api/events.ts';

export type Versions = Readonly<Record<ChangeTopic, number>>;

export const initialVersions: Versions = Object.fromEntries(CHANGE_TOPICS.map((t) => [t, 0])) as Record<
  ChangeTopic,
  number
>;

/** The reducer: every topic named moves on by one; the others stay, so their queries stay too. */
export function invalidated(versions: Versions, what: readonly ChangeTopic[]): Versions {
  if (what.length === 0) return versions;
  const next = { ...versions };
  for (const topic of new Set(what)) next[topic] += 1;
  return next;
}

/**
 * One number that changes exactly when one of `topics` does: a dependency for a query's effect.
 * Counters only ever grow, so their sum grows whenever any of them does.
 */
export function versionOf(versions: Versions, topics: readonly ChangeTopic[]): number {
  return topics.reduce((sum, t) => sum + versions[t], 0);
}
