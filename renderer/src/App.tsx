// The window: first-run welcome or the library (sidebar, list, detail), the import from any drop
// or the open dialog, and the dialogs that confirm deletes. All data goes through `api`.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeleteSelection, DeviceSummary, ExportSummary, Overview } from '../../electron/core/api/contract.ts';
import { api, chooseExportPaths, pathsForDrop, saveSelection, type DroppedItem } from './api.ts';
import { Dialog } from './components/Dialog.tsx';
import { Icon } from './components/Icon.tsx';
import { ImportSheet, type ImportState } from './components/ImportSheet.tsx';
import { InsightView } from './components/Insight.tsx';
import { Library } from './components/Library.tsx';
import { Settings } from './components/Settings.tsx';
import { Sidebar, type Section } from './components/Sidebar.tsx';
import { WarningsView } from './components/Warnings.tsx';
import { Welcome } from './components/Welcome.tsx';
import { useI18n } from './i18n/index.ts';
import { dragHasFiles, itemsFromDataTransfer, itemsFromFileList } from './lib/drop.ts';
import {
  loadSavedFilters,
  loadView,
  storeSavedFilters,
  storeView,
  toFilters,
  type SavedFilter,
  type ViewState,
} from './lib/filters.ts';
import { dayEnd, dayStart, formatDate } from './lib/format.ts';

