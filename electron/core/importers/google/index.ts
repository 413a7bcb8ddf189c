// Google Takeout → Assistant recordings. Reads only the Assistant's activity (JSON or HTML, streamed),
// its audio, and the page naming the account; every other product is reported and left unread.
import { createHash } from 'node:crypto';
import type { ExportEntry, ExportFiles } from '../../archive/export-files.ts';
import type { NewRecording } from '../../model.ts';
import type { Detection, Importer, ImportSink } from '../importer.ts';
import { activityFromJson, type ActivityItem } from './activity.ts';
import { emailFromArchiveBrowser, emailFromProfile } from './account.ts';
import { foldTakeoutName } from './names.ts';
import { JsonShapeError, streamJsonArray } from './read-json.ts';
import { streamHtmlActivities } from './read-html.ts';
import { scanTakeout, takeoutAudioName, type ScannedEntry, type TakeoutScan } from './scan.ts';
import { audioOnlyRecording, importAudioWithoutActivity } from './audio-only.ts';
import { parseAudioFileTime, parseHtmlTime, parseIsoTime, type ParsedTime } from './time.ts';
import { isUnrecognisedSpeakerFlag, readTitle } from './titles.ts';
import { compactExtra } from '../shared.ts';
import { message, type Message } from '../../messages/index.ts';

export { scanTakeout } from './scan.ts';
export { parseHtmlTime, parseIsoTime, parseAudioFileTime } from './time.ts';
export { readTitle } from './titles.ts';

/** One fixed reason per kind of entry left unread, so the report can group them. */
export const GOOGLE_SKIP_REASONS = {
  otherProduct: message('google.skipOtherProduct'),
  otherActivity: message('google.skipOtherActivity'),
  assistantOther: message('google.skipAssistantOther'),
  profileNotNeeded: message('google.skipProfileNotNeeded'),
  extraArchiveBrowser: message('google.skipExtraArchiveBrowser'),
  sameAsJson: message('google.skipSameAsJson'),
  duplicateAudio: message('google.skipDuplicateAudio'),
} as const;

export const GOOGLE_NOTES = {
  noAudio: message('google.noAudio'),
  noAssistant: message('google.noAssistant'),
} as const;

/**
 * Detection scores, next to the other importers' (registry.ts lists them all): a Takeout root 25,
 * its overview page 40, My Activity 20, Assistant activity 30, Assistant or Google-named audio 10,
 * at most 100; Google-named audio without any activity file at least 45 (a folder of saved
 * recordings names nothing else), above Amazon's "WAV in Alexa folders" (30).
 */
const AUDIO_WITHOUT_ACTIVITY_SCORE = 45;

const MAX_ACCOUNT_FILE_BYTES = 16 * 1024 * 1024;
const MAX_ITEM_SKIPS_LISTED = 20;

function detect(files: ExportFiles): Detection {
  const scan = scanTakeout(files.entries);
  let score = 0;
  if (scan.rooted) score += 25;
  if (scan.hasArchiveBrowser) score += 40;
  if (scan.hasMyActivity) score += 20;
  if (scan.hasAssistantActivity) score += 30;
  if (scan.hasAssistantAudio || scan.hasTakeoutAudioNames) score += 10;
  score = Math.min(100, score);
  // A bare "Takeout" folder with nothing Google-specific is weak evidence on its own.
  if (score === 25 && !scan.hasTakeoutAudioNames) score = 10;
  const audioOnly = !scan.hasAssistantActivity && (scan.hasAssistantAudio || scan.looseAudio > 0);
  if (audioOnly) score = Math.max(score, AUDIO_WITHOUT_ACTIVITY_SCORE);
  const recognised: Message[] = [];
  if (score > 0) {
    recognised.push(message('google.recognisedTakeout'));
    if (!scan.hasAssistantActivity) {
      recognised.push(message(audioOnly ? 'google.recognisedAudioOnly' : 'google.recognisedNoAssistant'));
    }
  }
  // Audio on its own, with nothing of a Takeout around it, is labelled as what it is.
  const kind = audioOnly && !scan.rooted && !scan.hasArchiveBrowser ? 'google-audio' : 'google-takeout';
  return { kind, score, recognised };
}

interface RunState {
  sink: ImportSink;
  audioByFolder: Map<string, ScannedEntry>;
  audioByName: Map<string, ScannedEntry[]>;
  usedAudio: Set<ExportEntry>;
  items: number;
  missingAudio: number;
  unknownZones: Set<string>;
}

