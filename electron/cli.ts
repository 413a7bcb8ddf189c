// Earshot from a terminal, over the same core as the app: `npm run cli -- import|list …`.
import { parseArgs } from 'node:util';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openLibrary } from './core/db/library.ts';
import { listRecordings } from './core/db/recordings.ts';
import { runImport } from './core/import/run-import.ts';
import { userMessage } from './core/import/import-jobs.ts';
import { defaultLibraryFile } from './core/paths.ts';
import type { ImportReport } from './core/model.ts';
import type { Db } from './core/db/library.ts';
import { readFile } from 'node:fs/promises';
import { getProfile, setProfile, type Profile } from './core/analysis/profile.ts';
import { listWarnings, refreshWarnings, warningRecordingIds } from './core/analysis/warnings.ts';
import { computeSignatures, enrollVoice, regroupVoices } from './core/analysis/voice-groups.ts';
import { recordNameMentions } from './core/analysis/name-mentions.ts';
import { findPersonNames } from './core/analysis/names/index.ts';
import type { ExportSign } from './core/analysis/warning-types.ts';
import { deleteSelection } from './core/db/deleting.ts';
import { removeLeftoverImportTemp } from './core/archive/temp-files.ts';
import { english } from './core/messages/index.ts';

const usage = `Usage:
  npm run cli -- import <file or folder>... [--db FILE] [--json] [--no-analyze]
  npm run cli -- list [--db FILE] [--search TEXT] [--limit N] [--json]
  npm run cli -- profile [--name N]... [--email E]... [--household N]... [--account A]...
                         [--home PLACE]... [--device NAME]... [--devices none|some] [--no-assistant alexa|google]...
                         [--db FILE] [--json]
  npm run cli -- enroll --person NAME <audio file>... [--db FILE]
  npm run cli -- analyze [--db FILE]
  npm run cli -- warnings [--db FILE] [--json] [--all]
  npm run cli -- delete [--id N]... [--export N] [--db FILE] [--json]`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      search: { type: 'string', default: '' },
      limit: { type: 'string', default: '50' },
      name: { type: 'string', multiple: true },
      email: { type: 'string', multiple: true },
      household: { type: 'string', multiple: true },
      account: { type: 'string', multiple: true },
      home: { type: 'string', multiple: true },
      device: { type: 'string', multiple: true },
      devices: { type: 'string' },
      'no-assistant': { type: 'string', multiple: true },
      person: { type: 'string' },
      id: { type: 'string', multiple: true },
      export: { type: 'string' },
      all: { type: 'boolean', default: false },
      'no-analyze': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return command || values.help ? 0 : 2;
  }
  const libraryFile = path.resolve(values.db ?? defaultLibraryFile());
  mkdirSync(path.dirname(libraryFile), { recursive: true, mode: 0o700 });

  if (command === 'import') {
    if (rest.length === 0) throw new UsageError('import needs at least one file or folder.');
    const db = openLibrary(libraryFile);
    try {
      const tempDir = path.join(path.dirname(libraryFile), 'import-temp');
      mkdirSync(tempDir, { recursive: true, mode: 0o700 });
      // What a killed earlier import left in the temp folder goes first.
      removeLeftoverImportTemp(tempDir);
      const controller = new AbortController();
      process.once('SIGINT', () => controller.abort());
      const report = await runImport(
        db,
        rest.map((p) => path.resolve(p)),
        {
          signal: controller.signal,
          tempDir,
          onProgress: values.json
            ? undefined
            : (p) =>
                process.stderr.write(
                  `\r${p.phase}: ${p.entriesDone}/${p.entriesTotal} files, ${p.recordings} recordings   `,
                ),
        },
      );
      if (!values.json) process.stderr.write('\n');
      // Voice analysis runs as part of a CLI import, so warnings are ready when it returns.
      if (report.recordings > 0 && !values['no-analyze']) await analyse(db, libraryFile, values.json);
      console.log(values.json ? JSON.stringify(cliReport(report), null, 2) : describeReport(report));
      // Nothing new and nothing already there (e.g. its only history file is damaged): a failure,
      // said with the reasons, so a script does not take it for a done import.
      if (report.recordings === 0 && report.duplicates === 0) {
        console.error(`earshot: ${report.notes[0] ? english(report.notes[0]) : 'Nothing was imported.'}`);
        for (const s of report.skipped) console.error(`  ${s.path} ${english(s.reason)}`);
        return 1;
      }
      return 0;
    } finally {
      db.close();
    }
  }

  if (command === 'list') {
    const db = openLibrary(libraryFile);
    try {
      const limit = Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        throw new UsageError('--limit takes a whole number from 1 to 1000.');
      const page = listRecordings(db, { search: values.search, limit });
      if (values.json) console.log(JSON.stringify(page, null, 2));
      else {
        console.log(
          `${page.total} recording${page.total === 1 ? '' : 's'}${values.search ? ` matching “${values.search}”` : ''}`,
        );
        for (const r of page.rows) {
          const when =
            r.timeUtc == null ? 'unknown time' : new Date(r.timeUtc).toISOString().replace('T', ' ').slice(0, 19);
          const text = r.transcript ?? (r.notIntended ? '(not intended for the assistant)' : '(no transcript)');
          console.log(`${String(r.id).padStart(6)}  ${when}  ${r.hasAudio ? '♪' : ' '}  ${text}`);
        }
      }
      return 0;
    } finally {
      db.close();
    }
  }
  if (command === 'profile') {
    const db = openLibrary(libraryFile);
    try {
      const current = getProfile(db);
      const given =
        values.name ||
        values.email ||
        values.household ||
        values.account ||
        values.home ||
        values.device ||
        values.devices ||
        values['no-assistant'];
      if (values.devices && values.devices !== 'none' && values.devices !== 'some')
        throw new UsageError('--devices takes “none” (you own no voice-assistant device) or “some”.');
      const assistants = (values['no-assistant'] ?? []).map((a) => {
        const v = a.toLowerCase();
        if (v === 'alexa') return 'alexa' as const;
        if (v === 'google' || v === 'google-assistant') return 'google-assistant' as const;
        throw new UsageError(`--no-assistant takes “alexa” or “google”, not “${a}”.`);
      });
      const profile = given
        ? setProfile(db, {
            ...current,
            names: values.name ?? current.names,
            emails: values.email ?? current.emails,
            household: values.household ?? current.household,
            accounts: values.account ?? current.accounts,
            homePlaces: values.home ?? current.homePlaces,
            devices: values.device ?? current.devices,
            noAssistant: values.devices ? values.devices === 'none' : current.noAssistant,
            notMyAssistants: values['no-assistant'] ? assistants : current.notMyAssistants,
            skipped: false,
          })
        : current;
      if (given) refreshWarnings(db);
      console.log(values.json ? JSON.stringify(profile, null, 2) : describeProfile(profile));
      return 0;
    } finally {
      db.close();
    }
  }

  if (command === 'enroll') {
    if (!values.person) throw new UsageError('enroll needs --person NAME (yourself, or a household member).');
    if (rest.length === 0) throw new UsageError('enroll needs at least one audio file.');
    const db = openLibrary(libraryFile);
    try {
      // Every usable file is taken; each refused one is named with its reason, and the rest go on.
      let taken = 0;
      for (const file of rest) {
        const name = path.basename(file);
        let bytes: Buffer;
        try {
          bytes = await readFile(path.resolve(file));
        } catch (error) {
          console.error(`earshot: “${name}” was not added: ${userMessage(error)}`);
          continue;
        }
        const result = await enrollVoice(db, values.person, bytes);
        if (!result.ok) {
          console.error(`earshot: “${name}” was not added: ${result.reason}`);
          continue;
        }
        taken++;
        console.log(
          `Added “${name}” as a voice sample for ${values.person} (${result.samples} in all)${result.matchedGroup ? `; it sounds like ${result.matchedGroup}` : ''}.`,
        );
      }
      if (taken > 0) refreshWarnings(db);
      if (taken < rest.length) {
        console.error(`earshot: ${taken} of ${rest.length} files added as voice samples.`);
      }
      return taken > 0 ? 0 : 1;
    } finally {
      db.close();
    }
  }

  if (command === 'analyze') {
    const db = openLibrary(libraryFile);
    try {
      await analyse(db, libraryFile, false);
      return 0;
    } finally {
      db.close();
    }
  }

  if (command === 'warnings') {
    const db = openLibrary(libraryFile);
    try {
      const warnings = listWarnings(db, { includeDecided: values.all });
      if (values.json) {
        console.log(
          JSON.stringify(
            warnings.map((w) => ({
              ...w,
              // The verdict's signs, each with its evidence and how sure it is.
              ...(Array.isArray(w.evidence.signs) ? { signs: w.evidence.signs } : {}),
              recordingIds: warningRecordingIds(db, w.id),
            })),
            null,
            2,
          ),
        );
      } else if (warnings.length === 0) {
        console.log('No warnings. Everything here sounds like you.');
      } else {
        for (const w of warnings) {
          console.log(
            `[${w.severity}] ${w.kind}: ${english(w.reason)}${w.decision ? ` (you said: ${w.decision})` : ''}`,
          );
          const signs = Array.isArray(w.evidence.signs) ? (w.evidence.signs as ExportSign[]) : [];
          if (w.kind === 'export' || signs.length > 1)
            for (const sign of signs)
              console.log(
                `    - ${sign.kind} (${sign.strength}, ${Math.round(sign.confidence * 100)} % sure): ${english(sign.reason)}`,
              );
        }
      }
      return 0;
    } finally {
      db.close();
    }
  }
  if (command === 'delete') {
    const ids = (values.id ?? []).map((v) => wholeNumber(v, '--id'));
    const exportId = values.export == null ? null : wholeNumber(values.export, '--export');
    if (ids.length === 0 && exportId == null) {
      throw new UsageError('delete needs --id N (a recording, see `list`) or --export N (a whole export).');
    }
    if (rest.length > 0) throw new UsageError(`delete takes no file names (got “${rest[0]}”).`);
    const db = openLibrary(libraryFile);
    try {
      // Said first: overwriting and vacuuming a large library takes a moment.
      if (!values.json) process.stderr.write('Deleting…\n');
      const result = deleteFromCli(db, ids, exportId);
      console.log(values.json ? JSON.stringify(result, null, 2) : describeDeletion(result));
      if (result.notFound.length > 0 && !values.json) {
        console.error(`earshot: not in the library: ${result.notFound.join(', ')}.`);
      }
      return result.recordings > 0 || result.exports.length > 0 ? 0 : 1;
    } finally {
      db.close();
    }
  }
  throw new UsageError(`unknown command “${command}”.`);
}

