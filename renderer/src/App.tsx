// The window: first-run welcome or the library (sidebar, list, detail), the import sheet, and the
// dialogs. It composes; each workflow lives in its own hook (hooks/), its logic in a reducer (state/).
import { useCallback, useEffect, useRef, useState } from 'react';
import { AboutYou } from './components/AboutYou.tsx';
import { DeleteDialog } from './components/DeleteDialog.tsx';
import { DropOverlay } from './components/DropOverlay.tsx';
import { Icon } from './components/Icon.tsx';
import { ImportInputs } from './components/ImportInputs.tsx';
import { ImportSheet } from './components/ImportSheet.tsx';
import { InsightView } from './components/Insight.tsx';
import { Library } from './components/Library.tsx';
import { NotMinePage } from './components/NotMine.tsx';
import { SaveFilterDialog } from './components/SaveFilterDialog.tsx';
import { Settings } from './components/Settings.tsx';
import { ShortcutSheet } from './components/ShortcutSheet.tsx';
import { Sidebar } from './components/Sidebar.tsx';
import { ToastBar } from './components/ToastBar.tsx';
import { VoicesView } from './components/Voices.tsx';
import { WarningsView, type WarningActions } from './components/Warnings.tsx';
import { Welcome } from './components/Welcome.tsx';
import { useAnalysis } from './hooks/useAnalysis.ts';
import { useChanges } from './hooks/useChanges.ts';
import { useRecordingActions } from './hooks/useRecordingActions.ts';
import { useImport } from './hooks/useImport.ts';
import { useLibrary } from './hooks/useLibrary.ts';
import { useNavigation } from './hooks/useNavigation.ts';
import { useProfile } from './hooks/useProfile.ts';
import { useSavedFilters } from './hooks/useSavedFilters.ts';
import { useToast } from './hooks/useToast.ts';
import { useView } from './hooks/useView.ts';
import { useWarnings } from './hooks/useWarnings.ts';
import { useWindowDrop } from './hooks/useWindowDrop.ts';
import { useShortcutSheet } from './hooks/useKeyboard.ts';
import { useI18n } from './i18n/index.ts';
import { emptyView } from './lib/filters.ts';
import { emptyProfile, shouldAskAboutYou } from './lib/profile.ts';
import { CHANGE_TOPICS } from '../../electron/core/api/events.ts';
import { libraryEmpty } from './state/library.ts';
import { versionOf } from './state/changes.ts';

export function App() {
  const { t } = useI18n();
  const { versions, invalidate } = useChanges();
  const library = useLibrary(versions);
  const { overview, exports, devices } = library;
  const [profile, setProfile] = useProfile(versions);
  const analysis = useAnalysis(versions);
  const [toast, setToast] = useToast();
  const warnings = useWarnings(versions, invalidate, setToast);
  const [view, setView] = useView(warnings.warnings);
  const saved = useSavedFilters(versions);
  const nav = useNavigation(setView);
  const { section, notMine, showLibrary } = nav;
  const [saving, setSaving] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [aboutYou, setAboutYou] = useState<'first-run' | 'settings' | null>(null);
  const sheet = useShortcutSheet();
  // The skip link: the library's list gets the focus once it is shown.
  const [focusList, setFocusList] = useState(0);
  useEffect(() => {
    if (focusList === 0) return;
    const target = document.querySelector<HTMLElement>('[data-testid="recording-list"]') ?? searchRef.current ?? null;
    target?.focus();
  }, [focusList, section]);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement | null>(null);
  const pickFiles = useCallback(() => fileInput.current?.click(), []);
  const imports = useImport(setToast, pickFiles);
  const dragging = useWindowDrop(imports.startWithItems);

  const actions = useRecordingActions(view, setView, invalidate, setToast);
  const { deleting } = actions;

  const warningActions: WarningActions = {
    onDecide: (w, d) => void warnings.decide(w, d),
    onUndo: (w) => void warnings.undo(w),
    onShowRecordings: (w) =>
      showLibrary(
        w.recordings > 0 || w.exportId == null
          ? { ...emptyView, sort: view.sort, warning: { id: w.id, key: w.key, label: w.subject } }
          : { ...emptyView, sort: view.sort, exportIds: [w.exportId] },
      ),
    onNotMine: nav.openNotMine,
  };
  const { marks, foreign } = warnings;

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
          <a
            className="skip-link"
            href="#recordings"
            onClick={(e) => {
              e.preventDefault();
              if (section !== 'library') nav.setSection('library');
              setFocusList((n) => n + 1);
            }}
            data-testid="skip-link"
          >
            {t('nav.skipToList')}
          </a>
          <Sidebar
            section={section}
            onSection={nav.setSection}
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
            onDeleteExport={actions.deleteExport}
            onImport={openExport}
            onSettings={() => setSettingsOpen(true)}
            onShortcuts={sheet.show}
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
                onDeleteIds={actions.deleteIds}
                pendingDelete={deleting.pending?.selection ?? null}
                onExportSelection={actions.exportSelection}
                onSaveFilter={() => setSaving(true)}
                onDeleteRange={actions.deleteRange}
                onOpenExport={openExport}
                warnings={warnings.warnings ?? []}
                foreign={foreign}
                profile={profile}
                warningActions={warningActions}
              />
            ) : section === 'insight' ? (
              <InsightView
                view={view}
                exports={exports}
                refreshToken={versions.recordings}
                onView={setView}
                onShowRange={(from, to) => showLibrary({ ...view, from, to })}
                onShowSlot={(weekday, hour) => showLibrary({ ...view, slot: { weekday, hour } })}
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
                  nav.removed(removal);
                  actions.withoutExport(notMine.exportId);
                  invalidate(changed);
                }}
                onBack={nav.closeNotMine}
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
      {dragging ? <DropOverlay /> : null}
      {imports.state ? (
        <ImportSheet
          state={imports.state}
          onCancel={imports.cancel}
          onClose={() => {
            const s = imports.state;
            const finished = s?.stage === 'running' && s.status?.state === 'done';
            imports.close();
            nav.setSection('library');
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
          onEmptied={() => invalidate(CHANGE_TOPICS)}
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
      {sheet.open ? <ShortcutSheet onClose={sheet.close} /> : null}
      {toast ? <ToastBar toast={toast} onClose={() => setToast(null)} /> : null}
    </div>
  );
}
