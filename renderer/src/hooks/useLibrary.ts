// The library's summary (totals, exports, devices), loaded again when recordings, exports or
// warnings (whose counts the overview carries) change.
import { useEffect, useReducer } from 'react';
import { api } from '../api.ts';
import { errorText } from '../lib/errors.ts';
import { initialLibrary, libraryReducer, type LibraryState } from '../state/library.ts';
import { versionOf, type Versions } from '../state/changes.ts';

export function useLibrary(versions: Versions): LibraryState {
  const [state, dispatch] = useReducer(libraryReducer, initialLibrary);
  const version = versionOf(versions, ['recordings', 'exports', 'warnings']);
  useEffect(() => {
    let live = true;
    Promise.all([api.getOverview({}), api.listExports({}), api.listDevices({})]).then(
      ([overview, exports, devices]) => live && dispatch({ type: 'loaded', overview, exports, devices }),
      (e: unknown) => live && dispatch({ type: 'failed', message: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return state;
}
