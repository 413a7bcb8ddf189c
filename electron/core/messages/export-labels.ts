// Names for exports as the user sees them: "Amazon data export · my-data". The library stores the
// English label (written at import); `labelIn` shows a stored label in the reader's language by
// recognising the kind's English name at its start, so labels stored by earlier imports follow too.
// No Node imports here: the window uses this file as well.
import type { ExportKind } from '../model.ts';
import type { Entry } from './text.ts';

const kindNames: Record<ExportKind, Entry> = {
  'google-takeout': { en: 'Google Takeout', de: 'Google Takeout' },
  'google-audio': { en: 'Google Assistant recordings', de: 'Google-Assistant-Aufnahmen' },
  'amazon-2024': { en: 'Amazon data export', de: 'Amazon-Datenexport' },
  'amazon-2019': { en: 'Amazon data export', de: 'Amazon-Datenexport' },
  'amazon-2018': { en: 'Amazon data export', de: 'Amazon-Datenexport' },
  'alexa-voice-history': { en: 'Alexa voice history', de: 'Alexa-Sprachverlauf' },
  'home-assistant-assist': { en: 'Home Assistant Assist recordings', de: 'Home-Assistant-Assist-Aufnahmen' },
  'ovos-mycroft': { en: 'OpenVoiceOS / Mycroft recordings', de: 'OpenVoiceOS-/Mycroft-Aufnahmen' },
};

type Lang = keyof Entry;
const separator = ' · ';

export function kindName(kind: ExportKind, lang: Lang = 'en'): string {
  return kindNames[kind][lang] as string;
}

/** The file or folder name an export was read from, without the path and a .zip/.json ending. */
function sourceName(input: string): string {
  const base = input.split(/[\\/]/).filter(Boolean).pop() ?? '';
  return base.replace(/\.(zip|json)$/i, '');
}

/** The English label stored for an export read from `inputs`. */
export function exportLabel(kind: ExportKind, inputs: string[]): string {
  const first = inputs[0] ? sourceName(inputs[0]) : '';
  return first ? `${kindName(kind)}${separator}${first}` : kindName(kind);
}

/** A stored (English) label in `lang`; a label that does not start with a kind's name is left as it is. */
export function labelIn(label: string, lang: Lang): string {
  if (lang === 'en') return label;
  for (const entry of Object.values(kindNames)) {
    const en = entry.en as string;
    if (label === en || label.startsWith(en + separator)) return (entry[lang] as string) + label.slice(en.length);
  }
  return label;
}

/** Every kind of export, for tests that must cover them all. */
export const exportKinds = Object.keys(kindNames) as ExportKind[];
