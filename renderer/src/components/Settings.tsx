// Settings: language and appearance (both follow the system unless chosen), and where the library lives.
import { useState } from 'react';
import { errorText } from '../lib/errors.ts';
import { api } from '../api.ts';
import { languageOverride, setLanguage, useI18n, type Lang } from '../i18n/index.ts';
import { Dialog } from './Dialog.tsx';
import { Icon } from './Icon.tsx';

const themeKey = 'earshot.theme';
export type ThemeChoice = 'light' | 'dark' | null;

export function storedTheme(): ThemeChoice {
  try {
    const v = localStorage.getItem(themeKey);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null;
  }
}

export function applyTheme(choice: ThemeChoice) {
  if (choice) document.documentElement.dataset.theme = choice;
  else delete document.documentElement.dataset.theme;
}

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
}: {
  libraryFile: string | null;
  recordings: number;
  onClose(): void;
  onAboutYou(): void;
  /** Everything was deleted: the window starts afresh. */
  onWiped(): void;
}) {
  const { t } = useI18n();
  const [lang, setLang] = useState<Lang | ''>(languageOverride() ?? '');
  const [theme, setTheme] = useState<ThemeChoice>(storedTheme());
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
    } catch (e) {
      setWipe(errorText(e));
    }
  };
  return (
    <Dialog
      title={t('nav.settings')}
      onCancel={onClose}
      testId="settings"
      actions={
        <button type="button" className="button primary" onClick={onClose}>
          {t('settings.close')}
        </button>
      }
    >
      <label className="field">
        {t('settings.language')}
        <select
          value={lang}
          onChange={(e) => {
            const v = e.target.value as Lang | '';
            setLang(v);
            setLanguage(v || null);
          }}
          data-testid="language"
        >
          <option value="">{t('settings.languageAuto')}</option>
          <option value="en">English</option>
          <option value="de">Deutsch</option>
        </select>
      </label>
      <label className="field">
        {t('settings.theme')}
        <select
          value={theme ?? ''}
          onChange={(e) => {
            const v = (e.target.value || null) as ThemeChoice;
            setTheme(v);
            try {
              if (v) localStorage.setItem(themeKey, v);
              else localStorage.removeItem(themeKey);
            } catch {
              /* not remembered */
            }
            applyTheme(v);
          }}
        >
          <option value="">{t('settings.themeAuto')}</option>
          <option value="light">{t('settings.themeLight')}</option>
          <option value="dark">{t('settings.themeDark')}</option>
        </select>
      </label>
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
