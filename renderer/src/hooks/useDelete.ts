// Deleting, with a confirmation that first says how many recordings the selection covers, then a
// few seconds in which Undo takes it back. The delete itself runs when that time is over, when
// another delete is confirmed, or when the window goes; the written-down delete (lib/pending-delete)
// is finished at the next start should the window crash in between.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeleteSelection } from '../../../electron/core/api/contract.ts';
import type { ChangeTopic } from '../../../electron/core/api/events.ts';
import { api } from '../api.ts';
import { errorText } from '../lib/errors.ts';
import { clearJournal, readJournal, UNDO_MS, writeJournal, type PendingDelete } from '../lib/pending-delete.ts';

export type DeleteRequest = {
  selection: DeleteSelection;
  title: (count: number) => string;
  count: number | null;
  busy: boolean;
  error: string | null;
};

export interface DeleteEvents {
  /** Confirmed: the recordings will go unless `undo` is called within UNDO_MS. */
  onPending(pending: PendingDelete, undo: () => void): void;
  onDeleted(deleted: number, selection: DeleteSelection, changed: ChangeTopic[]): void;
  onFailed(reason: string): void;
}

export function useDelete(events: DeleteEvents) {
  const [request, setRequest] = useState<DeleteRequest | null>(null);
  const [pending, setPending] = useState<PendingDelete | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(events);
  latest.current = events;
  const pendingRef = useRef<PendingDelete | null>(null);

  const running = useRef(new Set<string>());
  const run = useCallback(async (p: PendingDelete) => {
    // Once only, however many of the triggers (time over, window going, next start) fire.
    if (running.current.has(p.id)) return;
    running.current.add(p.id);
    try {
      const { deleted, changed } = await api.deleteRecordings(p.selection);
      clearJournal(p.id);
      latest.current.onDeleted(deleted, p.selection, changed);
    } catch (e) {
      // Written down still: the next start tries again, as the user confirmed it.
      latest.current.onFailed(errorText(e));
    }
  }, []);

  /** Deletes what is written down (only if it still is: Undo or Delete all my data may have taken it). */
  const commit = useCallback(
    async (p: PendingDelete) => {
      if (pendingRef.current?.id === p.id) {
        if (timer.current) clearTimeout(timer.current);
        pendingRef.current = null;
        setPending(null);
      }
      if (readJournal()?.id === p.id) await run(p);
    },
    [run],
  );

  const undo = useCallback((id: string) => {
    if (pendingRef.current?.id !== id) return;
    if (timer.current) clearTimeout(timer.current);
    clearJournal(id);
    pendingRef.current = null;
    setPending(null);
  }, []);

  // A delete left by a window that closed or crashed during its undo time is finished now.
  useEffect(() => {
    const left = readJournal();
    if (left) void commit(left);
  }, [commit]);

  // The window going (closed, reloaded) ends the undo time: what was confirmed is deleted.
  useEffect(() => {
    const onHide = () => {
      if (pendingRef.current) void commit(pendingRef.current);
    };
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [commit]);

  const ask = useCallback((selection: DeleteSelection, title: (count: number) => string) => {
    setRequest({ selection, title, count: null, busy: false, error: null });
    const same = (r: DeleteRequest | null) => r != null && r.selection === selection;
    api.countRecordings(selection).then(
      ({ recordings }) => setRequest((r) => (r && same(r) ? { ...r, count: recordings } : r)),
      (e: unknown) => setRequest((r) => (r && same(r) ? { ...r, error: errorText(e) } : r)),
    );
  }, []);

  const confirm = async () => {
    if (!request || request.count == null) return;
    setRequest({ ...request, busy: true });
    // One delete waits at a time: an earlier one is carried out first.
    const earlier = pendingRef.current;
    if (earlier) await commit(earlier);
    const p: PendingDelete = {
      id: `${Date.now()}-${Math.random()}`,
      selection: request.selection,
      count: request.count,
    };
    try {
      writeJournal(p);
    } catch {
      // Without the note a crash could leave confirmed recordings behind: delete at once instead.
      setRequest(null);
      await run(p);
      return;
    }
    pendingRef.current = p;
    setPending(p);
    setRequest(null);
    timer.current = setTimeout(() => void commit(p), UNDO_MS);
    latest.current.onPending(p, () => undo(p.id));
  };

  return { request, ask, confirm, cancel: () => setRequest(null), pending };
}
