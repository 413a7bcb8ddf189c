// The contract every export importer fulfils: recognise an export by its entries, then hand its
// recordings to a sink. Importers never touch the database; the sink does.
import type { ExportEntry, ExportFiles } from '../archive/export-files.ts';
import type { AccountIdentity, ExportKind, Message, NewRecording } from '../model.ts';

export interface Detection {
  kind: ExportKind;
  /** 0 = not this kind; higher = more certain. The highest-scoring importer runs. */
  score: number;
  /** What was recognised, for the "not a known export" message: e.g. "Google Takeout (no Assistant folder)". */
  recognised: Message[];
}

/** A device the export lists (Amazon's Device Registration). */
export interface ExportDevice {
  name: string | null;
  model: string | null;
  serial: string | null;
}

export interface ImportSink {
  readonly signal: AbortSignal;
  setAccount(identity: AccountIdentity): void;
  addDevice(device: ExportDevice): void;
  /** A name the export itself mentions (contacts), kept for the "not mine" analysis. */
  addMentionedName(name: string, foundIn: string): void;
  /**
   * Adds a recording. When `audio` is given, the sink reads, hashes and analyses it;
   * unreadable audio is kept as a recording whose audio could not be read, with the reason.
   */
  addRecording(recording: NewRecording, audio?: ExportEntry | null): Promise<void>;
  /** An entry the importer looked at and did not use, with a reason in plain words. */
  skip(path: string, reason: Message): void;
  /** A sentence for the report, e.g. "This export has no audio: voice & audio activity was off." */
  note(text: Message): void;
  /** Marks an entry as consumed, for progress and for the "unused files" part of the report. */
  consumed(entry: ExportEntry): void;
  /**
   * Keeps a file of the export as an attachment (e.g. the PDF of transcripts). `bytes`, when given, are
   * the entry's content the importer already read (under its own cap), so it is not read twice.
   */
  attach(entry: ExportEntry, reason: Message, bytes?: Uint8Array): Promise<void>;
}

export interface Importer {
  detect(files: ExportFiles): Detection;
  run(files: ExportFiles, sink: ImportSink): Promise<void>;
}
