// Messages between ImportJobs and the import worker.
import type { ImportProgress, ImportReport } from '../model.ts';

export interface WorkerRequest {
  libraryFile: string;
  paths: string[];
  tempDir?: string;
  nativeBinding?: string;
  /** The waveform thread's script, as a path or a file: URL. */
  waveformWorker?: string;
}

export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'committed'; report: ImportReport }
  | { type: 'waveforms' }
  | { type: 'done'; report: ImportReport }
  | { type: 'failed'; error: { name: string; message: string; code: string | null } };
