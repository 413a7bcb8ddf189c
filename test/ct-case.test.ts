// The c't case end to end through the real Amazon importer: a 2018 delivery (WAVs + a transcripts
// PDF, no account, no device list) of a stranger couple is called "very likely not yours" from what
// the PDF's transcripts say — their town, their names — and the user's "no voice assistant"; the
// same kind of delivery from the user's own household raises no export warning at all.
import { describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { english } from '../electron/core/messages/index.ts';
import path from 'node:path';
import { openLibrary } from '../electron/core/db/library.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { setProfile, type ProfileInput } from '../electron/core/analysis/profile.ts';
import { AnalysisService } from '../electron/core/analysis/analysis-service.ts';
import { listWarnings } from '../electron/core/analysis/warnings.ts';
import type { ExportSign } from '../electron/core/analysis/warning-types.ts';
import { CT_HOUSEHOLD } from '../scripts/generator/amazon-2018.ts';
import { writeCtDelivery } from './fixtures/amazon.ts';
import { scratchFolders } from './helpers/scratch.ts';

const dir = scratchFolders('earshot-ct-case-');

/** Imports a c't-like delivery the way the window does (import, then the analysis' quick pass). */
async function importDelivery(t: TestContext, profile: ProfileInput, household = CT_HOUSEHOLD) {
  let made;
  try {
    made = writeCtDelivery(await dir('ct'), { seed: `ct-case/${household.town}`, count: 120, household });
  } catch (error) {
    t.skip(`the generator needs espeak-ng and ffmpeg: ${(error as Error).message}`);
    return null;
  }
  const libraryFile = path.join(await dir('lib'), 'library.sqlite');
  const db = openLibrary(libraryFile);
  setProfile(db, profile);
  const report = await runImport(db, [made.file]);
  assert.equal(report.exportKind, 'amazon-2018');
  assert.equal(report.account, null, 'nothing in the delivery names an account');
  assert.ok(report.withTranscript > 100, `transcripts came from the PDF (${report.withTranscript})`);
  new AnalysisService({ db, libraryFile }).afterImport();
  return { db, made };
}

describe("the c't case through the Amazon importer", () => {
  test('a stranger couple from Regensburg: the verdict from places, names and "no assistant"', async (t) => {
    const run = await importDelivery(t, { names: ['Thomas Keller'], homePlaces: ['Hannover'], noAssistant: true });
    if (!run) return;
    const { db, made } = run;
    try {
      const warnings = listWarnings(db);
      const verdict = warnings.find((w) => w.kind === 'export');
      assert.ok(verdict, `an export verdict: ${warnings.map((w) => `${w.kind}: ${w.reason}`).join('\n')}`);
      assert.equal(verdict.severity, 'strong');
      const exportId = db.prepare('SELECT id FROM exports').pluck().get() as number;
      assert.equal(verdict.exportId, exportId);
      const signs = verdict.evidence.signs as ExportSign[];
      const kinds = signs.map((s) => s.kind).sort();
      assert.deepEqual(kinds, ['devices', 'names', 'places'], signs.map((s) => s.reason).join('\n'));
      const places = signs.find((s) => s.kind === 'places')!;
      assert.equal(places.facts.place, made.household.town, 'the town of the weather questions');
      const names = signs.find((s) => s.kind === 'names')!.facts.names as string[];
      for (const name of [made.household.man, made.household.woman])
        assert.ok(
          names.some((n) => n.includes(name)),
          `${name} among ${names.join(', ')}`,
        );
      const devices = signs.find((s) => s.kind === 'devices')!;
      assert.equal(devices.strength, 'strong', 'the user said they have no assistant');
      assert.equal(devices.facts.recordings, made.recordings);
      // Places are never taken for people.
      assert.ok(!names.some((n) => n.includes(made.household.town)), names.join(', '));
      assert.match(english(verdict.reason), /3/);
    } finally {
      db.close();
    }
  });

  test("the user's own delivery (their town, their household's names) raises no export warning", async (t) => {
    const household = { man: 'Jan', woman: 'Katrin', others: ['Lukas', 'Marie'], surname: 'Vogel', town: 'Hannover' };
    const run = await importDelivery(
      t,
      { names: ['Jan Vogel'], household: ['Katrin Vogel', 'Lukas Vogel', 'Marie Vogel'], homePlaces: ['Hannover'] },
      household,
    );
    if (!run) return;
    const { db } = run;
    try {
      const warnings = listWarnings(db);
      // What the setup must have produced: transcripts that name the household and the town.
      const withTown = db.prepare("SELECT COUNT(*) FROM recordings WHERE transcript LIKE '%Hannover%'").pluck().get();
      assert.ok((withTown as number) > 5, `weather questions about the user's town (${String(withTown)})`);
      const mentions = db.prepare('SELECT COUNT(*) FROM name_mentions').pluck().get() as number;
      assert.ok(mentions > 5, `the household's names were found (${mentions})`);
      assert.equal(
        warnings.filter((w) => w.kind === 'export' || w.severity === 'strong').length,
        0,
        warnings.map((w) => `${w.kind}: ${w.reason}`).join('\n'),
      );
      assert.equal(warnings.filter((w) => w.kind === 'place').length, 0, 'their own town is no sign');
    } finally {
      db.close();
    }
  });
});
