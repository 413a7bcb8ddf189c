// The library: search and filters above a virtualised list, the reading pane beside it, and the
// keyboard of the ux table (every key is declared in lib/shortcuts.ts).
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type {
  DeleteSelection,
  DeviceSummary,
  ExportSummary,
  Profile,
  RecordingRow,
  StoredWarning,
} from '../../../electron/core/api/contract.ts';
import { useI18n } from '../i18n/index.ts';
import { toQuery, type ViewState } from '../lib/filters.ts';
import { searchTerms } from '../lib/highlight.ts';
import { useRecordingPages } from '../lib/pages.ts';
import { Detail } from './Detail.tsx';
import { Icon } from './Icon.tsx';
import { speeds, type PlayerControls, type PlayerSettings } from './Player.tsx';
import { RecordingList } from './RecordingList.tsx';
import { Toolbar } from './Toolbar.tsx';
import { ForeignSummary } from './ForeignSummary.tsx';
import type { WarningActions } from './Warnings.tsx';
import { useWindowKeydown } from '../lib/window-keys.ts';
import { isTyping, shortcutFor } from '../lib/shortcuts.ts';

/** Space and Enter on a button, link or disclosure press it (the skip link too), they do not play. */
const pressesControl = (target: EventTarget | null) =>
  target instanceof HTMLButtonElement ||
  target instanceof HTMLAnchorElement ||
  (target instanceof HTMLElement && target.tagName === 'SUMMARY');

const listHasFocus = (target: Node) =>
  document.querySelector('[data-testid="recording-list"]')?.contains(target) ?? false;

const playerKey = 'earshot.player.v1';
/** As many recordings as one delete or export may name (the contract's limit). */
const maxSelection = 100_000;
/** Where the detail stops being a column of its own (the same width as in styles.css). */
const sheetQuery = '(max-width: 68.74rem)';

function loadPlayerSettings(): PlayerSettings {
  try {
    const raw = JSON.parse(localStorage.getItem(playerKey) ?? '{}') as Partial<PlayerSettings>;
    return {
      rate: speeds.includes(raw.rate as number) ? (raw.rate as number) : 1,
      volume: typeof raw.volume === 'number' && raw.volume >= 0 && raw.volume <= 1 ? raw.volume : 1,
      continuous: raw.continuous === true,
    };
  } catch {
    return { rate: 1, volume: 1, continuous: false };
  }
}

