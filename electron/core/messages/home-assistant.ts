// Home Assistant Assist sentences, English and German. Placeholders are filled by `say` (see ./index.ts).
import type { Entry } from './text.ts';

export const homeAssistant = {
  // What was recognised (fills "Earshot recognised …"; German accusative).
  recognised: {
    en: 'Home Assistant Assist recordings (debug_recording_dir)',
    de: 'Home-Assistant-Assist-Aufnahmen (debug_recording_dir)',
  },
  recognisedWakeOnly: {
    en: 'Home Assistant Assist wake-word recordings, but no voice commands (no 01_stt-….wav files)',
    de: 'Home-Assistant-Assist-Aufnahmen zum Aktivierungswort, aber keine Sprachbefehle (keine 01_stt-….wav-Dateien)',
  },
  // Skip reasons follow a file's name.
  skipWake: {
    en: 'is what Home Assistant heard while it waited for the wake word, not a voice command; it was not read',
    de: 'ist das, was Home Assistant beim Warten auf das Aktivierungswort gehört hat, kein Sprachbefehl; es wurde nicht gelesen',
  },
  skipOther: {
    en: 'is not one of the recordings Home Assistant Assist writes (…/<run>/01_stt-….wav)',
    de: 'ist keine der Aufnahmen, die Home Assistant Assist schreibt (…/<Lauf>/01_stt-….wav)',
  },
  noTranscripts: {
    en: {
      one: 'Home Assistant keeps no text with its recordings, so this {count} voice command has no transcript. Its time is when the file was written, less the length of the audio.',
      other:
        'Home Assistant keeps no text with its recordings, so these {count} voice commands have no transcripts. Their times are when the files were written, less the length of the audio.',
    },
    de: {
      one: 'Home Assistant speichert keinen Text zu seinen Aufnahmen, deshalb hat dieser {count} Sprachbefehl kein Transkript. Seine Zeit ist die, zu der die Datei geschrieben wurde, abzüglich der Länge des Audios.',
      other:
        'Home Assistant speichert keinen Text zu seinen Aufnahmen, deshalb haben diese {count} Sprachbefehle keine Transkripte. Ihre Zeiten sind die, zu denen die Dateien geschrieben wurden, abzüglich der Länge des Audios.',
    },
  },
  wakeOnlyRuns: {
    en: {
      one: '{count} run holds only wake-word audio: nothing was said to the assistant after it, so there is no recording to show.',
      other:
        '{count} runs hold only wake-word audio: nothing was said to the assistant after them, so there are no recordings to show.',
    },
    de: {
      one: '{count} Lauf enthält nur Audio zum Aktivierungswort: danach wurde dem Assistenten nichts gesagt, deshalb gibt es keine Aufnahme zu zeigen.',
      other:
        '{count} Läufe enthalten nur Audio zum Aktivierungswort: danach wurde dem Assistenten nichts gesagt, deshalb gibt es keine Aufnahmen zu zeigen.',
    },
  },
  untimed: {
    en: {
      one: '{count} recording has no time: the archive did not keep when its file was written.',
      other: '{count} recordings have no time: the archive did not keep when their files were written.',
    },
    de: {
      one: '{count} Aufnahme hat keine Zeit: das Archiv hat nicht behalten, wann ihre Datei geschrieben wurde.',
      other: '{count} Aufnahmen haben keine Zeit: das Archiv hat nicht behalten, wann ihre Dateien geschrieben wurden.',
    },
  },
} satisfies Record<string, Entry>;
