// The window: first-run welcome or the library (sidebar, list, detail), the import sheet, and the
// dialogs. It composes; each workflow lives in its own hook (hooks/), its logic in a reducer (state/).
import { useCallback, useMemo, useRef, useState } from 'react';
import type { DeleteSelection, ExportSummary } from '../../electron/core/api/contract.ts';
import { saveSelection } from './api.ts';
import { AboutYou } from './components/AboutYou.tsx';
import { DeleteDialog } from './components/DeleteDialog.tsx';
import { Icon } from './components/Icon.tsx';
import { ImportInputs } from './components/ImportInputs.tsx';
import { ImportSheet } from './components/ImportSheet.tsx';
import { InsightView } from './components/Insight.tsx';
import { Library } from './components/Library.tsx';
import { NotMinePage, type Removal } from './components/NotMine.tsx';
import { SaveFilterDialog } from './components/SaveFilterDialog.tsx';
import { Settings } from './components/Settings.tsx';
import { Sidebar, type Section } from './components/Sidebar.tsx';
import { ToastBar } from './components/ToastBar.tsx';
import { VoicesView } from './components/Voices.tsx';
import { WarningsView, type WarningActions } from './components/Warnings.tsx';
import { Welcome } from './components/Welcome.tsx';
import { useAnalysis } from './hooks/useAnalysis.ts';
import { useChanges } from './hooks/useChanges.ts';
import { useDelete } from './hooks/useDelete.ts';
import { useImport } from './hooks/useImport.ts';
import { useLibrary } from './hooks/useLibrary.ts';
import { useProfile } from './hooks/useProfile.ts';
import { useSavedFilters } from './hooks/useSavedFilters.ts';
import { useToast } from './hooks/useToast.ts';
import { useView } from './hooks/useView.ts';
import { useWarnings } from './hooks/useWarnings.ts';
import { useWindowDrop } from './hooks/useWindowDrop.ts';
import { useI18n } from './i18n/index.ts';
import { errorText } from './lib/errors.ts';
import { emptyView } from './lib/filters.ts';
import { dayEnd, dayStart, formatDate } from './lib/format.ts';
import { emptyProfile, shouldAskAboutYou } from './lib/profile.ts';
import { byDecision, exportMarks, foreignExports } from './lib/warnings.ts';
import { CHANGE_TOPICS } from '../../electron/core/api/events.ts';
import { libraryEmpty } from './state/library.ts';
import { versionOf } from './state/changes.ts';

