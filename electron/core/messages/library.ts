// Library sentences, English and German: why the library file cannot be opened (shown at start-up).
// Placeholders are filled by `say` (see ./index.ts); `{file}` is the library's path, `{detail}`
// SQLite's own explanation, left as it is.
import type { Entry } from './text.ts';

export const library = {
  readOnly: {
    en: 'Earshot cannot write to its library ({file}). Check that the file and its folder are not read-only and that the disk is not full. Nothing in the library was changed.',
    de: 'Earshot kann nicht in seine Bibliothek schreiben ({file}). Prüfe, ob die Datei und ihr Ordner schreibgeschützt sind oder der Datenträger voll ist. An der Bibliothek wurde nichts geändert.',
  },
  // “Start a new library” is the button of the start-up dialog.
  damaged: {
    en: 'Your Earshot library ({file}) is damaged and cannot be opened safely. Earshot has not changed it. Keep a copy of the file, then use “Start a new library” to move it aside and import your exports again.',
    de: 'Deine Earshot-Bibliothek ({file}) ist beschädigt und lässt sich nicht sicher öffnen. Earshot hat nichts daran geändert. Bewahre eine Kopie der Datei auf, leg sie dann mit „Neue Bibliothek anlegen“ beiseite und importiere deine Exporte noch einmal.',
  },
  notALibrary: {
    en: 'Your Earshot library ({file}) is damaged or is not an Earshot library. Earshot has not changed it. Keep a copy of the file, then use “Start a new library” to move it aside and import your exports again.',
    de: 'Deine Earshot-Bibliothek ({file}) ist beschädigt oder keine Earshot-Bibliothek. Earshot hat nichts daran geändert. Bewahre eine Kopie der Datei auf, leg sie dann mit „Neue Bibliothek anlegen“ beiseite und importiere deine Exporte noch einmal.',
  },
  cannotOpen: {
    en: 'Earshot could not open its library ({file}): {detail}',
    de: 'Earshot konnte seine Bibliothek nicht öffnen ({file}): {detail}',
  },
  tooNew: {
    en: 'This library was written by a newer version of Earshot. Update Earshot to open it.',
    de: 'Diese Bibliothek stammt von einer neueren Earshot-Version. Aktualisiere Earshot, um sie zu öffnen.',
  },
  // Items of "Delete all my data"'s summary of what it removed; {exports} is wipedExports.
  wipedRecordings: {
    en: {
      one: '{count} recording with its audio, from {exports}',
      other: '{count} recordings with their audio, from {exports}',
    },
    de: {
      one: '{count} Aufnahme mit ihrem Ton, aus {exports}',
      other: '{count} Aufnahmen mit ihrem Ton, aus {exports}',
    },
  },
  wipedExports: {
    en: { zero: 'no export', one: '{count} export', other: '{count} exports' },
    de: { zero: 'keinem Export', one: '{count} Export', other: '{count} Exporten' },
  },
  wipedProfile: {
    en: 'your profile, warnings and decisions',
    de: 'dein Profil, die Hinweise und deine Entscheidungen',
  },
  wipedVoiceSamples: {
    en: { one: '{count} voice sample', other: '{count} voice samples' },
    de: { one: '{count} Stimmprobe', other: '{count} Stimmproben' },
  },
  wipedTempFiles: {
    en: 'temporary import files',
    de: 'temporäre Importdateien',
  },
  wipedWindowState: {
    en: 'the window size and position',
    de: 'die Größe und Position des Fensters',
  },
  wipedDamagedCopies: {
    en: {
      one: 'a damaged copy of the library that had been moved aside',
      other: '{count} damaged copies of the library that had been moved aside',
    },
    de: {
      one: 'eine beiseitegelegte beschädigte Kopie der Bibliothek',
      other: '{count} beiseitegelegte beschädigte Kopien der Bibliothek',
    },
  },
  // A request about something removed meanwhile (another window, a re-analysis).
  goneWarning: {
    en: 'That warning is no longer in your library.',
    de: 'Diese Warnung ist nicht mehr in deiner Bibliothek.',
  },
  goneExport: {
    en: 'That export is no longer in your library.',
    de: 'Dieser Export ist nicht mehr in deiner Bibliothek.',
  },
  goneFile: { en: 'That file is no longer in your library.', de: 'Diese Datei ist nicht mehr in deiner Bibliothek.' },
  goneVoiceGroup: {
    en: 'That voice group is no longer in your library.',
    de: 'Diese Stimmgruppe ist nicht mehr in deiner Bibliothek.',
  },
} satisfies Record<string, Entry>;
