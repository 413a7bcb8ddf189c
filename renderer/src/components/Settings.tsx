// Settings: language and appearance (both follow the system unless chosen), and where the library lives.
import { useState } from 'react';
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

export function Settings({
  libraryFile,
  onClose,
  onAboutYou,
}: {
  libraryFile: string | null;
  onClose(): void;
  onAboutYou(): void;
}) {
  const { t } = useI18n();
  const [lang, setLang] = useState<Lang | ''>(languageOverride() ?? '');
  const [theme, setTheme] = useState<ThemeChoice>(storedTheme());
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
    </Dialog>
  );
}
