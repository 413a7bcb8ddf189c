// Runs one verdict case through the real pipeline: import (a minimal export kind), the name finder,
// every warning kind, and reads back what the user would see: is there a strong export warning?
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary } from '../../electron/core/db/library.ts';
import { runImport } from '../../electron/core/import/run-import.ts';
import { setProfile } from '../../electron/core/analysis/profile.ts';
import { recordNameMentions } from '../../electron/core/analysis/name-mentions.ts';
import { findPersonNames } from '../../electron/core/analysis/names/index.ts';
import { listWarnings, refreshWarnings, type StoredWarning } from '../../electron/core/analysis/warnings.ts';
import type { ExportSign } from '../../electron/core/analysis/warning-types.ts';
import { fakeImporter } from './fake-export.ts';
import { writeZip } from './zip.ts';
import type { VerdictCase } from '../fixtures/verdict-cases.ts';

export interface VerdictResult {
  /** The strong export-wide warning, if one was raised. */
  verdict: StoredWarning | null;
  signs: ExportSign['kind'][];
  warnings: StoredWarning[];
}

export async function runVerdictCase(c: VerdictCase, account: string | null = null): Promise<VerdictResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'earshot-verdict-'));
  const db = openLibrary(path.join(dir, 'library.sqlite'));
  try {
    setProfile(db, c.profile);
    const file = await writeZip(path.join(dir, 'export.zip'), { 'recordings.json': JSON.stringify(c.recordings) });
    const report = await runImport(db, [file], { importers: [fakeImporter({ account })] });
    if (report.recordings !== c.recordings.length)
      throw new Error(`imported ${report.recordings} of ${c.recordings.length}`);
    recordNameMentions(db, (t) => findPersonNames(t));
    refreshWarnings(db);
    const warnings = listWarnings(db);
    const verdict =
      warnings.find((w) => w.severity === 'strong' && (w.kind === 'export' || w.kind === 'account')) ?? null;
    const signs =
      verdict && Array.isArray(verdict.evidence.signs)
        ? (verdict.evidence.signs as ExportSign[]).map((s) => s.kind)
        : [];
    return { verdict, signs, warnings };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
