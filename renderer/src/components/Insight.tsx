// Insight: pictures of the library — recordings over time (click a bar to see them), a weekday ×
// hour heatmap, devices with their "not intended" rate, and the most frequent requests. Plain CSS.
import { useEffect, useMemo, useState } from 'react';
import { errorText } from '../lib/errors.ts';
import type { ExportSummary, Insight as InsightData } from '../../../electron/core/api/contract.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { axisTicks, type Tick } from '../lib/axis.ts';
import { bucketCounts, defaultBucket, type Bucket } from '../lib/days.ts';
import { activeFilterCount, emptyView, toFilters, type ViewState } from '../lib/filters.ts';
import { addDays, dayStart, formatDate, formatPercent } from '../lib/format.ts';
import { FilterChips } from './FilterChips.tsx';
import { Heatmap } from './Heatmap.tsx';
import { Icon } from './Icon.tsx';

export function InsightView({
  view,
  exports,
  refreshToken,
  onView,
  onShowRange,
  onShowSlot,
  onSearch,
}: {
  /** The library's own search and filters: Insight pictures exactly what the list shows. */
  view: ViewState;
  exports: ExportSummary[];
  refreshToken: number;
  /** Changes the shared view and stays on Insight (a chip taken off, "Clear all"). */
  onView(v: ViewState): void;
  onShowRange(from: string, to: string): void;
  onShowSlot(weekday: number, hour: number): void;
  onSearch(text: string): void;
}) {
  const { t, locale } = useI18n();
  const [data, setData] = useState<InsightData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [bucket, setBucket] = useState<Bucket | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    api
      .getInsight({
        search: view.search.trim(),
        filters: toFilters(view),
        tzOffsetMinutes: new Date().getTimezoneOffset(),
      })
      .then(
        (d) => live && setData(d),
        (e: unknown) => live && setError(errorText(e)),
      );
    return () => {
      live = false;
    };
  }, [view, refreshToken]);

  const chosen = bucket ?? (data ? defaultBucket(data.perDay) : 'day');
  const bars = useMemo(() => (data ? bucketCounts(data.perDay, chosen) : []), [data, chosen]);
  const nf = new Intl.NumberFormat(locale);

  const filtered = activeFilterCount(view) > 0 || view.search.trim() !== '';
  const chips = (
    <FilterChips
      view={view}
      exports={exports}
      onView={onView}
      withSearch
      onClear={() => onView({ ...emptyView, sort: view.sort })}
      testId="insight-filters"
    />
  );

  if (error) {
    return (
      <section className="pane-center empty-state" data-testid="insight">
        <p className="error-text" role="alert">
          {t('error.generic', { message: error })}
        </p>
      </section>
    );
  }
  if (!data) return <section className="insight" data-testid="insight" aria-busy="true" />;
  if (data.total === 0) {
    return (
      <section className="pane-center empty-state" data-testid="insight">
        <Icon name="insight" size="2.5rem" />
        {filtered ? (
          <>
            <p className="empty-body">{t('insight.emptyFiltered')}</p>
            {chips}
          </>
        ) : (
          <p className="empty-body">{t('insight.empty')}</p>
        )}
      </section>
    );
  }

  const max = Math.max(1, ...bars.map((b) => b.recordings));
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short' });
  // 1 January 2024 was a Monday: the heatmap's row 0.
  const weekdays = Array.from({ length: 7 }, (_, i) => weekday.format(new Date(2024, 0, 1 + i)));
  const periodLabel = (start: string) => {
    if (chosen === 'day') return formatDate(dayStart(start), locale);
    if (chosen === 'week') return t('insight.weekOf', { date: formatDate(dayStart(start), locale) });
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(dayStart(start));
  };
  const tickLabel = (tick: Tick) => {
    const at = dayStart(
      tick.kind === 'year' ? `${tick.key}-01-01` : tick.kind === 'month' ? `${tick.key}-01` : tick.key,
    );
    if (tick.kind === 'year') return tick.key;
    if (tick.kind === 'day') return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(at);
    // A month names its year at January and at the first label.
    const withYear = tick.key.endsWith('-01') || tick.index === 0;
    return new Intl.DateTimeFormat(locale, withYear ? { month: 'short', year: 'numeric' } : { month: 'short' }).format(
      at,
    );
  };
  const deviceMax = Math.max(1, ...data.perDevice.map((d) => d.recordings));
  const first = data.perDay[0]?.day;
  const last = data.perDay[data.perDay.length - 1]?.day;

  return (
    <section className="insight" aria-labelledby="insight-title" data-testid="insight">
      <header className="insight-head">
        <h1 id="insight-title">{t('insight.title')}</h1>
        <dl className="insight-facts">
          <div>
            <dt>{t('insight.total')}</dt>
            <dd>{nf.format(data.total)}</dd>
          </div>
          {first ? (
            <div>
              <dt>{t('insight.first')}</dt>
              <dd>{formatDate(dayStart(first), locale)}</dd>
            </div>
          ) : null}
          {last ? (
            <div>
              <dt>{t('insight.last')}</dt>
              <dd>{formatDate(dayStart(last), locale)}</dd>
            </div>
          ) : null}
        </dl>
      </header>
      {filtered ? (
        <div className="insight-filters">
          <p className="muted">{t('insight.filtered')}</p>
          {chips}
        </div>
      ) : null}

      <article className="card chart-card">
        <div className="card-head">
          <h2>{t('insight.overTime')}</h2>
          <div className="segmented" role="group" aria-label={t('insight.overTime')}>
            {(['day', 'week', 'month'] as const).map((b) => (
              <button
                key={b}
                type="button"
                aria-pressed={chosen === b}
                className={chosen === b ? 'on' : ''}
                onClick={() => setBucket(b)}
              >
                {t(b === 'day' ? 'insight.perDay' : b === 'week' ? 'insight.perWeek' : 'insight.perMonth')}
              </button>
            ))}
          </div>
        </div>
        <div className="bars" data-testid="insight-bars">
          <span className="bars-max" aria-hidden="true">
            {nf.format(max)}
          </span>
          {bars.map((b) => (
            <button
              key={b.start}
              type="button"
              className="bar"
              disabled={b.recordings === 0}
              aria-label={t('insight.barLabel', {
                period: periodLabel(b.start),
                count: t('count.recordings', { count: b.recordings }),
              })}
              title={t('insight.barLabel', {
                period: periodLabel(b.start),
                count: t('count.recordings', { count: b.recordings }),
              })}
              onClick={() => onShowRange(b.start, addDays(b.end, -1))}
            >
              <span className="bar-fill" style={{ height: `${(b.recordings / max) * 100}%` }} />
            </button>
          ))}
        </div>
        <div className="bars-axis ticks" aria-hidden="true" data-testid="insight-axis">
          {axisTicks(bars.map((b) => b.start)).map((tick) => (
            <span key={tick.index} style={{ left: `${((tick.index + 0.5) / bars.length) * 100}%` }}>
              {tickLabel(tick)}
            </span>
          ))}
        </div>
        <p className="hint">{t('insight.barHint')}</p>
      </article>

      <div className="insight-grid">
        <article className="card">
          <div className="card-head">
            <h2>{t('insight.heatmap')}</h2>
          </div>
          <p className="hint">{t('insight.heatmapHint')}</p>
          <Heatmap heatmap={data.heatmap} weekdays={weekdays} onCell={onShowSlot} />
        </article>

        <article className="card">
          <div className="card-head">
            <h2>{t('insight.devices')}</h2>
          </div>
          <ul className="device-bars">
            {data.perDevice.map((d) => (
              <li key={d.device}>
                <div className="device-line">
                  <span className="mini-label">{d.device || t('list.unknownDevice')}</span>
                  <span className="mini-count">{t('count.recordings', { count: d.recordings })}</span>
                </div>
                <span className="mini-bar">
                  <span style={{ width: `${(d.recordings / deviceMax) * 100}%` }} />
                  <span className="not-intended" style={{ width: `${(d.notIntended / deviceMax) * 100}%` }} />
                </span>
                <span className={`device-rate${d.notIntended ? '' : ' none'}`}>
                  {t('insight.notIntendedRate', {
                    percent: formatPercent(d.recordings ? d.notIntended / d.recordings : 0, locale),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </article>
      </div>

      <article className="card">
        <div className="card-head">
          <h2>{t('insight.top')}</h2>
        </div>
        {data.topRequests.length === 0 ? <p className="muted">{t('insight.topNone')}</p> : null}
        <ol className="top-list">
          {data.topRequests.map((r) => (
            <li key={r.text}>
              <button type="button" className="top-item" onClick={() => onSearch(r.text)}>
                <span className="top-text">{r.text}</span>
                <span className="mini-count">{nf.format(r.recordings)}</span>
              </button>
            </li>
          ))}
        </ol>
      </article>
    </section>
  );
}
