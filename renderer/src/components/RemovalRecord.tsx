// The record kept after an export was removed as someone else's: when, what, and the summary.
import { useI18n } from '../i18n/index.ts';
import { escapeHtml } from '../lib/download.ts';
import { formatExactTime } from '../lib/format.ts';
import type { Evidence } from '../../../electron/core/api/contract.ts';
import { Icon } from './Icon.tsx';
import { fileSafe, SummaryActions } from './EvidenceActions.tsx';

type Removal = NonNullable<Evidence['removal']>;

export function RemovalRecord({ removal, onBack }: { removal: Removal; onBack(): void }) {
  const { t, lang, locale } = useI18n();
  const title = t('notMine.removed.htmlTitle');
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font:14px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#111}
pre{white-space:pre-wrap;background:#f5f5f5;padding:1rem;border-radius:6px}</style></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(removal.exportLabel)}</p><pre>${escapeHtml(removal.summary)}</pre></body></html>
`;
  return (
    <section className="guided" aria-labelledby="removed-title" data-testid="removal-record">
      <div className="guided-inner">
        <header className="guided-head">
          <Icon name="check" size="2rem" className="done-icon" />
          <div>
            <h1 id="removed-title">{t('notMine.removed.title')}</h1>
            <p className="guided-lead" data-testid="removal-time">
              {t('notMine.removed.lead', {
                label: removal.exportLabel,
                time: formatExactTime(removal.removedAt, locale),
              })}
            </p>
          </div>
        </header>
        <div className="card guided-step">
          <div className="card-head">
            <h2>{t('notMine.removed.record')}</h2>
            <SummaryActions
              summary={removal.summary}
              html={html}
              fileName={`earshot-removal-${fileSafe(removal.exportLabel)}.html`}
              testIds={{ copy: 'copy-removal', save: 'save-removal' }}
            />
          </div>
          <p className="hint">{t('notMine.removed.hint')}</p>
          <pre className="summary-text selectable" data-testid="removal-summary">
            {removal.summary}
          </pre>
        </div>
        <p className="guided-next">{t('notMine.removed.next')}</p>
        <button type="button" className="button primary" onClick={onBack} data-testid="removal-done">
          {t('notMine.removed.done')}
        </button>
      </div>
    </section>
  );
}
