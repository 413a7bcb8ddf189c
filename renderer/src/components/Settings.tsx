// Settings: language and appearance (both follow the system unless chosen), and where the library lives.
import { useState } from 'react';
import { errorText } from '../lib/errors.ts';
import { api } from '../api.ts';
import { setLanguage, useI18n } from '../i18n/index.ts';
import { AppearanceFields, applyTheme } from './Appearance.tsx';
import { Dialog } from './Dialog.tsx';
import { Icon } from './Icon.tsx';

/** Everything the window keeps in this browser profile: filters, saved filters, language, theme, player. */
function forgetWindowSettings() {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith('earshot.')) localStorage.removeItem(key);
  } catch {
    /* nothing stored */
  }
}

export function Settings({
  libraryFile,
  recordings,
  onClose,
  onAboutYou,
  onWiped,
  onEmptied,
}: {
  libraryFile: string | null;
  recordings: number;
  onClose(): void;
  onAboutYou(): void;
  /** Everything was deleted: the window starts afresh. */
  onWiped(): void;
  /** Everything was just deleted (the dialog is still open): what the window shows behind it goes. */
  onEmptied(): void;
}) {
  const { t } = useI18n();
  const [wipe, setWipe] = useState<'idle' | 'confirm' | 'busy' | { recordings: number; exports: number } | string>(
    'idle',
  );
  const deleteEverything = async () => {
    setWipe('busy');
    try {
      const result = await api.deleteAllData({ confirm: 'delete everything' });
      forgetWindowSettings();
      setLanguage(null);
      applyTheme(null);
      setWipe({ recordings: result.recordings, exports: result.exports });
      onEmptied();
    } catch (e) {
      setWipe(errorText(e));
    }
  };
  // After everything was deleted, however the dialog is closed (Done, Esc, Start afresh), the window
  // starts afresh: nothing it showed before may stay on screen.
  const wiped = typeof wipe === 'object';
  const close = wiped ? onWiped : onClose;
  return (
    <Dialog
      title={t('nav.settings')}
      onCancel={close}
      testId="settings"
      actions={
        <button type="button" className="button primary" onClick={close} data-testid="settings-done">
          {t('settings.close')}
        </button>
      }
    >
      <AppearanceFields />
      <div className="field">
        {t('settings.aboutYou')}
        <p className="field-hint">{t('settings.aboutYouHint')}</p>
        <div>
          <button type="button" className="button" onClick={onAboutYou} data-testid="settings-about-you">
            <Icon name="shield" /> {t('settings.aboutYouButton')}
          </button>
        </div>
      </div>
      {libraryFile ? (
        <div className="field">
          {t('settings.libraryFile')}
          <code className="path selectable">{libraryFile}</code>
        </div>
      ) : null}
      <div className="field" data-testid="settings-wipe">
        {t('settings.wipe')}
        <p className="field-hint">{t('settings.wipeHint')}</p>
        {wipe === 'idle' ? (
          <div>
            <button
              type="button"
              className="button danger-quiet"
              onClick={() => setWipe('confirm')}
              data-testid="wipe-start"
            >
              <Icon name="trash" /> {t('settings.wipeButton')}
            </button>
          </div>
        ) : wipe === 'confirm' || wipe === 'busy' ? (
          <div role="alert">
            <p>{t('settings.wipeConfirm', { count: recordings })}</p>
            <button
              type="button"
              className="button danger"
              disabled={wipe === 'busy'}
              onClick={() => void deleteEverything()}
              data-testid="wipe-confirm"
            >
              {t('settings.wipeYes')}
            </button>{' '}
            <button type="button" className="button" disabled={wipe === 'busy'} onClick={() => setWipe('idle')}>
              {t('settings.wipeCancel')}
            </button>
          </div>
        ) : typeof wipe === 'string' ? (
          <p role="alert">{t('error.generic', { message: wipe })}</p>
        ) : (
          <div role="status" data-testid="wipe-done">
            <p>{t('settings.wipeDone', { recordings: wipe.recordings, exports: wipe.exports })}</p>
            <button type="button" className="button primary" onClick={onWiped}>
              {t('settings.wipeStartAfresh')}
            </button>
          </div>
        )}
      </div>
    </Dialog>
  );
}
