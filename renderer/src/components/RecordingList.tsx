// The list: every recording in one virtualised column, grouped by local day with the day header
// stuck to the top. Only the rows in view (plus a few) exist in the DOM, whatever the library's size.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, type MouseEvent } from 'react';
import type { DeleteSelection, RecordingRow } from '../../../electron/core/api/contract.ts';
import { useI18n } from '../i18n/index.ts';
import { dayHeaderAt } from '../lib/days.ts';
import { dayKey, dayLabel, formatDate, formatDuration } from '../lib/format.ts';
import { listTime } from '../lib/when.ts';
import type { RecordingPages } from '../lib/pages.ts';
import { rowPending } from '../lib/pending-delete.ts';
import { Highlighted } from './Highlighted.tsx';
import { Icon } from './Icon.tsx';

function remPx(): number {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

export interface ListProps {
  pages: RecordingPages;
  grouped: boolean;
  terms: string[];
  currentIndex: number | null;
  selected: ReadonlySet<number>;
  pendingDelete: DeleteSelection | null;
  scrollRequest: number;
  onRowClick(index: number, row: RecordingRow, event: MouseEvent): void;
  onRowActivate(index: number, row: RecordingRow): void;
}

export function RecordingList({
  pages,
  grouped,
  terms,
  currentIndex,
  selected,
  pendingDelete,
  scrollRequest,
  onRowClick,
  onRowActivate,
}: ListProps) {
  const { t, locale } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const rem = useMemo(remPx, []);
  const rowHeight = Math.round(2.25 * rem);
  const headerHeight = Math.round(1.75 * rem);
  const count = pages.total ?? 0;
  const header = (i: number) => (grouped ? dayHeaderAt(i, pages.rowAt) : null);
  const words = useMemo(
    () => ({ today: t('list.today'), yesterday: t('list.yesterday'), unknown: t('list.unknownDay') }),
    [t],
  );

  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => rowHeight + (header(i) ? headerHeight : 0),
    overscan: 8,
  });

  // Rows arriving can open new days: measure again so headers get their room. Changing the sort
  // measures too, or a list sorted by length keeps the gaps of the day headers it no longer shows.
  useEffect(() => {
    virtualizer.measure();
  }, [pages.version, grouped, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (count > 0) pages.ensure(first, last);
  }, [first, last, count, pages]);

  useEffect(() => {
    if (currentIndex != null && currentIndex < count) virtualizer.scrollToIndex(currentIndex, { align: 'auto' });
    // Only when asked (keyboard moves, restoring a selection), never on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollRequest]);

  const offset = virtualizer.scrollOffset ?? 0;
  const top = items.find((v) => v.end > offset + 1);
  const topRow = top ? pages.rowAt(top.index) : undefined;
  // The next day's header pushes the stuck one up, so the two never overlap.
  const next = grouped && top ? items.find((v) => v.index > top.index && header(v.index)) : undefined;
  const push = next ? Math.min(0, next.start - offset - headerHeight) : 0;
  const now = Date.now();
  // With nothing chosen yet, the list's focus still shows: on the first row in view.
  const focusIndex = currentIndex ?? (top && pages.rowAt(top.index) ? top.index : null);

  return (
    <div
      className="list-scroll"
      ref={scroller}
      role="listbox"
      aria-label={t('list.label')}
      aria-multiselectable="true"
      aria-activedescendant={focusIndex != null ? `row-${focusIndex}` : undefined}
      tabIndex={0}
      data-testid="recording-list"
    >
      {grouped && topRow ? (
        <div
          className="day-header sticky"
          aria-hidden="true"
          style={push ? { transform: `translateY(${push}px)` } : undefined}
        >
          {dayLabel(dayKey(topRow.timeUtc), locale, words, now)}
        </div>
      ) : null}
      <div className="list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = pages.rowAt(item.index);
          const day = header(item.index);
          return (
            <div
              key={item.key}
              className="list-item"
              style={{ transform: `translateY(${item.start}px)`, height: item.size }}
            >
              {day ? (
                <div className="day-header" role="presentation">
                  {dayLabel(day, locale, words, now)}
                </div>
              ) : null}
              {row ? (
                <Row
                  index={item.index}
                  row={row}
                  grouped={grouped}
                  terms={terms}
                  current={item.index === currentIndex}
                  cursor={currentIndex == null && item.index === focusIndex}
                  selected={selected.has(row.id)}
                  deleting={rowPending(row, pendingDelete)}
                  onRowClick={onRowClick}
                  onRowActivate={onRowActivate}
                />
              ) : (
                <div className="row placeholder" aria-hidden="true">
                  <span className="skeleton" />
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** One row; kept as it is while scrolling moves it (its props stay the same), so only new rows render. */
const Row = memo(function Row({
  index,
  row,
  grouped,
  terms,
  current,
  cursor,
  selected,
  deleting,
  onRowClick,
  onRowActivate,
}: {
  index: number;
  row: RecordingRow;
  grouped: boolean;
  terms: string[];
  current: boolean;
  /** Where the list's focus is while no recording is chosen. */
  cursor: boolean;
  selected: boolean;
  /** Confirmed for deleting, within its undo time. */
  deleting: boolean;
  onRowClick: ListProps['onRowClick'];
  onRowActivate: ListProps['onRowActivate'];
}) {
  const { t, locale } = useI18n();
  const time =
    row.timeUtc == null
      ? '—'
      : grouped
        ? listTime(row.timeUtc, locale)
        : `${formatDate(row.timeUtc, locale)} ${listTime(row.timeUtc, locale)}`;
  const text = row.transcript?.trim();
  let state: string | null = null;
  if (!text)
    state = row.notIntended
      ? t('list.notIntended')
      : row.unrecognizedSpeaker
        ? t('list.unrecognizedSpeaker')
        : row.title?.trim() || t('list.noTranscript');
  return (
    <div
      id={`row-${index}`}
      role="option"
      aria-selected={selected || current}
      className={`row${current ? ' current' : ''}${cursor ? ' cursor' : ''}${selected ? ' selected' : ''}${deleting ? ' deleting' : ''}`}
      data-testid="recording-row"
      data-recording-id={row.id}
      onClick={(e) => onRowClick(index, row, e)}
      onDoubleClick={() => onRowActivate(index, row)}
    >
      <span className={`row-time${grouped ? '' : ' wide'}`}>{time}</span>
      <span className="row-device" title={row.device ?? undefined}>
        {row.device ?? t('list.unknownDevice')}
      </span>
      <span
        className={`source-dot ${row.source}`}
        title={t(`source.${row.source}`)}
        aria-label={t(`source.${row.source}`)}
        role="img"
      />
      <span className="row-text">
        {text ? <Highlighted text={text} terms={terms} /> : <em className="state">{state}</em>}
      </span>
      <span className="row-flags">
        {row.flagged ? <Icon name="warning" label={t('list.flag.warning')} className="flag warn" /> : null}
        {row.notIntended ? <Icon name="mutedEar" label={t('list.flag.notIntended')} className="flag warn" /> : null}
        {row.unrecognizedSpeaker ? (
          <Icon name="userQuestion" label={t('list.flag.speaker')} className="flag warn" />
        ) : null}
        {row.audioError ? <Icon name="warning" label={t('list.flag.audioError')} className="flag warn" /> : null}
        {row.hasAudio ? <Icon name="audio" label={t('list.flag.audio')} className="flag" /> : null}
      </span>
      <span className="row-duration">{formatDuration(row.durationMs, locale) ?? ''}</span>
    </div>
  );
});
