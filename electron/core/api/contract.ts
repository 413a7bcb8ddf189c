// The one API between the window and the main process: argument schemas (validated on every call,
// whatever the transport) and result types. Declared once; IPC and the test harness both carry it.
import { z } from 'zod';
import {
  RECORDING_SOURCES,
  type ExportKind,
  type ImportProgress,
  type ImportReport,
  type RecordingSource,
} from '../model.ts';
import type { ApiMethod } from './methods.ts';
import { Profile as ProfileSchema, type Profile } from '../analysis/profile.ts';
import type { Decision, ExportSign, StoredWarning, WarningKind } from '../analysis/warning-types.ts';
import { DECISIONS } from '../analysis/warning-types.ts';
import type { Evidence } from '../analysis/evidence.ts';
import type { VoiceGroupSummary, AnalysisStatus } from '../analysis/voice-groups.ts';
import type { KeptFile } from '../db/kept-files.ts';

export type {
  Profile,
  StoredWarning,
  Evidence,
  VoiceGroupSummary,
  AnalysisStatus,
  Decision,
  ExportSign,
  WarningKind,
  KeptFile,
};

const id = z.number().int().positive();
const time = z.number().int().min(-8_640_000_000_000_000).max(8_640_000_000_000_000);

export const RecordingFilters = z
  .object({
    from: time.nullable().optional(),
    to: time.nullable().optional(),
    devices: z.array(z.string().max(500)).max(200).optional(),
    exportIds: z.array(id).max(200).optional(),
    sources: z.array(z.enum(RECORDING_SOURCES)).max(10).optional(),
    notIntended: z.boolean().optional(),
    noTranscript: z.boolean().optional(),
    unrecognizedSpeaker: z.boolean().optional(),
    hasAudio: z.boolean().optional(),
    /** Only recordings with an open warning. */
    flagged: z.boolean().optional(),
    /** Only the recordings one warning is about. */
    warningId: id.optional(),
  })
  .strict();
export type RecordingFilters = z.infer<typeof RecordingFilters>;

export const ListQuery = z
  .object({
    search: z.string().max(500).default(''),
    filters: RecordingFilters.default({}),
    sort: z.enum(['newest', 'oldest', 'longest', 'shortest']).default('newest'),
    offset: z.number().int().min(0).max(100_000_000).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type ListQuery = z.input<typeof ListQuery>;

/** Recordings to export together. */
export const SelectionIds = z.array(id).min(1).max(100_000);

/** What to delete: some recordings, a whole export, or a time range; at least one must be given. */
export const DeleteSelection = z
  .object({
    ids: z.array(id).max(100_000).optional(),
    exportId: id.optional(),
    from: time.optional(),
    to: time.optional(),
  })
  .strict()
  .refine((s) => s.ids?.length || s.exportId != null || (s.from != null && s.to != null), {
    message: 'say which recordings: ids, an export, or a time range with both ends',
  });
export type DeleteSelection = z.input<typeof DeleteSelection>;

const none = z.object({}).strict().default({});
const byId = z.object({ id }).strict();
const byJob = z.object({ jobId: z.string().regex(/^[a-z0-9-]{1,64}$/) }).strict();

export const contract = {
  getOverview: none,
  listRecordings: ListQuery,
  getRecording: byId,
  listExports: none,
  listDevices: none,
  startImport: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(1000) }).strict(),
  getImportStatus: byJob,
  cancelImport: byJob,
  getInsight: z
    .object({
      search: z.string().max(500).default(''),
      filters: RecordingFilters.default({}),
      /** The window's offset from UTC in minutes (as Date.getTimezoneOffset gives it), for days and hours. */
      tzOffsetMinutes: z.number().int().min(-900).max(900).default(0),
    })
    .strict(),
  deleteRecordings: DeleteSelection,
  countRecordings: DeleteSelection,
  getProfile: none,
  setProfile: ProfileSchema,
  listWarnings: z
    .object({ includeDecided: z.boolean().default(false) })
    .strict()
    .default({ includeDecided: false }),
  decideWarning: z.object({ id, decision: z.enum(DECISIONS) }).strict(),
  undoWarningDecision: byId,
  getEvidence: z.object({ exportId: id, language: z.enum(['en', 'de']).default('en') }).strict(),
  listKeptFiles: z.object({ exportId: id }).strict(),
  getKeptFile: byId,
  removeExport: z
    .object({ exportId: id, notMine: z.boolean().default(false), language: z.enum(['en', 'de']).default('en') })
    .strict(),
  listVoiceGroups: none,
  assignVoiceGroup: z
    .object({
      groupId: id,
      person: z.string().trim().min(1).max(200).nullable(),
      /** The user says this voice is someone else's (kept when voices are regrouped). */
      someoneElse: z.boolean().default(false),
    })
    .strict(),
  enrollVoice: z
    .object({
      person: z.string().trim().min(1).max(200),
      /** A short recording from the microphone (WAV, Ogg Opus or MP3 bytes), base64. */
      audioBase64: z.string().max(20_000_000),
    })
    .strict(),
  getAnalysisStatus: none,
  /** The user typed the confirmation: the window asks before calling this. */
  deleteAllData: z.object({ confirm: z.literal('delete everything') }).strict(),
} satisfies Record<ApiMethod, z.ZodType>;

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
  audioError: string | null;
  durationMs: number | null;
  /** The recording has a warning the user has not dealt with. */
  flagged: boolean;
}

