// Warnings as the window words them: a calm, specific sentence per warning (in the UI's language,
// from the facts the core stored), how sure Earshot is, and which exports they mark.
import type { StoredWarning } from '../../../electron/core/api/contract.ts';
import type { Decision, ExportSign, WarningKind } from '../../../electron/core/api/contract.ts';
import { currentI18n, type MessageKey, type Params } from '../i18n/index.ts';

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

/** Whether the warning says a whole export may be someone else's (the red banner). */
export function isExportWide(w: Pick<StoredWarning, 'kind'>): boolean {
  return kindViews[w.kind].exportWide;
}

/** One sign of an export's verdict, as the core stored it. */
export type Sign = ExportSign;

/** The verdict's signs stored with an export-wide warning (the account's own first). */
export function signsOf(w: Pick<StoredWarning, 'evidence'>): Sign[] {
  const signs = w.evidence.signs;
  return Array.isArray(signs) ? (signs as Sign[]).filter((s) => s && typeof s.kind === 'string') : [];
}

/** One sign in a sentence, in the window's language. */
export function signText(s: Sign, t: T): string {
  const f = s.facts;
  const count = num(f.recordings) ?? 0;
  switch (s.kind) {
    case 'account':
      return t('sign.account', { identity: str(f.identity) ?? '' });
    case 'devices':
      if (str(f.assistant))
        return t(f.said === 'none' ? 'sign.assistantNone' : 'sign.assistantNotYours', {
          count,
          assistant: str(f.assistant)!,
        });
      return t('sign.devicesUnconfirmed', { count: strings(f.devices).length, devices: strings(f.devices).join(', ') });
    case 'voices':
      return t('sign.voices', { count });
    case 'names':
      return t('sign.names', { count, names: strings(f.names).join(', ') });
    case 'places':
      return t('sign.places', { count, total: num(f.withPlace) ?? count, place: str(f.place) ?? '' });
    case 'vendor-speaker':
      return strings(f.names).length
        ? t('sign.speakerLabels', { count, names: strings(f.names).join(', ') })
        : t('sign.unrecognised', { count, total: num(f.total) ?? count });
    default:
      return currentI18n().localise(s.reason);
  }
}

/** How much one sign weighs, in words. */
export function signWeight(s: Sign, t: T): string {
  return t(`sign.strength.${s.strength}`);
}

interface KindView {
  exportWide: boolean;
  /** The headline: what Earshot noticed, in one sentence. */
  title(w: StoredWarning, t: T): string;
  /** Why it was raised: the evidence behind the headline, in plain words. */
  why(w: StoredWarning, t: T, locale: string): string;
  /** How sure Earshot is, in words that match how reliable the check is. */
  certainty(w: StoredWarning, t: T): string;
  /** The banner's headline, for the kinds that speak for a whole export. */
  banner?(w: StoredWarning, t: T): string;
  /** The answers offered besides "dismiss", in order (the first on M); each teaches the core. */
  answers(w: StoredWarning, t: T): { decision: Decision; label: string }[];
}

const itIsMine = (_w: StoredWarning, t: T) => [{ decision: 'mine' as const, label: t('warnings.itIsMine') }];
const thisIsMe = (_w: StoredWarning, t: T) => [{ decision: 'mine' as const, label: t('warnings.mine') }];

function sureness(w: StoredWarning, t: T): string {
  const c = w.confidence;
  const level = c == null ? 'unknown' : c >= 0.85 ? 'high' : c >= 0.6 ? 'medium' : 'low';
  return t(`warning.sure.${level}`);
}

/** The headline of an export verdict: "very likely not yours — N signs", or the one sign's own. */
function verdictTitle(w: StoredWarning, t: T): string {
  const signs = signsOf(w);
  if (signs.length === 1 && signs[0]!.kind === 'voices')
    return t('warning.exportVoice.title', { label: w.exportLabel ?? w.subject });
  return t('warning.export.title', { count: signs.length });
}

/**
 * Every warning kind the core knows, and how the window words it. A `Record` over the core's kinds:
 * a new kind does not compile until it is worded here.
 */