type DeleteRequest = {
  selection: DeleteSelection;
  title: (count: number) => string;
  count: number | null;
  busy: boolean;
  error: string | null;
};

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function App() {
  const { t, locale } = useI18n();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [exports, setExports] = useState<ExportSummary[]>([]);
  const [devices, setDevices] = useState<DeviceSummary[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [section, setSection] = useState<Section>('library');
  const [view, setViewState] = useState<ViewState>(loadView);
  const [refreshToken, setRefreshToken] = useState(0);
  const [importState, setImportState] = useState<ImportState | null>(null);
  const [dragging, setDragging] = useState(false);
  const [deleteRequest, setDeleteRequest] = useState<DeleteRequest | null>(null);
  const [saved, setSaved] = useState<SavedFilter[]>(loadSavedFilters);
  const [savedCounts, setSavedCounts] = useState<(number | null)[]>([]);
  const [saving, setSaving] = useState<string | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [toast, setToast] = useState<{ text: string; error?: boolean } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement | null>(null);

  const setView = useCallback((v: ViewState) => {
    setViewState(v);
    storeView(v);
  }, []);

  const reload = useCallback(() => {
    setRefreshToken((n) => n + 1);
    Promise.all([api.getOverview({}), api.listExports({}), api.listDevices({})]).then(
      ([o, e, d]) => {
        setOverview(o);
        setExports(e);
        setDevices(d);
        setLoadError(null);
      },
      (e: unknown) => setLoadError(message(e)),
    );
  }, []);
  useEffect(reload, [reload]);

  useEffect(() => {
    let live = true;
    Promise.all(
      saved.map((s) =>
        api.listRecordings({ ...toQueryCount(s.view), offset: 0, limit: 1 }).then(
          (p) => p.total,
          () => null,
        ),
      ),
    ).then((counts) => live && setSavedCounts(counts));
    return () => {
      live = false;
    };
  }, [saved, refreshToken]);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 5000);
    return () => clearTimeout(timer);
  }, [toast]);

  // ---- Import: from a drop, the open dialog, a file input, or the app menu -------------------
  const running =
    importState != null &&
    (importState.stage === 'uploading' ||
      (importState.stage === 'running' &&
        importState.status?.state !== 'done' &&
        importState.status?.state !== 'failed' &&
        importState.status?.state !== 'cancelled'));
  const runningRef = useRef(running);
  runningRef.current = running;

  const watch = useCallback((jobId: string) => setImportState({ stage: 'running', jobId, status: null }), []);

  const startWithPaths = useCallback(
    async (paths: string[]) => {
      if (!paths.length) return;
      try {
        const { jobId } = await api.startImport({ paths });
        watch(jobId);
      } catch (e) {
        setImportState({ stage: 'error', message: message(e) });
      }
    },
    [watch],
  );

  const startWithItems = useCallback(
    async (items: Promise<DroppedItem[]> | DroppedItem[]) => {
      if (runningRef.current) {
        setToast({ text: t('drop.busy'), error: true });
        return;
      }
      setImportState({ stage: 'uploading' });
      try {
        const list = await items;
        if (!list.length) {
          setImportState(null);
          return;
        }
        await startWithPaths(await pathsForDrop(list));
      } catch (e) {
        setImportState({ stage: 'error', message: message(e) });
      }
    },
    [startWithPaths, t],
  );

  const jobId = importState?.stage === 'running' ? importState.jobId : null;
  const jobState = importState?.stage === 'running' ? importState.status?.state : undefined;
  useEffect(() => {
    if (!jobId || (jobState && jobState !== 'running')) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const status = await api.getImportStatus({ jobId });
        if (!live) return;
        setImportState({ stage: 'running', jobId, status });
        if (status.state === 'running') timer = setTimeout(poll, 200);
        else reload();
      } catch (e) {
        if (live) setImportState({ stage: 'error', message: message(e) });
      }
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [jobId, jobState, reload]);

  useEffect(() => window.earshot?.onImportStarted((id) => watch(id)), [watch]);

  const openExport = useCallback(async () => {
    if (runningRef.current) {
      setToast({ text: t('drop.busy'), error: true });
      return;
    }
    const paths = await chooseExportPaths();
    if (paths === null) fileInput.current?.click();
    else await startWithPaths(paths);
  }, [startWithPaths, t]);

  // Drops anywhere on the window start an import.
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!dragHasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!dragHasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!dragHasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      if (!dragHasFiles(e) && e.dataTransfer.files.length === 0) return;
      // Entries must be taken now, while the drop event is still live.
      void startWithItems(itemsFromDataTransfer(e.dataTransfer));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [startWithItems]);

  // ---- Deleting, with a confirmation that says how many ---------------------------------------
  const requestDelete = useCallback((selection: DeleteSelection, title: (count: number) => string) => {
    setDeleteRequest({ selection, title, count: null, busy: false, error: null });
    api.countRecordings(selection).then(
      ({ recordings }) => setDeleteRequest((r) => (r && r.selection === selection ? { ...r, count: recordings } : r)),
      (e: unknown) => setDeleteRequest((r) => (r && r.selection === selection ? { ...r, error: message(e) } : r)),
    );
  }, []);

  const confirmDelete = async () => {
    if (!deleteRequest) return;
    setDeleteRequest({ ...deleteRequest, busy: true });
    try {
      const { deleted } = await api.deleteRecordings(deleteRequest.selection);
      setDeleteRequest(null);
      setToast({ text: t('confirm.deleted', { count: deleted }) });
      if (deleteRequest.selection.exportId != null && view.exportIds.includes(deleteRequest.selection.exportId)) {
        setView({ ...view, exportIds: view.exportIds.filter((x) => x !== deleteRequest.selection.exportId) });
      }
      reload();
    } catch (e) {
      setDeleteRequest({ ...deleteRequest, busy: false, error: message(e) });
    }
  };

  const deleteIds = useCallback(
    (ids: number[]) => requestDelete({ ids }, (count) => t('confirm.deleteTitle', { count })),
    [requestDelete, t],
  );
  const deleteExport = (e: ExportSummary) =>
    requestDelete({ exportId: e.id }, (count) => t('confirm.deleteExportTitle', { count, label: e.label }));
  const deleteRange = () => {
    if (!view.from || !view.to) return;
    const from = formatDate(dayStart(view.from), locale);
    const to = formatDate(dayStart(view.to), locale);
    requestDelete({ from: dayStart(view.from), to: dayEnd(view.to) }, (count) =>
      t('confirm.deleteRangeTitle', { count, from, to }),
    );
  };

  const exportSelection = async (ids: number[]) => {
    try {
      // The transport saves it: a save dialog in Electron, a download in the harness.
      await saveSelection(ids);
    } catch (e) {
      setToast({ text: t('list.exportFailed', { reason: message(e) }), error: true });
    }
  };

  const saveFilter = () => {
    const name = saving?.trim();
    if (!name) return;
    const next = [...saved.filter((s) => s.name !== name), { name, view }];
    setSaved(next);
    storeSavedFilters(next);
    setSaving(null);
  };

  const showWelcome = overview != null && overview.recordings === 0 && exports.length === 0;

  const fileInputs = (
    <>
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        accept=".zip,.json,.html,.csv,.mp3,.wav,.opus,.ogg,application/zip"
        onChange={(e) => {
          if (e.target.files?.length) void startWithItems(itemsFromFileList(e.target.files));
          e.target.value = '';
        }}
        data-testid="file-input"
      />
      <input
        ref={folderInput}
        type="file"
        hidden
        {...{ webkitdirectory: '', directory: '' }}
        onChange={(e) => {
          if (e.target.files?.length) void startWithItems(itemsFromFileList(e.target.files));
          e.target.value = '';
        }}
        data-testid="folder-input"
      />
    </>
  );

  return (
    <div className="app">
      {loadError ? (
        <div className="banner error app-error" role="alert">
          <Icon name="warning" /> {t('error.generic', { message: loadError })}
          <button type="button" className="button" onClick={reload}>
            {t('error.retry')}
          </button>
        </div>
      ) : null}
      {showWelcome || overview == null ? (
        <Welcome
          count={overview?.recordings ?? null}
          onOpen={() => void openExport()}
          onOpenFolder={() => folderInput.current?.click()}
          error={null}
        />
      ) : (
        <div className="shell">
          <Sidebar
            section={section}
            onSection={setSection}
            view={view}
            onView={setView}
            total={overview.recordings}
            warnings={0}
            exports={exports}
            devices={devices}
            saved={saved}
            savedCounts={savedCounts}
            onRemoveSaved={(i) => {
              const next = saved.filter((_, j) => j !== i);
              setSaved(next);
              storeSavedFilters(next);
            }}
            onDeleteExport={deleteExport}
            onImport={() => void openExport()}
            onSettings={() => setSettingsOpen(true)}
          />
          <main className="main">
            {section === 'library' ? (
              <Library
                view={view}
                onView={setView}
                refreshToken={refreshToken}
                exports={exports}
                devices={devices}
                searchRef={searchRef}
                onDeleteIds={deleteIds}
                onExportSelection={(ids) => void exportSelection(ids)}
                onSaveFilter={() => setSaving('')}
                onDeleteRange={deleteRange}
                onOpenExport={() => void openExport()}
              />
            ) : section === 'insight' ? (
              <InsightView
                view={view}
                refreshToken={refreshToken}
                onShowRange={(from, to) => {
                  setView({ ...view, from, to });
                  setSection('library');
                }}
                onSearch={(text) => {
                  setView({ ...view, search: text });
                  setSection('library');
                }}
              />
            ) : (
              <WarningsView />
            )}
          </main>
        </div>
      )}
      {fileInputs}
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-card">
            <Icon name="upload" size="3rem" />
            <p>{t('drop.overlay')}</p>
          </div>
        </div>
      ) : null}
      {importState ? (
        <ImportSheet
          state={importState}
          onCancel={() => {
            if (importState.stage === 'running') void api.cancelImport({ jobId: importState.jobId }).catch(() => {});
            else setImportState(null);
          }}
          onClose={() => {
            setImportState(null);
            setSection('library');
          }}
          onRetry={() => {
            setImportState(null);
            void openExport();
          }}
        />
      ) : null}
      {deleteRequest ? (
        <Dialog
          title={
            deleteRequest.count == null
              ? t('confirm.counting')
              : deleteRequest.count === 0
                ? t('confirm.nothing')
                : deleteRequest.title(deleteRequest.count)
          }
          onCancel={() => setDeleteRequest(null)}
          testId="confirm-delete"
          actions={
            <>
              <button type="button" className="button" onClick={() => setDeleteRequest(null)} autoFocus>
                {t('confirm.cancel')}
              </button>
              <button
                type="button"
                className="button danger"
                disabled={!deleteRequest.count || deleteRequest.busy}
                onClick={() => void confirmDelete()}
                data-testid="confirm-delete-button"
              >
                <Icon name="trash" /> {t('confirm.delete')}
              </button>
            </>
          }
        >
          {deleteRequest.count ? <p>{t('confirm.deleteBody')}</p> : null}
          {deleteRequest.error ? (
            <p className="error-text" role="alert">
              {deleteRequest.error}
            </p>
          ) : null}
        </Dialog>
      ) : null}
      {saving != null ? (
        <Dialog
          title={t('confirm.saveTitle')}
          onCancel={() => setSaving(null)}
          actions={
            <>
              <button type="button" className="button" onClick={() => setSaving(null)}>
                {t('confirm.cancel')}
              </button>
              <button type="button" className="button primary" disabled={!saving.trim()} onClick={saveFilter}>
                {t('confirm.save')}
              </button>
            </>
          }
        >
          <label className="field">
            {t('filters.saveName')}
            <input
              type="text"
              autoFocus
              value={saving}
              maxLength={80}
              onChange={(e) => setSaving(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') saveFilter();
              }}
            />
          </label>
        </Dialog>
      ) : null}
      {settingsOpen ? (
        <Settings libraryFile={overview?.libraryFile ?? null} onClose={() => setSettingsOpen(false)} />
      ) : null}
      {toast ? (
        <div className={`toast${toast.error ? ' error' : ''}`} role="status" data-testid="toast">
          {toast.text}
        </div>
      ) : null}
    </div>
  );
}

function toQueryCount(view: ViewState) {
  return { search: view.search.trim(), filters: toFilters(view) };
}
