// Alexa voice history saved from the Alexa privacy page (`customerHistoryRecords`, one file or many
// pages), with the audio of each utterance beside it in files named by its utterance id, plain or
// gzip-compressed. JSON is streamed, never held whole.
import path from 'node:path';
import type { ExportEntry, ExportFiles } from '../../archive/export-files.ts';
import type { NewRecording } from '../../model.ts';
import type { Detection, Importer, ImportSink } from '../importer.ts';
import { sniffEntry } from './entry-head.ts';
import { streamArrayObjects } from './json-objects.ts';
import { isVoiceRecord, readVoiceRecord, type VoiceRecord } from './records.ts';
import { idKey, stripAudioExtensions } from './utterances.ts';
import { timeFromFileName } from '../amazon/times.ts';
import { compactExtra, soundFileRecording } from '../shared.ts';
import { message } from '../../messages/index.ts';

export { isNotIntendedText, idKey } from './utterances.ts';
export { timeFromFileName } from '../amazon/times.ts';
export { readVoiceRecord, isVoiceRecord, NOT_INTENDED_STATUS, type VoiceRecord } from './records.ts';
export { streamArrayObjects } from './json-objects.ts';
export { sniffEntry, readHead } from './entry-head.ts';

export const ALEXA_HISTORY_SKIP_REASONS = {
  noRecords: message('alexa.skipNoRecords'),
  notAudio: message('alexa.skipNotAudio'),
  otherFile: message('alexa.skipOtherFile'),
  duplicateAudio: message('alexa.skipDuplicateAudio'),
} as const;

const JSON_NAME = /\.(json|jsonl|ndjson|txt)$/i;
const HISTORY_NAME =
  /customer.?history|voice.?history|alexa.?history|history.?records|utterances?|alexa.*(activity|records)/i;
const AUDIO_NAME = /\.(wav|wave)(\.gz)?$|\.gz$/i;
const MAX_ITEM_SKIPS_LISTED = 20;

function isJsonName(name: string) {
  return /\.(json|jsonl|ndjson)$/i.test(name);
}

function detect(files: ExportFiles): Detection {
  const json = files.entries.filter((e) => isJsonName(e.name));
  if (json.length === 0) return { kind: 'alexa-voice-history', score: 0, recognised: [] };
  const named = json.some((e) => HISTORY_NAME.test(e.path) || HISTORY_NAME.test(path.basename(e.container)));
  const audio = files.entries.filter((e) => AUDIO_NAME.test(e.name));
  const idNamedAudio = audio.some((e) => timeFromFileName(e.name)?.form === 'utterance-id');
  const onlyJsonAndAudio = files.entries.every((e) => JSON_NAME.test(e.name) || AUDIO_NAME.test(e.name));
  let score = 0;
  if (named) score = 60;
  else if (onlyJsonAndAudio && idNamedAudio) score = 40;
  // Loose JSON (and audio) and nothing else: worth a look; the run reports when it holds no records.
  else if (onlyJsonAndAudio) score = 8;
  return {
    kind: 'alexa-voice-history',
    score,
    recognised: score > 0 ? [message('alexa.recognisedHistory')] : [],
  };
}

interface AudioFile {
  entry: ExportEntry;
  key: string;
}

interface State {
  sink: ImportSink;
  audioById: Map<string, AudioFile>;
  usedAudio: Set<ExportEntry>;
  seenKeys: Set<string>;
  repeated: number;
  records: number;
  withAudio: number;
  customerIds: Set<string>;
  accountSet: boolean;
}

async function run(files: ExportFiles, sink: ImportSink): Promise<void> {
  const signal = sink.signal;
  const jsonEntries = files.entries
    .filter((e) => isJsonName(e.name))
    .sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
  const others = files.entries.filter((e) => !isJsonName(e.name));

  const state: State = {
    sink,
    audioById: new Map(),
    usedAudio: new Set(),
    seenKeys: new Set(),
    repeated: 0,
    records: 0,
    withAudio: 0,
    customerIds: new Set(),
    accountSet: false,
  };
  // Audio is indexed by name alone; whether it really is audio the sink finds out when reading it.
  for (const entry of others) {
    const key = idKey(stripAudioExtensions(entry.name));
    if (!key) continue;
    const existing = state.audioById.get(key);
    // Prefer the plain WAV over a compressed copy of the same utterance.
    if (!existing || (/\.gz$/i.test(existing.entry.name) && !/\.gz$/i.test(entry.name)))
      state.audioById.set(key, { entry, key });
  }

  for (const entry of jsonEntries) {
    signal.throwIfAborted();
    await readHistoryFile(entry, state);
  }

  // Files no record named: audio becomes a recording without transcript; anything else is reported.
  let unreferenced = 0;
  for (const entry of others) {
    signal.throwIfAborted();
    if (state.usedAudio.has(entry)) continue;
    const indexed = state.audioById.get(idKey(stripAudioExtensions(entry.name)));
    if (indexed && indexed.entry !== entry && state.usedAudio.has(indexed.entry)) {
      sink.skip(entry.path, ALEXA_HISTORY_SKIP_REASONS.duplicateAudio);
      continue;
    }
    let facts;
    try {
      facts = await sniffEntry(entry);
    } catch (error) {
      sink.skip(entry.path, message('import.skipUnreadable', { detail: (error as Error).message }));
      continue;
    }
    if (!facts.audio) {
      sink.skip(
        entry.path,
        facts.other ? message('alexa.skipOtherFileWhat', { what: facts.other }) : ALEXA_HISTORY_SKIP_REASONS.otherFile,
      );
      continue;
    }
    if (indexed && indexed.entry !== entry) {
      sink.skip(entry.path, ALEXA_HISTORY_SKIP_REASONS.duplicateAudio);
      continue;
    }
    await sink.addRecording(audioOnlyRecording(entry), entry);
    state.usedAudio.add(entry);
    sink.consumed(entry);
    unreferenced++;
  }

  if (state.records > 0 && state.withAudio === 0 && unreferenced === 0) {
    sink.note(message('alexa.noAudio'));
  }
  if (unreferenced > 0) {
    sink.note(message('alexa.unreferencedAudio', { count: unreferenced }));
  }
  if (state.repeated > 0) {
    sink.note(message('alexa.repeatedRecords', { count: state.repeated }));
  }
  if (state.customerIds.size > 1) {
    sink.note(message('alexa.severalCustomers', { count: state.customerIds.size }));
  }
}

