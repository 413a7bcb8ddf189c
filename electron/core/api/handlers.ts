// The API handlers: the only door into core from outside. Transports (IPC, the test harness) call
// `dispatch`, which validates every argument against the contract before any handler runs.
import type { Db } from '../db/library.ts';
import { getOverview, getRecording, listDevices, listExports, listRecordings } from '../db/recordings.ts';
import { countSelection, deleteSelection } from '../db/deleting.ts';
import { getInsight } from '../db/insight.ts';
import type { ImportJobs } from '../import/import-jobs.ts';
import { userMessage } from '../import/import-jobs.ts';
import { contract, type ApiFailure, type ApiResults } from './contract.ts';
import { apiMethods, type ApiMethod } from './methods.ts';
import type { z } from 'zod';

export interface ApiContext {
  db: Db;
  libraryFile: string;
  imports: ImportJobs;
}

type Parsed<M extends ApiMethod> = z.output<(typeof contract)[M]>;
type Handlers = { [M in ApiMethod]: (args: Parsed<M>) => ApiResults[M] | Promise<ApiResults[M]> };

export function createHandlers(ctx: ApiContext): Handlers {
  return {
    getOverview: () => getOverview(ctx.db, ctx.libraryFile),
    listRecordings: (args) => listRecordings(ctx.db, args),
    getRecording: ({ id }) => getRecording(ctx.db, id),
    listExports: () => listExports(ctx.db),
    listDevices: () => listDevices(ctx.db),
    startImport: ({ paths }) => ({ jobId: ctx.imports.start(paths) }),
    getImportStatus: ({ jobId }) => ctx.imports.status(jobId),
    cancelImport: ({ jobId }) => ({ cancelled: ctx.imports.cancel(jobId) }),
    getInsight: (args) => getInsight(ctx.db, args),
    deleteRecordings: (selection) => deleteSelection(ctx.db, selection),
    countRecordings: (selection) => ({ recordings: countSelection(ctx.db, selection) }),
  };
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
    return { error: { message: `Invalid request to ${method}: ${parsed.error.issues[0]?.message ?? 'bad arguments'}.`, code: 'invalid-args' } };
  }
  try {
    const handler = handlers[method] as (args: unknown) => unknown;
    return { result: await handler(parsed.data) };
  } catch (error) {
    return { error: { message: userMessage(error), code: (error as { code?: string }).code ?? 'failed' } };
  }
}
