// The banner above the library while an export may be someone else's.
import type { StoredWarning } from '../../../electron/core/api/contract.ts';
import { useI18n } from '../i18n/index.ts';
import { bannerTitle } from '../lib/warnings.ts';
import { Icon } from './Icon.tsx';
import { useConfirmMine } from './Warnings.tsx';

/** Above the list while an export may belong to someone else: what Earshot found, and what to do. */
export function ForeignExportBanner({
  warnings,
  onWhatToDo,
  onMine,
  compact = false,
}: {
  warnings: StoredWarning[];
  onWhatToDo(exportId: number): void;
  onMine(w: StoredWarning): void;
  /** One line: the title cut to fit (in full on hover), the explanation left to the guided page. */
  compact?: boolean;
}) {
  const { t, exportLabel } = useI18n();
  const confirm = useConfirmMine((w) => onMine(w as StoredWarning));
  if (!warnings.length) return null;
  return (
    <div className="foreign-banners">
      {confirm.dialog}
      {warnings.map((w) => (
        <div
          key={w.id}
          className={`banner danger foreign-banner${compact ? ' compact' : ''}`}
          role="alert"
          data-testid="foreign-banner"
        >
          <Icon name="warning" size="1.125rem" />
          <div className="banner-text" title={compact ? `${bannerTitle(w, t)} — ${t('banner.sub')}` : undefined}>
            <strong>{bannerTitle(w, t)}</strong>
            <span>
              {w.exportLabel ? `${exportLabel(w.exportLabel)} · ` : ''}
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
