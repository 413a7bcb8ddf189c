// What has changed in the library since each query last ran: the core's "changed" events and the
// window's own mutations (which return what they changed) both move the topics they name on.
import { useReducer } from 'react';
import type { ChangeTopic } from '../../../electron/core/api/events.ts';
import { initialVersions, invalidated, type Versions } from '../state/changes.ts';
import { useEvents } from './useEvents.ts';

export function useChanges(): { versions: Versions; invalidate(what: readonly ChangeTopic[]): void } {
  const [versions, invalidate] = useReducer(invalidated, initialVersions);
  useEvents((e) => {
    if (e.type === 'changed') invalidate(e.what);
  });
  return { versions, invalidate };
}
