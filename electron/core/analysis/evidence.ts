// "This is not my data": an evidence summary of an export (file names and hashes, counts, dates,
// devices, the identity found — never recording content), drafted letters to the company and to a
// data protection authority, and the record of the export's removal.
import type { Db } from '../db/library.ts';
import { deleteSelection } from '../db/deleting.ts';
import { kindName, labelIn } from '../messages/export-labels.ts';
import { SELF_HOSTED_KINDS, type ExportKind } from '../model.ts';
import type { FileFingerprint } from '../model.ts';
import { listWarnings } from './warnings.ts';
import { isExportWide } from './warning-kinds.ts';
import type { ExportSign } from './warning-types.ts';
import { render, sayIn, type CoreLang, type CoreMessageKey } from '../messages/index.ts';
import type { Params } from '../messages/text.ts';

export interface Draft {
  to: string;
  subject: string;
  body: string;
}

export interface Removal {
  removedAt: number;
  exportLabel: string;
  account: string | null;
  summary: string;
}

export interface Evidence {
  exportId: number;
  label: string;
  kind: ExportKind;
  /**
   * Who holds the recordings and must answer for them. Null for an assistant someone runs on their
   * own computer (Home Assistant, OpenVoiceOS, Mycroft): there is no company to write to.
   */
  company: 'Amazon' | 'Google' | null;
  /** The assistant that made the recordings, as its makers name it. */
  assistant: string;
  account: string | null;
  accountFoundIn: string | null;
  importedAt: number;
  /** Every file the export arrived as (a folder's files one by one), with size and SHA-256. */
  files: FileFingerprint[];
  recordings: number;
  withAudio: number;
  withTranscript: number;
  firstTime: number | null;
  lastTime: number | null;
  devices: { name: string; recordings: number }[];
  registeredDevices: { name: string | null; model: string | null; serial: string | null }[];
  reasons: string[];
  /** Plain text of the summary, for copying. */
  summary: string;
  /** A self-contained page of the summary, to save and keep. */
  html: string;
  /** Null for a self-hosted assistant: no company to write to, and no company to complain about. */
  drafts: { company: Draft | null; authority: Draft | null };
  removal: Removal | null;
}

type Language = CoreLang;

// The postal address stays as the company writes it; the words around it are in the letter's language.
const privacyContacts: Record<NonNullable<Evidence['company']>, { address: string; form: string }> = {
  Amazon: {
    address: 'Amazon Europe Core S.à r.l., Data Protection Officer, 38 avenue John F. Kennedy, L-1855 Luxembourg',
    form: 'amazon.com/privacy',
  },
  Google: {
    address: 'Google Ireland Limited, Data Protection Office, Gordon House, Barrow Street, Dublin 4, Ireland',
    form: 'support.google.com/policies',
  },
};

const isoDay = (t: number | null) => (t == null ? '—' : new Date(t).toISOString().slice(0, 10));
const isoTime = (t: number) => new Date(t).toISOString().replace('T', ' ').slice(0, 19) + ' UTC';