export function Library({
  view,
  onView,
  refreshToken,
  exports,
  devices,
  searchRef,
  onDeleteIds,
  pendingDelete,
  onExportSelection,
  onSaveFilter,
  onDeleteRange,
  onOpenExport,
  warnings,
  foreign,
  profile,
  warningActions,
}: {
  view: ViewState;
  onView(v: ViewState): void;
  refreshToken: number;
  exports: ExportSummary[];
  devices: DeviceSummary[];
  searchRef: { current: HTMLInputElement | null };
  onDeleteIds(ids: number[]): void;
  /** A confirmed delete waiting out its undo time: its rows show struck through. */
  pendingDelete: DeleteSelection | null;
  onExportSelection(ids: number[]): void;
  onSaveFilter(): void;
  onDeleteRange(): void;
  onOpenExport(): void;
  /** Every warning (open and dealt with). */
  warnings: StoredWarning[];
  /** Open warnings that an export may be someone else's: the red banner. */
  foreign: StoredWarning[];
  profile: Profile | null;
  warningActions: WarningActions;
}) {
  const { t } = useI18n();
  const query = useMemo(() => toQuery(view), [view]);
  const pages = useRecordingPages(query, refreshToken);
  const terms = useMemo(() => searchTerms(view.search), [view.search]);
  const [current, setCurrent] = useState<{ index: number; autoplay: boolean } | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  const [scrollRequest, setScrollRequest] = useState(0);
  const [settings, setSettingsState] = useState(loadPlayerSettings);
  const controls = useRef<PlayerControls | null>(null);
  const markMine = useRef<(() => void) | null>(null);
  const total = pages.total ?? 0;

  const setSettings = useCallback((s: PlayerSettings) => {
    setSettingsState(s);
    try {
      localStorage.setItem(playerKey, JSON.stringify(s));
    } catch {
      /* not remembered */
    }
  }, []);

  // A new search or filter starts from the top with nothing selected.
  useEffect(() => {
    setCurrent(null);
    setSelected(new Set());
    setAnchor(null);
  }, [pages.queryKey]);
  // A confirmed delete lets go of the selection it was made from.
  useEffect(() => {
    if (pendingDelete) setSelected(new Set());
  }, [pendingDelete]);
  // After a delete the same place in the list shows the next recording; keep within the list.
  useEffect(() => {
    setSelected(new Set());
    setCurrent((c) =>
      c && pages.total != null && c.index >= pages.total
        ? pages.total > 0
          ? { index: pages.total - 1, autoplay: false }
          : null
        : c,
    );
  }, [refreshToken, pages.total]);

  const currentRow = current ? pages.rowAt(current.index) : undefined;
  // In a narrow window the detail is a sheet over the list: closed by hand, open again on the next pick.
  const [sheetClosed, setSheetClosed] = useState(false);
  useEffect(() => setSheetClosed(false), [current]);
  const sheetOpen = currentRow != null && !sheetClosed;

  const move = useCallback(
    (index: number, autoplay = false) => {
      if (total === 0) return;
      const i = Math.max(0, Math.min(total - 1, index));
      setCurrent({ index: i, autoplay });
      setAnchor(i);
      setScrollRequest((n) => n + 1);
      const row = pages.rowAt(i);
      setSelected(row ? new Set([row.id]) : new Set());
      if (!row) {
        pages.ensure(i, i);
        void pages.rowsIn(i, i).then((rows) => rows[0] && setSelected(new Set([rows[0].id])));
      }
    },
    [pages, total],
  );

  // Stable while scrolling (rows arriving do not change it), so the list's rows need not render again.
  const { rowsIn } = pages;
  const onRowClick = useCallback(
    (index: number, row: RecordingRow, e: MouseEvent) => {
      if (e.shiftKey && anchor != null) {
        const [a, b] = anchor < index ? [anchor, index] : [index, anchor];
        void rowsIn(a, b).then((rows) => setSelected(new Set(rows.map((r) => r.id))));
        setCurrent({ index, autoplay: false });
        return;
      }
      if (e.ctrlKey || e.metaKey) {
        setSelected((s) => {
          const next = new Set(s);
          if (currentRow && next.size === 0) next.add(currentRow.id);
          if (next.has(row.id)) next.delete(row.id);
          else next.add(row.id);
          return next;
        });
        setCurrent({ index, autoplay: false });
        setAnchor(index);
        return;
      }
      setCurrent({ index, autoplay: false });
      setSelected(new Set([row.id]));
      setAnchor(index);
    },
    [anchor, rowsIn, currentRow],
  );

  const onRowActivate = useCallback((index: number) => {
    setCurrent({ index, autoplay: true });
    setTimeout(() => controls.current?.play(), 0);
  }, []);

  const selectionIds = useCallback(
    () => (selected.size ? [...selected] : currentRow ? [currentRow.id] : []),
    [selected, currentRow],
  );

  // Every recording the list shows (up to what one request may name), fetched page by page.
  const latestQueryKey = useRef(pages.queryKey);
  latestQueryKey.current = pages.queryKey;
  const selectAll = useCallback(() => {
    if (total === 0) return;
    const key = pages.queryKey;
    void rowsIn(0, Math.min(total, maxSelection) - 1).then((rows) => {
      if (key === latestQueryKey.current) setSelected(new Set(rows.map((r) => r.id)));
    });
  }, [total, rowsIn, pages.queryKey]);

  const onEnded = useCallback(() => {
    if (settings.continuous && current && current.index < total - 1) move(current.index + 1, true);
  }, [settings.continuous, current, total, move]);

  // The keyboard of the ux table (lib/shortcuts.ts), for the whole window while no dialog is open.
  useWindowKeydown((e) => {
    if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
    const shortcut = shortcutFor(e, isTyping(e.target));
    if (!shortcut) return;
    const rate = (delta: number) => {
      const i = speeds.indexOf(settings.rate);
      setSettings({ ...settings, rate: speeds[Math.max(0, Math.min(speeds.length - 1, (i < 0 ? 2 : i) + delta))]! });
    };
    switch (shortcut) {
      case 'search':
        searchRef.current?.focus();
        searchRef.current?.select();
        break;
      case 'openExport':
        // In the app the menu's accelerator opens the system dialog.
        if (window.earshot) return;
        onOpenExport();
        break;
      case 'playPause':
        if (pressesControl(e.target)) return;
        if (!currentRow) move(0, true);
        else controls.current?.toggle();
        break;
      case 'seekBack':
      case 'seekBackLong':
        controls.current?.seekBy(shortcut === 'seekBackLong' ? -15 : -5);
        break;
      case 'seekForward':
      case 'seekForwardLong':
        controls.current?.seekBy(shortcut === 'seekForwardLong' ? 15 : 5);
        break;
      case 'previous':
        move(current ? current.index - 1 : 0);
        break;
      case 'next':
        move(current ? current.index + 1 : 0);
        break;
      case 'play':
        if (pressesControl(e.target)) return;
        if (!currentRow) move(0, true);
        else controls.current?.play();
        break;
      case 'slower':
        rate(-1);
        break;
      case 'faster':
        rate(1);
        break;
      case 'normalSpeed':
        setSettings({ ...settings, rate: 1 });
        break;
      case 'markMine':
        if (!markMine.current) return;
        markMine.current();
        break;
      case 'selectAll':
        // The list's recordings, not the page's text; elsewhere (a transcript) Ctrl+A keeps its meaning.
        if (!(e.target instanceof Node) || !(listHasFocus(e.target) || e.target === document.body)) return;
        selectAll();
        break;
      case 'clear':
        if (view.search) onView({ ...view, search: '' });
        else if (selected.size > 1) setSelected(currentRow ? new Set([currentRow.id]) : new Set());
        else if (sheetOpen && window.matchMedia(sheetQuery).matches) setSheetClosed(true);
        else return;
        break;
      case 'delete': {
        const ids = selectionIds();
        if (!ids.length) return;
        onDeleteIds(ids);
        break;
      }
      default:
        // The window's own keys (the shortcut sheet) are App's.
        return;
    }
    e.preventDefault();
  });

  const multi = selected.size > 1;
  return (
    <div className="library">
      <section className="list-pane" aria-label={t('list.label')}>
        <ForeignSummary
          warnings={foreign}
          onWhatToDo={warningActions.onNotMine}
          onMine={(w) => warningActions.onDecide(w, 'mine')}
        />
        <Toolbar
          view={view}
          onView={onView}
          total={pages.total}
          narrowed={pages.narrowed}
          stale={pages.stale}
          searchRef={searchRef}
          exports={exports}
          devices={devices}
          onSaveFilter={onSaveFilter}
          onDeleteRange={onDeleteRange}
        />
        {multi ? (
          <div className="selection-bar" data-testid="selection-bar">
            <span>{t('list.selected', { count: selected.size })}</span>
            <span className="spacer" />
            <button
              type="button"
              className="button"
              onClick={() => onExportSelection([...selected])}
              data-testid="export-selection"
            >
              <Icon name="download" /> {t('list.exportSelection')}
            </button>
            <button
              type="button"
              className="button danger-quiet"
              onClick={() => onDeleteIds([...selected])}
              data-testid="delete-selection"
            >
              <Icon name="trash" /> {t('list.deleteSelection')}
            </button>
            <button
              type="button"
              className="icon-button"
              onClick={() => setSelected(currentRow ? new Set([currentRow.id]) : new Set())}
              aria-label={t('list.clearSelection')}
              title={t('list.clearSelection')}
            >
              <Icon name="x" />
            </button>
          </div>
        ) : null}
        {pages.error ? (
          <p className="banner error" role="alert">
            <Icon name="warning" /> {t('error.generic', { message: pages.error })}
          </p>
        ) : null}
        {pages.total === 0 && !pages.error ? (
          <div className="empty-state" data-testid="no-results">
            <Icon name="search" size="2.5rem" />
            <p className="empty-title">{t(pages.noWords ? 'list.empty.noWordsTitle' : 'list.empty.title')}</p>
            <p className="empty-body">{t(pages.noWords ? 'list.empty.noWordsBody' : 'list.empty.body')}</p>
          </div>
        ) : (
          <RecordingList
            pages={pages}
            grouped={view.sort === 'newest' || view.sort === 'oldest'}
            terms={terms}
            currentIndex={current?.index ?? null}
            selected={selected}
            pendingDelete={pendingDelete}
            scrollRequest={scrollRequest}
            onRowClick={onRowClick}
            onRowActivate={onRowActivate}
          />
        )}
      </section>
      <div className={`detail-slot${sheetOpen ? ' sheet-open' : ''}`} data-testid="detail-slot">
        <button
          type="button"
          className="icon-button sheet-close"
          onClick={() => setSheetClosed(true)}
          aria-label={t('detail.close')}
          title={t('detail.close')}
          data-testid="sheet-close"
        >
          <Icon name="x" />
        </button>
        <Detail
          recordingId={currentRow?.id ?? null}
          refreshToken={refreshToken}
          terms={terms}
          autoplay={current?.autoplay ?? false}
          settings={settings}
          onSettings={setSettings}
          controls={controls}
          onEnded={onEnded}
          onDelete={(id) => onDeleteIds(selected.has(id) && selected.size > 1 ? [...selected] : [id])}
          warnings={warnings}
          profile={profile}
          warningActions={warningActions}
          markMine={markMine}
        />
      </div>
    </div>
  );
}
