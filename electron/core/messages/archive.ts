// Archive sentences, English and German: why an export or one of its files could not be read.
// Placeholders are filled by `say` (see ./index.ts); `{file}` is a file name, `{detail}` a
// library's own explanation, left as it is.
import type { Entry } from './text.ts';

export const archive = {
  notFound: {
    en: '“{file}” could not be found. It may have been moved or deleted.',
    de: '„{file}“ wurde nicht gefunden. Vielleicht wurde die Datei verschoben oder gelöscht.',
  },
  emptyFile: {
    en: '“{file}” is empty (0 bytes). The download may have failed — download the export again.',
    de: '„{file}“ ist leer (0 Byte). Vielleicht ist der Download fehlgeschlagen – lade den Export noch einmal herunter.',
  },
  notZip: {
    en: '“{file}” is named like a ZIP archive but is not one. It may be damaged or still downloading — download it again.',
    de: '„{file}“ heißt wie ein ZIP-Archiv, ist aber keines. Vielleicht ist es beschädigt oder noch nicht fertig heruntergeladen – lade es noch einmal herunter.',
  },
  tooManyEntries: {
    en: 'This export has more than {count} files, more than any real export. Earshot stopped reading it to protect your computer.',
    de: 'Dieser Export enthält mehr als {count} Dateien, mehr als jeder echte Export. Earshot hat aufgehört, ihn zu lesen, um deinen Computer zu schützen.',
  },
  tooLarge: {
    en: 'This export would unpack to more than {size}, more than any real export. It may be a “zip bomb”; Earshot did not unpack it.',
    de: 'Dieser Export würde entpackt mehr als {size} belegen, mehr als jeder echte Export. Es könnte eine „ZIP-Bombe“ sein; Earshot hat ihn nicht entpackt.',
  },
  damagedZip: {
    en: "“{file}” is a damaged ZIP archive. It may be incomplete — download it again, or unpack it with your system's tools and drop the folder.",
    de: '„{file}“ ist ein beschädigtes ZIP-Archiv. Vielleicht ist es unvollständig – lade es noch einmal herunter, oder entpacke es mit den Werkzeugen deines Systems und zieh den Ordner herein.',
  },
  unreadableDirectory: {
    en: '“{file}” is damaged and its list of files cannot be read ({detail}). Download it again.',
    de: '„{file}“ ist beschädigt, sein Dateiverzeichnis lässt sich nicht lesen ({detail}). Lade es noch einmal herunter.',
  },
  budgetExceeded: {
    en: 'This export unpacks to more than {size}, far more than a real export of its size. It may be a “zip bomb”; Earshot stopped reading it and changed nothing in your library.',
    de: 'Dieser Export würde entpackt mehr als {size} belegen, weit mehr als ein echter Export dieser Größe. Es könnte eine „ZIP-Bombe“ sein; Earshot hat aufgehört, ihn zu lesen, und nichts an deiner Bibliothek geändert.',
  },
  overlappingEntries: {
    en: '“{file}” is a crafted ZIP archive: several of its files share the same compressed data, a trick of “zip bombs”. Earshot did not unpack it and changed nothing in your library.',
    de: '„{file}“ ist ein manipuliertes ZIP-Archiv: mehrere seiner Dateien teilen sich dieselben gepackten Daten, ein Trick von „ZIP-Bomben“. Earshot hat es nicht entpackt und nichts an deiner Bibliothek geändert.',
  },
  tooLargeFile: {
    en: '“{file}” is larger than {size}',
    de: '„{file}“ ist größer als {size}',
  },
  // Skip reasons: they follow a file's name ("Takeout/x.zip — is a damaged ZIP archive").
  skipLink: {
    en: 'is a link, which Earshot does not follow',
    de: 'ist eine Verknüpfung, der Earshot nicht folgt',
  },
  skipNestedTooDeep: {
    en: 'is a ZIP nested more than {depth} levels deep, which no real export does',
    de: 'ist ein ZIP, das tiefer als {depth} Ebenen verschachtelt ist – das kommt in keinem echten Export vor',
  },
  skipDamagedZip: {
    en: 'is a damaged ZIP archive ({detail})',
    de: 'ist ein beschädigtes ZIP-Archiv ({detail})',
  },
  skipInnerZip: {
    en: 'is a ZIP inside the export that could not be opened ({detail})',
    de: 'ist ein ZIP im Export, das sich nicht öffnen ließ ({detail})',
  },
  skipEncrypted: {
    en: 'is password-protected, so it cannot be read',
    de: 'ist mit einem Passwort geschützt und lässt sich daher nicht lesen',
  },
  skipTooLarge: {
    en: 'is larger than {size}, larger than any file a real export holds',
    de: 'ist größer als {size}, größer als jede Datei in einem echten Export',
  },
  skipZipBomb: {
    en: 'compresses {ratio}:1, like a “zip bomb”, so it was not unpacked',
    de: 'ist im Verhältnis {ratio}:1 gepackt, wie eine „ZIP-Bombe“, und wurde daher nicht entpackt',
  },
  skipOverlapping: {
    en: 'is a crafted ZIP archive whose files share the same compressed data, a trick of “zip bombs”, so it was not unpacked',
    de: 'ist ein manipuliertes ZIP-Archiv, dessen Dateien sich dieselben gepackten Daten teilen – ein Trick von „ZIP-Bomben“ –, und wurde daher nicht entpackt',
  },
  gzipBomb: {
    en: 'is gzip-compressed more than {ratio}:1, like a “zip bomb”, so it was not unpacked',
    de: 'ist mit gzip stärker als {ratio}:1 gepackt, wie eine „ZIP-Bombe“, und wurde daher nicht entpackt',
  },
  gzipTooLarge: {
    en: 'is gzip-compressed and unpacks to more than {size}, more than any recording',
    de: 'ist mit gzip gepackt und wäre entpackt größer als {size}, größer als jede Aufnahme',
  },
  skipNulName: {
    en: 'has a name with a hidden NUL character, a sign of a crafted archive',
    de: 'hat einen Namen mit einem versteckten NUL-Zeichen, ein Zeichen für ein manipuliertes Archiv',
  },
  skipAbsoluteName: {
    en: 'has an absolute path as its name, a sign of a crafted archive',
    de: 'hat einen absoluten Pfad als Namen, ein Zeichen für ein manipuliertes Archiv',
  },
  skipClimbingName: {
    en: 'has a name that climbs out of its folder (“../”), a sign of a crafted archive',
    de: 'hat einen Namen, der aus seinem Ordner hinausführt („../“), ein Zeichen für ein manipuliertes Archiv',
  },
  // Why one file could not be unpacked; shown after its name.
  entryUnpackFailed: {
    en: 'could not be unpacked ({detail})',
    de: 'ließ sich nicht entpacken ({detail})',
  },
  entryLonger: {
    en: 'is damaged: it unpacks to more than its declared size',
    de: 'ist beschädigt: entpackt ist sie größer als angegeben',
  },
  entryShorter: {
    en: 'is damaged: it is shorter than its declared size',
    de: 'ist beschädigt: sie ist kürzer als angegeben',
  },
  entryCrc: {
    en: 'is damaged: its checksum does not match (CRC error)',
    de: 'ist beschädigt: ihre Prüfsumme stimmt nicht (CRC-Fehler)',
  },
  entryDamaged: {
    en: 'is damaged ({detail})',
    de: 'ist beschädigt ({detail})',
  },
} satisfies Record<string, Entry>;