export function buildEvidence(db: Db, exportId: number, language: Language = 'en'): Evidence | null {
  const e = db
    .prepare(
      `SELECT id, kind, label, account, account_found_in, imported_at, source_files, recording_count, with_audio,
         with_transcript, first_time, last_time FROM exports WHERE id = ?`,
    )
    .get(exportId) as
    | {
        id: number;
        kind: ExportKind;
        label: string;
        account: string | null;
        account_found_in: string | null;
        imported_at: number;
        source_files: string;
        recording_count: number;
        with_audio: number;
        with_transcript: number;
        first_time: number | null;
        last_time: number | null;
      }
    | undefined;
  if (!e) return null;
  const devices = db
    .prepare(
      `SELECT COALESCE(device, ?) AS name, COUNT(*) AS recordings FROM recordings
       WHERE export_id = ? GROUP BY device ORDER BY recordings DESC`,
    )
    .all(sayIn(language, 'import.unknownDevice'), exportId) as Evidence['devices'];
  const registeredDevices = db
    .prepare('SELECT name, model, serial FROM export_devices WHERE export_id = ?')
    .all(exportId) as Evidence['registeredDevices'];
  // The export-wide warnings' reasons, and every sign of the verdict, each in the reader's language.
  const reasons = [
    ...new Set(
      listWarnings(db, { includeDecided: true })
        .filter((w) => w.exportId === exportId && isExportWide(w.kind))
        .flatMap((w) => [
          ...(w.kind === 'export' ? [] : [w.reason]),
          ...(Array.isArray(w.evidence.signs) ? (w.evidence.signs as ExportSign[]).map((s) => s.reason) : []),
        ])
        .map((r) => render(r, language)),
    ),
  ];
  const company = companyFor(e.kind);
  const evidence: Omit<Evidence, 'summary' | 'html' | 'drafts'> = {
    exportId: e.id,
    label: e.label,
    kind: e.kind,
    company,
    assistant: assistantFor(e.kind),
    account: e.account,
    accountFoundIn: e.account_found_in,
    importedAt: e.imported_at,
    files: JSON.parse(e.source_files) as Evidence['files'],
    recordings: e.recording_count,
    withAudio: e.with_audio,
    withTranscript: e.with_transcript,
    firstTime: e.first_time,
    lastTime: e.last_time,
    devices,
    registeredDevices,
    reasons,
    removal: null,
  };
  return finish(evidence, language);
}

/** Who holds an export's recordings: the company that sent it, or nobody for a self-hosted assistant. */
export function companyFor(kind: ExportKind): Evidence['company'] {
  if (SELF_HOSTED_KINDS.includes(kind)) return null;
  return kind === 'google-takeout' || kind === 'google-audio' ? 'Google' : 'Amazon';
}

function assistantFor(kind: ExportKind): string {
  if (kind === 'home-assistant-assist') return 'Home Assistant';
  if (kind === 'ovos-mycroft') return 'OpenVoiceOS / Mycroft';
  return kind === 'google-takeout' || kind === 'google-audio' ? 'Google Assistant' : 'Alexa';
}

function finish(evidence: Omit<Evidence, 'summary' | 'html' | 'drafts'>, language: Language): Evidence {
  const summary = summaryText(evidence, language);
  const company = evidence.company;
  return {
    ...evidence,
    summary,
    html: summaryHtml(evidence, summary, language),
    drafts: company
      ? {
          company: companyDraft({ ...evidence, company }, summary, language),
          authority: authorityDraft({ ...evidence, company }, summary, language),
        }
      : { company: null, authority: null },
  };
}

type WithCompany = Omit<Evidence, 'summary' | 'html' | 'drafts' | 'company'> & {
  company: NonNullable<Evidence['company']>;
};

function summaryText(e: Omit<Evidence, 'summary' | 'html' | 'drafts'>, language: Language): string {
  const say = (key: EvidenceKey, params: Params = {}) => sayIn(language, `evidence.${key}`, params);
  const lines = [
    say('summaryTitle', { label: labelIn(e.label, language) }),
    say('kind', { kind: kindName(e.kind, language) }),
    ...(e.company ? [] : [say('noCompany', { assistant: e.assistant })]),
    e.accountFoundIn
      ? say('accountFoundIn', { account: e.account ?? say('accountNotStated'), file: e.accountFoundIn })
      : say('account', { account: e.account ?? say('accountNotStated') }),
    say('imported', { time: isoTime(e.importedAt) }),
    // Counts as the export gave them, unformatted, so the summary can be compared with the files.
    say('recordings', {
      recordings: String(e.recordings),
      withAudio: String(e.withAudio),
      withTranscript: String(e.withTranscript),
      first: isoDay(e.firstTime),
      last: isoDay(e.lastTime),
    }),
    say('files'),
    ...e.files.map((f) => `  ${fileLine(f, language)}`),
    say('devices'),
    ...e.devices.map((d) => `  ${d.name}: ${d.recordings}`),
    ...e.registeredDevices.map(
      (d) => `  ${[d.name, d.model, d.serial && `serial ${d.serial}`].filter(Boolean).join(', ')}`,
    ),
  ];
  if (e.reasons.length) lines.push(say('reasons'), ...e.reasons.map((r) => `  ${r}`));
  if (e.removal) lines.push(say('removed', { time: isoTime(e.removal.removedAt) }));
  lines.push(say('noContent'));
  return lines.join('\n');
}

