// Warnings as the window words them: a calm, specific sentence per warning (in the UI's language,
// from the facts the core stored), how sure Earshot is, and which exports they mark.
import type { StoredWarning } from '../../../electron/core/api/contract.ts';
import type { MessageKey, Params } from '../i18n/index.ts';

type T = (key: MessageKey, params?: Params) => string;
export type Severity = StoredWarning['severity'];
export const severities: Severity[] = ['strong', 'warning', 'notice'];

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Lists for a sentence: "a", "a and b", "a, b and c". */
export function joinList(items: string[], locale: string): string {
  try {
    return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

/** How many recordings a warning concerns: its own, or for an export-wide warning the export's. */
export function recordingCount(w: StoredWarning): number {
  if (w.recordings > 0) return w.recordings;
  return num(w.evidence.recordings) ?? 0;
}

/** Whether the warning says a whole export may be someone else's. */
export function isExportWide(w: Pick<StoredWarning, 'kind'>): boolean {
  return w.kind === 'account' || w.kind === 'export-voice';
}

/** The headline: what Earshot noticed, in one sentence. */
export function warningTitle(w: StoredWarning, t: T): string {
  const count = recordingCount(w);
  switch (w.kind) {
    case 'account':
      return t('warning.account.title', { identity: w.subject });
    case 'export-voice':
      return t('warning.exportVoice.title', { label: w.exportLabel ?? w.subject });
    case 'name':
      return t(w.severity === 'notice' ? 'warning.name.titleUnknown' : 'warning.name.title', {
        count,
        name: w.subject,
      });
    case 'speaker':
      return t(w.severity === 'notice' ? 'warning.speaker.titleUnknown' : 'warning.speaker.title', {
        count,
        name: w.subject,
      });
    case 'voice':
      return t('warning.voice.title', { count, group: voiceLabel(w.subject, t) });
    default:
      return w.reason;
  }
}

/** Why it was raised: the evidence behind the headline, in plain words. */
export function warningWhy(w: StoredWarning, t: T, locale: string): string {
  const e = w.evidence;
  switch (w.kind) {
    case 'account': {
      const identity = str(e.identity) ?? w.subject;
      const yours = strings(e.yours);
      const where = str(e.foundIn);
      const found = where
        ? t('warning.account.foundIn', { identity, file: where })
        : t('warning.account.named', { identity });
      return yours.length
        ? `${found} ${t('warning.account.yours', { yours: joinList(yours, locale), count: yours.length })}`
        : found;
    }
    case 'export-voice':
      return t('warning.exportVoice.why', { count: num(e.recordings) ?? recordingCount(w) });
    case 'name': {
      const spellings = strings(e.spellings).filter((s) => s.toLowerCase() !== w.subject.toLowerCase());
      const base = w.severity === 'notice' ? t('warning.name.whyUnknown') : t('warning.name.why');
      return spellings.length
        ? `${base} ${t('warning.name.spellings', { spellings: joinList(spellings, locale) })}`
        : base;
    }
    case 'speaker':
      return w.severity === 'notice' ? t('warning.speaker.whyUnknown') : t('warning.speaker.why');
    case 'voice': {
      const vendor = num(e.vendorUnrecognised) ?? 0;
      const base = t('warning.voice.why');
      return vendor > 0 ? `${base} ${t('warning.voice.vendor', { count: vendor })}` : base;
    }
    default:
      return '';
  }
}

/** How sure Earshot is, in words that match how reliable the check is. */
export function certainty(w: StoredWarning, t: T): string {
  if (w.kind === 'name' || w.kind === 'speaker') return t(`warning.sure.${w.kind}`);
  const c = w.confidence;
  const level = c == null ? 'unknown' : c >= 0.85 ? 'high' : c >= 0.6 ? 'medium' : 'low';
  const words = t(`warning.sure.${level}`);
  return w.kind === 'voice' || w.kind === 'export-voice' ? `${words} ${t('warning.sure.voiceNote')}` : words;
}

/**
 * The core lists every warning, decided ones included (with their decision), under ids that stay
 * the same while the warning does: split into the open ones and the ones the user dealt with.
 */
export function byDecision(list: StoredWarning[]): { open: StoredWarning[]; decided: StoredWarning[] } {
  const open: StoredWarning[] = [];
  const decided: StoredWarning[] = [];
  for (const w of list) (w.decision == null ? open : decided).push(w);
  return { open, decided };
}

/** Open warnings, grouped by severity, strongest first; groups without warnings are left out. */
export function groupBySeverity(list: StoredWarning[]): { severity: Severity; warnings: StoredWarning[] }[] {
  return severities
    .map((severity) => ({ severity, warnings: list.filter((w) => w.severity === severity) }))
    .filter((g) => g.warnings.length > 0);
}

/** Which exports carry an open warning, and the strongest one each. */
export function exportMarks(open: StoredWarning[]): Map<number, Severity> {
  const marks = new Map<number, Severity>();
  for (const w of open) {
    if (w.exportId == null) continue;
    const had = marks.get(w.exportId);
    if (!had || severities.indexOf(w.severity) < severities.indexOf(had)) marks.set(w.exportId, w.severity);
  }
  return marks;
}

/** The open warnings that say an export may be someone else's, one per export (the account first). */
export function foreignExports(open: StoredWarning[]): StoredWarning[] {
  const byExport = new Map<number, StoredWarning>();
  for (const w of open) {
    if (w.severity !== 'strong' || w.exportId == null) continue;
    const had = byExport.get(w.exportId);
    if (!had || (had.kind !== 'account' && w.kind === 'account')) byExport.set(w.exportId, w);
  }
  return [...byExport.values()];
}

/** The voice warning about one voice group (by its label), if there is one. */
export function voiceWarningFor(label: string, list: StoredWarning[]): StoredWarning | undefined {
  return list.find((w) => w.kind === 'voice' && w.subject === label);
}

/** A voice group's label ("Voice A", from the core) in the UI's language. */
export function voiceLabel(label: string, t: T): string {
  const m = /^Voice ([A-Z]+)$/.exec(label);
  return m ? t('voices.label', { letter: m[1]! }) : label;
}
