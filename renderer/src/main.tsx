import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { applyTheme, storedTheme } from './components/Appearance.tsx';
import { currentI18n } from './i18n/index.ts';
import './styles.css';

applyTheme(storedTheme());
document.documentElement.lang = currentI18n().lang;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
