// Warnings: a placeholder until the analysis lands — its empty state, and the foreign-export banner.
import { useI18n } from '../i18n/index.ts';
import { Icon } from './Icon.tsx';

export function WarningsView() {
  const { t } = useI18n();
  return (
    <section className="pane-center empty-state" aria-labelledby="warnings-title" data-testid="warnings">
      <Icon name="ear" size="2.5rem" />
      <h1 id="warnings-title" className="empty-title">
        {t('warnings.empty')}
      </h1>
      <p className="empty-body">{t('warnings.emptyBody')}</p>
    </section>
  );
}

/** Shown above the list while an export may belong to someone else (filled in by a later issue). */
export function ForeignExportBanner({
  message,
  action,
  onAction,
}: {
  message: string | null;
  action?: string;
  onAction?: () => void;
}) {
  if (!message) return null;
  return (
    <div className="banner danger" role="alert">
      <Icon name="warning" />
      <span>{message}</span>
      {action && onAction ? (
        <button type="button" className="button" onClick={onAction}>
          {action}
        </button>
      ) : null}
    </div>
  );
}