type Unprefixed<T> = T extends `evidence.${infer K}` ? K : never;
type EvidenceKey = Unprefixed<CoreMessageKey>;

/** One file of the summary; a folder past the cap ends with "and N more files", counted, not hashed. */
function fileLine(f: FileFingerprint, language: Language): string {
  const numbers = language === 'de' ? 'de-DE' : 'en';
  const params = { name: f.name, bytes: f.size.toLocaleString(numbers) };
  if (f.more != null) return sayIn(language, 'evidence.fileMore', { ...params, more: f.more.toLocaleString(numbers) });
  if (f.sha256) return sayIn(language, 'evidence.fileHashed', { ...params, sha256: f.sha256 });
  // A file in a folder that could not be read; or, in libraries imported before folders were
  // listed file by file, the folder itself.
  return sayIn(language, f.name.includes('/') ? 'evidence.fileUnread' : 'evidence.folderUnlisted', params);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function summaryHtml(e: Omit<Evidence, 'summary' | 'html' | 'drafts'>, summary: string, language: Language): string {
  const title = sayIn(language, 'evidence.pageTitle');
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font:14px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#111}
pre{white-space:pre-wrap;background:#f5f5f5;padding:1rem;border-radius:6px}</style></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(labelIn(e.label, language))}</p><pre>${escapeHtml(summary)}</pre></body></html>
`;
}

function companyDraft(e: WithCompany, summary: string, language: Language): Draft {
  const period = `${isoDay(e.firstTime)} – ${isoDay(e.lastTime)}`;
  const account = e.account ?? sayIn(language, 'evidence.accountUnknown');
  return {
    to: sayIn(language, 'evidence.privacyContact', privacyContacts[e.company]),
    subject: sayIn(language, 'evidence.companySubject'),
    // The count as text: written as the summary writes it, not formatted for the locale.
    body: sayIn(language, 'evidence.companyBody', { account, recordings: String(e.recordings), period, summary }),
  };
}

function authorityDraft(e: WithCompany, summary: string, language: Language): Draft {
  return {
    to: sayIn(language, 'evidence.authorityTo'),
    subject: sayIn(language, 'evidence.authoritySubject', { company: e.company }),
    body: sayIn(language, 'evidence.authorityBody', { company: e.company, summary }),
  };
}

/**
 * Removes an export as "not my data": records what was removed (the summary with hashes, never
 * content) before deleting every trace of it from the library.
 */
export function removeExportAsNotMine(
  db: Db,
  exportId: number,
  language: Language = 'en',
): { deleted: number; removal: Removal; evidence: Evidence } | null {
  const before = buildEvidence(db, exportId, language);
  if (!before) return null;
  const removal: Removal = { removedAt: Date.now(), exportLabel: before.label, account: before.account, summary: '' };
  const after = finish({ ...before, removal }, language);
  removal.summary = after.summary;
  db.prepare('INSERT INTO removal_log (removed_at, export_label, account, summary) VALUES (?, ?, ?, ?)').run(
    removal.removedAt,
    removal.exportLabel,
    removal.account,
    removal.summary,
  );
  const { deleted } = deleteSelection(db, { exportId });
  return { deleted, removal, evidence: { ...after, removal } };
}

export function listRemovals(db: Db): Removal[] {
  return db
    .prepare(
      'SELECT removed_at AS removedAt, export_label AS exportLabel, account, summary FROM removal_log ORDER BY removed_at DESC',
    )
    .all() as Removal[];
}
