// One bar above the list for every export that may be someone else's: a single line, whatever
// their number, so the list keeps its room; the full banners open on request.
import { useState } from 'react';
import type { StoredWarning } from '../../../electron/core/api/contract.ts';
import { useI18n } from '../i18n/index.ts';
import { ForeignExportBanner } from './ForeignExportBanner.tsx';
import { Icon } from './Icon.tsx';

export function ForeignSummary({
  warnings,
  onWhatToDo,
  onMine,
}: {
  warnings: StoredWarning[];
  onWhatToDo(exportId: number): void;
  onMine(w: StoredWarning): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!warnings.length) return null;
  // One export: its own banner, kept to one line (the title is cut, in full on hover).
  if (warnings.length === 1)
    return <ForeignExportBanner warnings={warnings} onWhatToDo={onWhatToDo} onMine={onMine} compact />;
  return (
    <div className={`foreign-summary${open ? ' open' : ''}`} data-testid="foreign-summary">
      <div className="banner danger foreign-summary-bar" role="alert">
        <Icon name="warning" size="1.125rem" />
        <strong className="foreign-summary-text">{t('banner.summary', { count: warnings.length })}</strong>
        <button
          type="button"
          className="button danger"
          aria-expanded={open}
          aria-controls="foreign-summary-list"
          onClick={() => setOpen(!open)}
          data-testid="foreign-summary-toggle"
        >
          {open ? t('banner.hide') : t('banner.review')}
        </button>
      </div>
      {open ? (
        <div className="foreign-summary-list" id="foreign-summary-list">
          <ForeignExportBanner warnings={warnings} onWhatToDo={onWhatToDo} onMine={onMine} />
        </div>
      ) : null}
    </div>
  );
}
