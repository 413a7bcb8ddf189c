// The one API between the window and the main process: the method map — each method's argument
// schema (validated on every call, whatever the transport) and its result type. Declared once; IPC
// and the test harness both carry it. The shapes themselves live in ../types/ and the layers that
// own them; they are re-exported here so the window imports one file.
import { z } from 'zod';
import type { ApiMethod } from './methods.ts';
import type { ChangeTopic } from './events.ts';
import { DeleteSelection, ListQuery, RecordingFilters, id } from '../types/queries.ts';
import type { Message } from '../model.ts';
import type {
  DeviceSummary,
  ExportSummary,
  ImportStatus,
  Insight,
  KeptFile,
  MentionedName,
  Overview,
  RecordingDetail,
  RecordingPage,
} from '../types/library.ts';
import { Profile as ProfileSchema, type Profile } from '../analysis/profile.ts';
import type { Decision, ExportSign, StoredWarning, WarningKind } from '../analysis/warning-types.ts';
import { DECISIONS } from '../analysis/warning-types.ts';
import type { Evidence } from '../analysis/evidence.ts';
import type { VoiceGroupSummary, AnalysisStatus } from '../analysis/voice-groups.ts';

export { DeleteSelection, ListQuery, RecordingFilters, SelectionIds } from '../types/queries.ts';
export type * from '../types/library.ts';
export type { Profile, StoredWarning, Evidence, VoiceGroupSummary, AnalysisStatus, Decision, ExportSign, WarningKind };

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
  listMentionedNames: z.object({ exportId: id }).strict(),
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
  deleteRecordings: { deleted: number; exportsRemoved: number; changed: ChangeTopic[] };
  /** How many recordings a selection covers, for the confirmation. */
  countRecordings: { recordings: number };
  getProfile: Profile;
  setProfile: Profile;
  listWarnings: StoredWarning[];
  decideWarning: { warnings: number; changed: ChangeTopic[] };
  undoWarningDecision: { warnings: number; changed: ChangeTopic[] };
  getEvidence: Evidence;
  /** Files of the export kept as they came (a transcripts PDF), to save again. */
  listKeptFiles: KeptFile[];
  /** One kept file: its name and its bytes, base64 (both transports carry JSON). */
  getKeptFile: { name: string; base64: string };
  /** Names the export itself mentions (contacts): a sign of whose export it is. */
  listMentionedNames: MentionedName[];
  removeExport: { deleted: number; removal: Evidence['removal']; changed: ChangeTopic[] };
  listVoiceGroups: VoiceGroupSummary[];
  assignVoiceGroup: { groups: number; changed: ChangeTopic[] };
  enrollVoice: { person: string; samples: number; matchedGroup: string | null; changed: ChangeTopic[] };
  getAnalysisStatus: AnalysisStatus;
  deleteAllData: { recordings: number; exports: number; removed: string[] };
}

export type ApiArgs<M extends ApiMethod> = z.input<(typeof contract)[M]>;

/** What the window sees: the same shape over IPC and over the harness. */
export type EarshotApi = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResults[M]> };

/**
 * The error shape that crosses a transport: a sentence, never a stack trace. `message` is it in
 * English (logs, scripts); `sentence` is the same as a catalogue message, which the window words in
 * its own language. Only a request the window should never make (an unknown method, bad arguments)
 * comes without one.
 */
export interface ApiFailure {
  error: { message: string; code: string; sentence?: Message };
}