async function run(files: ExportFiles, sink: ImportSink): Promise<void> {
  const scan = scanTakeout(files.entries);
  const signal = sink.signal;

  // Without an activity file, Google-named audio anywhere is the Assistant's (saved recordings).
  const looseAudio = (s: ScannedEntry) =>
    !scan.hasAssistantActivity && s.googleNamed && (s.kind === 'other-product' || s.kind === 'other-activity');
  for (const s of scan.entries) {
    if (looseAudio(s)) continue;
    if (s.kind === 'other-product') sink.skip(s.entry.path, GOOGLE_SKIP_REASONS.otherProduct);
    else if (s.kind === 'other-activity') sink.skip(s.entry.path, GOOGLE_SKIP_REASONS.otherActivity);
    else if (s.kind === 'assistant-other') sink.skip(s.entry.path, GOOGLE_SKIP_REASONS.assistantOther);
  }

  signal.throwIfAborted();
  await readAccount(scan, sink);

  if (!scan.hasAssistantActivity) {
    const audio = scan.entries.filter((s) => s.kind === 'audio' || looseAudio(s));
    const added = await importAudioWithoutActivity(audio, sink);
    if (added > 0) sink.note(message('google.noActivityFile', { count: added }));
    else sink.note(GOOGLE_NOTES.noAssistant);
    return;
  }

  const state: RunState = {
    sink,
    audioByFolder: new Map(),
    audioByName: new Map(),
    usedAudio: new Set(),
    items: 0,
    missingAudio: 0,
    unknownZones: new Set(),
  };
  for (const s of scan.entries) {
    if (s.kind !== 'audio') continue;
    const key = `${s.folder}/${foldTakeoutName(s.entry.name)}`;
    if (state.audioByFolder.has(key)) {
      sink.skip(s.entry.path, GOOGLE_SKIP_REASONS.duplicateAudio);
      continue;
    }
    state.audioByFolder.set(key, s);
    const byName = state.audioByName.get(foldTakeoutName(s.entry.name)) ?? [];
    byName.push(s);
    state.audioByName.set(foldTakeoutName(s.entry.name), byName);
  }

  // JSON first: when a folder holds both formats, the HTML repeats the JSON.
  const activity = scan.entries
    .filter((s) => s.kind === 'activity-json' || s.kind === 'activity-html')
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'activity-json' ? -1 : 1));
  const foldersRead = new Set<string>();
  for (const s of activity) {
    signal.throwIfAborted();
    if (s.kind === 'activity-html' && foldersRead.has(s.folder)) {
      sink.skip(s.entry.path, GOOGLE_SKIP_REASONS.sameAsJson);
      continue;
    }
    const read = s.kind === 'activity-json' ? await readJsonActivity(s, state) : await readHtmlActivity(s, state);
    if (read > 0 && s.kind === 'activity-json') foldersRead.add(s.folder);
  }

  // Audio no activity entry names: recordings without transcript, timed by their file name.
  let unreferenced = 0;
  for (const s of state.audioByFolder.values()) {
    if (state.usedAudio.has(s.entry)) continue;
    signal.throwIfAborted();
    await sink.addRecording(audioOnlyRecording(s.entry), s.entry);
    sink.consumed(s.entry);
    unreferenced++;
  }

  if (state.items > 0 && state.audioByFolder.size === 0) sink.note(GOOGLE_NOTES.noAudio);
  if (state.missingAudio > 0) {
    sink.note(message('google.missingAudio', { count: state.missingAudio }));
  }
  if (unreferenced > 0 && state.items > 0) {
    sink.note(message('google.unreferencedAudio', { count: unreferenced }));
  }
  if (state.unknownZones.size > 0) {
    const zones = [...state.unknownZones].map((z) => `“${z}”`).join(', ');
    sink.note(message('google.unknownZones', { zones }));
  }
}

