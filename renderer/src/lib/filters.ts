// What the list shows: search, filters and sort as one plain value, kept in localStorage so it
// survives a restart, and turned into the API's query. Dates are local days, 'YYYY-MM-DD'.
import type { ListQuery, RecordingFilters, RecordingRow } from '../../../electron/core/api/contract.ts';
import { dayEnd, dayStart } from './format.ts';

type RecordingSource = RecordingRow['source'];

export type Sort = 'newest' | 'oldest' | 'longest' | 'shortest';
export const sorts: Sort[] = ['newest', 'oldest', 'longest', 'shortest'];
export type StatusKey = 'flagged' | 'notIntended' | 'noTranscript' | 'unrecognizedSpeaker' | 'hasAudio';
export const statusKeys: StatusKey[] = ['flagged', 'notIntended', 'noTranscript', 'unrecognizedSpeaker', 'hasAudio'];

/**
 * The recordings one warning is about. Its id stays the same while the warning does; the key is
 * kept too, so a view saved earlier finds a warning raised again under a new id (see `withWarningId`).
 */
export interface WarningFilter {
  id: number;
  key: string;
  label: string;
}

/** One weekday (0 = Monday) and hour of the day, local time: a cell of Insight's heatmap. */
export interface SlotFilter {
  weekday: number;
  hour: number;
}
/** Every source, in the order the filter offers them; a new source does not compile until listed here. */
const sourceOrder = {
  'google-assistant': 0,
  alexa: 1,
  'home-assistant': 2,
  openvoiceos: 3,
  mycroft: 4,
} satisfies Record<RecordingSource, number>;
export const sources = Object.keys(sourceOrder) as RecordingSource[];

export interface ViewState {
  search: string;
  sort: Sort;
  from: string | null;
  to: string | null;
  devices: string[];
  exportIds: number[];
  sources: RecordingSource[];
  status: StatusKey[];
  warning: WarningFilter | null;
  slot: SlotFilter | null;
}

export const emptyView: ViewState = {
  search: '',
  sort: 'newest',
  from: null,
  to: null,
  devices: [],
  exportIds: [],
  sources: [],
  status: [],
  warning: null,
  slot: null,
};

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** Reads a saved view defensively: anything malformed falls back to the default, field by field. */
export function parseView(text: string | null | undefined): ViewState {
  if (!text) return { ...emptyView };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...emptyView };
  }
  if (!raw || typeof raw !== 'object') return { ...emptyView };
  const r = raw as Record<string, unknown>;
  const strings = (v: unknown) =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, 200) : [];
  const day = (v: unknown) => (typeof v === 'string' && dayPattern.test(v) ? v : null);
  return {
    search: typeof r.search === 'string' ? r.search.slice(0, 500) : '',
    sort: sorts.includes(r.sort as Sort) ? (r.sort as Sort) : 'newest',
    from: day(r.from),
    to: day(r.to),
    devices: strings(r.devices),
    exportIds: Array.isArray(r.exportIds)
      ? r.exportIds.filter((x): x is number => Number.isInteger(x) && (x as number) > 0).slice(0, 200)
      : [],
    sources: strings(r.sources).filter((s): s is RecordingSource => (sources as string[]).includes(s)),
    status: strings(r.status).filter((s): s is StatusKey => (statusKeys as string[]).includes(s)),
    warning: parseWarningFilter(r.warning),
    slot: parseSlot(r.slot),
  };
}

function parseSlot(v: unknown): SlotFilter | null {
  if (!v || typeof v !== 'object') return null;
  const { weekday, hour } = v as Record<string, unknown>;
  const inRange = (x: unknown, max: number): x is number =>
    Number.isInteger(x) && (x as number) >= 0 && (x as number) <= max;
  return inRange(weekday, 6) && inRange(hour, 23) ? { weekday, hour } : null;
}

function parseWarningFilter(v: unknown): WarningFilter | null {
  if (!v || typeof v !== 'object') return null;
  const w = v as Record<string, unknown>;
  if (!Number.isInteger(w.id) || (w.id as number) <= 0) return null;
  if (typeof w.key !== 'string' || typeof w.label !== 'string') return null;
  return { id: w.id as number, key: w.key.slice(0, 500), label: w.label.slice(0, 300) };
}

