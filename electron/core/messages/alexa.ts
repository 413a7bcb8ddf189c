// Alexa sentences, English and German. Placeholders are filled by `say` (see ./index.ts).
import type { Entry } from './text.ts';

export const alexa = {
  // Skip reasons: they follow a file's name ("history.json — is JSON but …").
  skipNoRecords: {
    en: 'is JSON but holds no Alexa voice-history records (customerHistoryRecords)',
    de: 'ist JSON, enthält aber keine Einträge aus dem Alexa-Sprachverlauf (customerHistoryRecords)',
  },
  skipNotAudio: {
    en: 'is neither a voice-history file nor audio',
    de: 'ist weder eine Sprachverlaufsdatei noch Audio',
  },
  skipOtherFile: {
    en: 'is not part of the Alexa voice history',
    de: 'gehört nicht zum Alexa-Sprachverlauf',
  },
  skipDuplicateAudio: {
    en: 'is a second copy of an utterance’s audio already used (same utterance id)',
    de: 'ist eine zweite Kopie vom Audio einer Äußerung, das schon verwendet wurde (gleiche Äußerungs-ID)',
  },
  // What was recognised in an export that is none of the known kinds; fills the list in
  // "Earshot recognised …, but no voice recordings" (German: „Earshot hat … erkannt“, accusative).
  recognisedHistory: {
    en: 'JSON files that may be a saved Alexa voice history',
    de: 'JSON-Dateien, die ein gespeicherter Alexa-Sprachverlauf sein könnten',
  },
  // {what} is what the file is instead ("a text file", "a damaged gzip file").
  skipOtherFileWhat: {
    en: 'is not part of the Alexa voice history ({what})',
    de: 'gehört nicht zum Alexa-Sprachverlauf ({what})',
  },
  noAudio: {
    en: 'This voice history has no audio: only the text of each request was saved. Put the audio files (named by utterance id) in the same folder as the JSON to import them too.',
    de: 'Dieser Sprachverlauf enthält kein Audio: gespeichert wurde nur der Text jeder Anfrage. Leg die Audiodateien (benannt nach der Äußerungs-ID) in denselben Ordner wie das JSON, um sie mitzuimportieren.',
  },
  unreferencedAudio: {
    en: {
      one: '{count} audio file is not named by any voice-history record; it was imported without a transcript.',
      other: '{count} audio files are not named by any voice-history record; they were imported without a transcript.',
    },
    de: {
      one: '{count} Audiodatei wird von keinem Eintrag im Sprachverlauf genannt; sie wurde ohne Transkript importiert.',
      other:
        '{count} Audiodateien werden von keinem Eintrag im Sprachverlauf genannt; sie wurden ohne Transkript importiert.',
    },
  },
  repeatedRecords: {
    en: {
      one: '{count} record appears in more than one page of the voice history and was imported once.',
      other: '{count} records appear in more than one page of the voice history and were imported once.',
    },
    de: {
      one: '{count} Eintrag steht auf mehr als einer Seite des Sprachverlaufs und wurde einmal importiert.',
      other: '{count} Einträge stehen auf mehr als einer Seite des Sprachverlaufs und wurden einmal importiert.',
    },
  },
  severalCustomers: {
    en: 'This voice history holds records of {count} different Amazon customer ids; the first was taken as the account.',
    de: 'Dieser Sprachverlauf enthält Einträge von {count} verschiedenen Amazon-Kundennummern; die erste wurde als Konto übernommen.',
  },
  // {count} is both the record the damage follows and the number of records imported before it.
  damagedHistory: {
    en: {
      one: '“{file}” is damaged after record {count} ({detail}); the {count} record before the damage was imported.',
      other:
        '“{file}” is damaged after record {count} ({detail}); the {count} records before the damage were imported.',
    },
    de: {
      one: '„{file}“ ist nach Eintrag {count} beschädigt ({detail}); {count} Eintrag davor wurde importiert.',
      other: '„{file}“ ist nach Eintrag {count} beschädigt ({detail}); {count} Einträge davor wurden importiert.',
    },
  },
  otherEntries: {
    en: {
      one: '“{file}” also holds {count} entry that is not a voice-history record; it was left out.',
      other: '“{file}” also holds {count} entries that are not voice-history records; they were left out.',
    },
    de: {
      one: '„{file}“ enthält außerdem {count} Eintrag, der nicht zum Sprachverlauf gehört; er wurde ausgelassen.',
      other: '„{file}“ enthält außerdem {count} Einträge, die nicht zum Sprachverlauf gehören; sie wurden ausgelassen.',
    },
  },
  // What a file is when it is not audio; fills {what} above.
  headDamagedGzip: {
    en: 'a damaged gzip file',
    de: 'eine beschädigte gzip-Datei',
  },
  headGzip: {
    en: 'a gzip file',
    de: 'eine gzip-Datei',
  },
} satisfies Record<string, Entry>;
