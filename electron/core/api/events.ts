// What the core pushes to the window, declared once: import progress, "the library changed: what",
// analysis progress. Both transports (IPC, the harness's server-sent events) carry exactly these.
import { z } from 'zod';
import type { ImportReport, Message } from '../model.ts';

/** The parts of the library a change can touch; the window refetches only what a change names. */
// 'waveforms': more recordings have their waveform (prepared in the background after an import).
export const CHANGE_TOPICS = ['exports', 'recordings', 'warnings', 'voices', 'profile', 'waveforms'] as const;
export const ChangeTopic = z.enum(CHANGE_TOPICS);
export type ChangeTopic = z.infer<typeof ChangeTopic>;

const count = z.number().int().min(0);

export const EarshotEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('import'),
    jobId: z.string().min(1),
    state: z.enum(['running', 'done', 'failed', 'cancelled']),
    progress: z.object({
      phase: z.enum(['scanning', 'reading', 'saving', 'done']),
      entriesDone: count,
      entriesTotal: count,
      bytesDone: count,
      bytesTotal: count,
      recordings: count,
      currentFile: z.string().nullable(),
    }),
    secondsLeft: z.number().min(0).nullable(),
    // The report is getImportStatus's own (built by the core, not read from outside): only its shape's root is checked.
    report: z.custom<ImportReport | null>((v) => v === null || (typeof v === 'object' && !Array.isArray(v))),
    // Why it failed, as a catalogue message the window words in its language (only its shape is checked).
    error: z.custom<Message | null>(
      (v) => v === null || (typeof v === 'object' && typeof (v as { key?: unknown }).key === 'string'),
    ),
  }),
  z.object({ type: z.literal('changed'), what: z.array(ChangeTopic).min(1) }),
  z.object({
    type: z.literal('analysis'),
    voices: z.object({ done: count, total: count, running: z.boolean() }),
  }),
]);
export type EarshotEvent = z.infer<typeof EarshotEvent>;
