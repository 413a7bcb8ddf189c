// Where things live in a Google Takeout, in every language Earshot knows. Takeout translates folder
// and file names to the account's language, so every lookup goes through these tables, on names
// folded with `foldTakeoutName` (NFC, lower case, plain spaces, `'`/`&` as `_`).
//
// Evidence: [real] seen in a real export, [code] seen in open-source Takeout parsers, [guess] inferred.
// A guess costs nothing when wrong; the importer also recognises an Assistant folder by the activity
// file it holds, whatever its parent is called.
import { foldName } from '../../archive/entry-names.ts';

/** Folds a name for matching: NFC, lower case, non-breaking spaces as spaces, `'` and `&` as `_` (as Takeout writes them). */
export function foldTakeoutName(name: string): string {
  return foldName(name)
    .replace(/[\u2019'&]/g, '_')
    .replace(/\s+/g, ' ')
    .trim();
}

const fold = (names: string[]) => new Set(names.map(foldTakeoutName));

/** The root folder of every Takeout archive (kept in every language [real]). */
export const TAKEOUT_ROOT = 'takeout';

/** "My Activity" in the languages Takeout writes it. */
export const MY_ACTIVITY_FOLDERS = fold([
  'My Activity', // en [real]
  'Meine Aktivitäten', // de [real]
  'Mon activité', // fr [real]
  'Mi actividad', // es [code]
  'Mijn activiteit', // nl [code]
  'Le mie attività', // it [guess]
  'Minha atividade', // pt-BR [guess]
  'A minha atividade', // pt-PT [guess]
]);

/** The activity file inside each product folder. */
export const ACTIVITY_FILE_STEMS = fold([
  'MyActivity', // en [real]
  'My Activity', // en, older [real]
  'MeineAktivitäten', // de [real]
  'MonActivité', // fr [real]
  'MiActividad', // es [code]
  'MijnActiviteit', // nl [guess] (real nl exports were seen writing "MyActivity")
  'LeMieAttività', // it [guess]
  'MinhaAtividade', // pt [guess]
]);

/**
 * Product folders under My Activity that hold the Assistant's history. "Assistant" keeps its name in
 * French and German [real]; "Voice and Audio" is the older layout [real]. "Assistant Memory" is a
 * different product and deliberately absent.
 */
export const ASSISTANT_FOLDERS = fold([
  'Assistant', // en, fr, de [real]
  'Google Assistant', // [guess]
  'Asistente', // es [guess]
  'Assistente', // it, pt [guess]
  'Assistent', // nl [guess]
  'Voice and Audio', // en, older layout [real]
  'Voix et audio', // fr [guess]
  'Sprache und Audio', // de [guess]
  'Sprach- und Audioaktivitäten', // de [guess]
  'Voz y audio', // es [guess]
  'Voce e audio', // it [guess]
  'Spraak en audio', // nl [guess]
  'Spraak- en audioactiviteit', // nl [guess]
]);

/** The export's overview page, which names the account [real]. */
export const ARCHIVE_BROWSER_FILES = fold([
  'archive_browser.html', // en, fr, nl [real]
  'Archiv_Übersicht.html', // de [real]
  'navegador_de_archivos.html', // es [guess]
  'archivio_browser.html', // it [guess]
]);

/** The account profile folder: `Takeout/Profile/Profile.json` [code]. */
export const PROFILE_FOLDERS = fold(['Profile', 'Profil', 'Perfil', 'Profilo', 'Profiel']);

export function isActivityFileName(name: string): boolean {
  const folded = foldTakeoutName(name);
  const dot = folded.lastIndexOf('.');
  if (dot < 0) return false;
  const ext = folded.slice(dot + 1);
  return (ext === 'json' || ext === 'html') && ACTIVITY_FILE_STEMS.has(folded.slice(0, dot));
}

/** Where an entry sits inside the Takeout, whatever container or folder it arrived in. */
export interface TakeoutPath {
  /** Segments below the `Takeout/` root (or the whole path when there is no such root), as written. */
  segments: string[];
  /** Whether a `Takeout/` root folder was seen. */
  rooted: boolean;
}

/**
 * Strips whatever holds the Takeout: the container's nested-zip prefix and the `Takeout/` root. A
 * `Takeout` folder directly under My Activity is Google Takeout's own activity, not the root.
 * An unpacked folder may start directly with the root's contents; that path is kept as it is.
 */
export function takeoutPath(entryPath: string): TakeoutPath {
  const segments = entryPath.split('/').filter((s) => s.length > 0);
  for (let i = 0; i < segments.length - 1; i++) {
    if (foldTakeoutName(segments[i]!) !== TAKEOUT_ROOT) continue;
    if (i > 0 && MY_ACTIVITY_FOLDERS.has(foldTakeoutName(segments[i - 1]!))) continue;
    return { segments: segments.slice(i + 1), rooted: true };
  }
  return { segments, rooted: false };
}

/** The folded folder path below the root, used to link audio across the parts of a split Takeout. */
export function folderKey(segments: string[]): string {
  return segments.slice(0, -1).map(foldTakeoutName).join('/');
}

/** Index of the My Activity folder in a Takeout path, or -1. */
export function myActivityIndex(segments: string[]): number {
  for (let i = 0; i < segments.length - 1; i++) {
    if (MY_ACTIVITY_FOLDERS.has(foldTakeoutName(segments[i]!))) return i;
  }
  return -1;
}
