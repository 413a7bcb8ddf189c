// A delete waiting out its undo time. It is written down before anything is hidden, so a window
// that closes or crashes during those seconds still deletes what the user confirmed at its next start.
import type { DeleteSelection, RecordingRow } from '../../../electron/core/api/contract.ts';

export const UNDO_MS = 8000;
const journalKey = 'earshot.pendingDelete.v1';

export interface PendingDelete {
  /** Tells this delete from a later one (a new delete commits the earlier first). */
  id: string;
  selection: DeleteSelection;
  count: number;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Throws when it cannot be written down (no storage, full): the caller then deletes at once. */
export function writeJournal(p: PendingDelete, store = storage()): void {
  if (!store) throw new Error('Nowhere to write the delete down.');
  store.setItem(journalKey, JSON.stringify(p));
}

/** The delete written down, if it is still there (Undo and "Delete all my data" remove it). */
export function readJournal(store = storage()): PendingDelete | null {
  try {
    const raw = store?.getItem(journalKey);
    if (!raw) return null;
    const p = JSON.parse(raw) as Partial<PendingDelete>;
    const s = p.selection;
    const ok =
      typeof p.id === 'string' &&
      typeof p.count === 'number' &&
      s != null &&
      typeof s === 'object' &&
      (s.ids?.length || s.exportId != null || (s.from != null && s.to != null));
    return ok ? (p as PendingDelete) : null;
  } catch {
    return null;
  }
}

/** Removes the written-down delete, only if it is this one (a later one stays). */
export function clearJournal(id: string, store = storage()): void {
  if (readJournal(store)?.id === id) store?.removeItem(journalKey);
}

/** Whether a row in the list is one the waiting delete will remove (shown struck through until then). */
export function rowPending(row: Pick<RecordingRow, 'id' | 'exportId' | 'timeUtc'>, s: DeleteSelection | null): boolean {
  if (!s) return false;
  if (s.ids?.length && !s.ids.includes(row.id)) return false;
  if (s.exportId != null && row.exportId !== s.exportId) return false;
  if (s.from != null && s.to != null && (row.timeUtc == null || row.timeUtc < s.from || row.timeUtc >= s.to))
    return false;
  return Boolean(s.ids?.length || s.exportId != null || (s.from != null && s.to != null));
}
