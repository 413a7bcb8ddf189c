// Shown while files are dragged over the window: dropping them starts an import.
import { useI18n } from '../i18n/index.ts';
import { Icon } from './Icon.tsx';

export function DropOverlay() {
  const { t } = useI18n();
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay-card">
        <Icon name="upload" size="3rem" />
        <p>{t('drop.overlay')}</p>
      </div>
    </div>
  );
}
