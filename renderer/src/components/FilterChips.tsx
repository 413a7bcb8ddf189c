// The filters that are on, as removable chips: one list for the library's toolbar and the Insight
// page, so both show the same state and either can take a filter off.
import type { ExportSummary } from '../../../electron/core/api/contract.ts';
import { useI18n, type MessageKey } from '../i18n/index.ts';
import type { StatusKey, ViewState } from '../lib/filters.ts';
import { formatDate, dayStart } from '../lib/format.ts';
import { Icon } from './Icon.tsx';

export const statusLabel: Record<StatusKey, MessageKey> = {
  flagged: 'filters.flagged',
  notIntended: 'filters.notIntended',
  noTranscript: 'filters.noTranscript',
  unrecognizedSpeaker: 'filters.unrecognizedSpeaker',
  hasAudio: 'filters.hasAudio',
};

interface Chip {
  key: string;
  label: string;
  remove(): ViewState;
  warn?: boolean;
}

function useChips(view: ViewState, exports: ExportSummary[], withSearch: boolean): Chip[] {
  const { t, locale, exportLabel } = useI18n();
  const chips: Chip[] = [];
  if (withSearch && view.search.trim())
    chips.push({
      key: 'search',
      label: t('filters.searchChip', { text: view.search.trim() }),
      remove: () => ({ ...view, search: '' }),
    });
  if (view.from || view.to) {
    const from = view.from ? formatDate(dayStart(view.from), locale) : '…';
    const to = view.to ? formatDate(dayStart(view.to), locale) : '…';
    chips.push({ key: 'date', label: `${from} – ${to}`, remove: () => ({ ...view, from: null, to: null }) });
  }
  if (view.slot) {
    const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long' });
    // 1 January 2024 was a Monday, the slot's weekday 0.
    const day = weekday.format(new Date(2024, 0, 1 + view.slot.weekday));
    chips.push({
      key: 'slot',
      label: t('filters.slot', { day, hour: String(view.slot.hour).padStart(2, '0') }),
      remove: () => ({ ...view, slot: null }),
    });
  }
  for (const d of view.devices)
    chips.push({
      key: `d:${d}`,
      label: d || t('list.unknownDevice'),
      remove: () => ({ ...view, devices: view.devices.filter((x) => x !== d) }),
    });
  for (const id of view.exportIds) {
    const stored = exports.find((e) => e.id === id)?.label;
    const label = stored ? exportLabel(stored) : `#${id}`;
    chips.push({
      key: `e:${id}`,
      label,
      remove: () => ({ ...view, exportIds: view.exportIds.filter((x) => x !== id) }),
    });
  }
  for (const s of view.sources)
    chips.push({
      key: `s:${s}`,
      label: t(`source.${s}`),
      remove: () => ({ ...view, sources: view.sources.filter((x) => x !== s) }),
    });
  for (const s of view.status)
    chips.push({
      key: `st:${s}`,
      label: t(statusLabel[s]),
      remove: () => ({ ...view, status: view.status.filter((x) => x !== s) }),
    });
  if (view.warning)
    chips.push({
      key: 'warning',
      label: t('filters.warning', { label: view.warning.label }),
      remove: () => ({ ...view, warning: null }),
      warn: true,
    });
  return chips;
}

/**
 * The chips, or nothing when no filter is on. `withSearch` adds the search as a chip too, for
 * places (Insight) that have no search field of their own; `onClear` adds a "Clear all".
 */
export function FilterChips({
  view,
  exports,
  onView,
  withSearch = false,
  onClear,
  testId,
}: {
  view: ViewState;
  exports: ExportSummary[];
  onView(v: ViewState): void;
  withSearch?: boolean;
  onClear?: () => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const chips = useChips(view, exports, withSearch);
  if (!chips.length) return null;
  return (
    <div className="chips" aria-label={t('filters.button')} data-testid={testId}>
      {chips.map((c) => (
        <button
          key={c.key}
          type="button"
          className={`chip on${c.warn ? ' warn' : ''}`}
          onClick={() => onView(c.remove())}
          data-testid={c.key === 'warning' ? 'warning-chip' : `chip-${c.key.split(':')[0]}`}
          aria-label={t('filters.chipRemove', { name: c.label })}
        >
          {c.label} <Icon name="x" />
        </button>
      ))}
      {onClear ? (
        <button type="button" className="button quiet" onClick={onClear} data-testid="chips-clear">
          {t('filters.clear')}
        </button>
      ) : null}
    </div>
  );
}
