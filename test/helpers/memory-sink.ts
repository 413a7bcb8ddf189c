// An ImportSink that keeps everything in memory, and export entries whose reads are watched: for
// testing an importer on its own, without a library. Notes and reasons are kept as English text,
// worded as the CLI prints them, so a test compares sentences.
import assert from 'node:assert/strict';
import type { ExportEntry, ExportFiles } from '../../electron/core/archive/export-files.ts';
import type { ExportDevice, ImportSink } from '../../electron/core/importers/importer.ts';
import type { AccountIdentity, Message, NewRecording } from '../../electron/core/model.ts';
import { english } from '../../electron/core/messages/index.ts';

export class MemorySink implements ImportSink {
  readonly signal = new AbortController().signal;
  readonly recordings: { recording: NewRecording; audio: ExportEntry | null }[] = [];
  account: AccountIdentity | null = null;
  readonly skipped: { path: string; reason: string }[] = [];
  readonly notes: string[] = [];
  readonly devices: ExportDevice[] = [];
  readonly names: string[] = [];
  readonly attached: { path: string; reason: string; bytes: number | null }[] = [];
  readonly consumed_ = new Set<string>();
  setAccount(identity: AccountIdentity) {
    this.account ??= identity;
  }
  addDevice(device: ExportDevice) {
    this.devices.push(device);
  }
  addMentionedName(name: string) {
    this.names.push(name);
  }
  async addRecording(recording: NewRecording, audio?: ExportEntry | null) {
    this.recordings.push({ recording, audio: audio ?? null });
  }
  skip(p: string, reason: Message) {
    this.skipped.push({ path: p, reason: english(reason) });
  }
  note(message: Message) {
    const text = english(message);
    if (!this.notes.includes(text)) this.notes.push(text);
  }
  consumed(entry: ExportEntry) {
    this.consumed_.add(entry.path);
  }
  async attach(entry: ExportEntry, reason: Message, bytes?: Uint8Array) {
    this.attached.push({ path: entry.path, reason: english(reason), bytes: bytes?.length ?? null });
  }
  byText(text: string) {
    const r = this.recordings.find((x) => x.recording.transcript === text);
    assert.ok(
      r,
      `a recording “${text}” (have ${this.recordings.map((x) => JSON.stringify(x.recording.transcript)).join(', ')})`,
    );
    return r;
  }
  reasonFor(part: string) {
    return this.skipped.find((s) => s.path.includes(part))?.reason;
  }
}

/** The same files, with every read(), stream() and head() of an entry noted by path. */
export function spyOnReads(files: ExportFiles): {
  files: ExportFiles;
  opened: Set<string>;
  read: Set<string>;
  streamed: Set<string>;
} {
  const read = new Set<string>();
  const streamed = new Set<string>();
  const opened = new Set<string>();
  const entries = files.entries.map((e): ExportEntry => ({
    ...e,
    read: (max?: number) => {
      read.add(e.path);
      opened.add(e.path);
      return e.read(max);
    },
    stream: () => {
      streamed.add(e.path);
      opened.add(e.path);
      return e.stream();
    },
    // A look at the head is a stream that stops early, as it was before entries had head().
    head: (bytes: number) => {
      streamed.add(e.path);
      opened.add(e.path);
      return e.head(bytes);
    },
  }));
  return { files: { ...files, entries }, opened, read, streamed };
}
