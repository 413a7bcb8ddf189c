// Sorts the entries of an Amazon "Request your data" export by path alone: which layout it is, which
// files belong to Alexa, which are another data category to leave unread. Amazon's Alexa layout is
// undocumented, so nothing here depends on one exact path: folders, nested ZIP names and the name of
// the dropped ZIP or folder are all looked at.
import path from 'node:path';
import type { ExportEntry } from '../../archive/export-files.ts';
import type { ExportKind } from '../../model.ts';

export type FileType = 'description' | 'pdf' | 'table' | 'document' | 'maybe-audio';
export type Area = 'alexa' | 'device-registration' | 'other-category' | 'top';

export interface Located {
  entry: ExportEntry;
  /** Folder names above the file, nested ZIP names included (`Alexa.zip`), wrappers included. */
  folders: string[];
  /** Name of the dropped ZIP or folder the entry came from. */
  containerName: string;
  type: FileType;
  area: Area;
  /** First folder that is not a wrapper (`All Data Categories.1.zip`, `Additional Data`), e.g. `Retail.OrderHistory.1`. */
  category: string | null;
  voiceMessage: boolean;
  additionalData: boolean;
}

const ALL_DATA_CATEGORIES = /^all[ _-]?data[ _-]?categories\b/i;
const ADDITIONAL_DATA = /^additional[ _-]?data$/i;
/** Names of Amazon data categories, as ZIP or folder names use them (`Alexa.zip`, `Retail.OrderHistory.1`). */
const CATEGORY_WORDS =
  /^(alexa|devices?|advertising|amazon[ -](music|photos|drive|pay|games|appstore|fresh|go|smile)|retail|digital|kindle|audible|prime ?video|prime|payments?|customer ?service|customer|appstore|physical ?stores?|location|photos|twitch|subscriptions|account|gift ?cards?|returns|shipping|fire ?tv|ring|household|wishlist|buyer|seller|search)\b/i;
const ALEXA = /alexa/i;
const DEVICE_REGISTRATION = /devices?[ ._-]?registration/i;
const DOCUMENT_EXT =
  /\.(txt|html?|xml|xlsx?|docx?|md|rtf|jpe?g|png|gif|svg|webp|ico|css|js|log|ics|vcf|xsd|yaml|yml)$/i;
const TABLE_EXT = /\.(csv|tsv|json|jsonl|ndjson)$/i;
/** Outside Alexa's folders only files named like audio (or not named at all) are looked into. */
const AUDIO_LIKE_EXT = /(\.(wav|wave|gz|bin|dat|raw|pcm|audio)|^[^.]+)$/i;

export function isWrapper(name: string): boolean {
  return ALL_DATA_CATEGORIES.test(name) || ADDITIONAL_DATA.test(name);
}

function stripZip(name: string) {
  return name.replace(/\.zip$/i, '');
}

/** A ZIP or dotted folder name that is an Amazon data category (`Alexa.zip`, `Devices.Registration`, `Advertising.1`). */
export function isCategoryName(name: string, isZip: boolean): boolean {
  const bare = stripZip(name);
  // Amazon names categories with dots (`Retail.OrderHistory.1`); a hyphen only inside a product name (`Amazon-Music`).
  if (!/^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)?(\.[A-Za-z0-9-]+)*$/.test(bare)) return false;
  if (/^[^.]*-/.test(bare) && !/^(amazon|prime|kindle|fire|digital)-/i.test(bare)) return false;
  if (!CATEGORY_WORDS.test(bare.replace(/[-.]/g, ' '))) return false;
  return isZip || bare.includes('.');
}

export function fileType(name: string): FileType {
  if (
    /^readme(\.[a-z]+)?$/i.test(name) ||
    /^file[ _-]?descriptions?\.csv$/i.test(name) ||
    /schema.*\.json$|\.schema$/i.test(name)
  )
    return 'description';
  if (/\.pdf$/i.test(name)) return 'pdf';
  if (TABLE_EXT.test(name)) return 'table';
  if (DOCUMENT_EXT.test(name)) return 'document';
  return 'maybe-audio';
}

