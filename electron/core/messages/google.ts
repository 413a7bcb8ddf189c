// Google sentences, English and German. Placeholders are filled by `say` (see ./index.ts).
import type { Entry } from './text.ts';

export const google = {
  // Skip reasons: they follow a file's name ("Takeout/x.json — is from another Google product …").
  skipOtherProduct: {
    en: 'is from another Google product (Maps, YouTube, Chrome, location history, …), not part of the Assistant history',
    de: 'stammt aus einem anderen Google-Produkt (Maps, YouTube, Chrome, Standortverlauf, …) und gehört nicht zum Assistant-Verlauf',
  },
  skipOtherActivity: {
    en: 'is activity of another Google product (Search, Maps, YouTube, …), not part of the Assistant history',
    de: 'ist eine Aktivität eines anderen Google-Produkts (Suche, Maps, YouTube, …) und gehört nicht zum Assistant-Verlauf',
  },
  skipAssistantOther: {
    en: 'is in the Assistant folder but is neither an activity file nor audio',
    de: 'liegt im Assistant-Ordner, ist aber weder eine Aktivitätsdatei noch Audio',
  },
  skipProfileNotNeeded: {
    en: 'was not needed: the account was already read from the archive overview page',
    de: 'wurde nicht gebraucht: das Konto wurde schon aus der Archiv-Übersichtsseite gelesen',
  },
  skipExtraArchiveBrowser: {
    en: 'is a second archive overview page; the account was read from the first',
    de: 'ist eine zweite Archiv-Übersichtsseite; das Konto wurde aus der ersten gelesen',
  },
  skipSameAsJson: {
    en: 'holds the same Assistant activity as the JSON file beside it, which was read instead',
    de: 'enthält dieselben Assistant-Aktivitäten wie die JSON-Datei daneben, die stattdessen gelesen wurde',
  },
  skipDuplicateAudio: {
    en: 'is a second copy of an audio file already found in another part of the export',
    de: 'ist eine zweite Kopie einer Audiodatei, die schon in einem anderen Teil des Exports gefunden wurde',
  },
  noAudio: {
    en: 'This export has no audio: voice and audio activity was off for this account, so Google kept only the text of what was said.',
    de: 'Dieser Export enthält kein Audio: „Sprach- und Audioaktivitäten“ waren für dieses Konto ausgeschaltet, deshalb hat Google nur den Text des Gesagten behalten.',
  },
  noAssistant: {
    en: 'This Google Takeout holds no Assistant activity. Request a new export with “My Activity” selected (with the Assistant included) to get your voice history.',
    de: 'Dieser Google-Takeout-Export enthält keine Assistant-Aktivitäten. Fordere einen neuen Export mit „Meine Aktivitäten“ an (mit dem Assistant), um deinen Sprachverlauf zu bekommen.',
  },
  // What was recognised in an export that is none of the known kinds; fills the list in
  // "Earshot recognised …, but no voice recordings" (German: „Earshot hat … erkannt“, accusative).
  recognisedTakeout: {
    en: 'a Google Takeout export',
    de: 'einen Google-Takeout-Export',
  },
  recognisedAudioOnly: {
    en: 'Assistant audio without its activity file (My Activity → Assistant)',
    de: 'Assistant-Audio ohne die zugehörige Aktivitätsdatei (Meine Aktivitäten → Assistant)',
  },
  recognisedNoAssistant: {
    en: 'no Assistant activity in it (My Activity → Assistant was not included)',
    de: 'keine Assistant-Aktivitäten darin (Meine Aktivitäten → Assistant war nicht ausgewählt)',
  },
  missingAudio: {
    en: {
      one: '{count} Assistant entry names audio that is not in this export. If the Takeout came in several parts (…-001.zip, …-002.zip), add all the parts together.',
      other:
        '{count} Assistant entries name audio that is not in this export. If the Takeout came in several parts (…-001.zip, …-002.zip), add all the parts together.',
    },
    de: {
      one: '{count} Assistant-Eintrag nennt Audio, das nicht in diesem Export ist. Wenn dein Takeout-Export aus mehreren Teilen besteht (…-001.zip, …-002.zip), füge alle Teile zusammen hinzu.',
      other:
        '{count} Assistant-Einträge nennen Audio, das nicht in diesem Export ist. Wenn dein Takeout-Export aus mehreren Teilen besteht (…-001.zip, …-002.zip), füge alle Teile zusammen hinzu.',
    },
  },
  unreferencedAudio: {
    en: {
      one: '{count} audio file is not named by any Assistant activity entry; it was imported without a transcript, timed by the file name.',
      other:
        '{count} audio files are not named by any Assistant activity entry; they were imported without a transcript, timed by the file name.',
    },
    de: {
      one: '{count} Audiodatei wird von keinem Assistant-Aktivitätseintrag genannt; sie wurde ohne Transkript importiert, mit der Zeit aus dem Dateinamen.',
      other:
        '{count} Audiodateien werden von keinem Assistant-Aktivitätseintrag genannt; sie wurden ohne Transkript importiert, mit der Zeit aus dem Dateinamen.',
    },
  },
  noActivityFile: {
    en: {
      one: 'No activity file (MyActivity.json or .html) came with this audio, so its {count} recording has no transcript and is timed by its file name. If you have the full Takeout with “My Activity”, import it too: Earshot then adds the transcripts to the recordings already here.',
      other:
        'No activity file (MyActivity.json or .html) came with this audio, so its {count} recordings have no transcript and are timed by their file names. If you have the full Takeout with “My Activity”, import it too: Earshot then adds the transcripts to the recordings already here.',
    },
    de: {
      one: 'Zu diesem Audio gehört keine Aktivitätsdatei (MyActivity.json oder .html), deshalb hat seine {count} Aufnahme kein Transkript und die Zeit aus dem Dateinamen. Wenn du den vollständigen Takeout-Export mit „Meine Aktivitäten“ hast, importiere ihn auch: Earshot ergänzt dann die Transkripte der Aufnahmen, die schon hier sind.',
      other:
        'Zu diesem Audio gehört keine Aktivitätsdatei (MyActivity.json oder .html), deshalb haben seine {count} Aufnahmen kein Transkript und die Zeit aus ihren Dateinamen. Wenn du den vollständigen Takeout-Export mit „Meine Aktivitäten“ hast, importiere ihn auch: Earshot ergänzt dann die Transkripte der Aufnahmen, die schon hier sind.',
    },
  },
  skipSameAudio: {
    en: 'is a byte-identical copy of {file}, which was imported instead',
    de: 'ist eine bytegleiche Kopie von {file}, die stattdessen importiert wurde',
  },
  // {zones} is a list of zone names as written in the export, each in quotes.
  unknownZones: {
    en: 'Some times carried a time zone Earshot does not know ({zones}); they were read as UTC and may be off by a few hours.',
    de: 'Einige Zeiten tragen eine Zeitzone, die Earshot nicht kennt ({zones}); sie wurden als UTC gelesen und können um ein paar Stunden abweichen.',
  },
  skipOverviewTooLarge: {
    en: 'is too large to be the archive overview page, so it was not read',
    de: 'ist zu groß für die Archiv-Übersichtsseite und wurde daher nicht gelesen',
  },
  noEmail: {
    en: "“{file}” does not name the account's e-mail address.",
    de: '„{file}“ nennt die E-Mail-Adresse des Kontos nicht.',
  },
  skipNotProfile: {
    en: 'is not a profile with an e-mail address',
    de: 'ist kein Profil mit einer E-Mail-Adresse',
  },
  // One activity entry left out; it follows "MyActivity.json › entry 3". {reason} is one of the
  // entry reasons below ("Eintrag" is masculine, hence „er“).
  skipEntry: {
    en: 'was left out: it {reason}',
    de: 'wurde ausgelassen: er {reason}',
  },
  entryNoContent: {
    en: 'has no title, time or audio',
    de: 'hat keinen Titel, keine Zeit und kein Audio',
  },
  entryNotObject: {
    en: 'is not an activity entry (not a JSON object)',
    de: 'ist kein Aktivitätseintrag (kein JSON-Objekt)',
  },
  // {field} is a JSON field name ("subtitles.0.url"), {detail} the validator's own explanation.
  entryBadFieldDetail: {
    en: 'has a “{field}” that is not in the expected form ({detail})',
    de: 'hat ein Feld „{field}“, das nicht die erwartete Form hat ({detail})',
  },
  entryBadField: {
    en: 'has a “{field}” that is not in the expected form',
    de: 'hat ein Feld „{field}“, das nicht die erwartete Form hat',
  },
  entryBadForm: {
    en: 'is not in the expected form',
    de: 'hat nicht die erwartete Form',
  },
  skipNotActivityList: {
    en: 'is not a list of activity entries, as Google’s activity files are',
    de: 'ist keine Liste von Aktivitätseinträgen, wie es Googles Aktivitätsdateien sind',
  },
  // {done}: entries read before the damage, {count}: of those, the ones imported.
  damagedJson: {
    en: {
      one: '“{file}” is damaged after entry {done} ({detail}); the {count} entry before the damage was imported.',
      other: '“{file}” is damaged after entry {done} ({detail}); the {count} entries before the damage were imported.',
    },
    de: {
      one: '„{file}“ ist nach Eintrag {done} beschädigt ({detail}); {count} Eintrag davor wurde importiert.',
      other: '„{file}“ ist nach Eintrag {done} beschädigt ({detail}); {count} Einträge davor wurden importiert.',
    },
  },
  // Follows "MyActivity.json › 25 more entries".
  skipMoreEntries: {
    en: 'were left out: they are not activity entries in the expected form',
    de: 'wurden ausgelassen: sie sind keine Aktivitätseinträge in der erwarteten Form',
  },
  damagedHtml: {
    en: {
      one: '“{file}” could not be read to the end ({detail}); the {count} entry before the damage was imported.',
      other: '“{file}” could not be read to the end ({detail}); the {count} entries before the damage were imported.',
    },
    de: {
      one: '„{file}“ ließ sich nicht bis zum Ende lesen ({detail}); {count} Eintrag vor der beschädigten Stelle wurde importiert.',
      other:
        '„{file}“ ließ sich nicht bis zum Ende lesen ({detail}); {count} Einträge vor der beschädigten Stelle wurden importiert.',
    },
  },
  skipNoHtmlEntries: {
    en: 'holds no activity entries in the layout of Google’s activity pages',
    de: 'enthält keine Aktivitätseinträge im Layout von Googles Aktivitätsseiten',
  },
} satisfies Record<string, Entry>;
