// One warning: why it was raised, how sure Earshot is, its recordings (playable) and what to do.
import { useEffect, useState } from 'react';
import { errorText } from '../lib/errors.ts';
import type { RecordingRow, StoredWarning } from '../../../electron/core/api/contract.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { formatDate, formatDuration } from '../lib/format.ts';
import {
  answersFor,
  certainty,
  isExportWide,
  recordingCount,
  signText,
  signWeight,
  signsOf,
  warningTitle,
  warningWhy,
  type Severity,
} from '../lib/warnings.ts';
import { ClipButton, type ClipPlayer } from './Clip.tsx';
import { Icon } from './Icon.tsx';
import type { WarningActions } from './ConfirmMine.tsx';

function severityIcon(s: Severity) {
  return s === 'notice' ? 'info' : 'warning';
}

export function WarningCard({
  warning: w,
  actions,
  player,
  current,
  onFocus,
  cardRef,
}: {
  warning: StoredWarning;
  actions: WarningActions;
  player: ClipPlayer;
  current: boolean;
  onFocus?(): void;
  cardRef?(el: HTMLElement | null): void;
}) {
  const { t, locale, exportLabel } = useI18n();
  const [listening, setListening] = useState(false);
  const count = recordingCount(w);
  const span =
    w.firstTime != null && w.lastTime != null
      ? w.firstTime === w.lastTime || formatDate(w.firstTime, locale) === formatDate(w.lastTime, locale)
        ? formatDate(w.firstTime, locale)
        : t('warnings.span', { first: formatDate(w.firstTime, locale), last: formatDate(w.lastTime, locale) })
      : null;
  const why = warningWhy(w, t, locale);
  const exportWide = isExportWide(w);
  const decisionText =
    w.decision === 'mine'
      ? t('warnings.decision.mine')
      : w.decision === 'dismissed'
        ? t('warnings.decision.dismissed')
        : w.decision === 'not-mine'
          ? t('warnings.decision.notMine')
          : w.decision === 'not-a-person'
            ? t('warnings.decision.notAPerson')
            : null;
  const signs = signsOf(w);
  const answers = answersFor(w, t);

  return (
    <article
      ref={cardRef}
      className={`warning-card ${w.severity}${current ? ' current' : ''}${w.decision ? ' decided' : ''}`}
      tabIndex={w.decision ? undefined : 0}
      onFocus={onFocus}
      aria-labelledby={`warning-${w.id}-title`}
      data-testid="warning-card"
      data-kind={w.kind}
      data-severity={w.severity}
    >
      <Icon name={severityIcon(w.severity)} size="1.25rem" className="warning-icon" />
      <div className="warning-body">
        <h3 id={`warning-${w.id}-title`} className="warning-title" data-testid="warning-title">
          {warningTitle(w, t)}
        </h3>
        {why ? <p className="warning-why">{why}</p> : null}
        {signs.length > (w.kind === 'account' ? 1 : 0) ? (
          <ul className="warning-signs" aria-label={t('warning.signs')} data-testid="warning-signs">
            {signs.map((sign) => (
              <li key={sign.kind} className={`warning-sign ${sign.strength}`} data-sign={sign.kind}>
                <span className="sign-text">{signText(sign, t)}</span>{' '}
                <span className="sign-weight muted">({signWeight(sign, t)})</span>
              </li>
            ))}
          </ul>
        ) : null}
        <p className="warning-sure">{certainty(w, t)}</p>
        <p className="warning-evidence" data-testid="warning-evidence">
          {count > 0 ? <span>{t(exportWide ? 'warnings.inExport' : 'count.recordings', { count })}</span> : null}
          {span ? <span>{span}</span> : null}
          {w.exportLabel ? (
            <span>
              <Icon name="archive" /> {exportLabel(w.exportLabel)}
            </span>
          ) : null}
        </p>
        {decisionText ? (
          <div className="warning-actions">
            <span className="decision" data-testid="warning-decision">
              <Icon name="check" /> {decisionText}
            </span>
            <button type="button" className="button" onClick={() => actions.onUndo(w)} data-testid="warning-undo">
              {t('warnings.undo')}
            </button>
          </div>
        ) : (
          <div className="warning-actions">
            {exportWide && w.exportId != null ? (
              <button
                type="button"
                className="button danger"
                onClick={() => actions.onNotMine(w.exportId!)}
                data-testid="warning-not-mine"
              >
                <Icon name="shield" /> {t('warnings.notMine')}
              </button>
            ) : null}
            {answers.map((a, i) => (
              <button
                key={a.decision}
                type="button"
                className={`button${i === 0 && !exportWide ? ' primary' : ''}`}
                onClick={() => actions.onDecide(w, a.decision)}
                title={i === 0 ? `${a.label} (M)` : a.label}
                data-testid={a.decision === 'mine' ? 'warning-mine' : `warning-${a.decision}`}
              >
                <Icon name={a.decision === 'not-a-person' ? 'x' : 'check'} /> {a.label}
              </button>
            ))}
            <button
              type="button"
              className="button"
              onClick={() => actions.onDecide(w, 'dismissed')}
              data-testid="warning-dismiss"
            >
              {t('warnings.dismiss')}
            </button>
            <span className="spacer" />
            {count > 0 ? (
              <button
                type="button"
                className="button quiet"
                aria-expanded={listening}
                onClick={() => setListening(!listening)}
                data-testid="warning-listen"
              >
                <Icon name={listening ? 'chevronDown' : 'chevronRight'} /> {t('warnings.listen')}
              </button>
            ) : null}
            {count > 0 ? (
              <button
                type="button"
                className="button quiet"
                onClick={() => actions.onShowRecordings(w)}
                data-testid="warning-show"
              >
                <Icon name="library" /> {t('warnings.showRecordings')}
              </button>
            ) : null}
          </div>
        )}
        {listening ? <WarningRecordings warning={w} player={player} /> : null}
      </div>
    </article>
  );
}

