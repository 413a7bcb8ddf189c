// The plain values that flow through an import: archive entries → importer → recordings → library.

/**
 * A sentence meant for a person, kept as a catalogue key (electron/core/messages) and its parameters
 * until the edge — the window, the CLI, the evidence letter — turns it into text in the reader's
 * language. A parameter is a number, plain text (a file name, a library's error), or sentences nested.
 */
export interface Message {
  key: string;
  params?: Record<string, MessageParam>;
}
export type MessageParam = string | number | Message | Message[];

/** Which layout an export was recognised as. */
export type ExportKind =
  | 'google-takeout'
  /** Google-named Assistant audio with no activity file (a partial Takeout, an old download, saved files). */
  | 'google-audio'
  | 'amazon-2024'
  | 'amazon-2019'
  | 'amazon-2018'
  | 'alexa-voice-history'
  /** Home Assistant Assist's debug recordings (`assist_pipeline: debug_recording_dir`). */
  | 'home-assistant-assist'
  /** OpenVoiceOS / Mycroft saved recordings (`listener: save_utterances`). */
  | 'ovos-mycroft';

/** Where a recording came from, in the user's words; the list the window's filters offer. */
export const RECORDING_SOURCES = ['google-assistant', 'alexa', 'home-assistant', 'openvoiceos', 'mycroft'] as const;
export type RecordingSource = (typeof RECORDING_SOURCES)[number];

/** Export kinds of assistants people run themselves: no company holds the recordings. */
export const SELF_HOSTED_KINDS: readonly ExportKind[] = ['home-assistant-assist', 'ovos-mycroft'];

/** Who the export says it belongs to. */
export interface AccountIdentity {
  /** e-mail address, account name or customer id, as found. */
  value: string;
  kind: 'email' | 'name' | 'customer-id';
  /** The file the identity was read from, for the evidence summary. */
  foundIn: string;
}

/** A decoded view of an audio file, computed once at import so the UI never decodes to draw. */
export interface AudioFacts {
  codec: 'wav' | 'mp3' | 'opus';
  sampleRate: number;
  channels: number;
  durationMs: number;
  /** Waveform envelope: max |sample| per bucket, 0–255. */
  peaks: Uint8Array;
}

export type AudioAnalysis = ({ ok: true } & AudioFacts) | { ok: false; reason: Message };

/** One recording as an importer produces it, before it reaches the database. */
export interface NewRecording {
  /** Stable identity across re-imports of the same export (vendor id, or file + time). */
  key: string;
  source: RecordingSource;
  /** Milliseconds since the epoch, UTC. Null when the export gave no usable time. */
  timeUtc: number | null;
  /** The time exactly as the export wrote it, and any zone information it carried. */
  timeOriginal: string | null;
  timeZone: string | null;
  device: string | null;
  deviceSerial: string | null;
  /** Vendor's own title, e.g. "Said play some jazz". */
  title: string | null;
  transcript: string | null;
  response: string | null;
  notIntended: boolean;
  unrecognizedSpeaker: boolean;
  /** Raw vendor flags, e.g. ["Started by hotword"]. */
  vendorFlags: string[];
  /** The vendor's guess of who spoke (Alexa personsInfo). */
  speakerLabel: string | null;
  /** Path of the audio inside the export, when there is audio. */
  audioPath: string | null;
  /** Anything else worth keeping (intent, utterance type…), as JSON-safe values. */
  extra: Record<string, unknown>;
}

export interface SkippedFile {
  path: string;
  /** Why, as a catalogue sentence that follows the file's name ("is empty"). */
  reason: Message;
}

export interface ImportReport {
  exportId: number | null;
  exportKind: ExportKind | null;
  /** Recordings found in the export (imported + duplicates). */
  found: number;
  /** Recordings newly added to the library. */
  recordings: number;
  withAudio: number;
  withTranscript: number;
  duplicates: number;
  skipped: SkippedFile[];
  account: AccountIdentity | null;
  devices: { name: string; recordings: number }[];
  firstTime: number | null;
  lastTime: number | null;
  /** Sentences for the user, as catalogue keys: "This export has no audio." */
  notes: Message[];
  durationMs: number;
}

export type ImportPhase = 'scanning' | 'reading' | 'saving' | 'done';

export interface ImportProgress {
  phase: ImportPhase;
  entriesDone: number;
  entriesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  recordings: number;
  currentFile: string | null;
}

/**
 * An error meant for the user: a sentence saying what is wrong and what to do. `message` is the
 * sentence in English (logs, the CLI); `sentence` is the same as a catalogue key, which the window
 * words in its own language (`importError` in messages/ builds both from a key).
 */
export class ImportError extends Error {
  readonly sentence: Message;
  constructor(
    message: string,
    readonly code: string,
    sentence?: Message,
  ) {
    super(message);
    this.name = 'ImportError';
    this.sentence = sentence ?? { key: 'text.raw', params: { text: message } };
  }
}

/** One file an export arrived as, for the evidence summary (see import/fingerprints.ts). */
export interface FileFingerprint {
  /** The dropped file's name, or "folder/path/inside" for a file in a dropped folder. */
  name: string;
  size: number;
  /** Null for a file that could not be read, for the remainder beyond the cap, and (in libraries
   * imported before folders were listed) for a whole folder. */
  sha256: string | null;
  /** Only on the last entry of a folder past the cap: how many more files it holds (not hashed). */
  more?: number;
}
