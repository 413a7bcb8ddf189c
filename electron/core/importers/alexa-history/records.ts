// One voice-history record (an element of `customerHistoryRecords`) read into plain fields. Pure: no I/O.
import { isNotIntendedText } from './utterances.ts';

export interface Person {
  firstName: string | null;
  personId: string | null;
  personType: string | null;
}

export interface VoiceRecord {
  key: string;
  recordKey: string | null;
  recordType: string | null;
  timeUtc: number | null;
  timeOriginal: string | null;
  customerId: string | null;
  deviceName: string | null;
  deviceSerial: string | null;
  deviceType: string | null;
  deviceEntityId: string | null;
  utteranceType: string | null;
  domain: string | null;
  intent: string | null;
  skillName: string | null;
  activityStatus: string | null;
  transcript: string | null;
  response: string | null;
  /** The placeholder Alexa shows instead of a transcript ("Text not available – …"), when it did. */
  replacementText: string | null;
  notIntended: boolean;
  persons: Person[];
  /** Ids an audio file may be named by: utterance ids, then record item keys, then the record key. */
  audioIds: string[];
  utteranceId: string | null;
  agentVisualName: string | null;
}

export const NOT_INTENDED_STATUS = 'DISCARDED_NON_DEVICE_DIRECTED_INTENT';

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

function obj(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** Epoch milliseconds as a number or numeric string (seconds are recognised by their size); ISO strings too. */
export function epochTime(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v < 1e11 ? v * 1000 : v;
  if (typeof v === 'string' && v.trim() !== '') {
    if (/^\d{9,13}$/.test(v.trim())) return epochTime(Number(v.trim()));
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

/** Whether a JSON object is a voice-history record. */
export function isVoiceRecord(v: Record<string, unknown>): boolean {
  return (
    Array.isArray(v.voiceHistoryRecordItems) || (typeof v.recordKey === 'string' && ('timestamp' in v || 'device' in v))
  );
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

export function readVoiceRecord(v: Record<string, unknown>): VoiceRecord {
  const items = (Array.isArray(v.voiceHistoryRecordItems) ? v.voiceHistoryRecordItems : [])
    .map(obj)
    .filter((x) => x !== null);
  const device = obj(v.device) ?? {};
  const ofType = (type: string) =>
    items
      .filter((i) => str(i.recordItemType)?.toUpperCase() === type)
      .map((i) => str(i.transcriptText))
      .filter((t) => t !== null);

  const said = ofType('CUSTOMER_TRANSCRIPT');
  const asrReplacement = ofType('ASR_REPLACEMENT_TEXT');
  const answered = ofType('ALEXA_RESPONSE');
  const ttsReplacement = ofType('TTS_REPLACEMENT_TEXT');
  const activityStatus = str(v.activityStatus);

  let transcript: string | null =
    said.length > 0 ? said.join('\n') : asrReplacement.length > 0 ? asrReplacement.join('\n') : null;
  let replacementText: string | null =
    said.length === 0 && asrReplacement.length > 0 ? asrReplacement.join('\n') : null;
  let notIntended = activityStatus?.toUpperCase() === NOT_INTENDED_STATUS;
  if (transcript !== null && isNotIntendedText(transcript)) {
    notIntended = true;
    replacementText = transcript;
    transcript = null;
  } else if (notIntended && said.length === 0) {
    // The only text is Alexa's placeholder for an activation it discarded: not something anybody said.
    transcript = null;
  }

  const persons: Person[] = [];
  for (const source of [v, ...items]) {
    const list = Array.isArray(source.personsInfo) ? source.personsInfo : [];
    for (const p of list.map(obj)) {
      if (!p) continue;
      const person = { firstName: str(p.personFirstName), personId: str(p.personId), personType: str(p.personType) };
      if (!persons.some((x) => x.firstName === person.firstName && x.personId === person.personId))
        persons.push(person);
    }
  }

  const utteranceIds = uniq([str(v.utteranceId), ...items.map((i) => str(i.utteranceId))].filter((x) => x !== null));
  const itemKeys = items.map((i) => str(i.recordItemKey)).filter((x) => x !== null);
  const recordKey = str(v.recordKey);
  const timeUtc = epochTime(v.timestamp) ?? epochTime(items[0]?.timestamp);
  const timeOriginal = str(v.timestamp) ?? str(items[0]?.timestamp);
  const key = `alexa:${recordKey ?? utteranceIds[0] ?? `${timeUtc ?? ''}:${str(device.serialNumber) ?? ''}:${transcript ?? ''}`}`;

  return {
    key,
    recordKey,
    recordType: str(v.recordType),
    timeUtc,
    timeOriginal,
    customerId: str(v.customerId),
    deviceName: str(device.deviceName),
    deviceSerial: str(device.serialNumber),
    deviceType: str(device.deviceType),
    deviceEntityId: str(device.deviceEntityId),
    utteranceType: str(v.utteranceType),
    domain: str(v.domain),
    intent: str(v.intent),
    skillName: str(v.skillName),
    activityStatus,
    transcript,
    response: answered.length > 0 ? answered.join('\n') : ttsReplacement.length > 0 ? ttsReplacement.join('\n') : null,
    replacementText,
    notIntended,
    persons,
    audioIds: uniq([...utteranceIds, ...itemKeys, ...(recordKey ? [recordKey] : [])]),
    utteranceId: utteranceIds[0] ?? null,
    agentVisualName: items.map((i) => str(i.agentVisualName)).find((x) => x !== null) ?? null,
  };
}
