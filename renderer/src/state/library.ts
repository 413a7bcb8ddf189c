// The library's summary the window is built around (totals, exports, devices): a plain reducer,
// so a failed reload keeps what was shown and only adds the error.
import type { DeviceSummary, ExportSummary, Overview } from '../../../electron/core/api/contract.ts';

export interface LibraryState {
  overview: Overview | null;
  exports: ExportSummary[];
  devices: DeviceSummary[];
  error: string | null;
}

export type LibraryAction =
  | { type: 'loaded'; overview: Overview; exports: ExportSummary[]; devices: DeviceSummary[] }
  | { type: 'failed'; message: string };

export const initialLibrary: LibraryState = { overview: null, exports: [], devices: [], error: null };

export function libraryReducer(state: LibraryState, action: LibraryAction): LibraryState {
  switch (action.type) {
    case 'loaded':
      return { overview: action.overview, exports: action.exports, devices: action.devices, error: null };
    case 'failed':
      return { ...state, error: action.message };
  }
}

/** Nothing imported yet (or everything removed): the window shows its welcome. */
export function libraryEmpty(state: LibraryState): boolean {
  return state.overview != null && state.overview.recordings === 0 && state.exports.length === 0;
}
