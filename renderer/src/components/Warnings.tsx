// Warnings: every open warning in one place, strongest first — why it was raised, how sure Earshot
// is, the evidence (recordings, playable) and what the user can do: "this is me / my household" (M),
// dismiss, or "this is not my data". Dealt-with warnings can be shown again and undone.
import { useEffect, useRef, useState } from 'react';
import type { Profile, StoredWarning } from '../../../electron/core/api/contract.ts';
import { useI18n } from '../i18n/index.ts';
import { knowsUser } from '../lib/profile.ts';
import { byDecision, groupBySeverity } from '../lib/warnings.ts';
import type { Decision } from '../../../electron/core/api/contract.ts';
import { useClipPlayer } from './Clip.tsx';
import { Icon } from './Icon.tsx';
import { useWindowKeydown } from '../lib/window-keys.ts';
import { WarningCard } from './WarningCard.tsx';
import { useConfirmMine, type WarningActions } from './ConfirmMine.tsx';

export { useConfirmMine, type WarningActions };

export type { Decision };

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