/** A few of the warning's recordings, playable in place. */
function WarningRecordings({ warning, player }: { warning: StoredWarning; player: ClipPlayer }) {
  const { t, locale } = useI18n();
  const [rows, setRows] = useState<RecordingRow[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const filters =
      warning.recordings > 0
        ? { warningId: warning.id }
        : warning.exportId != null
          ? { exportIds: [warning.exportId] }
          : { warningId: warning.id };
    api.listRecordings({ filters, limit: 5, sort: 'newest' }).then(
      (page) => {
        if (!live) return;
        setRows(page.rows);
        setTotal(page.total);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [warning.id, warning.recordings, warning.exportId]);
  if (error) return <p className="error-text">{t('error.generic', { message: error })}</p>;
  if (!rows) return <p className="muted warning-clips">{t('list.loading')}</p>;
  return (
    <div className="warning-clips">
      {isExportWide(warning) ? <p className="hint">{t('warnings.listenCareful')}</p> : null}
      <ul data-testid="warning-recordings">
        {rows.map((r) => (
          <li key={r.id} className="clip-row">
            {r.hasAudio ? (
              <ClipButton player={player} recordingId={r.id} label={r.transcript ?? t('list.noTranscript')} />
            ) : (
              <span className="clip-button none" title={t('list.flag.noAudio')}>
                <Icon name="noAudio" />
              </span>
            )}
            <span className="clip-time">{r.timeUtc != null ? formatDate(r.timeUtc, locale) : '—'}</span>
            <span className="clip-text">
              {r.transcript?.trim() ? r.transcript : <em className="state">{t('list.noTranscript')}</em>}
            </span>
            <span className="clip-duration">{formatDuration(r.durationMs) ?? ''}</span>
          </li>
        ))}
      </ul>
      {total > rows.length ? <p className="hint">{t('warnings.more', { count: total - rows.length })}</p> : null}
    </div>
  );
}
