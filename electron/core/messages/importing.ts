// Importing sentences, English and German: what an import reports, and why it stopped.
// Placeholders are filled by `say` (see ./index.ts); `{file}` is a file name, `{detail}` a
// library's own explanation, left as it is.
import type { Entry } from './text.ts';

export const importing = {
  noInput: {
    en: 'Nothing to import: choose an export file or folder.',
    de: 'Nichts zu importieren: Wähle eine Exportdatei oder einen Ordner.',
  },
  // A dropped file that is no known export. `{recognised}` lists what the importers recognised,
  // joined with "; " (each item is itself a catalogue phrase).
  unknownExportRecognised: {
    en: 'This is not an Amazon or Google voice-assistant export that Earshot knows. Earshot recognised {recognised}, but no voice recordings or assistant history. Check that you chose the file Amazon or Google sent you.',
    de: 'Das ist kein Sprachassistenten-Export von Amazon oder Google, den Earshot kennt. Erkannt hat Earshot: {recognised} – aber keine Sprachaufnahmen und keinen Assistenten-Verlauf. Prüfe, ob du die Datei gewählt hast, die dir Amazon oder Google geschickt hat.',
  },
  encryptedArchive: {
    en: "“{file}” is protected with a password, so Earshot cannot read it. Unpack it with your system's tools and drop the folder.",
    de: '„{file}“ ist mit einem Passwort geschützt, daher kann Earshot es nicht lesen. Entpacke es mit den Werkzeugen deines Systems und zieh den Ordner herein.',
  },
  unknownExportEmpty: {
    en: 'This is not an Amazon or Google voice-assistant export that Earshot knows. It contains no files. Check that you chose the file Amazon or Google sent you.',
    de: 'Das ist kein Sprachassistenten-Export von Amazon oder Google, den Earshot kennt. Darin sind keine Dateien. Prüfe, ob du die Datei gewählt hast, die dir Amazon oder Google geschickt hat.',
  },
  unknownExportFiles: {
    en: {
      one: 'This is not an Amazon or Google voice-assistant export that Earshot knows. It contains {count} file (such as “{file}”), but none that Amazon or Google put in a voice-assistant export. Check that you chose the file Amazon or Google sent you.',
      other:
        'This is not an Amazon or Google voice-assistant export that Earshot knows. It contains {count} files (such as “{file}”), but none that Amazon or Google put in a voice-assistant export. Check that you chose the file Amazon or Google sent you.',
    },
    de: {
      one: 'Das ist kein Sprachassistenten-Export von Amazon oder Google, den Earshot kennt. Darin ist {count} Datei (etwa „{file}“), aber keine, die Amazon oder Google in einen Sprachassistenten-Export legen. Prüfe, ob du die Datei gewählt hast, die dir Amazon oder Google geschickt hat.',
      other:
        'Das ist kein Sprachassistenten-Export von Amazon oder Google, den Earshot kennt. Darin sind {count} Dateien (etwa „{file}“), aber keine, die Amazon oder Google in einen Sprachassistenten-Export legen. Prüfe, ob du die Datei gewählt hast, die dir Amazon oder Google geschickt hat.',
    },
  },
  // Stored with a recording whose audio could not be read; shown after "The audio could not be played:".
  audioUnreadable: {
    en: 'the audio file could not be read: {detail}',
    de: 'die Audiodatei ließ sich nicht lesen: {detail}',
  },
  // Skip reason: follows the audio file's name.
  skipNotAudio: {
    en: 'is not a recording ({detail}); the recording was kept without audio',
    de: 'ist keine Aufnahme ({detail}); die Aufnahme wurde ohne Audio behalten',
  },
  skipAudioUnreadable: {
    en: 'could not be read ({detail}); the recording was kept without audio',
    de: 'ließ sich nicht lesen ({detail}); die Aufnahme wurde ohne Audio behalten',
  },
  // Notes of an import that added nothing. The English has always said "recordings", even for one.
  linkedTranscripts: {
    en: {
      one: '{count} recording was already in your library without a transcript; it now has its transcript from this export, instead of a second copy.',
      other:
        '{count} recordings were already in your library without a transcript; they now have their transcripts from this export, instead of second copies.',
    },
    de: {
      one: '{count} Aufnahme war schon ohne Transkript in deiner Bibliothek; sie hat jetzt ihr Transkript aus diesem Export, statt doppelt vorhanden zu sein.',
      other:
        '{count} Aufnahmen waren schon ohne Transkript in deiner Bibliothek; sie haben jetzt ihre Transkripte aus diesem Export, statt doppelt vorhanden zu sein.',
    },
  },
  allDuplicates: {
    en: {
      one: 'Everything in this export is already in your library ({count} recordings), so nothing was added.',
      other: 'Everything in this export is already in your library ({count} recordings), so nothing was added.',
    },
    de: {
      one: 'Alles aus diesem Export ist schon in deiner Bibliothek ({count} Aufnahme), deshalb wurde nichts hinzugefügt.',
      other:
        'Alles aus diesem Export ist schon in deiner Bibliothek ({count} Aufnahmen), deshalb wurde nichts hinzugefügt.',
    },
  },
  noRecordings: {
    en: 'Earshot found no recordings in this export.',
    de: 'Earshot hat in diesem Export keine Aufnahmen gefunden.',
  },
  cancelled: {
    en: 'The import was cancelled. Nothing was added to your library.',
    de: 'Der Import wurde abgebrochen. Deiner Bibliothek wurde nichts hinzugefügt.',
  },
  // Why an import job ended without a report.
  stoppedUnexpectedly: {
    en: 'The import stopped unexpectedly. Nothing was added to your library. Try again.',
    de: 'Der Import wurde unerwartet beendet. Deiner Bibliothek wurde nichts hinzugefügt. Versuch es noch einmal.',
  },
  unknownJob: {
    en: 'That import is no longer known. Start it again.',
    de: 'Diesen Import kennt Earshot nicht mehr. Starte ihn noch einmal.',
  },
  diskFull: {
    en: 'The disk is full, so the import stopped. Nothing was added to your library. Free some space and try again.',
    de: 'Der Datenträger ist voll, deshalb wurde der Import beendet. Deiner Bibliothek wurde nichts hinzugefügt. Schaffe etwas Platz und versuch es noch einmal.',
  },
  libraryReadOnly: {
    en: 'Earshot cannot write to its library: the file or its folder is read-only. Nothing was added. Check the permissions of the Earshot folder and try again.',
    de: 'Earshot kann nicht in seine Bibliothek schreiben: Die Datei oder ihr Ordner ist schreibgeschützt. Es wurde nichts hinzugefügt. Prüfe die Berechtigungen des Earshot-Ordners und versuch es noch einmal.',
  },
  notAllowed: {
    en: 'Earshot was not allowed to read a file of this export. Check its permissions and try again.',
    de: 'Earshot durfte eine Datei dieses Exports nicht lesen. Prüfe ihre Berechtigungen und versuch es noch einmal.',
  },
  unexpected: {
    en: 'The import stopped because of an unexpected problem ({detail}). Nothing was added to your library.',
    de: 'Der Import wurde wegen eines unerwarteten Problems beendet ({detail}). Deiner Bibliothek wurde nichts hinzugefügt.',
  },
  // Why a file of any export was skipped; shared by every importer.
  skipUnreadable: {
    en: 'could not be read ({detail})',
    de: 'ließ sich nicht lesen ({detail})',
  },
  skipEmpty: {
    en: 'is empty',
    de: 'ist leer',
  },
  skipNotJson: {
    en: 'is not valid JSON ({detail})',
    de: 'ist kein gültiges JSON ({detail})',
  },
  // The name shown for recordings the export gives no device for.
  unknownDevice: { en: 'Unknown device', de: 'Unbekanntes Gerät' },
} satisfies Record<string, Entry>;
