// Language and theme (both follow the system unless chosen): in Settings, and on the welcome,
// so both can be set before the first import.
import { useState } from 'react';
import { languageOverride, setLanguage, useI18n, type Lang } from '../i18n/index.ts';

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

export function AppearanceFields({ testIdPrefix = '' }: { testIdPrefix?: string }) {
  const { t } = useI18n();
  const [lang, setLang] = useState<Lang | ''>(languageOverride() ?? '');
  const [theme, setTheme] = useState<ThemeChoice>(storedTheme());
  return (
    <>
      <label className="field">
        {t('settings.language')}
        <select
          value={lang}
          onChange={(e) => {
            const v = e.target.value as Lang | '';
            setLang(v);
            setLanguage(v || null);
          }}
          data-testid={`${testIdPrefix}language`}
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
          data-testid={`${testIdPrefix}theme`}
        >
          <option value="">{t('settings.themeAuto')}</option>
          <option value="light">{t('settings.themeLight')}</option>
          <option value="dark">{t('settings.themeDark')}</option>
        </select>
      </label>
    </>
  );
}