export function isAudioLikeName(name: string): boolean {
  return AUDIO_LIKE_EXT.test(name);
}

export function locate(entry: ExportEntry): Located {
  const parts = entry.path.split('/');
  const folders = parts.slice(0, -1);
  const containerName = path.basename(entry.container);
  const containerIsZip = /\.zip$/i.test(containerName);
  const type = fileType(entry.name);
  const all = [containerName, ...folders];
  const voiceMessage = folders.some((f) => /^audio[ _-]?messages?$/i.test(f));
  const inAlexa = voiceMessage || all.some((f) => ALEXA.test(f));
  const candidates = [...(containerIsZip && isCategoryName(containerName, true) ? [containerName] : []), ...folders];
  const categoryName = candidates.find((f) => !isWrapper(f)) ?? null;
  const category = categoryName ? stripZip(categoryName) : null;
  let area: Area;
  if (inAlexa) area = 'alexa';
  else if (DEVICE_REGISTRATION.test(entry.name) || all.some((f) => DEVICE_REGISTRATION.test(f)))
    area = 'device-registration';
  else if (category !== null) area = 'other-category';
  else area = 'top';
  return {
    entry,
    folders,
    containerName,
    type,
    area,
    category,
    voiceMessage,
    additionalData: folders.some((f) => ADDITIONAL_DATA.test(f)),
  };
}

export interface AmazonScan {
  located: Located[];
  kind: ExportKind;
  has2024: boolean;
  has2019: boolean;
  alexaData: boolean;
  /** Files in folders (or ZIPs) named after Alexa, or voice messages. */
  alexaArea: boolean;
  wavNames: number;
  pdfs: number;
  amazonWords: boolean;
  voiceHistoryNames: boolean;
  onlyJsonAndAudio: boolean;
}

export function scanAmazon(entries: ExportEntry[]): AmazonScan {
  const located = entries.map(locate);
  let has2024 = false;
  let has2019 = false;
  let alexaArea = false;
  let wavNames = 0;
  let pdfs = 0;
  let amazonWords = false;
  for (const l of located) {
    const containerIsZip = /\.zip$/i.test(l.containerName);
    const names = [l.containerName, ...l.folders];
    if (names.some((n) => isWrapper(n))) has2024 = true;
    if (
      (containerIsZip && isCategoryName(l.containerName, true)) ||
      l.folders.some((f) => isCategoryName(f, /\.zip$/i.test(f)))
    )
      has2019 = true;
    if (/^readme\.txt$/i.test(l.entry.name) && l.folders.length > 0 && l.folders.some((f) => isCategoryName(f, false)))
      has2019 = true;
    if (/\.wav$/i.test(l.entry.name)) wavNames++;
    if (l.type === 'pdf') pdfs++;
    if (names.some((n) => /alexa|amazon|echo/i.test(n)) || /alexa|amazon|echo/i.test(l.entry.name)) amazonWords = true;
    if (l.area === 'alexa' && (l.type === 'table' || l.type === 'maybe-audio' || l.type === 'pdf')) alexaArea = true;
    if (l.voiceMessage) alexaArea = true;
  }
  const alexaData = alexaArea || wavNames > 0;
  const voiceHistoryNames = located.some(
    (l) => /\.json$/i.test(l.entry.name) && /customer.?history|voice.?history|history.?records/i.test(l.entry.name),
  );
  const onlyJsonAndAudio = located.every((l) =>
    /\.(json|jsonl|ndjson|txt)$|\.(wav|wave)(\.gz)?$|\.gz$/i.test(l.entry.name),
  );
  const kind: ExportKind = has2024 ? 'amazon-2024' : has2019 ? 'amazon-2019' : 'amazon-2018';
  return {
    located,
    kind,
    has2024,
    has2019,
    alexaData,
    alexaArea,
    wavNames,
    pdfs,
    amazonWords,
    voiceHistoryNames,
    onlyJsonAndAudio,
  };
}