async function readHistoryFile(entry: ExportEntry, state: State): Promise<void> {
  const { sink } = state;
  if (entry.size === 0) {
    sink.skip(entry.path, message('import.skipEmpty'));
    return;
  }
  let records = 0;
  let other = 0;
  try {
    const source = await entry.stream();
    for await (const { value } of streamArrayObjects(source, sink.signal)) {
      sink.signal.throwIfAborted();
      if (isVoiceRecord(value)) {
        await addRecord(readVoiceRecord(value), entry, state);
        records++;
      } else if (Array.isArray(value.customerHistoryRecords)) {
        // A list of saved pages: each page's records are already in memory with it.
        for (const r of value.customerHistoryRecords) {
          if (r && typeof r === 'object' && !Array.isArray(r) && isVoiceRecord(r as Record<string, unknown>)) {
            await addRecord(readVoiceRecord(r as Record<string, unknown>), entry, state);
            records++;
          }
        }
      } else other++;
    }
  } catch (error) {
    if (sink.signal.aborted) throw sink.signal.reason ?? error;
    if (records === 0) {
      sink.skip(entry.path, message('import.skipNotJson', { detail: (error as Error).message }));
      return;
    }
    sink.note(message('alexa.damagedHistory', { file: entry.path, count: records, detail: (error as Error).message }));
  }
  if (records === 0) {
    sink.skip(entry.path, ALEXA_HISTORY_SKIP_REASONS.noRecords);
    return;
  }
  if (other > 0 && other <= MAX_ITEM_SKIPS_LISTED) {
    sink.note(message('alexa.otherEntries', { file: entry.path, count: other }));
  }
  sink.consumed(entry);
}

function findAudio(record: VoiceRecord, state: State): AudioFile | null {
  for (const id of record.audioIds) {
    const found = state.audioById.get(idKey(id));
    if (found && !state.usedAudio.has(found.entry)) return found;
  }
  return null;
}

async function addRecord(record: VoiceRecord, file: ExportEntry, state: State) {
  const { sink } = state;
  if (state.seenKeys.has(record.key)) {
    state.repeated++;
    return;
  }
  state.seenKeys.add(record.key);
  state.records++;
  if (record.customerId) {
    state.customerIds.add(record.customerId);
    if (!state.accountSet) {
      sink.setAccount({ value: record.customerId, kind: 'customer-id', foundIn: file.path });
      state.accountSet = true;
    }
  }
  const audio = findAudio(record, state);
  const names = [...new Set(record.persons.map((p) => p.firstName).filter((n): n is string => n !== null))];
  const recording: NewRecording = {
    key: record.key,
    source: 'alexa',
    timeUtc: record.timeUtc,
    timeOriginal: record.timeOriginal,
    timeZone: record.timeUtc !== null ? 'UTC' : null,
    device: record.deviceName,
    deviceSerial: record.deviceSerial,
    title: null,
    transcript: record.transcript,
    response: record.response,
    notIntended: record.notIntended,
    unrecognizedSpeaker: false,
    vendorFlags:
      record.activityStatus && record.activityStatus.toUpperCase() !== 'SUCCESS' ? [record.activityStatus] : [],
    speakerLabel: names.length > 0 ? names.join(', ') : null,
    audioPath: audio?.entry.path ?? null,
    extra: compactExtra({
      recordKey: record.recordKey,
      recordType: record.recordType,
      utteranceId: record.utteranceId,
      utteranceType: record.utteranceType,
      intent: record.intent,
      domain: record.domain,
      skillName: record.skillName,
      activityStatus: record.activityStatus,
      deviceType: record.deviceType,
      deviceEntityId: record.deviceEntityId,
      agentVisualName: record.agentVisualName,
      replacementText: record.replacementText,
      personsInfo: record.persons.length > 0 ? record.persons : null,
      customerId: record.customerId,
      historyFile: file.path,
    }),
  };
  if (audio) {
    state.usedAudio.add(audio.entry);
    state.withAudio++;
  }
  await sink.addRecording(recording, audio?.entry ?? null);
  if (audio) sink.consumed(audio.entry);
}

function audioOnlyRecording(entry: ExportEntry): NewRecording {
  const fromName = timeFromFileName(entry.name);
  return soundFileRecording(
    `alexa:${stripAudioExtensions(entry.name)}`,
    'alexa',
    entry.path,
    { utc: fromName?.utc ?? null, original: fromName?.text ?? null, zone: fromName ? 'UTC' : null },
    {
      deviceSerial: fromName?.serial ?? null,
      extra: compactExtra({ unreferencedAudio: true, timeFrom: fromName ? 'audio file name' : null }),
    },
  );
}

export const alexaHistoryImporter: Importer = { detect, run };
