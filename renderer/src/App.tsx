// The window: first-run welcome or the library (sidebar, list, detail), the import from any drop
// or the open dialog, and the dialogs that confirm deletes. All data goes through `api`.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type {
  AnalysisStatus,
  DeleteSelection,
  DeviceSummary,
  ExportSummary,
  Overview,
  Profile,
  StoredWarning,
} from '../../electron/core/api/contract.ts';
import { api, chooseExportPaths, pathsForDrop, saveSelection, type DroppedItem } from './api.ts';
import { AboutYou } from './components/AboutYou.tsx';
import { Dialog } from './components/Dialog.tsx';
import { Icon } from './components/Icon.tsx';
import { ImportSheet, type ImportState } from './components/ImportSheet.tsx';
import { InsightView } from './components/Insight.tsx';
import { Library } from './components/Library.tsx';
import { NotMinePage, type Removal } from './components/NotMine.tsx';
import { Settings } from './components/Settings.tsx';
import { Sidebar, type Section } from './components/Sidebar.tsx';
import { VoicesView } from './components/Voices.tsx';
import { WarningsView, type Decision, type WarningActions } from './components/Warnings.tsx';
import { Welcome } from './components/Welcome.tsx';
import { useI18n } from './i18n/index.ts';
import { dragHasFiles, itemsFromDataTransfer, itemsFromFileList } from './lib/drop.ts';
import {
  emptyView,
  loadSavedFilters,
  loadView,
  storeSavedFilters,
  storeView,
  toFilters,
  withWarningId,
  type SavedFilter,
  type ViewState,
} from './lib/filters.ts';
import { dayEnd, dayStart, formatDate } from './lib/format.ts';
import { emptyProfile, shouldAskAboutYou } from './lib/profile.ts';
import { byDecision, exportMarks, foreignExports } from './lib/warnings.ts';
import { errorText } from './lib/errors.ts';

type DeleteRequest = {
  selection: DeleteSelection;
  title: (count: number) => string;
  count: number | null;
  busy: boolean;
  error: string | null;
};

