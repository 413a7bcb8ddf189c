// The list's data: pages of ~200 rows fetched by offset on demand and cached, so a library of any
// size costs only what is on screen. A new query keeps showing the old rows until its first page arrives.
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ListQuery, RecordingRow } from '../../../electron/core/api/contract.ts';
import { api } from '../api.ts';
import { errorText } from './errors.ts';

export const PAGE_SIZE = 200;

type Query = Omit<ListQuery, 'offset' | 'limit'>;

export interface RecordingPages {
  /** Rows matching the query, or null before the first answer. */
  total: number | null;
  /** Bumps whenever rows arrive, so the list re-renders and re-measures. */
  version: number;
  error: string | null;
  rowAt(index: number): RecordingRow | undefined;
  /** Asks for the pages covering [start, end]. */
  ensure(start: number, end: number): void;
  /** Every row in [start, end], fetching what is missing. */
  rowsIn(start: number, end: number): Promise<RecordingRow[]>;
  /** The query these rows answer (for callers that must match it). */
  queryKey: string;
  /** Whether the rows (and total) answer an earlier query while the current one is asked. */
  stale: boolean;
  /** Whether the query they answer narrows the library (a search or any filter). */
  narrowed: boolean;
  /** The search has no letters or digits ("👍"): nothing is found, and the window says why. */
  noWords: boolean;
}

export function useRecordingPages(query: Query, refreshToken: number): RecordingPages {
  const key = JSON.stringify(query);
  const [state, setState] = useState<{
    total: number | null;
    version: number;
    error: string | null;
    queryKey: string;
    narrowed: boolean;
    noWords: boolean;
  }>({
    total: null,
    version: 0,
    error: null,
    queryKey: '',
    narrowed: false,
    noWords: false,
  });
  const cache = useRef(new Map<number, RecordingRow[]>());
  const inflight = useRef(new Map<number, Promise<RecordingRow[]>>());
  const generation = useRef(0);
  const current = useRef(query);

  const fetchPage = useCallback((page: number, gen: number): Promise<RecordingRow[]> => {
    const existing = gen === generation.current ? inflight.current.get(page) : undefined;
    if (existing) return existing;
    const promise = api.listRecordings({ ...current.current, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
      (result) => {
        if (gen !== generation.current) return result.rows;
        inflight.current.delete(page);
        cache.current.set(page, result.rows);
        setState((s) => ({ ...s, total: result.total, version: s.version + 1, error: null }));
        return result.rows;
      },
      (error: unknown) => {
        if (gen === generation.current) {
          inflight.current.delete(page);
          setState((s) => ({ ...s, error: errorText(error) }));
        }
        return [] as RecordingRow[];
      },
    );
    if (gen === generation.current) inflight.current.set(page, promise);
    return promise;
  }, []);

  // A layout effect: the first page is asked for as soon as the query changes, not a frame later.
  useLayoutEffect(() => {
    const gen = ++generation.current;
    current.current = query;
    inflight.current = new Map();
    const narrowed = Boolean(query.search?.trim()) || Object.keys(query.filters ?? {}).length > 0;
    void api.listRecordings({ ...query, offset: 0, limit: PAGE_SIZE }).then(
      (result) => {
        if (gen !== generation.current) return;
        cache.current = new Map([[0, result.rows]]);
        setState((s) => ({
          total: result.total,
          version: s.version + 1,
          error: null,
          queryKey: key,
          narrowed,
          noWords: result.searchHasNoWords === true,
        }));
      },
      (error: unknown) => {
        if (gen !== generation.current) return;
        cache.current = new Map();
        setState((s) => ({
          total: 0,
          version: s.version + 1,
          error: errorText(error),
          queryKey: key,
          narrowed,
          noWords: false,
        }));
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, refreshToken]);

  const rowAt = useCallback(
    (index: number) => cache.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [],
  );

  const ensure = useCallback(
    (start: number, end: number) => {
      if (state.queryKey !== key) return;
      for (let page = Math.floor(Math.max(0, start) / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page++) {
        if (!cache.current.has(page)) void fetchPage(page, generation.current);
      }
    },
    [fetchPage, key, state.queryKey],
  );

  const rowsIn = useCallback(
    async (start: number, end: number) => {
      const gen = generation.current;
      const pages: Promise<RecordingRow[]>[] = [];
      for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page++) {
        const cached = cache.current.get(page);
        pages.push(cached ? Promise.resolve(cached) : fetchPage(page, gen));
      }
      await Promise.all(pages);
      const out: RecordingRow[] = [];
      for (let i = start; i <= end; i++) {
        const row = rowAt(i);
        if (row) out.push(row);
      }
      return out;
    },
    [fetchPage, rowAt],
  );

  return { ...state, stale: state.queryKey !== key, rowAt, ensure, rowsIn };
}
