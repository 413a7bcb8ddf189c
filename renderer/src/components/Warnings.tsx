// Warnings: every open warning in one place, strongest first — why it was raised, how sure Earshot
// is, the evidence (recordings, playable) and what the user can do: "this is me / my household" (M),
// dismiss, or "this is not my data". Dealt-with warnings can be shown again and undone.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Profile, RecordingRow, StoredWarning } from '../../../electron/core/api/contract.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { formatDate, formatDuration } from '../lib/format.ts';
import { knowsUser } from '../lib/profile.ts';
import {
  answersFor,
  bannerTitle,
  byDecision,
  certainty,
  groupBySeverity,
  isExportWide,
  recordingCount,
  signText,
  signWeight,
  signsOf,
  warningTitle,
  warningWhy,
  type Severity,
} from '../lib/warnings.ts';
import type { Decision } from '../../../electron/core/api/contract.ts';
import { Dialog } from './Dialog.tsx';
import { ClipButton, useClipPlayer, type ClipPlayer } from './Clip.tsx';
import { Icon } from './Icon.tsx';
import { useWindowKeydown } from '../lib/window-keys.ts';

export type { Decision };

/**
 * "It is mine" on a warning that says a whole export is someone else's asks once: one click must
 * not silence the strongest warning Earshot has.
 */
export function useConfirmMine(onDecide: WarningActions['onDecide']): {
  decide(w: StoredWarning, decision: Decision): void;
  dialog: ReactNode;
} {
  const { t } = useI18n();
  const [asking, setAsking] = useState<StoredWarning | null>(null);
  const decide = useCallback(
    (w: StoredWarning, decision: Decision) => {
      if (decision === 'mine' && isExportWide(w)) setAsking(w);
      else onDecide(w, decision);
    },
    [onDecide],
  );
  const dialog = asking ? (
    <Dialog
      title={t('warnings.confirmMine.title')}
      onCancel={() => setAsking(null)}
      testId="confirm-mine"
      labelledBy="confirm-mine-title"
      actions={
        <>
          <button
            type="button"
            className="button primary"
            onClick={() => setAsking(null)}
            data-testid="confirm-mine-cancel"
          >
            {t('warnings.confirmMine.cancel')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              onDecide(asking, 'mine');
              setAsking(null);
            }}
            data-testid="confirm-mine-yes"
          >
            {t('warnings.confirmMine.confirm')}
          </button>
        </>
      }
    >
      <p>{t('warnings.confirmMine.body', { label: asking.exportLabel ?? asking.subject })}</p>
    </Dialog>
  ) : null;
  return { decide, dialog };
}

export interface WarningActions {
  /** Decides about a warning by its id (ids stay the same while the warning does). */
  onDecide(w: Pick<StoredWarning, 'id'>, decision: Decision): void;
  /** Takes the decision back, and what "this is me" taught with it. */
  onUndo(w: Pick<StoredWarning, 'id'>): void;
  onShowRecordings(w: StoredWarning): void;
  onNotMine(exportId: number): void;
}

const severityHeading = {
  strong: 'warnings.group.strong',
  warning: 'warnings.group.warning',
  notice: 'warnings.group.notice',
} as const;

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

