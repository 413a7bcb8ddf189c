// What Alexa's own words and names mean: the "not intended for Alexa" placeholder (English and German),
// utterance ids and audio file names. (The times file names carry are read in ../amazon/times.ts.)

/**
 * Alexa's placeholder for an activation that was not meant for it, in English and German, with an en
 * dash, em dash, hyphen or colon between the halves (the page and saved copies differ), any case, an
 * optional final period. Either half alone also counts.
 */
const NOT_INTENDED =
  /^\s*(?:(?:text not available|text nicht verf(?:ü|ue)gbar)\s*[-–—:]?\s*)?(?:audio was not intended for alexa|audio war nicht f(?:ü|ue)r alexa bestimmt)\s*\.?\s*$/i;

export function isNotIntendedText(text: string | null | undefined): boolean {
  if (!text) return false;
  return NOT_INTENDED.test(text.normalize('NFC'));
}

/** Folds an id or a file name to compare them: scripts replace `/`, `:`, `#` and `.` in ids when naming files. */
export function idKey(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** A file name without its audio/compression extensions: `abc.wav.gz` → `abc`. */
export function stripAudioExtensions(name: string): string {
  let base = name;
  for (;;) {
    const next = base.replace(/\.(wav|wave|gz|gzip|audio|bin|pcm)$/i, '');
    if (next === base) return base;
    base = next;
  }
}
