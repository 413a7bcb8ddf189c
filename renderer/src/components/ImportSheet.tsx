// The import, start to finish: real progress (files, recordings, bytes, time left) with Cancel,
// then the report — found, new, duplicates, per device and year, the account, and what was skipped.
import { useEffect, useMemo, useState } from 'react';
import type { ImportStatus } from '../../../electron/core/api/contract.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { formatBytes, formatDate, timeLeftParts } from '../lib/format.ts';
import { Dialog } from './Dialog.tsx';
import { Icon } from './Icon.tsx';

type ImportReport = NonNullable<ImportStatus['report']>;

export type ImportState =
  | { stage: 'uploading' }
  | { stage: 'running'; jobId: string; status: ImportStatus | null }
  | { stage: 'error'; message: string };

export function ImportSheet({
  state,
  onCancel,
  onClose,
  onRetry,
}: {
  state: ImportState;
  onCancel(): void;
  onClose(): void;
  onRetry(): void;
}) {
  const { t, localise } = useI18n();
  const status = state.stage === 'running' ? state.status : null;
  if (status?.state === 'done' && status.report) {
    return <Report report={status.report} onClose={onClose} />;
  }
  const failed = state.stage === 'error' || status?.state === 'failed' || status?.state === 'cancelled';
  if (failed) {
    const message =
      state.stage === 'error'
        ? state.message
        : status?.state === 'cancelled'
          ? t('import.cancelled')
          : localise(status?.error ?? '');
    return (
      <Dialog
        title={status?.state === 'cancelled' ? t('import.cancel') : t('import.failed')}
        onCancel={onClose}
        testId="import-error"
        actions={
          <>
            <button type="button" className="button" onClick={onRetry}>
              {t('import.tryAgain')}
            </button>
            <button type="button" className="button primary" onClick={onClose} autoFocus>
              {t('import.close')}
            </button>
          </>
        }
      >
        <p className={status?.state === 'cancelled' ? '' : 'error-text'} role="alert">
          {message}
        </p>
      </Dialog>
    );
  }
  return <Progress status={status} onCancel={onCancel} />;
}

