// Insight's weekday × hour heatmap: five steps of the accent, a "fewer … more" legend, and cells
// that show their recordings in the list. One tab stop; the arrow keys move between cells.
import type { KeyboardEvent } from 'react';
import { useI18n } from '../i18n/index.ts';
import { heatLevel, heatLevels } from '../lib/heat.ts';

export function Heatmap({
  heatmap,
  weekdays,
  onCell,
}: {
  /** heatmap[weekday][hour], weekday 0 = Monday. */
  heatmap: number[][];
  weekdays: string[];
  onCell(weekday: number, hour: number): void;
}) {
  const { t } = useI18n();
  const max = Math.max(0, ...heatmap.flat());
  const label = (d: number, h: number, count: number) =>
    t('insight.heatCell', { day: weekdays[d]!, hour: String(h).padStart(2, '0'), count });
  // The busiest cell takes the tab stop, so Tab lands on something worth opening.
  let first: [number, number] = [0, 0];
  heatmap.forEach((hours, d) =>
    hours.forEach((v, h) => v === max && max > 0 && first[0] + first[1] === 0 && (first = [d, h])),
  );

  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const steps: Record<string, [number, number]> = {
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
    };
    const step = steps[e.key];
    const from = (e.target as HTMLElement).closest<HTMLElement>('[data-d]');
    if (!step || !from) return;
    e.preventDefault();
    const d = (Number(from.dataset.d) + step[0] + 7) % 7;
    const h = (Number(from.dataset.h) + step[1] + 24) % 24;
    e.currentTarget.querySelector<HTMLElement>(`[data-d="${d}"][data-h="${h}"]`)?.focus();
  };

  return (
    <>
      <div className="heatmap" role="grid" aria-label={t('insight.heatmap')} onKeyDown={move} data-testid="heatmap">
        <div className="heat-row heat-hours" role="row" aria-hidden="true">
          <span className="heat-day" />
          {Array.from({ length: 24 }, (_, h) => (
            <span key={h} className="heat-hour">
              {h % 6 === 0 ? h : ''}
            </span>
          ))}
        </div>
        {heatmap.map((hours, d) => (
          <div key={d} className="heat-row" role="row">
            <span className="heat-day" role="rowheader">
              {weekdays[d]}
            </span>
            {hours.map((v, h) => (
              <span key={h} role="gridcell" className="heat-slot">
                <button
                  type="button"
                  className={`heat-cell heat-l${heatLevel(v, max)}`}
                  data-d={d}
                  data-h={h}
                  tabIndex={d === first[0] && h === first[1] ? 0 : -1}
                  aria-disabled={v === 0 || undefined}
                  title={label(d, h, v)}
                  aria-label={label(d, h, v)}
                  onClick={() => v > 0 && onCell(d, h)}
                />
              </span>
            ))}
          </div>
        ))}
      </div>
      <div className="heat-legend" aria-hidden="true" data-testid="heat-legend">
        <span>{t('insight.heatFewer')}</span>
        {Array.from({ length: heatLevels }, (_, l) => (
          <span key={l} className={`heat-cell heat-l${l}`} />
        ))}
        <span>{t('insight.heatMore')}</span>
      </div>
    </>
  );
}
