// What the library shows (search, filters, sort), kept across restarts. A filter on a warning
// that has gone is dropped; one saved from an earlier run finds its warning again by its key.
import { useCallback, useEffect, useState } from 'react';
import type { StoredWarning } from '../../../electron/core/api/contract.ts';
import { loadView, storeView, withWarningId, type ViewState } from '../lib/filters.ts';

export function useView(warnings: StoredWarning[] | null): [ViewState, (v: ViewState) => void] {
  const [view, setViewState] = useState<ViewState>(loadView);
  const setView = useCallback((v: ViewState) => {
    setViewState(v);
    storeView(v);
  }, []);
  useEffect(() => {
    if (!warnings) return;
    setViewState((v) => {
      const next = withWarningId(v, warnings);
      if (next !== v) storeView(next);
      return next;
    });
  }, [warnings]);
  return [view, setView];
}
