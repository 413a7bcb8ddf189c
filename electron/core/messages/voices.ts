// Voices sentences, English and German: why a recording has no voice signature, why a voice sample
// could not be used, and the verdict on whose voices an export holds. Placeholders are filled by `say`.
import type { Entry } from './text.ts';

export const voices = {
  // Why a recording has no voice signature; lower case, as they also appear inside sampleUnusable.
  invalidAudio: {
    en: 'the audio could not be analysed (no samples or an unusable sample rate)',
    de: 'das Audio ließ sich nicht analysieren (keine Samples oder eine unbrauchbare Abtastrate)',
  },
  noAudio: {
    en: 'the recording holds no audio',
    de: 'die Aufnahme enthält kein Audio',
  },
  // `{seconds}` is written with a decimal point ("0.42").
  tooShort: {
    en: 'the recording is too short for a voice signature ({seconds} s; at least 0.5 s of speech is needed)',
    de: 'die Aufnahme ist zu kurz für eine Stimmsignatur ({seconds} s; nötig sind mindestens 0,5 s Sprache)',
  },
  noSpeech: {
    en: 'no speech was found in the recording (silence or noise only)',
    de: 'in der Aufnahme wurde keine Sprache gefunden (nur Stille oder Rauschen)',
  },
  tooLittleSpeech: {
    en: 'too little speech for a voice signature ({seconds} s; at least 0.5 s is needed)',
    de: 'zu wenig Sprache für eine Stimmsignatur ({seconds} s; nötig sind mindestens 0,5 s)',
  },
  numericalTrouble: {
    en: 'the audio could not be analysed (numerical trouble)',
    de: 'das Audio ließ sich nicht analysieren (Rechenfehler)',
  },
  undecodable: {
    en: 'the audio could not be decoded',
    de: 'das Audio ließ sich nicht dekodieren',
  },
  // The verdict on an export's voices. `{group}` is a voice group's label, `{person}` a name.
  // The English has always said "recordings", even for one; the German picks the form.
  verdictNoneEnrolled: {
    en: 'No voice has been enrolled yet, so the voices in this export cannot be compared with yours.',
    de: 'Es ist noch keine Stimmprobe hinterlegt, deshalb lassen sich die Stimmen in diesem Export nicht mit deiner vergleichen.',
  },
  verdictOwnGroup: {
    en: {
      one: "At least one voice in this export is yours or your household's: voice group {group} ({count} recordings) matches {person}.",
      other:
        "At least one voice in this export is yours or your household's: voice group {group} ({count} recordings) matches {person}.",
    },
    de: {
      one: 'Mindestens eine Stimme in diesem Export gehört dir oder deinem Haushalt: Die Stimmgruppe {group} ({count} Aufnahme) passt zu {person}.',
      other:
        'Mindestens eine Stimme in diesem Export gehört dir oder deinem Haushalt: Die Stimmgruppe {group} ({count} Aufnahmen) passt zu {person}.',
    },
  },
  verdictOwnMatches: {
    en: "At least one voice in this export is yours or your household's: {matchedCount} of {total} recordings match an enrolled voice.",
    de: 'Mindestens eine Stimme in diesem Export gehört dir oder deinem Haushalt: {matchedCount} von {total} Aufnahmen passen zu einer hinterlegten Stimme.',
  },
  verdictTooFew: {
    en: {
      one: 'No voice here matched yours, but {count} recordings with speech are too few to be sure (at least {neededCount} are needed).',
      other:
        'No voice here matched yours, but {count} recordings with speech are too few to be sure (at least {neededCount} are needed).',
    },
    de: {
      one: 'Keine Stimme hier passt zu deiner, aber {count} Aufnahme mit Sprache ist zu wenig, um sicher zu sein (nötig sind mindestens {neededCount}).',
      other:
        'Keine Stimme hier passt zu deiner, aber {count} Aufnahmen mit Sprache sind zu wenige, um sicher zu sein (nötig sind mindestens {neededCount}).',
    },
  },
  verdictTooVaried: {
    en: 'The voices in this export are too varied to compare reliably with yours.',
    de: 'Die Stimmen in diesem Export sind zu unterschiedlich, um sie verlässlich mit deiner zu vergleichen.',
  },
  verdictForeign: {
    en: 'None of the {groupCount} voice groups in this export ({evidenceCount} of {total} recordings) sounds like you or your household, and only {matchedCount} single recordings match, as many as chance alone would give.',
    de: 'Keine der {groupCount} Stimmgruppen in diesem Export ({evidenceCount} von {total} Aufnahmen) klingt nach dir oder deinem Haushalt, und nur {matchedCount} einzelne Aufnahmen passen – so viele, wie schon der Zufall ergäbe.',
  },
  // A voice sample the user recorded or chose. `{reason}` is one of the sentences above.
  sampleUnreadable: {
    en: 'The sample could not be read as audio. Record it again, or choose a WAV or MP3 file.',
    de: 'Die Stimmprobe ließ sich nicht als Audio lesen. Nimm sie noch einmal auf oder wähle eine WAV- oder MP3-Datei.',
  },
  sampleUnusable: {
    en: 'The sample could not be used: {reason}. Speak for a few seconds and try again.',
    de: 'Die Stimmprobe ließ sich nicht verwenden: {reason}. Sprich ein paar Sekunden lang und versuch es noch einmal.',
  },
} satisfies Record<string, Entry>;
