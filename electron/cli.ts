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

const usage = `Usage:
  npm run cli -- import <file or folder>... [--db FILE] [--json]
  npm run cli -- list [--db FILE] [--search TEXT] [--limit N] [--json]`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      search: { type: 'string', default: '' },
      limit: { type: 'string', default: '50' },
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
      const controller = new AbortController();
      process.once('SIGINT', () => controller.abort());
      const report = await runImport(db, rest.map((p) => path.resolve(p)), {
        signal: controller.signal,
        tempDir,
        onProgress: values.json
          ? undefined
          : (p) => process.stderr.write(`\r${p.phase}: ${p.entriesDone}/${p.entriesTotal} files, ${p.recordings} recordings   `),
      });
      if (!values.json) process.stderr.write('\n');
      console.log(values.json ? JSON.stringify(cliReport(report), null, 2) : describeReport(report));
      return 0;
    } finally {
      db.close();
    }
  }

  if (command === 'list') {
    const db = openLibrary(libraryFile);
    try {
      const limit = Number(values.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError('--limit takes a whole number from 1 to 1000.');
      const page = listRecordings(db, { search: values.search, limit });
      if (values.json) console.log(JSON.stringify(page, null, 2));
      else {
        console.log(`${page.total} recording${page.total === 1 ? '' : 's'}${values.search ? ` matching “${values.search}”` : ''}`);
        for (const r of page.rows) {
          const when = r.timeUtc == null ? 'unknown time' : new Date(r.timeUtc).toISOString().replace('T', ' ').slice(0, 19);
          const text = r.transcript ?? (r.notIntended ? '(not intended for the assistant)' : '(no transcript)');
          console.log(`${String(r.id).padStart(6)}  ${when}  ${r.hasAudio ? '♪' : ' '}  ${text}`);
        }
      }
      return 0;
    } finally {
      db.close();
    }
  }
  throw new UsageError(`unknown command “${command}”.`);
}

/** The JSON report: stable field names for scripts. */
export function cliReport(r: ImportReport) {
  return {
    exportKind: r.exportKind,
    exportId: r.exportId,
    found: r.found,
    recordings: r.recordings,
    withAudio: r.withAudio,
    withTranscript: r.withTranscript,
    duplicates: r.duplicates,
    skipped: r.skipped,
    account: r.account?.value ?? null,
    accountDetail: r.account,
    devices: r.devices,
    firstTime: r.firstTime == null ? null : new Date(r.firstTime).toISOString(),
    lastTime: r.lastTime == null ? null : new Date(r.lastTime).toISOString(),
    notes: r.notes,
    durationMs: r.durationMs,
  };
}

function describeReport(r: ImportReport): string {
  const lines = [
    `Imported ${r.recordings} recording${r.recordings === 1 ? '' : 's'} (${r.withAudio} with audio, ${r.withTranscript} with a transcript) from a ${r.exportKind} export.`,
  ];
  if (r.duplicates) lines.push(`${r.duplicates} were already in the library.`);
  if (r.account) lines.push(`The export belongs to ${r.account.value} (found in ${r.account.foundIn}).`);
  lines.push(...r.notes);
  if (r.skipped.length) {
    const byReason = new Map<string, number>();
    for (const s of r.skipped) byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + 1);
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
