// OpenVoiceOS and Mycroft saved recordings (`"listener": {"save_utterances": true}`) → recordings.
//
// The formats, from the assistants' own code:
// - OVOS dinkum listener (ovos_dinkum_listener/service.py `_save_stt`):
//   `<save_path>/utterances/<name>.wav` and `<name>.json` beside it, the JSON being the speech-to-text
//   context: `transcriptions: [[text, confidence], …]` (older: `transcription: text`), the language
//   as `lang` or `stt_lang`. `<name>` is the `utterance_filename` template, `{md5}-{uuid4}` by
//   default (md5 of the transcript); a template may hold `{now}` or `{utcnow}`. No time is written:
//   the time is the file's, written as soon as the text was known.
// - OVOS's older listener (ovos_listener/mic.py) and Mycroft (mycroft/client/speech/mic.py):
//   `<save_path>/utterances/<stamp>.wav` and `<save_path>/mycroft_utterances/<stamp>.wav`, `<stamp>`
//   being `str(datetime.now())`, local time without zone (`2021-03-04 13:45:28.123456`); no text.
// Wake-word clips (`wake_words/`, `mycroft_wake_words/`) and OVOS's `recordings/` are listed, not read.
import type { ExportEntry, ExportFiles } from '../../archive/export-files.ts';
import type { NewRecording, RecordingSource } from '../../model.ts';
import type { Detection, Importer, ImportSink } from '../importer.ts';
import { compactExtra, soundFileRecording } from '../shared.ts';
import { message } from '../../messages/index.ts';
import { readTranscription, type Transcription } from './transcription.ts';
import { timeFromName, timeFromStamp, type FoundTime } from './times.ts';

/**
 * Detection: 75 for OVOS recordings with their JSON (above the Alexa voice-history importer's 60,
 * which also takes folders named "utterances"), 70 for Mycroft's `mycroft_utterances`, 65 for
 * timestamp-named WAVs in an `utterances` folder, 25 for timestamp-named WAVs anywhere else (below
 * Amazon's 30 for WAVs in Alexa folders).
 */
const SCORES = { pairs: 75, mycroftFolder: 70, utterancesFolder: 65, stampsOnly: 25 } as const;

const WAV = /\.wav$/i;
const MAX_JSON_BYTES = 1024 * 1024;
const UTTERANCE_FOLDERS = new Set(['utterances', 'mycroft_utterances']);
const UNUSED_FOLDERS = new Set(['wake_words', 'mycroft_wake_words', 'recordings']);

interface Clip {
  wav: ExportEntry;
  json: ExportEntry | null;
  folder: string;
  stem: string;
}

function parentName(entry: ExportEntry): string {
  const parts = entry.path.split('/');
  return (parts[parts.length - 2] ?? '').toLowerCase();
}

function stemOf(name: string): string {
  return name.replace(/\.[^.]*$/, '');
}

function sortOut(files: ExportFiles): { clips: Clip[]; unused: ExportEntry[]; others: ExportEntry[] } {
  const jsonByStem = new Map<string, ExportEntry>();
  for (const e of files.entries) if (/\.json$/i.test(e.name)) jsonByStem.set(stemOf(e.path), e);
  const clips: Clip[] = [];
  const unused: ExportEntry[] = [];
  const paired = new Set<ExportEntry>();
  for (const e of files.entries) {
    const folder = parentName(e);
    if (UNUSED_FOLDERS.has(folder)) {
      unused.push(e);
      continue;
    }
    if (!WAV.test(e.name)) continue;
    const json = jsonByStem.get(stemOf(e.path)) ?? null;
    if (json) paired.add(json);
    if (json || UTTERANCE_FOLDERS.has(folder) || timeFromStamp(stemOf(e.name)) !== null) {
      clips.push({ wav: e, json, folder, stem: stemOf(e.name) });
    }
  }
  const taken = new Set<ExportEntry>([...unused, ...paired, ...clips.map((c) => c.wav)]);
  return { clips, unused, others: files.entries.filter((e) => !taken.has(e)) };
}

function detect(files: ExportFiles): Detection {
  const { clips } = sortOut(files);
  let score = 0;
  for (const c of clips) {
    if (c.json && (c.folder === 'utterances' || /^[0-9a-f]{32}-/i.test(c.stem))) score = Math.max(score, SCORES.pairs);
    else if (c.folder === 'mycroft_utterances') score = Math.max(score, SCORES.mycroftFolder);
    else if (c.folder === 'utterances' && timeFromStamp(c.stem) !== null)
      score = Math.max(score, SCORES.utterancesFolder);
    else if (timeFromStamp(c.stem) !== null) score = Math.max(score, SCORES.stampsOnly);
  }
  return { kind: 'ovos-mycroft', score, recognised: score > 0 ? [message('ovos.recognised')] : [] };
}

async function readJson(entry: ExportEntry, sink: ImportSink): Promise<Transcription | null> {
  if (entry.size > MAX_JSON_BYTES) {
    sink.skip(entry.path, message('ovos.skipJsonTooLarge'));
    return null;
  }
  try {
    const found = readTranscription(JSON.parse((await entry.read(MAX_JSON_BYTES)).toString('utf8')) as unknown);
    if (found) sink.consumed(entry);
    else sink.skip(entry.path, message('ovos.skipJsonNoText'));
    return found;
  } catch (error) {
    sink.skip(entry.path, message('import.skipNotJson', { detail: (error as Error).message }));
    return null;
  }
}

function sourceOf(c: Clip): RecordingSource {
  return c.json || c.folder === 'utterances' ? 'openvoiceos' : 'mycroft';
}

function clipRecording(c: Clip, text: Transcription | null, time: FoundTime): NewRecording {
  const source = sourceOf(c);
  return soundFileRecording(
    `${source}:${c.stem}`,
    source,
    c.wav.path,
    { utc: time.utc, original: time.original, zone: time.zone },
    {
      transcript: text?.text ?? null,
      extra: compactExtra({
        language: text?.language ?? null,
        confidence: text?.confidence ?? null,
        otherTranscriptions: text?.alternatives ?? [],
        transcriptionFile: c.json?.path ?? null,
        timeFrom: time.from,
      }),
    },
  );
}

async function run(files: ExportFiles, sink: ImportSink): Promise<void> {
  const { clips, unused, others } = sortOut(files);
  for (const e of unused) sink.skip(e.path, message('ovos.skipUnused'));
  for (const e of others) sink.skip(e.path, message('ovos.skipOther'));
  let withText = 0;
  let zoneGuessed = 0;
  let zoneUnknown = 0;
  let untimed = 0;
  for (const c of clips) {
    sink.signal.throwIfAborted();
    const text = c.json ? await readJson(c.json, sink) : null;
    const time = timeFromName(c.stem, c.wav.modifiedMs);
    if (time.zoneGuessed) zoneGuessed++;
    if (time.zoneUnknown) zoneUnknown++;
    if (time.utc === null) untimed++;
    if (text?.text) withText++;
    await sink.addRecording(clipRecording(c, text, time), c.wav);
    sink.consumed(c.wav);
  }
  const without = clips.length - withText;
  if (without > 0) sink.note(message('ovos.noText', { count: without }));
  if (zoneGuessed > 0) sink.note(message('ovos.zoneFromFileTime', { count: zoneGuessed }));
  if (zoneUnknown > 0) sink.note(message('ovos.zoneUnknown', { count: zoneUnknown }));
  if (untimed > 0) sink.note(message('ovos.untimed', { count: untimed }));
}

export const ovosMycroftImporter: Importer = { detect, run };
