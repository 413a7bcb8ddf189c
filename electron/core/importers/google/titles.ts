// Activity titles → what was said. Google writes "Said <words>" in English and translates the verb
// [real: en "Said …", fr "Vous avez dit …"]; other languages are plausible forms [guess]. A title in
// an unknown form is kept whole as the transcript, as the export documentation asks.

export interface TitleReading {
  /** What the person said, or null when the title says nothing was understood or it was not speech. */
  transcript: string | null;
  /** Which rule read it: 'said' (a known "said" form), 'unknown-command', 'action' (not speech), 'whole'. */
  rule: 'said' | 'unknown-command' | 'action' | 'whole' | 'empty';
}

/** "I said X" in the languages Takeout writes; group 1 is what was said. */
const SAID_FORMS: RegExp[] = [
  /^said:?\s+(.+)$/is, // en [real]
  /^you said:?\s+(.+)$/is, // en [guess]
  /^vous avez dit\s*:?\s+(.+)$/is, // fr [real]
  /^tu as dit\s*:?\s+(.+)$/is, // fr [guess]
  /^gesagt:?\s+(.+)$/is, // de [guess]
  /^(?:du hast|sie haben)\s+(.+?)\s+gesagt\.?$/is, // de [guess]
  /^(.+?)\s+gesagt\.?$/is, // de [guess] ("„Licht an“ gesagt")
  /^(?:je hebt|u hebt|u heeft)\s+(.+?)\s+gezegd\.?$/is, // nl [code]
  /^gezegd:?\s+(.+)$/is, // nl [guess]
  /^(?:has dicho|dijiste|dicho)\s*:?\s+(.+)$/is, // es [guess]
  /^(?:hai detto|detto)\s*:?\s+(.+)$/is, // it [guess]
  /^(?:você disse|disseste|disse)\s*:?\s+(.+)$/is, // pt [guess]
];

/** "Unknown voice command": the Assistant heard something it could not transcribe. */
const UNKNOWN_COMMAND = new Set(
  [
    'Unknown voice command', // en [guess from fr]
    'Commande vocale inconnue', // fr [real]
    'Unbekannter Sprachbefehl', // de [guess]
    'Comando de voz desconocido', // es [guess]
    'Comando vocale sconosciuto', // it [guess]
    'Onbekende spraakopdracht', // nl [guess]
    'Onbekend spraakcommando', // nl [guess]
    'Comando de voz desconhecido', // pt [guess]
  ].map((t) => t.toLowerCase()),
);

/** Titles that record an action, not speech: "Used Assistant", "\"Maps\" sélectionné" [real fr]. */
const ACTION_FORMS: RegExp[] = [
  /^used\s+\S/i, // en "Used Assistant"
  /^application utilisée\s*:/i, // fr [real] "Application utilisée : Assistant"
  /^(?:app|anwendung) verwendet\s*:/i, // de [guess]
  /^(?:aplicación utilizada|app utilizzata|app gebruikt|aplicativo usado)\s*:/i, // es, it, nl, pt [guess]
  /^selected\s+["“«]/i, // en [guess]
  /^["“«„].*["”»“]\s+(?:sélectionné|selected|ausgewählt|seleccionado|selezionato|geselecteerd|selecionado)$/i, // fr [real]
];

const QUOTES: [string, string][] = [
  ['"', '"'],
  ['“', '”'],
  ['„', '“'],
  ['„', '”'],
  ['«', '»'],
  ['‚', '‘'],
  ['‘', '’'],
];

function unquote(text: string): string {
  const t = text.trim();
  for (const [open, close] of QUOTES) {
    if (t.length >= 2 && t.startsWith(open) && t.endsWith(close))
      return t.slice(open.length, t.length - close.length).trim();
  }
  return t;
}

export function readTitle(rawTitle: string | null | undefined): TitleReading {
  const title = (rawTitle ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!title) return { transcript: null, rule: 'empty' };
  if (UNKNOWN_COMMAND.has(title.toLowerCase().replace(/\.$/, ''))) return { transcript: null, rule: 'unknown-command' };
  for (const form of SAID_FORMS) {
    const m = form.exec(title);
    if (m?.[1]) {
      const said = unquote(m[1]);
      if (said) return { transcript: said, rule: 'said' };
    }
  }
  if (ACTION_FORMS.some((f) => f.test(title))) return { transcript: null, rule: 'action' };
  return { transcript: title, rule: 'whole' };
}

/** Voice Match's "the speaker was not recognised", in the languages known or guessed. */
const UNRECOGNISED_SPEAKER =
  /unrecogni[sz]ed speaker|locuteur non reconnu|voix non reconnue|nicht erkannte[rnm]? (?:sprecher|stimme)|unbekannte[rnm]? (?:sprecher|stimme)|hablante no reconocido|voz no reconocida|parlante non riconosciuto|voce non riconosciuta|niet-herkende spreker|onbekende spreker|locutor não reconhecido/i;

export function isUnrecognisedSpeakerFlag(flag: string): boolean {
  return UNRECOGNISED_SPEAKER.test(flag.replace(/[\u00a0\u202f]/g, ' '));
}