async function readAccount(scan: TakeoutScan, sink: ImportSink) {
  let found = false;
  for (const s of scan.entries.filter((e) => e.kind === 'archive-browser')) {
    if (found) {
      sink.skip(s.entry.path, GOOGLE_SKIP_REASONS.extraArchiveBrowser);
      continue;
    }
    if (s.entry.size > MAX_ACCOUNT_FILE_BYTES) {
      sink.skip(s.entry.path, message('google.skipOverviewTooLarge'));
      continue;
    }
    try {
      const email = emailFromArchiveBrowser((await s.entry.read(MAX_ACCOUNT_FILE_BYTES)).toString('utf8'));
      sink.consumed(s.entry);
      if (email) {
        sink.setAccount({ value: email, kind: 'email', foundIn: s.entry.path });
        found = true;
      } else {
        sink.note(message('google.noEmail', { file: s.entry.path }));
      }
    } catch (error) {
      sink.skip(s.entry.path, message('import.skipUnreadable', { detail: (error as Error).message }));
    }
  }
  for (const s of scan.entries.filter((e) => e.kind === 'profile')) {
    if (found) {
      sink.skip(s.entry.path, GOOGLE_SKIP_REASONS.profileNotNeeded);
      continue;
    }
    try {
      const email =
        s.entry.size <= MAX_ACCOUNT_FILE_BYTES
          ? emailFromProfile((await s.entry.read(MAX_ACCOUNT_FILE_BYTES)).toString('utf8'))
          : null;
      if (email) {
        sink.consumed(s.entry);
        sink.setAccount({ value: email, kind: 'email', foundIn: s.entry.path });
        found = true;
      } else {
        sink.skip(s.entry.path, message('google.skipNotProfile'));
      }
    } catch (error) {
      sink.skip(s.entry.path, message('import.skipUnreadable', { detail: (error as Error).message }));
    }
  }
}

/** Reads one JSON activity file; returns the number of entries imported. */
async function readJsonActivity(s: ScannedEntry, state: RunState): Promise<number> {
  const { sink } = state;
  if (s.entry.size === 0) {
    sink.skip(s.entry.path, message('import.skipEmpty'));
    return 0;
  }
  let imported = 0;
  let bad = 0;
  try {
    const source = await s.entry.stream();
    for await (const { index, value } of streamJsonArray(source, sink.signal)) {
      sink.signal.throwIfAborted();
      const parsed = activityFromJson(value, index);
      if (!parsed.ok) {
        bad++;
        if (bad <= MAX_ITEM_SKIPS_LISTED)
          sink.skip(`${s.entry.path} › entry ${index + 1}`, message('google.skipEntry', { reason: parsed.reason }));
        continue;
      }
      await addActivity(parsed.item, s, state);
      imported++;
    }
  } catch (error) {
    if (sink.signal.aborted) throw sink.signal.reason ?? error;
    const reason =
      error instanceof JsonShapeError
        ? message('google.skipNotActivityList')
        : message('import.skipNotJson', { detail: (error as Error).message });
    if (imported === 0) {
      sink.skip(s.entry.path, reason);
      return 0;
    }
    sink.note(
      message('google.damagedJson', {
        file: s.entry.path,
        done: imported + bad,
        detail: (error as Error).message,
        count: imported,
      }),
    );
  }
  if (bad > MAX_ITEM_SKIPS_LISTED) {
    sink.skip(`${s.entry.path} › ${bad - MAX_ITEM_SKIPS_LISTED} more entries`, message('google.skipMoreEntries'));
  }
  if (imported > 0 || bad === 0) sink.consumed(s.entry);
  return imported;
}

async function readHtmlActivity(s: ScannedEntry, state: RunState): Promise<number> {
  const { sink } = state;
  let imported = 0;
  try {
    const source = await s.entry.stream();
    for await (const item of streamHtmlActivities(source, sink.signal)) {
      sink.signal.throwIfAborted();
      await addActivity(item, s, state);
      imported++;
    }
  } catch (error) {
    if (sink.signal.aborted) throw sink.signal.reason ?? error;
    if (imported === 0) {
      sink.skip(s.entry.path, message('import.skipUnreadable', { detail: (error as Error).message }));
      return 0;
    }
    sink.note(message('google.damagedHtml', { file: s.entry.path, detail: (error as Error).message, count: imported }));
  }
  if (imported === 0) {
    sink.skip(s.entry.path, message('google.skipNoHtmlEntries'));
    return 0;
  }
  sink.consumed(s.entry);
  return imported;
}

