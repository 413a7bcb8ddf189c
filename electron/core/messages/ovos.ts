// OpenVoiceOS / Mycroft sentences, English and German. Placeholders are filled by `say` (see ./index.ts).
import type { Entry } from './text.ts';

export const ovos = {
  // What was recognised (fills "Earshot recognised …"; German accusative).
  recognised: {
    en: 'OpenVoiceOS or Mycroft saved recordings (save_utterances)',
    de: 'gespeicherte Aufnahmen von OpenVoiceOS oder Mycroft (save_utterances)',
  },
  // Skip reasons follow a file's name.
  skipUnused: {
    en: 'is a wake-word clip or a requested recording, not something said to the assistant; it was not read',
    de: 'ist ein Ausschnitt mit dem Aktivierungswort oder eine angeforderte Aufnahme, nichts, was dem Assistenten gesagt wurde; es wurde nicht gelesen',
  },
  skipOther: {
    en: 'is not one of the recordings OpenVoiceOS or Mycroft save',
    de: 'ist keine der Aufnahmen, die OpenVoiceOS oder Mycroft speichern',
  },
  skipJsonTooLarge: {
    en: 'is too large to be the text OpenVoiceOS saves beside a recording; it was not read',
    de: 'ist zu groß für den Text, den OpenVoiceOS neben einer Aufnahme speichert; sie wurde nicht gelesen',
  },
  skipJsonNoText: {
    en: 'holds no transcription (“transcriptions”) for the recording beside it',
    de: 'enthält keine Transkription („transcriptions“) für die Aufnahme daneben',
  },
  noText: {
    en: {
      one: '{count} recording has no transcript: Mycroft and older OpenVoiceOS versions save only the audio.',
      other: '{count} recordings have no transcript: Mycroft and older OpenVoiceOS versions save only the audio.',
    },
    de: {
      one: '{count} Aufnahme hat kein Transkript: Mycroft und ältere OpenVoiceOS-Versionen speichern nur das Audio.',
      other:
        '{count} Aufnahmen haben kein Transkript: Mycroft und ältere OpenVoiceOS-Versionen speichern nur das Audio.',
    },
  },
  zoneFromFileTime: {
    en: {
      one: '{count} file name gives the device’s local time without its time zone; Earshot worked the zone out from when the file was written.',
      other:
        '{count} file names give the device’s local time without its time zone; Earshot worked the zone out from when the files were written.',
    },
    de: {
      one: '{count} Dateiname nennt die Ortszeit des Geräts ohne Zeitzone; Earshot hat die Zeitzone daraus ermittelt, wann die Datei geschrieben wurde.',
      other:
        '{count} Dateinamen nennen die Ortszeit des Geräts ohne Zeitzone; Earshot hat die Zeitzone daraus ermittelt, wann die Dateien geschrieben wurden.',
    },
  },
  zoneUnknown: {
    en: {
      one: '{count} file name gives the device’s local time, and nothing tells its time zone: the time is shown as written, which may be off by the zone’s hours.',
      other:
        '{count} file names give the device’s local time, and nothing tells its time zone: the times are shown as written, which may be off by the zone’s hours.',
    },
    de: {
      one: '{count} Dateiname nennt die Ortszeit des Geräts, und nichts verrät seine Zeitzone: die Zeit wird gezeigt, wie sie dasteht, und kann um die Stunden der Zeitzone abweichen.',
      other:
        '{count} Dateinamen nennen die Ortszeit des Geräts, und nichts verrät seine Zeitzone: die Zeiten werden gezeigt, wie sie dastehen, und können um die Stunden der Zeitzone abweichen.',
    },
  },
  untimed: {
    en: {
      one: '{count} recording has no time: neither its name nor the archive says when it was made.',
      other: '{count} recordings have no time: neither their names nor the archive say when they were made.',
    },
    de: {
      one: '{count} Aufnahme hat keine Zeit: weder ihr Name noch das Archiv sagen, wann sie entstand.',
      other: '{count} Aufnahmen haben keine Zeit: weder ihre Namen noch das Archiv sagen, wann sie entstanden.',
    },
  },
} satisfies Record<string, Entry>;
