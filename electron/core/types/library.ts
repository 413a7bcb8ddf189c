// The shapes the library answers with (the list, one recording, exports, devices, insight, an
// import's status): plain types, shared by the database layer, the API and the window.
import type { ExportKind, ImportProgress, ImportReport, Message, RecordingSource } from '../model.ts';

export interface Overview {
  recordings: number;
  exports: number;
  withAudio: number;
  firstTime: number | null;
  lastTime: number | null;
  /** Where the library lives, shown in Settings and the README's "where is my data". */
  libraryFile: string;
  /** Open warnings, and how many of them are the strongest kind (someone else's export). */
  warnings: number;
  strongWarnings: number;
}

/** One line of the list: everything a row shows, nothing it does not. */
export interface RecordingRow {
  id: number;
  exportId: number;
  source: RecordingSource;
  timeUtc: number | null;
  device: string | null;
  transcript: string | null;
  title: string | null;
  notIntended: boolean;
  unrecognizedSpeaker: boolean;
  hasAudio: boolean;
  audioError: Message | null;
  durationMs: number | null;
  /** The recording has a warning the user has not dealt with. */
  flagged: boolean;
}

export interface RecordingDetail extends RecordingRow {
  timeOriginal: string | null;
  timeZone: string | null;
  /** Minutes east of UTC in `timeZone` at this recording's time; null when no zone or an unknown one. */
  timeZoneOffsetMinutes: number | null;
  deviceSerial: string | null;
  response: string | null;
  vendorFlags: string[];
  speakerLabel: string | null;
  audioPath: string | null;
  codec: string | null;
  sampleRate: number | null;
  channels: number | null;
  audioSha256: string | null;
  audioSize: number | null;
  /** Waveform envelope 0–255, drawn without decoding. */
  peaks: number[];
  exportLabel: string;
  extra: Record<string, unknown>;
  /** Open warnings that explain this recording. */
  warnings: { id: number; kind: string; severity: string; subject: string; reason: Message }[];
  /** Which voice group it is in and whom that group belongs to, once voices are analysed. */
  voice: { groupId: number; label: string; person: string | null } | null;
}

export interface RecordingPage {
  total: number;
  offset: number;
  rows: RecordingRow[];
  /** The search text has no letters or digits ("👍"), so nothing matched it: say so, not just "0". */
  searchHasNoWords?: boolean;
}

export interface ExportSummary {
  id: number;
  kind: ExportKind;
  label: string;
  account: string | null;
  importedAt: number;
  recordings: number;
  withAudio: number;
  withTranscript: number;
  firstTime: number | null;
  lastTime: number | null;
  sourceFiles: { name: string; size: number }[];
  report: ImportReport;
}

export interface DeviceSummary {
  name: string;
  recordings: number;
}

export type ImportState = 'running' | 'done' | 'failed' | 'cancelled';

export interface ImportStatus {
  jobId: string;
  state: ImportState;
  progress: ImportProgress;
  /** Seconds left, estimated from bytes read so far; null until there is enough to estimate. */
  secondsLeft: number | null;
  report: ImportReport | null;
  /** A sentence for the user when the import failed or was cancelled, as a catalogue message. */
  error: Message | null;
}

export interface Insight {
  total: number;
  /** Local calendar days 'YYYY-MM-DD' with recordings, oldest first. */
  perDay: { day: string; recordings: number }[];
  /** heatmap[weekday][hour]: weekday 0 = Monday, local time. */
  heatmap: number[][];
  perDevice: { device: string; recordings: number; notIntended: number }[];
  /** Most frequent transcripts, case-folded. */
  topRequests: { text: string; recordings: number }[];
}

/** A file of an export kept as it came, because Earshot could not read it as recordings. */
export interface KeptFile {
  id: number;
  /** The file's path inside the export. */
  path: string;
  /** Why it was kept rather than read. */
  reason: Message;
  size: number;
  sha256: string;
}

/** A name an export itself mentions (an Alexa contact), and the file it was found in. */
export interface MentionedName {
  name: string;
  foundIn: string;
}