type Toast = { text: string; error?: boolean; action?: { label: string; run(): void } };

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
  const [toast, setToast] = useState<Toast | null>(null);
  const [profile, setProfile] = useState<Profile | null>(null);
  // Every warning, open and dealt with (the core keeps decided ones, with their decision).
  const [warnings, setWarnings] = useState<StoredWarning[] | null>(null);
  const [warningsError, setWarningsError] = useState<string | null>(null);
  const [analysis, setAnalysis] = useState<AnalysisStatus | null>(null);
  const [analysisError, setAnalysisError] = useState<string | null>(null);
  const [aboutYou, setAboutYou] = useState<'first-run' | 'settings' | null>(null);
  const [notMine, setNotMine] = useState<{ exportId: number; removal: Removal | null; back: Section } | null>(null);
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
      (e: unknown) => setLoadError(errorText(e)),
    );
    // Warnings and the profile on their own: the library works even when they fail.
    api.listWarnings({ includeDecided: true }).then(
      (w) => {
        setWarnings(w);
        setWarningsError(null);
      },
      (e: unknown) => setWarningsError(errorText(e)),
    );
    api.getProfile({}).then(setProfile, () => setProfile((p) => p ?? emptyProfile));
  }, []);
  useEffect(reload, [reload]);

  // Warning ids stay the same while a warning does. A filter on one that has gone (its export was
  // removed) is dropped; one saved from an earlier run finds the warning again by its key.
  useEffect(() => {
    if (!warnings) return;
    setViewState((v) => {
      const next = withWarningId(v, warnings);
      if (next !== v) storeView(next);
      return next;
    });
  }, [warnings]);

  // The voice analysis runs in the background after an import: follow it while it runs, and take
  // in the warnings it raises when it finishes. An import is reported done as soon as its recordings
  // are in the library; the voices start only once the waveforms are prepared after that, which can
  // take minutes in a large export. So after an import, keep looking until its voices are analysed.
  const analysisRunning = useRef(false);
  const voicesExpectedUntil = useRef(0);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polls = 0;
    const tick = async () => {
      try {
        const status = await api.getAnalysisStatus({});
        if (!live) return;
        setAnalysis(status);
        setAnalysisError(null);
        const { running, done, total } = status.voices;
        const was = analysisRunning.current;
        analysisRunning.current = running;
        const expected = voicesExpectedUntil.current > Date.now();
        // Finished: seen running and now stopped, or (a pass too quick to see) everything analysed.
        if (!running && (was || (expected && done >= total))) {
          voicesExpectedUntil.current = 0;
          reload();
          return;
        }
        // While it runs or is expected; and briefly after any change, since it may start a moment later.
        if (running || expected || ++polls < 3) timer = setTimeout(tick, running ? 1000 : expected ? 2000 : 1500);
      } catch (e) {
        if (live) setAnalysisError(errorText(e));
      }
    };
    void tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [refreshToken, reload]);

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
    const timer = setTimeout(() => setToast(null), toast.action ? 8000 : 5000);
    return () => clearTimeout(timer);
  }, [toast]);

  // ---- Warnings: decisions (with undo), their recordings, and "this is not my data" -------------
  // Undo takes the decision back in the core, with whatever "this is me" taught it (a name the user
  // knows, an account of theirs), so the warning is open again.
  const undo = useCallback(
    async (w: Pick<StoredWarning, 'id'>) => {
      try {
        await api.undoWarningDecision({ id: w.id });
        setToast({ text: t('warnings.toast.undone') });
      } catch (e) {
        setToast({ text: t('error.generic', { message: errorText(e) }), error: true });
      }
      reload();
    },
    [reload, t],
  );

  const decide = useCallback(
    async (w: Pick<StoredWarning, 'id'>, decision: Decision) => {
      try {
        await api.decideWarning({ id: w.id, decision });
        const text =
          decision === 'mine'
            ? t('warnings.toast.mine')
            : decision === 'dismissed'
              ? t('warnings.toast.dismissed')
              : decision === 'not-a-person'
                ? t('warnings.toast.notAPerson', { name: 'subject' in w ? String(w.subject) : '' })
                : t('warnings.toast.notMine');
        setToast({ text, action: { label: t('warnings.undo'), run: () => void undo(w) } });
      } catch (e) {
        setToast({ text: t('error.generic', { message: errorText(e) }), error: true });
      }
      reload();
    },
    [reload, t, undo],
  );

  const openNotMine = useCallback(
    (exportId: number) => {
      setNotMine({ exportId, removal: null, back: section === 'not-mine' ? 'library' : section });
      setSection('not-mine');
    },
    [section],
  );

  const warningActions: WarningActions = {
    onDecide: (w, d) => void decide(w, d),
    onUndo: (w) => void undo(w),
    onShowRecordings: (w) => {
      setView(
        w.recordings > 0 || w.exportId == null
          ? { ...emptyView, sort: view.sort, warning: { id: w.id, key: w.key, label: w.subject } }
          : { ...emptyView, sort: view.sort, exportIds: [w.exportId] },
      );
      setSection('library');
    },
    onNotMine: openNotMine,
  };

  const { marks, foreign } = useMemo(() => {
    const { open } = byDecision(warnings ?? []);
    return { marks: exportMarks(open), foreign: foreignExports(open) };
  }, [warnings]);

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
        setImportState({ stage: 'error', message: errorText(e) });
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
        setImportState({ stage: 'error', message: errorText(e) });
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
        else {
          if (status.state === 'done' && status.report?.recordings)
            voicesExpectedUntil.current = Date.now() + 30 * 60_000;
          reload();
        }
      } catch (e) {
        if (live) setImportState({ stage: 'error', message: errorText(e) });
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
      (e: unknown) => setDeleteRequest((r) => (r && r.selection === selection ? { ...r, error: errorText(e) } : r)),
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
      setDeleteRequest({ ...deleteRequest, busy: false, error: errorText(e) });
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
      setToast({ text: t('list.exportFailed', { reason: errorText(e) }), error: true });
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

  // After removing a foreign export the library may be empty: the removal record stays until closed.
  const showingRemoval = section === 'not-mine' && notMine?.removal != null;
  const showWelcome = overview != null && overview.recordings === 0 && exports.length === 0 && !showingRemoval;

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
          onAboutYou={overview ? () => setAboutYou('first-run') : undefined}
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
            warnings={overview.warnings}
            strongWarnings={overview.strongWarnings}
            exportMarks={marks}
            voicesRunning={analysis?.voices.running ?? false}
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
                warnings={warnings ?? []}
                foreign={foreign}
                profile={profile}
                warningActions={warningActions}
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
            ) : section === 'voices' ? (
              <VoicesView
                status={analysis}
                statusError={analysisError}
                profile={profile}
                warnings={warnings ?? []}
                refreshToken={refreshToken}
                onChanged={reload}
                onProfile={setProfile}
              />
            ) : section === 'not-mine' && notMine ? (
              <NotMinePage
                key={notMine.exportId}
                exportId={notMine.exportId}
                removal={notMine.removal}
                onRemoved={(removal) => {
                  setNotMine({ ...notMine, removal });
                  if (view.exportIds.includes(notMine.exportId))
                    setView({ ...view, exportIds: view.exportIds.filter((x) => x !== notMine.exportId) });
                  reload();
                }}
                onBack={() => {
                  setSection(notMine.removal ? 'library' : notMine.back);
                  setNotMine(null);
                }}
              />
            ) : (
              <WarningsView
                warnings={warnings}
                error={warningsError}
                profile={profile}
                actions={warningActions}
                onShowFlagged={() => {
                  setView({ ...emptyView, sort: view.sort, status: ['flagged'] });
                  setSection('library');
                }}
                onAboutYou={() => setAboutYou('settings')}
              />
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
            const finished = importState.stage === 'running' && importState.status?.state === 'done';
            setImportState(null);
            setSection('library');
            // First run, step 2: after the first import, ask who the user is (skippable).
            if (finished && profile && shouldAskAboutYou(profile)) setAboutYou('first-run');
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
        <Settings
          libraryFile={overview?.libraryFile ?? null}
          recordings={overview?.recordings ?? 0}
          onWiped={() => window.location.reload()}
          onClose={() => setSettingsOpen(false)}
          onAboutYou={() => {
            setSettingsOpen(false);
            setAboutYou('settings');
          }}
        />
      ) : null}
      {aboutYou ? (
        <AboutYou
          mode={aboutYou}
          profile={profile ?? emptyProfile}
          devices={devices}
          onClose={() => setAboutYou(null)}
          onSaved={(p, how) => {
            setProfile(p);
            setAboutYou(null);
            if (how === 'saved') setToast({ text: t('about.saved') });
            reload();
          }}
        />
      ) : null}
      {toast ? (
        <div
          className={`toast${toast.error ? ' error' : ''}`}
          role="status"
          data-testid="toast"
          onClick={(e) => {
            if (!(e.target instanceof HTMLButtonElement)) setToast(null);
          }}
        >
          <span>{toast.text}</span>
          {toast.action ? (
            <button
              type="button"
              className="toast-action"
              onClick={() => {
                toast.action?.run();
                setToast(null);
              }}
              data-testid="toast-action"
            >
              {toast.action.label}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function toQueryCount(view: ViewState) {
  return { search: view.search.trim(), filters: toFilters(view) };
}
