// Every importer Earshot knows, and the choice between them: the user never says which kind an export is.
import type { ExportFiles } from '../archive/export-files.ts';
import { googleTakeoutImporter } from './google/index.ts';
import { amazonImporter } from './amazon/index.ts';
import { alexaHistoryImporter } from './alexa-history/index.ts';
import type { Detection, Importer } from './importer.ts';
import { say } from '../messages/index.ts';

export const allImporters: Importer[] = [googleTakeoutImporter, amazonImporter, alexaHistoryImporter];

export function pickImporter(
  importers: Importer[],
  files: ExportFiles,
): { importer: Importer; detection: Detection } | null {
  let best: { importer: Importer; detection: Detection } | null = null;
  for (const importer of importers) {
    const detection = importer.detect(files);
    if (detection.score > 0 && (!best || detection.score > best.detection.score)) best = { importer, detection };
  }
  return best;
}

/** The message for an archive that is none of the known kinds, naming what was recognised in it. */
export function describeUnknownExport(importers: Importer[], files: ExportFiles): string {
  const recognised = importers.flatMap((i) => i.detect(files).recognised);
  const count = files.entries.length;
  if (recognised.length > 0) return say('import.unknownExportRecognised', { recognised: recognised.join('; ') });
  if (count === 0) return say('import.unknownExportEmpty');
  return say('import.unknownExportFiles', { count, file: files.entries[0]!.path });
}
