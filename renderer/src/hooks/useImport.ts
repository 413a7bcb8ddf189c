// The import, from a drop, the open dialog, a file input or the app menu: starts it and follows it
// through the core's pushed import events. When it is done the core says what changed.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { api, chooseExportPaths, pathsForDrop, type DroppedItem } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { errorText } from '../lib/errors.ts';
import { importBusy, importReducer, statusOfEvent } from '../state/import.ts';
import { useEvents } from './useEvents.ts';
import type { Toast } from './useToast.ts';

export function useImport(toast: (t: Toast) => void, pickFiles: () => void) {
  const { t } = useI18n();
  const [state, dispatch] = useReducer(importReducer, null);
  const busy = useRef(false);
  busy.current = importBusy(state);

  useEvents((e) => {
    if (e.type === 'import') dispatch({ type: 'status', status: statusOfEvent(e) });
  });

  // Events that went out before the job's id came back are caught up with one look, not a poll.
  const follow = useCallback((jobId: string) => {
    dispatch({ type: 'started', jobId });
    api.getImportStatus({ jobId }).then(
      (status) => dispatch({ type: 'status', status }),
      (e: unknown) => dispatch({ type: 'failed', message: errorText(e) }),
    );
  }, []);

  useEffect(() => window.earshot?.onImportStarted(follow), [follow]);

  const startWithPaths = useCallback(
    async (paths: string[]) => {
      if (!paths.length) return;
      try {
        follow((await api.startImport({ paths })).jobId);
      } catch (e) {
        dispatch({ type: 'failed', message: errorText(e) });
      }
    },
    [follow],
  );

  const startWithItems = useCallback(
    async (items: Promise<DroppedItem[]> | DroppedItem[]) => {
      if (busy.current) {
        toast({ text: t('drop.busy'), error: true });
        return;
      }
      dispatch({ type: 'uploading' });
      try {
        const list = await items;
        if (!list.length) dispatch({ type: 'closed' });
        else await startWithPaths(await pathsForDrop(list));
      } catch (e) {
        dispatch({ type: 'failed', message: errorText(e) });
      }
    },
    [startWithPaths, t, toast],
  );

  const openExport = useCallback(async () => {
    if (busy.current) {
      toast({ text: t('drop.busy'), error: true });
      return;
    }
    const paths = await chooseExportPaths();
    if (paths === null) pickFiles();
    else await startWithPaths(paths);
  }, [pickFiles, startWithPaths, t, toast]);

  const cancel = () => {
    if (state?.stage === 'running') void api.cancelImport({ jobId: state.jobId }).catch(() => {});
    else dispatch({ type: 'closed' });
  };
  const close = () => dispatch({ type: 'closed' });
  return { state, startWithItems, openExport, cancel, close };
}