function findAudio(name: string, s: ScannedEntry, state: RunState): ScannedEntry | null {
  const base = foldTakeoutName(name.slice(name.lastIndexOf('/') + 1));
  const sameFolder = state.audioByFolder.get(`${s.folder}/${base}`);
  if (sameFolder) return sameFolder;
  // Names are times to the millisecond: a unique match elsewhere in the Assistant folders is the file.
  const elsewhere = state.audioByName.get(base);
  return elsewhere?.length === 1 ? elsewhere[0]! : null;
}

async function addActivity(item: ActivityItem, s: ScannedEntry, state: RunState) {
  state.items++;
  const audios: ScannedEntry[] = [];
  const missing: string[] = [];
  for (const name of item.audioFiles) {
    const found = findAudio(name, s, state);
    if (found && !state.usedAudio.has(found.entry)) audios.push(found);
    else if (!found) missing.push(name);
  }
  if (missing.length > 0) state.missingAudio++;
  const base = activityRecording(item, s, state, missing);
  if (audios.length === 0) {
    await state.sink.addRecording(base, null);
    return;
  }
  for (const [i, audio] of audios.entries()) {
    state.usedAudio.add(audio.entry);
    const recording: NewRecording = {
      ...base,
      key: `google:audio:${takeoutAudioName(audio.entry.name)}`,
      audioPath: audio.entry.path,
      extra: i === 0 ? base.extra : { ...base.extra, sameEntryAs: audios[0]!.entry.name },
    };
    await state.sink.addRecording(recording, audio.entry);
    state.sink.consumed(audio.entry);
  }
}

function textKey(timeUtc: number | null, timeText: string | null, title: string | null, header: string | null): string {
  // Seconds, not milliseconds: the HTML export of the same activity has no milliseconds.
  const time = timeUtc !== null ? String(Math.floor(timeUtc / 1000)) : (timeText ?? '');
  const text = (title ?? '').replace(/\s+/g, ' ').trim();
  const hash = createHash('sha256')
    .update(`${time}\n${text}\n${header ?? ''}`)
    .digest('hex')
    .slice(0, 32);
  return `google:text:${hash}`;
}

function activityRecording(item: ActivityItem, s: ScannedEntry, state: RunState, missingAudio: string[]): NewRecording {
  let time: ParsedTime = item.time
    ? item.format === 'json'
      ? parseIsoTime(item.time)
      : parseHtmlTime(item.time)
    : { utc: null, zone: null, zoneUnknown: false };
  let timeFrom: string | null = null;
  if (time.utc === null && item.audioFiles[0]) {
    const fromName = parseAudioFileTime(item.audioFiles[0]);
    if (fromName !== null) {
      time = { utc: fromName, zone: 'UTC', zoneUnknown: false };
      timeFrom = 'audio file name';
    }
  }
  if (time.zoneUnknown && time.zone) state.unknownZones.add(time.zone);
  const title =
    item.title !== null ? (item.format === 'html' ? item.title.replace(/[\u00a0\u202f]/g, ' ') : item.title) : null;
  const reading = readTitle(title);
  const flags = item.details;
  const response = item.subtitles.map((x) => x.name?.trim() ?? '').find((x) => x.length > 0) ?? null;
  const mentions = [item.header ?? '', ...item.products].map((p) => foldTakeoutName(p));
  const device = mentions.includes('google app') ? 'Google App' : null;
  return {
    key: textKey(time.utc, item.time, title, item.header),
    source: 'google-assistant',
    timeUtc: time.utc,
    timeOriginal: item.time,
    timeZone: time.zone,
    device,
    deviceSerial: null,
    title,
    transcript: reading.transcript,
    response,
    notIntended: false,
    unrecognizedSpeaker: flags.some(isUnrecognisedSpeakerFlag),
    vendorFlags: flags,
    speakerLabel: null,
    audioPath: null,
    extra: compactExtra({
      header: item.header,
      products: item.products,
      titleUrl: item.titleUrl,
      description: item.description,
      subtitles: item.subtitles.filter((x) => x.name || x.url),
      locationInfos: item.locationInfos,
      activityControls: item.activityControls,
      audioFiles: item.audioFiles,
      audioMissing: missingAudio,
      otherSections: item.otherSections,
      titleForm: reading.rule,
      timeFrom,
      timeZoneUnknown: time.zoneUnknown,
      activityFile: s.entry.path,
      activityFormat: item.format,
      activityIndex: item.index,
    }),
  };
}

export const googleTakeoutImporter: Importer = { detect, run };
