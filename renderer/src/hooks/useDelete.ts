// Deleting, with a confirmation that first says how many recordings the selection covers.
import { useCallback, useState } from 'react';
import type { DeleteSelection } from '../../../electron/core/api/contract.ts';
import type { ChangeTopic } from '../../../electron/core/api/events.ts';
import { api } from '../api.ts';
import { errorText } from '../lib/errors.ts';

export type DeleteRequest = {
  selection: DeleteSelection;
  title: (count: number) => string;
  count: number | null;
  busy: boolean;
  error: string | null;
};

export function useDelete(onDeleted: (deleted: number, selection: DeleteSelection, changed: ChangeTopic[]) => void) {
  const [request, setRequest] = useState<DeleteRequest | null>(null);

  const ask = useCallback((selection: DeleteSelection, title: (count: number) => string) => {
    setRequest({ selection, title, count: null, busy: false, error: null });
    const same = (r: DeleteRequest | null) => r != null && r.selection === selection;
    api.countRecordings(selection).then(
      ({ recordings }) => setRequest((r) => (r && same(r) ? { ...r, count: recordings } : r)),
      (e: unknown) => setRequest((r) => (r && same(r) ? { ...r, error: errorText(e) } : r)),
    );
  }, []);

  const confirm = async () => {
    if (!request) return;
    setRequest({ ...request, busy: true });
    try {
      const { deleted, changed } = await api.deleteRecordings(request.selection);
      setRequest(null);
      onDeleted(deleted, request.selection, changed);
    } catch (e) {
      setRequest({ ...request, busy: false, error: errorText(e) });
    }
  };

  return { request, ask, confirm, cancel: () => setRequest(null) };
}