/**
 * The view with its warning filter pointing at the warning's current id (found by key), or without
 * it when that warning is gone. Returns the same view when nothing changes.
 */
export function withWarningId(view: ViewState, warnings: { id: number; key: string }[]): ViewState {
  if (!view.warning) return view;
  const found = warnings.find((w) => w.key === view.warning!.key);
  if (!found) return { ...view, warning: null };
  return found.id === view.warning.id ? view : { ...view, warning: { ...view.warning, id: found.id } };
}

export function serializeView(view: ViewState): string {
  return JSON.stringify(view);
}

/** The filters part of the API query. */
export function toFilters(view: ViewState, options: { withDates?: boolean } = {}): RecordingFilters {
  const f: RecordingFilters = {};
  if (options.withDates !== false) {
    if (view.from) f.from = dayStart(view.from);
    if (view.to) f.to = dayEnd(view.to);
  }
  if (view.devices.length) f.devices = view.devices;
  if (view.exportIds.length) f.exportIds = view.exportIds;
  if (view.sources.length) f.sources = view.sources;
  for (const s of view.status) f[s] = true;
  if (view.warning) f.warningId = view.warning.id;
  // The window's offset now, as Insight counts its heatmap with it, so a cell and its list agree.
  if (view.slot) f.slot = { ...view.slot, tzOffsetMinutes: new Date().getTimezoneOffset() };
  return f;
}

export function toQuery(view: ViewState): Omit<ListQuery, 'offset' | 'limit'> {
  return { search: view.search.trim(), filters: toFilters(view), sort: view.sort };
}

/** How many filters are on (search and sort not counted). */
export function activeFilterCount(view: ViewState): number {
  return (
    (view.from || view.to ? 1 : 0) +
    view.devices.length +
    view.exportIds.length +
    view.sources.length +
    view.status.length +
    (view.warning ? 1 : 0) +
    (view.slot ? 1 : 0)
  );
}

export function sameView(a: ViewState, b: ViewState): boolean {
  return serializeView(normalise(a)) === serializeView(normalise(b));
}

function normalise(v: ViewState): ViewState {
  return {
    ...v,
    search: v.search.trim(),
    devices: [...v.devices].sort(),
    exportIds: [...v.exportIds].sort((x, y) => x - y),
    sources: [...v.sources].sort(),
    status: [...v.status].sort(),
    warning: v.warning ? { ...v.warning, id: 0 } : null,
  };
}

export function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((x) => x !== value) : [...list, value];
}

export interface SavedFilter {
  name: string;
  view: ViewState;
}

export function parseSavedFilters(text: string | null | undefined): SavedFilter[] {
  if (!text) return [];
  try {
    const raw = JSON.parse(text) as unknown;
    if (!Array.isArray(raw)) return [];
    return raw
      .filter(
        (x): x is { name: string; view: unknown } =>
          !!x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string',
      )
      .slice(0, 50)
      .map((x) => ({ name: x.name.slice(0, 80), view: parseView(JSON.stringify(x.view)) }));
  } catch {
    return [];
  }
}

const viewKey = 'earshot.view.v1';
const savedKey = 'earshot.savedFilters.v1';

export function loadView(): ViewState {
  try {
    return parseView(localStorage.getItem(viewKey));
  } catch {
    return { ...emptyView };
  }
}

export function storeView(view: ViewState) {
  try {
    localStorage.setItem(viewKey, serializeView(view));
  } catch {
    /* storage full or unavailable: the view just is not remembered */
  }
}

export function loadSavedFilters(): SavedFilter[] {
  try {
    return parseSavedFilters(localStorage.getItem(savedKey));
  } catch {
    return [];
  }
}

export function storeSavedFilters(list: SavedFilter[]) {
  try {
    localStorage.setItem(savedKey, JSON.stringify(list));
  } catch {
    /* not remembered */
  }
}