export function App() {
  const { t, locale } = useI18n();
  const { versions, invalidate } = useChanges();
  const library = useLibrary(versions);
  const { overview, exports, devices } = library;
  const [profile, setProfile] = useProfile(versions);
  const analysis = useAnalysis(versions);
  const [toast, setToast] = useToast();
  const warnings = useWarnings(versions, invalidate, setToast);
  const [view, setView] = useView(warnings.warnings);
  const saved = useSavedFilters(versions);
  const [section, setSection] = useState<Section>('library');
  const [saving, setSaving] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [aboutYou, setAboutYou] = useState<'first-run' | 'settings' | null>(null);
  const [notMine, setNotMine] = useState<{ exportId: number; removal: Removal | null; back: Section } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement | null>(null);
  const imports = useImport(
    setToast,
    useCallback(() => fileInput.current?.click(), []),
  );
  const dragging = useWindowDrop(imports.startWithItems);

  /** A removed export leaves the view's filter with it. */
  const withoutExport = (exportId: number | undefined) => {
    if (exportId != null && view.exportIds.includes(exportId))
      setView({ ...view, exportIds: view.exportIds.filter((x) => x !== exportId) });
  };
  const deleting = useDelete((deleted, selection, changed) => {
    setToast({ text: t('confirm.deleted', { count: deleted }) });
    withoutExport(selection.exportId ?? undefined);
    invalidate(changed);
  });

  const openNotMine = (exportId: number) => {
    setNotMine({ exportId, removal: null, back: section === 'not-mine' ? 'library' : section });
    setSection('not-mine');
  };
  const showLibrary = (v: typeof view) => {
    setView(v);
    setSection('library');
  };
  const warningActions: WarningActions = {
    onDecide: (w, d) => void warnings.decide(w, d),
    onUndo: (w) => void warnings.undo(w),
    onShowRecordings: (w) =>
      showLibrary(
        w.recordings > 0 || w.exportId == null
          ? { ...emptyView, sort: view.sort, warning: { id: w.id, key: w.key, label: w.subject } }
          : { ...emptyView, sort: view.sort, exportIds: [w.exportId] },
      ),
    onNotMine: openNotMine,
  };
  const { marks, foreign } = useMemo(() => {
    const { open } = byDecision(warnings.warnings ?? []);
    return { marks: exportMarks(open), foreign: foreignExports(open) };
  }, [warnings.warnings]);

  const deleteExport = (e: ExportSummary) =>
    deleting.ask({ exportId: e.id }, (count) => t('confirm.deleteExportTitle', { count, label: e.label }));
  const deleteRange = () => {
    if (!view.from || !view.to) return;
    const [from, to] = [formatDate(dayStart(view.from), locale), formatDate(dayStart(view.to), locale)];
    const selection: DeleteSelection = { from: dayStart(view.from), to: dayEnd(view.to) };
    deleting.ask(selection, (count) => t('confirm.deleteRangeTitle', { count, from, to }));
  };
  const exportSelection = (ids: number[]) =>
    // The transport saves it: a save dialog in Electron, a download in the harness.
    saveSelection(ids).catch((e: unknown) =>
      setToast({ text: t('list.exportFailed', { reason: errorText(e) }), error: true }),
    );

  // After removing a foreign export the library may be empty: the removal record stays until closed.
  const showingRemoval = section === 'not-mine' && notMine?.removal != null;
  const showWelcome = libraryEmpty(library) && !showingRemoval;
  const openExport = () => void imports.openExport();

  return (
    <div className="app">
      {library.error ? (
        <div className="banner error app-error" role="alert">
          <Icon name="warning" /> {t('error.generic', { message: library.error })}
          <button type="button" className="button" onClick={() => invalidate(CHANGE_TOPICS)}>
            {t('error.retry')}
          </button>
        </div>
      ) : null}
      {showWelcome || overview == null ? (
        <Welcome
          count={overview?.recordings ?? null}
          onOpen={openExport}
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
            voicesRunning={analysis.status?.voices.running ?? false}
            exports={exports}
            devices={devices}
            saved={saved.saved}
            savedCounts={saved.counts}
            onRemoveSaved={saved.remove}
            onDeleteExport={deleteExport}
            onImport={openExport}
            onSettings={() => setSettingsOpen(true)}
          />
          <main className="main">
            {section === 'library' ? (
              <Library
                view={view}
                onView={setView}
                refreshToken={versionOf(versions, ['recordings', 'warnings'])}
                exports={exports}
                devices={devices}
                searchRef={searchRef}
                onDeleteIds={(ids) => deleting.ask({ ids }, (count) => t('confirm.deleteTitle', { count }))}
                onExportSelection={(ids) => void exportSelection(ids)}
                onSaveFilter={() => setSaving(true)}
                onDeleteRange={deleteRange}
                onOpenExport={openExport}
                warnings={warnings.warnings ?? []}
                foreign={foreign}
                profile={profile}
                warningActions={warningActions}
              />
            ) : section === 'insight' ? (
              <InsightView
                view={view}
                refreshToken={versions.recordings}
                onShowRange={(from, to) => showLibrary({ ...view, from, to })}
                onSearch={(text) => showLibrary({ ...view, search: text })}
              />
            ) : section === 'voices' ? (
              <VoicesView
                status={analysis.status}
                statusError={analysis.error}
                profile={profile}
                warnings={warnings.warnings ?? []}
                refreshToken={versionOf(versions, ['voices', 'recordings'])}
                onChanged={invalidate}
                onProfile={(p) => {
                  setProfile(p);
                  invalidate(['warnings']);
                }}
              />
            ) : section === 'not-mine' && notMine ? (
              <NotMinePage
                key={notMine.exportId}
                exportId={notMine.exportId}
                removal={notMine.removal}
                onRemoved={(removal, changed) => {
                  setNotMine({ ...notMine, removal });
                  withoutExport(notMine.exportId);
                  invalidate(changed);
                }}
                onBack={() => {
                  setSection(notMine.removal ? 'library' : notMine.back);
                  setNotMine(null);
                }}
              />
            ) : (
              <WarningsView
                warnings={warnings.warnings}
                error={warnings.error}
                profile={profile}
                actions={warningActions}
                onShowFlagged={() => showLibrary({ ...emptyView, sort: view.sort, status: ['flagged'] })}
                onAboutYou={() => setAboutYou('settings')}
              />
            )}
          </main>
        </div>
      )}
      <ImportInputs fileInput={fileInput} folderInput={folderInput} onItems={(i) => void imports.startWithItems(i)} />
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-card">
            <Icon name="upload" size="3rem" />
            <p>{t('drop.overlay')}</p>
          </div>
        </div>
      ) : null}
      {imports.state ? (
        <ImportSheet
          state={imports.state}
          onCancel={imports.cancel}
          onClose={() => {
            const s = imports.state;
            const finished = s?.stage === 'running' && s.status?.state === 'done';
            imports.close();
            setSection('library');
            // First run, step 2: after the first import, ask who the user is (skippable).
            if (finished && profile && shouldAskAboutYou(profile)) setAboutYou('first-run');
          }}
          onRetry={() => {
            imports.close();
            openExport();
          }}
        />
      ) : null}
      {deleting.request ? (
        <DeleteDialog request={deleting.request} onCancel={deleting.cancel} onConfirm={() => void deleting.confirm()} />
      ) : null}
      {saving ? (
        <SaveFilterDialog
          onSave={(name) => {
            saved.save(name, view);
            setSaving(false);
          }}
          onCancel={() => setSaving(false)}
        />
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
            // A new name or account can raise or settle warnings.
            invalidate(['warnings', 'profile']);
          }}
        />
      ) : null}
      {toast ? <ToastBar toast={toast} onClose={() => setToast(null)} /> : null}
    </div>
  );
}