export const kindViews: Record<WarningKind, KindView> = {
  export: {
    exportWide: true,
    title: verdictTitle,
    why: (w, t) => t('warning.export.why', { count: signsOf(w).length }),
    certainty: (w, t) => sureness(w, t),
    banner: (w, t) => {
      const signs = signsOf(w);
      if (signs.length === 1 && signs[0]!.kind === 'voices')
        return t('banner.voices', { label: w.exportLabel ?? w.subject });
      return t('banner.verdict', { count: signs.length });
    },
    answers: itIsMine,
  },
  account: {
    exportWide: true,
    title: (w, t) => t('warning.account.title', { identity: w.subject }),
    why: (w, t, locale) => {
      const e = w.evidence;
      const identity = str(e.identity) ?? w.subject;
      const yours = strings(e.yours);
      const where = str(e.foundIn);
      const found = where
        ? t('warning.account.foundIn', { identity, file: where })
        : t('warning.account.named', { identity });
      return yours.length
        ? `${found} ${t('warning.account.yours', { yours: joinList(yours, locale), count: yours.length })}`
        : found;
    },
    certainty: (w, t) => sureness(w, t),
    banner: (w, t) => t('banner.account', { identity: w.subject }),
    answers: itIsMine,
  },
  device: {
    exportWide: false,
    title: (w, t) => {
      const count = recordingCount(w);
      if (str(w.evidence.assistant))
        return t(w.evidence.said === 'none' ? 'sign.assistantNone' : 'sign.assistantNotYours', {
          count,
          assistant: w.subject,
        });
      return t('warning.device.title', { count, device: w.subject });
    },
    why: (w, t) => t(str(w.evidence.assistant) ? 'warning.device.whyAssistant' : 'warning.device.why'),
    certainty: (w, t) => sureness(w, t),
    answers: (w, t) => [
      {
        decision: 'mine',
        label: str(w.evidence.assistant)
          ? t('warnings.assistantMine', { assistant: w.subject })
          : t('warnings.deviceMine'),
      },
    ],
  },
  place: {
    exportWide: false,
    title: (w, t) =>
      t('warning.place.title', { count: recordingCount(w), place: w.subject, total: num(w.evidence.withPlace) ?? 0 }),
    why: (w, t, locale) => t('warning.place.why', { home: joinList(strings(w.evidence.home), locale) }),
    certainty: (w, t) => sureness(w, t),
    answers: (_w, t) => [{ decision: 'mine', label: t('warnings.placeKnown') }],
  },
  name: {
    exportWide: false,
    title: (w, t) =>
      t(w.severity === 'notice' ? 'warning.name.titleUnknown' : 'warning.name.title', {
        count: recordingCount(w),
        name: w.subject,
      }),
    why: (w, t, locale) => {
      const spellings = strings(w.evidence.spellings).filter((s) => s.toLowerCase() !== w.subject.toLowerCase());
      const base = w.severity === 'notice' ? t('warning.name.whyUnknown') : t('warning.name.why');
      return spellings.length
        ? `${base} ${t('warning.name.spellings', { spellings: joinList(spellings, locale) })}`
        : base;
    },
    certainty: (_w, t) => t('warning.sure.name'),
    answers: (_w, t) => [
      { decision: 'mine', label: t('warnings.someoneIKnow') },
      { decision: 'not-a-person', label: t('warnings.notAPerson') },
    ],
  },
  speaker: {
    exportWide: false,
    title: (w, t) =>
      t(w.severity === 'notice' ? 'warning.speaker.titleUnknown' : 'warning.speaker.title', {
        count: recordingCount(w),
        name: w.subject,
      }),
    why: (w, t) => (w.severity === 'notice' ? t('warning.speaker.whyUnknown') : t('warning.speaker.why')),
    certainty: (_w, t) => t('warning.sure.speaker'),
    answers: thisIsMe,
  },
  voice: {
    exportWide: false,
    title: (w, t) => t('warning.voice.title', { count: recordingCount(w), group: voiceLabel(w.subject, t) }),
    why: (w, t) => {
      const vendor = num(w.evidence.vendorUnrecognised) ?? 0;
      const base = t('warning.voice.why');
      return vendor > 0 ? `${base} ${t('warning.voice.vendor', { count: vendor })}` : base;
    },
    certainty: (w, t) => `${sureness(w, t)} ${t('warning.sure.voiceNote')}`,
    answers: thisIsMe,
  },
};

/** The answers a warning offers besides "dismiss", the first one on M. */
export function answersFor(w: StoredWarning, t: T): { decision: Decision; label: string }[] {
  return kindViews[w.kind].answers(w, t);
}

/** The headline: what Earshot noticed, in one sentence. */
export function warningTitle(w: StoredWarning, t: T): string {
  return kindViews[w.kind].title(w, t);
}

/** Why it was raised: the evidence behind the headline, in plain words. */
export function warningWhy(w: StoredWarning, t: T, locale: string): string {
  return kindViews[w.kind].why(w, t, locale);
}

/** How sure Earshot is, in words that match how reliable the check is. */
export function certainty(w: StoredWarning, t: T): string {
  return kindViews[w.kind].certainty(w, t);
}

/** The red banner's headline for an export-wide warning. */
export function bannerTitle(w: StoredWarning, t: T): string {
  return (kindViews[w.kind].banner ?? kindViews[w.kind].title)(w, t);
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

/**
 * The voice warning about one voice group, if there is one: by the group id the warning carries;
 * by the group's label only for a warning stored before warnings carried the id.
 */
export function voiceWarningFor(label: string, list: StoredWarning[], groupId?: number): StoredWarning | undefined {
  return list.find((w) => {
    if (w.kind !== 'voice') return false;
    const id = num(w.evidence.groupId);
    return id != null && groupId != null ? id === groupId : w.subject === label;
  });
}

/** A voice group's label ("Voice A", from the core) in the UI's language. */
export function voiceLabel(label: string, t: T): string {
  const m = /^Voice ([A-Z]+)$/.exec(label);
  return m ? t('voices.label', { letter: m[1]! }) : label;
}
