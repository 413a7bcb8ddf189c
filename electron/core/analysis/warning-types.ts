// The plain values a warning is made of: a leaf module every warning kind and the window can import.
import type { Message } from '../model.ts';

/**
 * What a warning is about. Each kind is declared once in `warning-kinds.ts` (how it is computed,
 * whether it speaks for a whole export, what "this is mine" teaches) and presented through an
 * exhaustive map in the window, so adding one here does not compile until every place handles it.
 */
export const WARNING_KINDS = ['export', 'account', 'device', 'place', 'name', 'speaker', 'voice'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export type Severity = 'strong' | 'warning' | 'notice';
/**
 * What the user said: it is theirs (or someone they know), they dismissed it, it is not theirs,
 * or (names only) the word is not a person at all.
 */
export const DECISIONS = ['mine', 'dismissed', 'not-mine', 'not-a-person'] as const;
export type Decision = (typeof DECISIONS)[number];

/** One independent reason to think an export is someone else's, as listed in the verdict. */
export interface ExportSign {
  kind: 'account' | 'devices' | 'voices' | 'names' | 'places' | 'vendor-speaker';
  /** Enough on its own ("decisive"), strong, or only in agreement with others ("supporting"). */
  strength: 'decisive' | 'strong' | 'supporting';
  /** 0..1: how sure this sign is by itself. */
  confidence: number;
  /** The sign in one sentence, as a catalogue key (the window words it from `facts`). */
  reason: Message;
  /** The facts behind the sentence: counts, names, places, devices. */
  facts: Record<string, unknown>;
  /** The stored warning that carries this sign in detail, by key, if there is one. */
  warningKey: string | null;
}

export interface ComputedWarning {
  key: string;
  kind: WarningKind;
  severity: Severity;
  exportId: number | null;
  subject: string;
  /** The warning in one sentence, as a catalogue key: the CLI and the evidence letter word it. */
  reason: Message;
  evidence: Record<string, unknown>;
  confidence: number | null;
  recordingIds: number[];
  firstTime: number | null;
  lastTime: number | null;
}

export interface StoredWarning {
  id: number;
  key: string;
  kind: WarningKind;
  severity: Severity;
  exportId: number | null;
  exportLabel: string | null;
  subject: string;
  /** The warning in one sentence, as a catalogue key: the CLI and the evidence letter word it. */
  reason: Message;
  evidence: Record<string, unknown>;
  confidence: number | null;
  recordings: number;
  firstTime: number | null;
  lastTime: number | null;
  decision: Decision | null;
}
