// The API handlers: the only door into core from outside. Transports (IPC, the test harness) call
// `dispatch`, which validates every argument against the contract before any handler runs.
import type { Db } from '../db/library.ts';
import { getOverview, getRecording, listDevices, listExports, listRecordings } from '../db/recordings.ts';
import { countSelection, deleteSelection } from '../db/deleting.ts';
import { analyseAudioNow } from '../db/pending-audio.ts';
import { getInsight } from '../db/insight.ts';
import { wipeAllData } from '../db/wipe.ts';
import { listKeptFiles, listMentionedNames, readKeptFile } from '../db/kept-files.ts';
import type { ImportJobs } from '../import/import-jobs.ts';
import { zoneOffsetAt } from '../importers/zone-offset.ts';
import type { AnalysisService } from '../analysis/analysis-service.ts';
import { getProfile, setProfile } from '../analysis/profile.ts';
import { decideWarning, listWarnings, undoDecision } from '../analysis/warnings.ts';
import { buildEvidence, removeExportAsNotMine } from '../analysis/evidence.ts';
import { analysisStatus, assignGroup, enrollVoice, listVoiceGroups } from '../analysis/voice-groups.ts';
import { userSentence } from '../import/import-jobs.ts';
import { english, importError, message, type CoreMessageKey, type Message } from '../messages/index.ts';
import { contract, type ApiFailure, type ApiResults } from './contract.ts';
import { apiMethods, type ApiMethod } from './methods.ts';
import type { z } from 'zod';
import { answeringWindow } from '../waveforms/background.ts';

export interface ApiContext {
  db: Db;
  libraryFile: string;
  imports: ImportJobs;
  analysis: AnalysisService;
  /**
   * A recording opened before the background pass reached its waveform: how long getRecording
   * waits for it to be worked out at once (a long recording shows "Preparing waveform…" instead of
   * holding up its detail, and the window is told when it is ready); null leaves it to the pass.
   */
  openedWaveform?: { waitMs: number | null };
  /** Called when a waveform worked out for an opened recording is stored after getRecording answered. */
  onWaveforms?: () => void;
}

export const OPENED_WAVEFORM_WAIT_MS = 250;