export function WarningsView({
  warnings,
  error,
  profile,
  actions,
  onShowFlagged,
  onAboutYou,
}: {
  warnings: StoredWarning[] | null;
  error: string | null;
  profile: Profile | null;
  actions: WarningActions;
  onShowFlagged(): void;
  onAboutYou(): void;
}) {
  const { t } = useI18n();
  const [showDecided, setShowDecided] = useState(false);
  const [current, setCurrent] = useState(0);
  const player = useClipPlayer();
  const confirm = useConfirmMine(actions.onDecide);
  const guarded: WarningActions = { ...actions, onDecide: (w, d) => confirm.decide(w as StoredWarning, d) };
  const { open, decided } = byDecision(warnings ?? []);
  const groups = groupBySeverity(open);
  const ordered = groups.flatMap((g) => g.warnings);
  const cardRefs = useRef(new Map<number, HTMLElement>());

  // Keep the current card in range as warnings go.
  useEffect(() => {
    if (current >= ordered.length && ordered.length > 0) setCurrent(ordered.length - 1);
  }, [current, ordered.length]);

  // M marks the current warning as the user's; ↑/↓ (K/J) move between warnings.
  useWindowKeydown((e) => {
    if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
    if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    const w = ordered[current];
    const focus = (i: number) => {
      const next = Math.max(0, Math.min(ordered.length - 1, i));
      setCurrent(next);
      const target = ordered[next];
      if (target) cardRefs.current.get(target.id)?.focus();
    };
    switch (e.key) {
      case 'm':
      case 'M':
        if (!w) return;
        confirm.decide(w, 'mine');
        break;
      case 'ArrowDown':
      case 'j':
      case 'J':
        focus(current + 1);
        break;
      case 'ArrowUp':
      case 'k':
      case 'K':
        focus(current - 1);
        break;
      default:
        return;
    }
    e.preventDefault();
  });

  if (error) {
    return (
      <section className="pane-center empty-state" data-testid="warnings">
        <p className="error-text" role="alert">
          {t('error.generic', { message: error })}
        </p>
      </section>
    );
  }
  if (warnings == null) return <section className="warnings-view" data-testid="warnings" aria-busy="true" />;

  const dealtWith = showDecided ? (
    <section className="warning-group" aria-labelledby="warnings-decided" data-testid="warnings-decided">
      <h2 id="warnings-decided" className="section-title">
        {t('warnings.decided', { count: decided.length })}
      </h2>
      {decided.length === 0 ? <p className="muted">{t('warnings.noneDecided')}</p> : null}
      {decided.map((w) => (
        <WarningCard key={w.id} warning={w} actions={guarded} player={player} current={false} />
      ))}
    </section>
  ) : null;

  const toggle = (
    <label className="toggle decided-toggle">
      <input
        type="checkbox"
        checked={showDecided}
        onChange={(e) => setShowDecided(e.target.checked)}
        data-testid="show-decided"
      />
      <span>{t('warnings.showDecided')}</span>
    </label>
  );

  if (open.length === 0) {
    return (
      <section className="warnings-view" aria-labelledby="warnings-title" data-testid="warnings">
        <div className="empty-state warnings-empty">
          <Icon name="ear" size="2.5rem" />
          <h1 id="warnings-title" className="empty-title">
            {t('warnings.empty')}
          </h1>
          <p className="empty-body">{t('warnings.emptyBody')}</p>
          {profile && !knowsUser(profile) ? (
            <>
              <p className="empty-body">{t('warnings.needProfile')}</p>
              <button type="button" className="button" onClick={onAboutYou}>
                <Icon name="userQuestion" /> {t('warnings.aboutYou')}
              </button>
            </>
          ) : null}
          {toggle}
        </div>
        {dealtWith}
        {confirm.dialog}
      </section>
    );
  }

  return (
    <section className="warnings-view" aria-labelledby="warnings-title" data-testid="warnings">
      <header className="warnings-head">
        <div>
          <h1 id="warnings-title">{t('warnings.title')}</h1>
          <p className="muted">{t('warnings.intro', { count: open.length })}</p>
        </div>
        <div className="warnings-tools">
          <button type="button" className="button" onClick={onShowFlagged} data-testid="show-flagged">
            <Icon name="filter" /> {t('warnings.showFlagged')}
          </button>
          {toggle}
        </div>
      </header>
      {profile && !knowsUser(profile) ? (
        <p className="banner warn inline-banner">
          <Icon name="info" /> <span>{t('warnings.needProfile')}</span>
          <button type="button" className="button" onClick={onAboutYou}>
            {t('warnings.aboutYou')}
          </button>
        </p>
      ) : null}
      {groups.map((g) => (
        <section
          key={g.severity}
          className="warning-group"
          aria-labelledby={`warnings-${g.severity}`}
          data-testid={`warnings-${g.severity}`}
        >
          <h2 id={`warnings-${g.severity}`} className="section-title">
            {t(severityHeading[g.severity], { count: g.warnings.length })}
          </h2>
          {g.warnings.map((w) => (
            <WarningCard
              key={w.id}
              warning={w}
              actions={guarded}
              player={player}
              current={ordered[current]?.id === w.id}
              onFocus={() => setCurrent(ordered.findIndex((x) => x.id === w.id))}
              cardRef={(el) => {
                if (el) cardRefs.current.set(w.id, el);
                else cardRefs.current.delete(w.id);
              }}
            />
          ))}
        </section>
      ))}
      {dealtWith}
      {confirm.dialog}
    </section>
  );
}

function severityIcon(s: Severity) {
  return s === 'notice' ? 'info' : 'warning';
}

function WarningCard({
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
  const { t, locale } = useI18n();
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
              <Icon name="archive" /> {w.exportLabel}
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
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
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

/** Above the list while an export may belong to someone else: what Earshot found, and what to do. */
export function ForeignExportBanner({
  warnings,
  onWhatToDo,
  onMine,
}: {
  warnings: StoredWarning[];
  onWhatToDo(exportId: number): void;
  onMine(w: StoredWarning): void;
}) {
  const { t } = useI18n();
  const confirm = useConfirmMine((w) => onMine(w as StoredWarning));
  if (!warnings.length) return null;
  return (
    <div className="foreign-banners">
      {confirm.dialog}
      {warnings.map((w) => (
        <div key={w.id} className="banner danger foreign-banner" role="alert" data-testid="foreign-banner">
          <Icon name="warning" size="1.125rem" />
          <div className="banner-text">
            <strong>{bannerTitle(w, t)}</strong>
            <span>
              {w.exportLabel ? `${w.exportLabel} · ` : ''}
              {t('banner.sub')}
            </span>
          </div>
          <button
            type="button"
            className="button danger"
            onClick={() => w.exportId != null && onWhatToDo(w.exportId)}
            data-testid="banner-what-to-do"
          >
            {t('banner.whatToDo')}
          </button>
          <button type="button" className="button" onClick={() => confirm.decide(w, 'mine')} data-testid="banner-mine">
            {t('banner.mine')}
          </button>
        </div>
      ))}
    </div>
  );
}
