// The main process's own words, English and German: the app menu and the system dialogs. They
// follow the system's language (the window's language setting lives in the window).
import type { Entry } from './text.ts';

export const desktop = {
  menuFile: { en: '&File', de: '&Datei' },
  menuOpenExport: { en: 'Open Export…', de: 'Export öffnen…' },
  menuHelp: { en: '&Help', de: '&Hilfe' },
  menuShortcuts: { en: 'Keyboard Shortcuts', de: 'Tastenkürzel' },
  openTitle: { en: 'Open export', de: 'Export öffnen' },
  openButton: { en: 'Import', de: 'Importieren' },
  filterExports: { en: 'Exports', de: 'Exporte' },
  filterAll: { en: 'All files', de: 'Alle Dateien' },
  libraryCannotOpen: { en: 'Earshot cannot open your library', de: 'Earshot kann deine Bibliothek nicht öffnen' },
  startNewLibrary: { en: 'Start a new library', de: 'Neue Bibliothek anlegen' },
  quit: { en: 'Quit', de: 'Beenden' },
  newLibraryStarted: { en: 'A new library was started', de: 'Eine neue Bibliothek wurde angelegt' },
  damagedKept: {
    en: 'The damaged library was kept as {file}.',
    de: 'Die beschädigte Bibliothek wurde als {file} aufbewahrt.',
  },
  saveTitle: { en: 'Export recordings', de: 'Aufnahmen exportieren' },
  saveFileName: { en: 'Earshot recordings.zip', de: 'Earshot-Aufnahmen.zip' },
  zipArchive: { en: 'ZIP archive', de: 'ZIP-Archiv' },
  openInBrowser: { en: 'Open in browser', de: 'Im Browser öffnen' },
  cancel: { en: 'Cancel', de: 'Abbrechen' },
  openPageQuestion: {
    en: 'Open this page in your web browser?',
    de: 'Diese Seite in deinem Webbrowser öffnen?',
  },
  couldNotStart: { en: 'Earshot could not start', de: 'Earshot konnte nicht starten' },
} satisfies Record<string, Entry>;
