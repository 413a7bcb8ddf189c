// Messages between ImportJobs and the import worker.
import type { ImportProgress, ImportReport, Message } from '../model.ts';

export interface WorkerRequest {
  libraryFile: string;
  paths: string[];
  tempDir?: string;
  nativeBinding?: string;
  /** The waveform thread's script, as a path or a file: URL. */
  waveformWorker?: string;
  /** The window gate the waveforms give way to (waveforms/background.ts). */
  windowGate?: Int32Array;
}

export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'committed'; report: ImportReport }
  | { type: 'waveforms' }
  | { type: 'done'; report: ImportReport }
  | {
      type: 'failed';
      /** `sentence`: the error's catalogue message when it has one (ImportError, LibraryError). */
      error: { name: string; message: string; code: string | null; sentence: Message | null };
    };
