// What the user does with recordings from the library: delete (a selection, an export, a date
// range — each confirmed with its count, then undoable for a few seconds) and save a selection as a ZIP.
import type { DeleteSelection, ExportSummary } from '../../../electron/core/api/contract.ts';
import type { ChangeTopic } from '../../../electron/core/api/events.ts';
import { saveSelection } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { errorText } from '../lib/errors.ts';
import type { ViewState } from '../lib/filters.ts';
import { dayEnd, dayStart, formatDate } from '../lib/format.ts';
import { useDelete } from './useDelete.ts';
import type { Toast } from './useToast.ts';

export function useRecordingActions(
  view: ViewState,
  setView: (v: ViewState) => void,
  invalidate: (what: readonly ChangeTopic[]) => void,
  toast: (t: Toast) => void,
) {
  const { t, locale } = useI18n();
  /** A removed export leaves the view's filter with it. */
  const withoutExport = (exportId: number | null | undefined) => {
    if (exportId != null && view.exportIds.includes(exportId))
      setView({ ...view, exportIds: view.exportIds.filter((x) => x !== exportId) });
  };
  const deleting = useDelete({
    onPending: (p, undo) =>
      toast({ text: t('confirm.deleting', { count: p.count }), action: { label: t('confirm.undo'), run: undo } }),
    onDeleted: (deleted, selection, changed) => {
      // Nothing left to delete (removed another way meanwhile): no toast saying "0 deleted".
      if (deleted > 0) toast({ text: t('confirm.deleted', { count: deleted }) });
      withoutExport(selection.exportId);
      invalidate(changed);
    },
    onFailed: (reason) => toast({ text: t('confirm.deleteFailed', { reason }), error: true }),
  });
  return {
    deleting,
    withoutExport,
    deleteIds: (ids: number[]) => deleting.ask({ ids }, (count) => t('confirm.deleteTitle', { count })),
    deleteExport: (e: ExportSummary) =>
      deleting.ask({ exportId: e.id }, (count) => t('confirm.deleteExportTitle', { count, label: e.label })),
    deleteRange() {
      if (!view.from || !view.to) return;
      const [from, to] = [formatDate(dayStart(view.from), locale), formatDate(dayStart(view.to), locale)];
      const selection: DeleteSelection = { from: dayStart(view.from), to: dayEnd(view.to) };
      deleting.ask(selection, (count) => t('confirm.deleteRangeTitle', { count, from, to }));
    },
    exportSelection: (ids: number[]) =>
      // The transport saves it: a save dialog in Electron, a download in the harness.
      void saveSelection(ids).catch((e: unknown) =>
        toast({ text: t('list.exportFailed', { reason: errorText(e) }), error: true }),
      ),
  };
}
