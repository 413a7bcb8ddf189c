// The text OpenVoiceOS saved beside a recording: its speech-to-text context as JSON.

export interface Transcription {
  text: string | null;
  confidence: number | null;
  /** Further guesses the speech-to-text engine made (`max_transcripts` > 1). */
  alternatives: string[];
  /** BCP-47, e.g. `en-us`. */
  language: string | null;
}

function textOf(item: unknown): { text: string; confidence: number | null } | null {
  if (typeof item === 'string') return item.trim() ? { text: item.trim(), confidence: null } : null;
  if (Array.isArray(item) && typeof item[0] === 'string' && item[0].trim()) {
    return { text: item[0].trim(), confidence: typeof item[1] === 'number' ? item[1] : null };
  }
  return null;
}

/**
 * `transcriptions: [[text, confidence], …]` (dinkum listener), `transcription: text` (older API),
 * or `utterances: [text]` (the bus message's shape); null when the JSON is none of these.
 */
export function readTranscription(json: unknown): Transcription | null {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
  const o = json as Record<string, unknown>;
  const list = Array.isArray(o.transcriptions) ? o.transcriptions : Array.isArray(o.utterances) ? o.utterances : [];
  const found = list.map(textOf).filter((x) => x !== null);
  if (found.length === 0 && typeof o.transcription === 'string' && o.transcription.trim()) {
    found.push({ text: o.transcription.trim(), confidence: null });
  }
  const lang = [o.lang, o.stt_lang, o.language].find((x) => typeof x === 'string' && x.trim()) as string | undefined;
  const knownShape = 'transcriptions' in o || 'transcription' in o || 'utterances' in o;
  if (!knownShape) return null;
  return {
    text: found[0]?.text ?? null,
    confidence: found[0]?.confidence ?? null,
    alternatives: found.slice(1).map((x) => x.text),
    language: lang?.trim() ?? null,
  };
}
