// Names for exports as the user sees them in the sidebar.
import path from 'node:path';
import type { ExportKind } from '../model.ts';

const kindNames: Record<ExportKind, string> = {
  'google-takeout': 'Google Takeout',
  'google-audio': 'Google Assistant recordings',
  'amazon-2024': 'Amazon data export',
  'amazon-2019': 'Amazon data export',
  'amazon-2018': 'Amazon data export',
  'alexa-voice-history': 'Alexa voice history',
  'home-assistant-assist': 'Home Assistant Assist recordings',
  'ovos-mycroft': 'OpenVoiceOS / Mycroft recordings',
};

export function kindName(kind: ExportKind): string {
  return kindNames[kind];
}

export function exportLabel(kind: ExportKind, inputs: string[]): string {
  const first = inputs[0] ? path.basename(inputs[0]).replace(/\.(zip|json)$/i, '') : '';
  return first ? `${kindNames[kind]} · ${first}` : kindNames[kind];
}
