// The import sheet's state, from the first upload to the report: a plain reducer fed by what the
// user did and by the core's pushed import events (no polling).
import type { ImportStatus } from '../../../electron/core/api/contract.ts';
import type { EarshotEvent } from '../../../electron/core/api/events.ts';
import type { ImportState } from '../components/ImportSheet.tsx';

export type ImportAction =
  | { type: 'uploading' }
  | { type: 'started'; jobId: string }
  | { type: 'status'; status: ImportStatus }
  | { type: 'failed'; message: string }
  | { type: 'closed' };

const finished = (s: ImportStatus | null) => s != null && s.state !== 'running';

export function importReducer(state: ImportState | null, action: ImportAction): ImportState | null {
  switch (action.type) {
    case 'uploading':
      return { stage: 'uploading' };
    case 'started':
      return { stage: 'running', jobId: action.jobId, status: null };
    case 'status': {
      // Only the job the sheet shows; and once it has ended, a late "running" cannot reopen it.
      if (state?.stage !== 'running' || state.jobId !== action.status.jobId) return state;
      if (finished(state.status)) return state;
      return { ...state, status: action.status };
    }
    case 'failed':
      return { stage: 'error', message: action.message };
    case 'closed':
      return null;
  }
}

/** Whether an import is under way, so a second drop is turned away instead of started. */
export function importBusy(state: ImportState | null): boolean {
  if (state == null) return false;
  if (state.stage === 'uploading') return true;
  return state.stage === 'running' && !finished(state.status);
}

/** An import event (the core's, over either transport) as the status the sheet shows. */
export function statusOfEvent(event: Extract<EarshotEvent, { type: 'import' }>): ImportStatus {
  const { jobId, state, progress, secondsLeft, report, error } = event;
  return { jobId, state, progress, secondsLeft, report, error };
}