function wholeNumber(value: string, option: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`${option} takes a whole number (got “${value}”).`);
  }
  return n;
}

interface CliDeletion {
  recordings: number;
  exports: { id: number; label: string }[];
  notFound: string[];
}

/**
 * Deletes as the window does (the same deleteSelection: rows, audio, search index, secure delete,
 * vacuum), then brings the warnings up to date as the app's analysis refresh would.
 */
function deleteFromCli(db: Db, ids: number[], exportId: number | null): CliDeletion {
  const exportsBefore = new Map(
    (db.prepare('SELECT id, label FROM exports').all() as { id: number; label: string }[]).map((e) => [e.id, e.label]),
  );
  const known = new Set(
    db
      .prepare('SELECT id FROM recordings WHERE id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(ids)) as number[],
  );
  const notFound = ids.filter((id) => !known.has(id)).map((id) => `recording ${id}`);
  if (exportId != null && !exportsBefore.has(exportId)) notFound.push(`export ${exportId}`);
  let recordings = 0;
  if (known.size > 0) recordings += deleteSelection(db, { ids: [...known] }).deleted;
  if (exportId != null && exportsBefore.has(exportId)) recordings += deleteSelection(db, { exportId }).deleted;
  const left = new Set(db.prepare('SELECT id FROM exports').pluck().all() as number[]);
  const exports = [...exportsBefore].filter(([id]) => !left.has(id)).map(([id, label]) => ({ id, label }));
  if (recordings > 0 || exports.length > 0) refreshWarnings(db);
  return { recordings, exports, notFound };
}

function describeDeletion(d: CliDeletion): string {
  const lines = [
    `Deleted ${d.recordings} recording${d.recordings === 1 ? '' : 's'} with their audio; they are overwritten in the library file.`,
  ];
  for (const e of d.exports) lines.push(`Removed the export ${e.id} “${e.label}”.`);
  return lines.join('\n');
}

/** Names, then voices (signatures, groups), then warnings: what the app does after an import. */
async function analyse(db: Db, _libraryFile: string, quiet: boolean) {
  recordNameMentions(db, (text) => findPersonNames(text));
  await computeSignatures(db, {
    onProgress: quiet ? undefined : (done, total) => process.stderr.write(`\ranalysing voices: ${done}/${total}   `),
  });
  if (!quiet) process.stderr.write('\n');
  regroupVoices(db);
  refreshWarnings(db);
}

function describeProfile(p: Profile): string {
  const line = (label: string, xs: string[]) => `${label}: ${xs.length ? xs.join(', ') : '(none)'}`;
  return [
    line('Names', p.names),
    line('E-mail', p.emails),
    line('Household', p.household),
    line('Accounts', p.accounts),
    line('Home', p.homePlaces),
    line('Devices', p.devices),
    `Assistants: ${p.noAssistant ? 'none' : p.notMyAssistants.length ? `not ${p.notMyAssistants.join(', ')}` : '(not said)'}`,
  ].join('\n');
}

/** The JSON report: stable field names for scripts; its sentences in English, as the CLI prints them. */
export function cliReport(r: ImportReport) {
  return {
    exportKind: r.exportKind,
    exportId: r.exportId,
    found: r.found,
    recordings: r.recordings,
    withAudio: r.withAudio,
    withTranscript: r.withTranscript,
    duplicates: r.duplicates,
    skipped: r.skipped.map((s) => ({ path: s.path, reason: english(s.reason) })),
    account: r.account?.value ?? null,
    accountDetail: r.account,
    devices: r.devices,
    firstTime: r.firstTime == null ? null : new Date(r.firstTime).toISOString(),
    lastTime: r.lastTime == null ? null : new Date(r.lastTime).toISOString(),
    notes: r.notes.map(english),
    durationMs: r.durationMs,
  };
}

function describeReport(r: ImportReport): string {
  const lines = [
    `Imported ${r.recordings} recording${r.recordings === 1 ? '' : 's'} (${r.withAudio} with audio, ${r.withTranscript} with a transcript) from a ${r.exportKind} export.`,
  ];
  if (r.duplicates) lines.push(`${r.duplicates} were already in the library.`);
  if (r.account) lines.push(`The export belongs to ${r.account.value} (found in ${r.account.foundIn}).`);
  lines.push(...r.notes.map(english));
  if (r.skipped.length) {
    const byReason = new Map<string, number>();
    for (const s of r.skipped) byReason.set(english(s.reason), (byReason.get(english(s.reason)) ?? 0) + 1);
    lines.push(`Skipped ${r.skipped.length} file${r.skipped.length === 1 ? '' : 's'}:`);
    for (const [reason, n] of byReason) lines.push(`  ${n} × ${reason}`);
  }
  return lines.join('\n');
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`earshot: ${(error as Error).message}\n${usage}`);
      process.exitCode = 2;
    } else {
      console.error(`earshot: ${userMessage(error)}`);
      process.exitCode = 1;
    }
  },
);
