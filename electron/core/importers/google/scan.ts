// Sorts a Takeout's entries by path alone: what belongs to the Assistant, what names the account, and
// what is another product's and must be left unread.
import type { ExportEntry } from '../../archive/export-files.ts';
import {
  ARCHIVE_BROWSER_FILES,
  ASSISTANT_FOLDERS,
  MY_ACTIVITY_FOLDERS,
  PROFILE_FOLDERS,
  folderKey,
  foldTakeoutName,
  isActivityFileName,
  myActivityIndex,
  takeoutPath,
} from './names.ts';

export type EntryKind =
  | 'activity-json'
  | 'activity-html'
  | 'audio'
  | 'assistant-other'
  | 'archive-browser'
  | 'profile'
  | 'other-activity'
  | 'other-product';

export interface ScannedEntry {
  entry: ExportEntry;
  kind: EntryKind;
  /** Segments below `Takeout/`. */
  segments: string[];
  /** Folded folder path below `Takeout/`: the same in every part of a split export. */
  folder: string;
  /** Named as Takeout names Assistant audio (`2018-04-16_11_42_55_659_UTC….mp3`), wherever it sits. */
  googleNamed: boolean;
}

export interface TakeoutScan {
  entries: ScannedEntry[];
  rooted: boolean;
  hasArchiveBrowser: boolean;
  hasMyActivity: boolean;
  hasAssistantActivity: boolean;
  hasAssistantAudio: boolean;
  /** A Takeout-style audio name (`2018-04-16_11_42_55_659_UTC.mp3`) anywhere. */
  hasTakeoutAudioNames: boolean;
  /**
   * Google-named audio outside any Assistant folder (a folder of saved recordings, a partial
   * Takeout): imported when the export has no activity file, left unread otherwise.
   */
  looseAudio: number;
}

const AUDIO_EXTENSIONS = /\.(mp3|wav|ogg|opus|m4a|aac|flac)$/i;
/** Takeout's audio name; anything after `_UTC` (people add what was said) is allowed and ignored. */
export const TAKEOUT_AUDIO_NAME = /^(\d{4}-\d{2}-\d{2}_\d{2}_\d{2}_\d{2}(?:_\d{1,3})?_UTC)(?:[^/]*)\.mp3$/i;

/**
 * The name Takeout itself gives a Google-named audio file: `2018-04-16_11_42_55_659_UTC.mp3` for
 * `2018-04-16_11_42_55_659_UTC-what is pepperoni.mp3` too. Recording keys use it, so the same audio
 * is one recording however it was renamed, and a later full Takeout finds it again.
 */
export function takeoutAudioName(name: string): string {
  const m = TAKEOUT_AUDIO_NAME.exec(name);
  return m ? `${m[1]}.mp3` : name;
}

/**
 * Classifies every entry. An Assistant folder is a known Assistant folder name directly under a
 * My Activity folder (any known language), or a folder with a known Assistant name that holds a
 * known activity file wherever it sits (for a My Activity folder in a language not in the table).
 */
export function scanTakeout(entries: ExportEntry[]): TakeoutScan {
  const located = entries.map((entry) => {
    const tp = takeoutPath(entry.path);
    return { entry, segments: tp.segments, rooted: tp.rooted, folder: folderKey(tp.segments) };
  });

  const assistantFolders = new Set<string>();
  for (const { segments, folder } of located) {
    if (segments.length < 2) continue;
    const parentName = foldTakeoutName(segments[segments.length - 2]!);
    if (!ASSISTANT_FOLDERS.has(parentName)) continue;
    const grand = segments.length >= 3 ? foldTakeoutName(segments[segments.length - 3]!) : null;
    if ((grand !== null && MY_ACTIVITY_FOLDERS.has(grand)) || isActivityFileName(segments[segments.length - 1]!)) {
      assistantFolders.add(folder);
    }
  }

  const scan: TakeoutScan = {
    entries: [],
    rooted: false,
    hasArchiveBrowser: false,
    hasMyActivity: false,
    hasAssistantActivity: false,
    hasAssistantAudio: false,
    hasTakeoutAudioNames: false,
    looseAudio: 0,
  };
  const knownBrowser = located.some(
    (l) => l.segments.length === 1 && ARCHIVE_BROWSER_FILES.has(foldTakeoutName(l.segments[0]!)),
  );

  for (const { entry, segments, rooted, folder } of located) {
    if (rooted) scan.rooted = true;
    const name = segments[segments.length - 1] ?? entry.name;
    const folded = foldTakeoutName(name);
    const googleNamed = TAKEOUT_AUDIO_NAME.test(name);
    if (googleNamed) scan.hasTakeoutAudioNames = true;
    const inMyActivity = myActivityIndex(segments) >= 0;
    if (inMyActivity) scan.hasMyActivity = true;
    let kind: EntryKind;
    if (assistantFolders.has(folder)) {
      if (folded.endsWith('.json')) kind = 'activity-json';
      else if (folded.endsWith('.html') || folded.endsWith('.htm')) kind = 'activity-html';
      else if (AUDIO_EXTENSIONS.test(folded)) kind = 'audio';
      else kind = 'assistant-other';
      if (kind === 'activity-json' || kind === 'activity-html') scan.hasAssistantActivity = true;
      if (kind === 'audio') scan.hasAssistantAudio = true;
    } else if (
      segments.length === 1 &&
      (ARCHIVE_BROWSER_FILES.has(folded) || (!knownBrowser && rooted && /\.html?$/.test(folded)))
    ) {
      kind = 'archive-browser';
      scan.hasArchiveBrowser = true;
    } else if (
      segments.length === 2 &&
      PROFILE_FOLDERS.has(foldTakeoutName(segments[0]!)) &&
      folded.endsWith('.json')
    ) {
      kind = 'profile';
    } else if (inMyActivity) {
      kind = 'other-activity';
    } else {
      kind = 'other-product';
    }
    if (googleNamed && (kind === 'other-product' || kind === 'other-activity')) scan.looseAudio++;
    scan.entries.push({ entry, kind, segments, folder, googleNamed });
  }
  return scan;
}
