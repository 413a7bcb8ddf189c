// The sidebar: warnings first, then the library, insight, exports, devices and saved filters —
// each with its count. Clicking an export, device or saved filter narrows the list to it.
import type { DeviceSummary, ExportSummary } from '../../../electron/core/api/contract.ts';
import { useI18n } from '../i18n/index.ts';
import { activeFilterCount, emptyView, sameView, type SavedFilter, type ViewState } from '../lib/filters.ts';
import { Icon, type IconName } from './Icon.tsx';

export type Section = 'library' | 'insight' | 'warnings' | 'voices' | 'not-mine';

export function Sidebar({
  section,
  onSection,
  view,
  onView,
  total,
  warnings,
  strongWarnings,
  exportMarks,
  voicesRunning,
  exports,
  devices,
  saved,
  savedCounts,
  onRemoveSaved,
  onDeleteExport,
  onImport,
  onSettings,
  onShortcuts,
}: {
  section: Section;
  onSection(s: Section): void;
  view: ViewState;
  onView(v: ViewState): void;
  total: number | null;
  warnings: number;
  strongWarnings: number;
  exportMarks: Map<number, 'strong' | 'warning' | 'notice'>;
  voicesRunning: boolean;
  exports: ExportSummary[];
  devices: DeviceSummary[];
  saved: SavedFilter[];
  savedCounts: (number | null)[];
  onRemoveSaved(index: number): void;
  onDeleteExport(e: ExportSummary): void;
  onImport(): void;
  onSettings(): void;
  onShortcuts(): void;
}) {
  const { t, locale, exportLabel } = useI18n();
  const n = (v: number | null | undefined) => (v == null ? '' : new Intl.NumberFormat(locale).format(v));
  const onlyThis = (patch: Partial<ViewState>): ViewState => ({ ...emptyView, sort: view.sort, ...patch });
  const isOnly = (patch: Partial<ViewState>) => section === 'library' && sameView(view, onlyThis(patch));
  const libraryActive = section === 'library' && activeFilterCount(view) === 0;

  const item = (
    key: string,
    icon: IconName,
    label: string,
    count: string,
    active: boolean,
    onClick: () => void,
    extra?: { testId?: string; warn?: boolean; strong?: boolean; busy?: string },
  ) => (
    <li key={key}>
      <button
        type="button"
        className={`nav-item${active ? ' active' : ''}`}
        aria-current={active ? 'page' : undefined}
        onClick={onClick}
        data-testid={extra?.testId}
        title={label}
      >
        <Icon name={icon} />
        <span className="nav-label">{label}</span>
        {extra?.busy ? <span className="nav-busy" title={extra.busy} aria-label={extra.busy} role="img" /> : null}
        <span className={`nav-count${extra?.warn ? ' warn' : ''}`}>{count}</span>
        {extra?.strong ? (
          <span className="nav-strong" role="img" aria-label={t('nav.strongWarning')} title={t('nav.strongWarning')} />
        ) : null}
      </button>
    </li>
  );

  return (
    <nav className="sidebar" aria-label={t('nav.sidebar')}>
      <div className="sidebar-brand">
        <Icon name="ear" size="1.25rem" />
        <span>{t('app.name')}</span>
      </div>
      <ul className="nav-list">
        {item(
          'warnings',
          'warning',
          t('nav.warnings'),
          n(warnings),
          section === 'warnings',
          () => onSection('warnings'),
          { testId: 'nav-warnings', warn: warnings > 0, strong: strongWarnings > 0 },
        )}
        {item(
          'library',
          'library',
          t('nav.library'),
          n(total),
          libraryActive,
          () => {
            onSection('library');
            // All recordings, but the search stays: it is in plain sight in the search field.
            onView(onlyThis({ search: view.search }));
          },
          { testId: 'nav-library' },
        )}
        {item('insight', 'insight', t('nav.insight'), '', section === 'insight', () => onSection('insight'), {
          testId: 'nav-insight',
        })}
        {item('voices', 'audio', t('nav.voices'), '', section === 'voices', () => onSection('voices'), {
          testId: 'nav-voices',
          busy: voicesRunning ? t('nav.voicesRunning') : undefined,
        })}
      </ul>
      <h2 className="nav-heading">{t('nav.exports')}</h2>
      <ul className="nav-list">
        {exports.length === 0 ? <li className="nav-empty">{t('nav.noExports')}</li> : null}
        {exports.map((e) => {
          const mark = exportMarks.get(e.id);
          return (
            <li key={e.id} className="nav-with-action" data-testid="nav-export" data-mark={mark ?? ''}>
              <button
                type="button"
                className={`nav-item${isOnly({ exportIds: [e.id] }) ? ' active' : ''}`}
                onClick={() => {
                  onSection('library');
                  onView(onlyThis({ exportIds: [e.id] }));
                }}
                title={e.account ?? exportLabel(e.label)}
              >
                <Icon name="archive" />
                <span className="nav-label">{exportLabel(e.label)}</span>
                {mark === 'strong' || mark === 'warning' ? (
                  <Icon
                    name="warning"
                    className={`export-mark ${mark}`}
                    label={mark === 'strong' ? t('nav.exportStrong') : t('nav.exportWarning')}
                  />
                ) : null}
                <span className="nav-count">{n(e.recordings)}</span>
              </button>
              <button
                type="button"
                className="nav-action"
                aria-label={t('nav.deleteExport', { label: exportLabel(e.label) })}
                title={t('nav.deleteExport', { label: exportLabel(e.label) })}
                onClick={() => onDeleteExport(e)}
              >
                <Icon name="trash" />
              </button>
            </li>
          );
        })}
      </ul>
      <h2 className="nav-heading">{t('nav.devices')}</h2>
      <ul className="nav-list" data-testid="nav-devices">
        {devices.length === 0 ? <li className="nav-empty">{t('nav.noDevices')}</li> : null}
        {devices.map((d) => (
          <li key={d.name}>
            <button
              type="button"
              className={`nav-item${isOnly({ devices: [d.name] }) ? ' active' : ''}`}
              onClick={() => {
                onSection('library');
                onView(onlyThis({ devices: [d.name] }));
              }}
              title={d.name || t('list.unknownDevice')}
            >
              <Icon name="device" />
              <span className="nav-label">{d.name || t('list.unknownDevice')}</span>
              <span className="nav-count">{n(d.recordings)}</span>
            </button>
          </li>
        ))}
      </ul>
      <h2 className="nav-heading">{t('nav.savedFilters')}</h2>
      <ul className="nav-list">
        {saved.length === 0 ? <li className="nav-empty">{t('nav.noSaved')}</li> : null}
        {saved.map((s, i) => (
          <li key={`${s.name}-${i}`} className="nav-with-action">
            <button
              type="button"
              className={`nav-item${section === 'library' && sameView(view, s.view) ? ' active' : ''}`}
              onClick={() => {
                onSection('library');
                onView(s.view);
              }}
              title={s.name}
            >
              <Icon name="bookmark" />
              <span className="nav-label">{s.name}</span>
              <span className="nav-count">{n(savedCounts[i])}</span>
            </button>
            <button
              type="button"
              className="nav-action"
              aria-label={t('nav.removeSaved', { name: s.name })}
              title={t('nav.removeSaved', { name: s.name })}
              onClick={() => onRemoveSaved(i)}
            >
              <Icon name="x" />
            </button>
          </li>
        ))}
      </ul>
      <div className="sidebar-foot">
        <button
          type="button"
          className="button quiet"
          onClick={onImport}
          data-testid="sidebar-import"
          title={t('nav.import')}
        >
          <Icon name="upload" /> <span className="nav-label">{t('nav.import')}</span>
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={onSettings}
          aria-label={t('nav.settings')}
          title={t('nav.settings')}
          data-testid="open-settings"
        >
          <Icon name="settings" />
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={onShortcuts}
          aria-label={t('nav.shortcuts')}
          title={t('nav.shortcuts')}
          data-testid="open-shortcuts"
        >
          <Icon name="keyboard" />
        </button>
      </div>
    </nav>
  );
}