async function waveformForOpened(ctx: ApiContext, id: number): Promise<void> {
  const waitMs = ctx.openedWaveform ? ctx.openedWaveform.waitMs : OPENED_WAVEFORM_WAIT_MS;
  if (waitMs == null) return;
  let answered = false;
  const now = analyseAudioNow(ctx.db, id).then(
    (stored) => {
      if (stored && answered) ctx.onWaveforms?.();
    },
    () => undefined, // a file that cannot be decoded gets its error from the background pass
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([now, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
  clearTimeout(timer);
  answered = true;
}

type Parsed<M extends ApiMethod> = z.output<(typeof contract)[M]>;
type Handlers = { [M in ApiMethod]: (args: Parsed<M>) => ApiResults[M] | Promise<ApiResults[M]> };

export function createHandlers(ctx: ApiContext): Handlers {
  return {
    getOverview: () => getOverview(ctx.db, ctx.libraryFile),
    listRecordings: (args) => listRecordings(ctx.db, args),
    // A waveform still queued behind a background pass is worked out now: the user is looking at it.
    getRecording: async ({ id }) => {
      await waveformForOpened(ctx, id);
      const r = getRecording(ctx.db, id);
      return r && { ...r, timeZoneOffsetMinutes: zoneOffsetAt(r.timeZone, r.timeUtc) };
    },
    listExports: () => listExports(ctx.db),
    listDevices: () => listDevices(ctx.db),
    startImport: ({ paths }) => ({ jobId: ctx.imports.start(paths) }),
    getImportStatus: ({ jobId }) => ctx.imports.status(jobId),
    cancelImport: ({ jobId }) => ({ cancelled: ctx.imports.cancel(jobId) }),
    getInsight: (args) => getInsight(ctx.db, args),
    deleteRecordings: (selection) => ({ ...deleteSelection(ctx.db, selection), changed: [...REMOVED] }),
    countRecordings: (selection) => ({ recordings: countSelection(ctx.db, selection) }),
    getProfile: () => getProfile(ctx.db),
    setProfile: (profile) => {
      const saved = setProfile(ctx.db, profile);
      ctx.analysis.refresh();
      return saved;
    },
    listWarnings: ({ includeDecided }) => listWarnings(ctx.db, { includeDecided }),
    decideWarning: ({ id, decision }) => {
      if (!decideWarning(ctx.db, id, decision, () => ctx.analysis.refresh())) throw notFound('library.goneWarning');
      // A decision may teach the profile (a name or account of the user's), so both are named.
      return { warnings: listWarnings(ctx.db).length, changed: ['warnings', 'profile'] };
    },
    undoWarningDecision: ({ id }) => {
      if (!undoDecision(ctx.db, id)) throw notFound('library.goneWarning');
      ctx.analysis.refresh();
      return { warnings: listWarnings(ctx.db).length, changed: ['warnings', 'profile'] };
    },
    getEvidence: ({ exportId, language }) =>
      buildEvidence(ctx.db, exportId, language) ?? throwError(notFound('library.goneExport')),
    listKeptFiles: ({ exportId }) => listKeptFiles(ctx.db, exportId),
    listMentionedNames: ({ exportId }) => listMentionedNames(ctx.db, exportId),
    getKeptFile: ({ id }) => {
      const file = readKeptFile(ctx.db, id) ?? throwError(notFound('library.goneFile'));
      return { name: file.path.split('/').pop() ?? file.path, base64: file.bytes.toString('base64') };
    },
    removeExport: ({ exportId, notMine, language }) => {
      if (notMine) {
        const removed = removeExportAsNotMine(ctx.db, exportId, language);
        if (!removed) throw notFound('library.goneExport');
        ctx.analysis.refresh();
        return { deleted: removed.deleted, removal: removed.removal, changed: [...REMOVED] };
      }
      const { deleted } = deleteSelection(ctx.db, { exportId });
      ctx.analysis.refresh();
      return { deleted, removal: null, changed: [...REMOVED] };
    },
    listVoiceGroups: () => listVoiceGroups(ctx.db),
    assignVoiceGroup: ({ groupId, person, someoneElse }) => {
      if (!assignGroup(ctx.db, groupId, person, someoneElse)) throw notFound('library.goneVoiceGroup');
      ctx.analysis.refresh();
      return { groups: listVoiceGroups(ctx.db).length, changed: ['voices', 'warnings'] };
    },
    enrollVoice: async ({ person, audioBase64 }) => {
      const result = await enrollVoice(ctx.db, person, Buffer.from(audioBase64, 'base64'));
      if (!result.ok) throw importError('bad-sample', result.reason);
      ctx.analysis.refresh();
      return { person, samples: result.samples, matchedGroup: result.matchedGroup, changed: ['voices', 'warnings'] };
    },
    getAnalysisStatus: () => analysisStatus(ctx.db, ctx.analysis.voicesRunning),
    deleteAllData: async () => {
      // Nothing may write while the library is emptied: stop imports and the voice analysis first.
      ctx.imports.cancelAll();
      await ctx.imports.settle();
      await ctx.analysis.stop();
      return wipeAllData(ctx.db, ctx.libraryFile);
    },
  };
}

/** What removing recordings touches: they, the exports' counts, and the warnings and voices drawn from them. */
const REMOVED = ['recordings', 'exports', 'warnings', 'voices'] as const;

class NotFound extends Error {
  readonly code = 'not-found';
  constructor(readonly sentence: Message) {
    super(english(sentence));
  }
}

function notFound(key: CoreMessageKey): NotFound {
  return new NotFound(message(key));
}

function throwError(error: Error): never {
  throw error;
}

export function isApiMethod(name: string): name is ApiMethod {
  return (apiMethods as readonly string[]).includes(name);
}

/** Validates and runs one call. Never throws: failures come back as a sentence for the user. */
export async function dispatch(
  handlers: Handlers,
  method: string,
  rawArgs: unknown,
): Promise<{ result: unknown } | ApiFailure> {
  if (!isApiMethod(method)) return { error: { message: `Unknown request “${method}”.`, code: 'unknown-method' } };
  const parsed = contract[method].safeParse(rawArgs ?? {});
  if (!parsed.success) {
    return {
      error: {
        message: `Invalid request to ${method}: ${parsed.error.issues[0]?.message ?? 'bad arguments'}.`,
        code: 'invalid-args',
      },
    };
  }
  try {
    const handler = handlers[method] as (args: unknown) => unknown;
    // Background work (waveforms, voice signatures) starts no new file while this runs.
    return { result: await answeringWindow(() => handler(parsed.data)) };
  } catch (error) {
    const sentence = error instanceof NotFound ? error.sentence : userSentence(error);
    return {
      error: { message: english(sentence), code: (error as { code?: string }).code ?? 'failed', sentence },
    };
  }
}
