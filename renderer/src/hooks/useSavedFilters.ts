// The user's saved filters (kept in this window's storage) and how many recordings each finds now,
// counted again when recordings or warnings (a filter can be "flagged") change.
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { loadSavedFilters, storeSavedFilters, toFilters, type SavedFilter, type ViewState } from '../lib/filters.ts';
import { versionOf, type Versions } from '../state/changes.ts';

export function useSavedFilters(versions: Versions) {
  const [saved, setSaved] = useState<SavedFilter[]>(loadSavedFilters);
  const [counts, setCounts] = useState<(number | null)[]>([]);
  const version = versionOf(versions, ['recordings', 'warnings']);
  useEffect(() => {
    let live = true;
    Promise.all(
      saved.map((s) =>
        api.listRecordings({ search: s.view.search.trim(), filters: toFilters(s.view), offset: 0, limit: 1 }).then(
          (p) => p.total,
          () => null,
        ),
      ),
    ).then((c) => live && setCounts(c));
    return () => {
      live = false;
    };
  }, [saved, version]);

  const keep = (next: SavedFilter[]) => {
    setSaved(next);
    storeSavedFilters(next);
  };
  return {
    saved,
    counts,
    save: (name: string, view: ViewState) => keep([...saved.filter((s) => s.name !== name), { name, view }]),
    remove: (index: number) => keep(saved.filter((_, j) => j !== index)),
  };
}