function Progress({ status, onCancel }: { status: ImportStatus | null; onCancel(): void }) {
  const { t, locale } = useI18n();
  const p = status?.progress;
  const fraction =
    p && p.bytesTotal > 0
      ? p.bytesDone / p.bytesTotal
      : p && p.entriesTotal > 0
        ? p.entriesDone / p.entriesTotal
        : null;
  const timeLeft =
    status?.secondsLeft == null
      ? t('import.timeLeft.estimating')
      : (() => {
          const { unit, count } = timeLeftParts(status.secondsLeft);
          return t(unit === 'seconds' ? 'import.timeLeft.seconds' : 'import.timeLeft.minutes', { count });
        })();
  return (
    <Dialog
      title={t('import.title')}
      onCancel={onCancel}
      testId="import-progress"
      actions={
        <button type="button" className="button" onClick={onCancel} disabled={!status} data-testid="import-cancel">
          {t('import.cancel')}
        </button>
      }
    >
      <p className="import-phase">{p ? t(`import.phase.${p.phase}`) : t('import.uploading')}</p>
      <div
        className={`progress${fraction == null ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-label={t('import.title')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fraction == null ? undefined : Math.round(fraction * 100)}
      >
        <div
          className="progress-fill"
          style={{ width: fraction == null ? undefined : `${Math.min(100, fraction * 100)}%` }}
        />
      </div>
      {p ? (
        <ul className="import-numbers" data-testid="import-numbers">
          {p.entriesTotal > 0 ? <li>{t('import.files', { done: p.entriesDone, total: p.entriesTotal })}</li> : null}
          <li>{t('import.recordingsSoFar', { count: p.recordings })}</li>
          {p.bytesTotal > 0 ? (
            <li>
              {t('import.bytes', { done: formatBytes(p.bytesDone, locale), total: formatBytes(p.bytesTotal, locale) })}
            </li>
          ) : null}
          <li>{timeLeft}</li>
        </ul>
      ) : null}
      {p?.currentFile ? <p className="import-current">{t('import.current', { file: p.currentFile })}</p> : null}
    </Dialog>
  );
}

function Report({ report, onClose }: { report: ImportReport; onClose(): void }) {
  const { t, locale, localise } = useI18n();
  const [years, setYears] = useState<{ year: string; recordings: number }[] | null>(null);
  useEffect(() => {
    if (report.exportId == null) return;
    let live = true;
    // Per-year counts come from the library itself; the report has only the first and last time.
    api
      .getInsight({ filters: { exportIds: [report.exportId] }, tzOffsetMinutes: new Date().getTimezoneOffset() })
      .then((insight) => {
        if (!live) return;
        const sums = new Map<string, number>();
        for (const d of insight.perDay) sums.set(d.day.slice(0, 4), (sums.get(d.day.slice(0, 4)) ?? 0) + d.recordings);
        setYears([...sums].map(([year, recordings]) => ({ year, recordings })));
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [report.exportId]);

  const skipped = useMemo(() => {
    // Grouped by the reason as worded in the window's language.
    const groups = new Map<string, string[]>();
    for (const s of report.skipped) {
      const reason = localise(s.reason);
      groups.set(reason, [...(groups.get(reason) ?? []), s.path]);
    }
    return [...groups].sort((a, b) => b[1].length - a[1].length);
  }, [report.skipped, localise]);
  const nf = new Intl.NumberFormat(locale);
  // Found and New always; the rest only when they count something ("With audio 0" says nothing).
  const stats: [string, number][] = (
    [
      [t('report.found'), report.found, true],
      [t('report.imported'), report.recordings, true],
      [t('report.duplicates'), report.duplicates, false],
      [t('report.withAudio'), report.withAudio, false],
      [t('report.withTranscript'), report.withTranscript, false],
    ] as [string, number, boolean][]
  )
    .filter(([, value, always]) => always || value > 0)
    .map(([label, value]) => [label, value]);
  // A re-import of an export already in the library: say so, rather than report an empty import.
  const alreadyThere = report.recordings === 0 && report.duplicates > 0;
  const maxDevice = Math.max(1, ...report.devices.map((d) => d.recordings));
  const maxYear = Math.max(1, ...(years ?? []).map((y) => y.recordings));

  return (
    <Dialog
      title={alreadyThere ? t('report.titleAlready') : t('report.title')}
      onCancel={onClose}
      testId="import-report"
      wide
      actions={
        <button type="button" className="button primary" onClick={onClose} autoFocus data-testid="report-close">
          {t('report.show')}
        </button>
      }
    >
      {report.firstTime != null && report.lastTime != null ? (
        <p className="muted">
          {t('report.period', {
            first: formatDate(report.firstTime, locale),
            last: formatDate(report.lastTime, locale),
          })}
        </p>
      ) : null}
      <dl className="stats" data-testid="report-stats">
        {stats.map(([label, value]) => (
          <div key={label} className="stat">
            <dd>{nf.format(value)}</dd>
            <dt>{label}</dt>
          </div>
        ))}
      </dl>
      <p className="account">
        <Icon name="shield" />{' '}
        {report.account ? t('report.account', { account: report.account.value }) : t('report.noAccount')}
      </p>
      {report.notes.length ? (
        <section className="report-section">
          <h3 className="section-title">{t('report.notes')}</h3>
          <ul className="notes">
            {report.notes.map((n, i) => (
              <li key={i}>
                <Icon name="info" /> {localise(n)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="report-columns">
        {report.devices.length ? (
          <section className="report-section">
            <h3 className="section-title">{t('report.byDevice')}</h3>
            <ul className="mini-bars">
              {report.devices.map((d) => (
                <li key={d.name}>
                  <span className="mini-label">{localise(d.name)}</span>
                  <span className="mini-bar">
                    <span style={{ width: `${(d.recordings / maxDevice) * 100}%` }} />
                  </span>
                  <span className="mini-count">{nf.format(d.recordings)}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {years?.length ? (
          <section className="report-section">
            <h3 className="section-title">{t('report.byYear')}</h3>
            <ul className="mini-bars">
              {years.map((y) => (
                <li key={y.year}>
                  <span className="mini-label">{y.year}</span>
                  <span className="mini-bar">
                    <span style={{ width: `${(y.recordings / maxYear) * 100}%` }} />
                  </span>
                  <span className="mini-count">{nf.format(y.recordings)}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      <section className="report-section" data-testid="report-skipped">
        <h3 className="section-title">{t('report.skipped')}</h3>
        {skipped.length === 0 ? <p className="muted">{t('report.noneSkipped')}</p> : null}
        {skipped.map(([reason, paths]) => (
          <details key={reason} className="skipped-group">
            <summary>{t('report.skippedGroup', { count: paths.length, reason })}</summary>
            <ul>
              {paths.slice(0, 500).map((p) => (
                <li key={p}>
                  <code>{p}</code>
                </li>
              ))}
              {paths.length > 500 ? <li className="muted">…</li> : null}
            </ul>
          </details>
        ))}
      </section>
    </Dialog>
  );
}
