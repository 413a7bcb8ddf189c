// Every importer Earshot knows, and the choice between them: the user never says which kind an export is.
import path from 'node:path';
import type { ExportFiles } from '../archive/export-files.ts';
import { googleTakeoutImporter } from './google/index.ts';
import { amazonImporter } from './amazon/index.ts';
import { alexaHistoryImporter } from './alexa-history/index.ts';
import { homeAssistantImporter } from './home-assistant/index.ts';
import { ovosMycroftImporter } from './ovos-mycroft/index.ts';
import type { Detection, Importer } from './importer.ts';
import { message, type Message } from '../messages/index.ts';

/**
 * Detection scores, highest wins (ties go to the earlier importer); each importer's module says why:
 * - Google Takeout: root 25 + overview page 40 + My Activity 20 + Assistant activity 30 + audio 10
 *   (at most 100); Google-named audio with no activity file at least 45 (kind `google-audio` when
 *   nothing of a Takeout is around it).
 * - Amazon: 90 (2024 Alexa data), 80 (2019 Alexa data), 50 (WAVs with a transcripts PDF), 30 (WAVs
 *   in Alexa folders), 20 (an Alexa folder).
 * - Alexa voice history: 60 (a history-named JSON), 40 (JSON with utterance-id audio), 8 (loose JSON).
 * - Home Assistant Assist: 85 (`<run>/01_stt-….wav`), 40 (wake-word files only).
 * - OpenVoiceOS / Mycroft: 75 (WAV + same-named JSON), 70 (`mycroft_utterances/`), 65 (stamped WAVs
 *   in `utterances/`), 25 (stamped WAVs elsewhere).
 */
export const allImporters: Importer[] = [
  googleTakeoutImporter,
  amazonImporter,
  alexaHistoryImporter,
  homeAssistantImporter,
  ovosMycroftImporter,
];

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
export function describeUnknownExport(importers: Importer[], files: ExportFiles): Message {
  const recognised = importers.flatMap((i) => i.detect(files).recognised);
  const count = files.entries.length;
  // The list of what was recognised is rendered joined with "; ", as the English has always said it.
  if (recognised.length > 0) return message('import.unknownExportRecognised', { recognised });
  // Nothing readable, but locked files: the archive is password-protected, not empty.
  if (count === 0 && (files.encrypted ?? 0) > 0) {
    return message('import.encryptedArchive', { file: path.basename(files.inputs[0] ?? '') });
  }
  if (count === 0) return message('import.unknownExportEmpty');
  return message('import.unknownExportFiles', { count, file: files.entries[0]!.path });
}