export interface RecordingDetail extends RecordingRow {
  timeOriginal: string | null;
  timeZone: string | null;
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
  warnings: { id: number; kind: string; severity: string; subject: string; reason: string }[];
  /** Which voice group it is in and whom that group belongs to, once voices are analysed. */
  voice: { groupId: number; label: string; person: string | null } | null;
}

export interface RecordingPage {
  total: number;
  offset: number;
  rows: RecordingRow[];
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
  /** A sentence for the user when the import failed or was cancelled. */
  error: string | null;
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

export interface ApiResults {
  getOverview: Overview;
  listRecordings: RecordingPage;
  getRecording: RecordingDetail | null;
  listExports: ExportSummary[];
  listDevices: DeviceSummary[];
  startImport: { jobId: string };
  getImportStatus: ImportStatus;
  cancelImport: { cancelled: boolean };
  getInsight: Insight;
  /** Deleted recordings are gone from the file too (secure delete, then vacuum). */
  deleteRecordings: { deleted: number; exportsRemoved: number };
  /** How many recordings a selection covers, for the confirmation. */
  countRecordings: { recordings: number };
  getProfile: Profile;
  setProfile: Profile;
  listWarnings: StoredWarning[];
  decideWarning: { warnings: number };
  undoWarningDecision: { warnings: number };
  getEvidence: Evidence;
  /** Files of the export kept as they came (a transcripts PDF), to save again. */
  listKeptFiles: KeptFile[];
  /** One kept file: its name and its bytes, base64 (both transports carry JSON). */
  getKeptFile: { name: string; base64: string };
  removeExport: { deleted: number; removal: Evidence['removal'] };
  listVoiceGroups: VoiceGroupSummary[];
  assignVoiceGroup: { groups: number };
  enrollVoice: { person: string; samples: number; matchedGroup: string | null };
  getAnalysisStatus: AnalysisStatus;
  deleteAllData: { recordings: number; exports: number; removed: string[] };
}

export type ApiArgs<M extends ApiMethod> = z.input<(typeof contract)[M]>;

/** What the window sees: the same shape over IPC and over the harness. */
export type EarshotApi = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResults[M]> };

/** The error shape that crosses a transport: a sentence, never a stack trace. */
export interface ApiFailure {
  error: { message: string; code: string };
}
