// The voice analysis as the window shows it: the status loaded once per change of the voices,
// moved on by the core's pushed progress events in between (no polling).
import type { AnalysisStatus } from '../../../electron/core/api/contract.ts';

export type VoicesProgress = { done: number; total: number; running: boolean };

/** Takes in one progress event; before the status is first loaded there is nothing to move on. */
export function withVoicesProgress(status: AnalysisStatus | null, voices: VoicesProgress): AnalysisStatus | null {
  if (!status) return status;
  const { done, total, running } = voices;
  const was = status.voices;
  if (was.done === done && was.total === total && was.running === running) return status;
  return { ...status, voices: { ...was, done, total, running } };
}
