// Above the list: the search field, the result count (always visible), sort, and the filters.
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { DeviceSummary, ExportSummary } from '../../../electron/core/api/contract.ts';
import { useI18n } from '../i18n/index.ts';
import {
  activeFilterCount,
  emptyView,
  sorts,
  sources,
  statusKeys,
  toggle,
  type Sort,
  type StatusKey,
  type ViewState,
} from '../lib/filters.ts';
import { useSearchText } from '../hooks/useSearchText.ts';
import { FilterChips, statusLabel } from './FilterChips.tsx';
import { Icon } from './Icon.tsx';

export function Toolbar({
  view,
  onView,
  total,
  narrowed,
  stale,
  searchRef,
  exports,
  devices,
  onSaveFilter,
  onDeleteRange,
}: {
  view: ViewState;
  onView(v: ViewState): void;
  total: number | null;
  /** Whether the total counts the results of a search or filter (else the whole library). */
  narrowed: boolean;
  /** Whether the total is still the previous query's, while the current one is asked. */
  stale: boolean;
  searchRef: RefObject<HTMLInputElement | null>;
  exports: ExportSummary[];
  devices: DeviceSummary[];
  onSaveFilter(): void;
  onDeleteRange(): void;
}) {
  const { t, exportLabel } = useI18n();
  const [open, setOpen] = useState(false);
  const latest = useRef(view);
  latest.current = view;
  const onSearch = useCallback((search: string) => onView({ ...latest.current, search }), [onView]);
  const { text, setText, sendNow } = useSearchText(view.search, onSearch);

  const count = activeFilterCount(view);
  // The count is the last search's until the one being typed is sent and answered: say so from the
  // first keystroke, not only once the pause is over.
  const busy = stale || text !== view.search;

  return (
    <div className="toolbar-wrap">
      <div className="toolbar">
        <div className="search">
          <Icon name="search" />
          <input
            ref={searchRef}
            type="search"
            value={text}
            placeholder={t('search.placeholder')}
            aria-label={t('search.label')}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                // The first Esc empties the box and stays in it; the next one goes back to the list.
                e.preventDefault();
                e.stopPropagation();
                if (text || latest.current.search) {
                  sendNow('');
                } else {
                  document.querySelector<HTMLElement>('[data-testid="recording-list"]')?.focus();
                }
              } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
                e.preventDefault();
                sendNow(text);
                document.querySelector<HTMLElement>('[data-testid="recording-list"]')?.focus();
              }
            }}
            data-testid="search"
          />
          {text ? (
            <button
              type="button"
              className="search-clear"
              aria-label={t('search.clear')}
              onClick={() => {
                sendNow('');
                searchRef.current?.focus();
              }}
            >
              <Icon name="x" />
            </button>
          ) : null}
        </div>
        <span
          className={`result-count${busy ? ' stale' : ''}`}
          data-testid="result-count"
          aria-live="polite"
          aria-busy={busy}
        >
          {total == null ? '' : t(narrowed ? 'count.results' : 'count.recordings', { count: total })}
        </span>
        <label className="sort">
          <span className="visually-hidden">{t('sort.label')}</span>
          <select
            value={view.sort}
            onChange={(e) => onView({ ...view, sort: e.target.value as Sort })}
            data-testid="sort"
          >
            {sorts.map((s) => (
              <option key={s} value={s}>
                {t(`sort.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className={`button filter-button${open ? ' on' : ''}${count ? ' has' : ''}`}
          aria-expanded={open}
          aria-controls="filter-panel"
          onClick={() => setOpen(!open)}
          data-testid="filters-toggle"
        >
          <Icon name="filter" /> {count ? t('filters.active', { count }) : t('filters.button')}
        </button>
      </div>
      {!open ? <FilterChips view={view} exports={exports} onView={onView} /> : null}
      {open ? (
        <div className="filter-panel" id="filter-panel" data-testid="filter-panel">
          <fieldset className="filter-group">
            <legend>{t('filters.date')}</legend>
            <label>
              {t('filters.from')}
              <input
                type="date"
                value={view.from ?? ''}
                max={view.to ?? undefined}
                onChange={(e) => onView({ ...view, from: e.target.value || null })}
                data-testid="filter-from"
              />
            </label>
            <label>
              {t('filters.to')}
              <input
                type="date"
                value={view.to ?? ''}
                min={view.from ?? undefined}
                onChange={(e) => onView({ ...view, to: e.target.value || null })}
                data-testid="filter-to"
              />
            </label>
          </fieldset>
          <ChipGroup
            legend={t('filters.device')}
            options={devices.map((d) => ({
              value: d.name,
              label: d.name || t('list.unknownDevice'),
              count: d.recordings,
            }))}
            selected={view.devices}
            onToggle={(v) => onView({ ...view, devices: toggle(view.devices, v) })}
            testId="filter-devices"
          />
          {exports.length > 1 ? (
            <ChipGroup
              legend={t('filters.export')}
              options={exports.map((e) => ({ value: String(e.id), label: exportLabel(e.label), count: e.recordings }))}
              selected={view.exportIds.map(String)}
              onToggle={(v) => onView({ ...view, exportIds: toggle(view.exportIds, Number(v)) })}
            />
          ) : null}
          <ChipGroup
            legend={t('filters.source')}
            options={sources.map((s) => ({ value: s, label: t(`source.${s}`) }))}
            selected={view.sources}
            onToggle={(v) => onView({ ...view, sources: toggle(view.sources, v as (typeof sources)[number]) })}
          />
          <ChipGroup
            legend={t('filters.status')}
            options={statusKeys.map((s) => ({ value: s, label: t(statusLabel[s]), warn: s === 'flagged' }))}
            selected={view.status}
            onToggle={(v) => onView({ ...view, status: toggle(view.status, v as StatusKey) })}
            testId="filter-status"
          />
          <div className="filter-actions">
            <button
              type="button"
              className="button"
              onClick={() => onView({ ...emptyView, search: view.search, sort: view.sort })}
              disabled={!count}
            >
              {t('filters.clear')}
            </button>
            <button type="button" className="button" onClick={onSaveFilter} disabled={!count && !view.search.trim()}>
              <Icon name="bookmark" /> {t('filters.save')}
            </button>
            <span className="spacer" />
            {view.from && view.to ? (
              <button type="button" className="button danger-quiet" onClick={onDeleteRange}>
                <Icon name="trash" /> {t('filters.deleteRange')}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}

function ChipGroup({
  legend,
  options,
  selected,
  onToggle,
  testId,
}: {
  legend: string;
  options: { value: string; label: string; count?: number; warn?: boolean }[];
  selected: string[];
  onToggle(value: string): void;
  testId?: string;
}) {
  const { locale } = useI18n();
  return (
    <fieldset className="filter-group" data-testid={testId}>
      <legend>{legend}</legend>
      <div className="chip-list">
        {options.map((o) => (
          <button
            key={o.value}
            type="button"
            className={`chip${selected.includes(o.value) ? ' on' : ''}${o.warn ? ' warn' : ''}`}
            aria-pressed={selected.includes(o.value)}
            onClick={() => onToggle(o.value)}
          >
            {selected.includes(o.value) ? <Icon name="check" /> : o.warn ? <Icon name="warning" /> : null}
            {o.label}
            {o.count != null ? (
              <span className="chip-count">{new Intl.NumberFormat(locale).format(o.count)}</span>
            ) : null}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
