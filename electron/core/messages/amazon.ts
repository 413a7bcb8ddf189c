// Amazon sentences, English and German: what an Amazon export held, and which of its files were left unread.
// Placeholders are filled by `say` (see ./index.ts); `{file}` is a file name, `{detail}` a library's
// own explanation, left as it is.
import type { Entry } from './text.ts';

export const amazon = {
  // Skip reasons: they follow a file's name ("Alexa/Skills-2.csv — is Alexa data without …").
  skipOtherCategory: {
    en: 'is from another Amazon data category (orders, advertising, Kindle, music, …), not Alexa voice data',
    de: 'gehört zu einer anderen Amazon-Datenkategorie (Bestellungen, Werbung, Kindle, Musik, …), nicht zu den Alexa-Sprachdaten',
  },
  // “README” and “FileDescriptions” are Amazon's file names.
  skipDescription: {
    en: 'describes the files of the export (Amazon’s README or FileDescriptions); it holds no recordings',
    de: 'beschreibt die Dateien des Exports (Amazons README oder FileDescriptions) und enthält keine Aufnahmen',
  },
  skipOlderVersion: {
    en: 'is an older version (a lower “-N” in its name) of a file whose newest version was read',
    de: 'ist eine ältere Version (ein kleineres „-N“ im Namen) einer Datei, deren neueste Version gelesen wurde',
  },
  // “Additional Data” is a folder name in Amazon's export.
  skipCopy: {
    en: 'is a second copy of a file already read (Amazon puts some files both in the readable folders and in “Additional Data”)',
    de: 'ist eine zweite Kopie einer schon gelesenen Datei (Amazon legt manche Dateien sowohl in die lesbaren Ordner als auch in „Additional Data“)',
  },
  skipNoUtterances: {
    en: 'is Alexa data without utterances (settings, skills, routines, devices, …), which Earshot does not import',
    de: 'enthält Alexa-Daten ohne Äußerungen (Einstellungen, Skills, Routinen, Geräte, …), die Earshot nicht importiert',
  },
  skipNotAudio: {
    en: 'is among Alexa’s data but is neither audio nor a table of utterances',
    de: 'gehört zu Alexas Daten, ist aber weder Audio noch eine Tabelle mit Äußerungen',
  },
  skipDuplicateAudio: {
    en: 'is a second copy of a recording already found elsewhere in the export',
    de: 'ist eine zweite Kopie einer Aufnahme, die schon an anderer Stelle im Export gefunden wurde',
  },
  // Also the reason a PDF is kept with the export.
  skipPdf: {
    en: 'transcripts in a PDF were not read',
    de: 'enthält Transkripte als PDF, die nicht gelesen wurden',
  },
  // What Earshot recognised in an export that it cannot import; joined with “; ” into
  // “Earshot recognised …, but no voice recordings or assistant history.” (German: accusative, „… erkannt“).
  notAlexa: {
    en: 'an Amazon data export without Alexa voice data',
    de: 'einen Amazon-Datenexport ohne Alexa-Sprachdaten',
  },
  recognisedAlexaData: {
    en: 'an Amazon data export with Alexa data',
    de: 'einen Amazon-Datenexport mit Alexa-Daten',
  },
  recognisedWavWithPdf: {
    en: 'WAV recordings with a PDF, like Amazon’s 2018 exports',
    de: 'WAV-Aufnahmen mit einer PDF, wie in Amazons Exporten von 2018',
  },
  recognisedWavInAlexaFolders: {
    en: 'WAV recordings in folders named after Alexa or Amazon',
    de: 'WAV-Aufnahmen in Ordnern, die nach Alexa oder Amazon benannt sind',
  },
  recognisedAlexaFolder: {
    en: 'a folder of Alexa data',
    de: 'einen Ordner mit Alexa-Daten',
  },
  recognisedWavFiles: {
    en: {
      one: '{count} WAV file, but nothing that marks them as Amazon’s',
      other: '{count} WAV files, but nothing that marks them as Amazon’s',
    },
    de: {
      one: '{count} WAV-Datei, aber nichts, was sie als Amazon-Datei ausweist',
      other: '{count} WAV-Dateien, aber nichts, was sie als Amazon-Dateien ausweist',
    },
  },
  // `{what}` says what the file is instead, e.g. “a text file”.
  skipNotAudioIs: {
    en: 'is among Alexa’s data but is neither audio nor a table of utterances ({what})',
    de: 'gehört zu Alexas Daten, ist aber weder Audio noch eine Tabelle mit Äußerungen ({what})',
  },
  pdfKept: {
    en: 'The transcripts in “{file}” are a PDF, which Earshot does not read: the PDF was kept with this export, and the recordings were imported without the transcripts it holds.',
    de: 'Die Transkripte in „{file}“ sind eine PDF, die Earshot nicht liest: Die PDF wurde mit diesem Export aufbewahrt, und die Aufnahmen wurden ohne ihre Transkripte importiert.',
  },
  skipPdfNotKept: {
    en: 'transcripts in a PDF were not read, and the PDF could not be kept ({detail})',
    de: 'enthält Transkripte als PDF, die nicht gelesen wurden, und die PDF ließ sich nicht aufbewahren ({detail})',
  },
  // The PDF of transcripts (Amazon's 2018 deliveries). Reasons follow the PDF's name, like skip reasons.
  pdfReadReason: {
    en: 'transcripts were read from this PDF; it is kept as it came',
    de: 'aus dieser PDF wurden Transkripte gelesen; sie wird unverändert aufbewahrt',
  },
  pdfTranscripts: {
    en: {
      one: 'Earshot read {count} transcript from the PDF “{file}”; {linked}.',
      other: 'Earshot read {count} transcripts from the PDF “{file}”; {linked}.',
    },
    de: {
      one: 'Earshot hat {count} Transkript aus der PDF „{file}“ gelesen; {linked}.',
      other: 'Earshot hat {count} Transkripte aus der PDF „{file}“ gelesen; {linked}.',
    },
  },
  // Completes pdfTranscripts (`{linked}`).
  pdfLinked: {
    en: {
      zero: 'none of them matched an audio file by time',
      one: '{count} of them was matched to its audio file by time',
      other: '{count} of them were matched to their audio files by time',
    },
    de: {
      zero: 'keines davon passte nach der Zeit zu einer Audiodatei',
      one: '{count} davon wurde nach der Zeit seiner Audiodatei zugeordnet',
      other: '{count} davon wurden nach der Zeit ihren Audiodateien zugeordnet',
    },
  },
  // `{zone}` is a time zone name such as “Europe/Berlin”.
  pdfZoneChosen: {
    en: {
      one: 'The times in “{file}” name no time zone. Read as {zone} time, they match the audio files: {count} did.',
      other: 'The times in “{file}” name no time zone. Read as {zone} time, they match the audio files: {count} did.',
    },
    de: {
      one: 'Die Zeiten in „{file}“ nennen keine Zeitzone. Als Zeit in {zone} gelesen, passen sie zu den Audiodateien: {count} tat es.',
      other:
        'Die Zeiten in „{file}“ nennen keine Zeitzone. Als Zeit in {zone} gelesen, passen sie zu den Audiodateien: {count} taten es.',
    },
  },
  pdfZoneUnknown: {
    en: 'The times in “{file}” name no time zone and match no audio file in any zone, so they were read as UTC; they may be off by some hours.',
    de: 'Die Zeiten in „{file}“ nennen keine Zeitzone und passen in keiner Zeitzone zu einer Audiodatei; sie wurden daher als UTC gelesen und können um einige Stunden danebenliegen.',
  },
  pdfStoppedPages: {
    en: 'Only the first {readCount} of the {pageCount} pages of “{file}” were read: Earshot reads at most {readCount} pages of a PDF.',
    de: 'Von den {pageCount} Seiten von „{file}“ wurden nur die ersten {readCount} gelesen: Earshot liest höchstens {readCount} Seiten einer PDF.',
  },
  pdfStoppedTime: {
    en: 'Reading “{file}” stopped after {readCount} of its {pageCount} pages: it took longer than {seconds} seconds. The transcripts on the pages read were imported.',
    de: 'Das Lesen von „{file}“ wurde nach {readCount} von {pageCount} Seiten abgebrochen, weil es länger als {seconds} Sekunden dauerte. Die Transkripte der gelesenen Seiten wurden importiert.',
  },
  // Why a PDF's transcripts could not be read: they complete pdfUnread and are the PDF's reason in the report.
  pdfEncrypted: {
    en: 'it is protected by a password, so its text cannot be read',
    de: 'sie ist mit einem Passwort geschützt, daher lässt sich ihr Text nicht lesen',
  },
  pdfDamaged: {
    en: 'it is damaged or not a PDF that can be read ({detail})',
    de: 'sie ist beschädigt oder keine lesbare PDF ({detail})',
  },
  pdfNoText: {
    en: 'it holds no text, only images (a scan, perhaps), and Earshot does not read text from images',
    de: 'sie enthält keinen Text, nur Bilder (vielleicht einen Scan), und Earshot liest keinen Text aus Bildern',
  },
  pdfNoRows: {
    en: 'it holds text, but no lines that start with a date and time, as transcripts do',
    de: 'sie enthält Text, aber keine Zeilen, die wie Transkripte mit Datum und Uhrzeit beginnen',
  },
  pdfTooSlow: {
    en: 'reading it took longer than {seconds} seconds, so Earshot stopped',
    de: 'das Lesen dauerte länger als {seconds} Sekunden, daher hat Earshot abgebrochen',
  },
  pdfTooLarge: {
    en: 'it is larger than {size}, far more than a PDF of transcripts needs, so it was neither read nor kept',
    de: 'sie ist größer als {size}, weit mehr, als eine PDF mit Transkripten braucht, daher wurde sie weder gelesen noch aufbewahrt',
  },
  pdfUnpacksTooLarge: {
    en: 'it unpacks to more than {size}, far more than a PDF of transcripts does (a “PDF bomb”?), so it was not read',
    de: 'sie entpackt sich auf mehr als {size}, weit mehr als eine PDF mit Transkripten (eine „PDF-Bombe“?), daher wurde sie nicht gelesen',
  },
  // `{reason}` is one of the sentences above.
  pdfUnread: {
    en: 'The transcripts in “{file}” could not be read: {reason}. The PDF was kept with this export, and the recordings were imported without its transcripts.',
    de: 'Die Transkripte in „{file}“ ließen sich nicht lesen: {reason}. Die PDF wurde mit diesem Export aufbewahrt, und die Aufnahmen wurden ohne ihre Transkripte importiert.',
  },
  pdfNotKept: {
    en: 'The transcripts in “{file}” could not be read: {reason}. The recordings were imported without its transcripts.',
    de: 'Die Transkripte in „{file}“ ließen sich nicht lesen: {reason}. Die Aufnahmen wurden ohne ihre Transkripte importiert.',
  },
  // `{linked}`, `{audioOnly}` and `{textOnly}` are the three sentences below.
  linkedByTime: {
    en: 'Amazon’s transcripts do not say which audio file they belong to, so Earshot matched them by time (within ±{seconds} seconds): {linked}, {audioOnly}, {textOnly}.',
    de: 'Amazons Transkripte sagen nicht, zu welcher Audiodatei sie gehören, daher hat Earshot sie nach der Zeit zugeordnet (auf ±{seconds} Sekunden genau): {linked}, {audioOnly}, {textOnly}.',
  },
  linkedBoth: {
    en: {
      one: '{count} recording has both audio and transcript',
      other: '{count} recordings have both audio and transcript',
    },
    de: { one: '{count} Aufnahme hat Ton und Transkript', other: '{count} Aufnahmen haben Ton und Transkript' },
  },
  linkedAudioOnly: {
    en: { one: '{count} audio file has no transcript', other: '{count} audio files have no transcript' },
    de: { one: '{count} Audiodatei hat kein Transkript', other: '{count} Audiodateien haben kein Transkript' },
  },
  linkedTextOnly: {
    en: { one: '{count} transcript has no audio', other: '{count} transcripts have no audio' },
    de: { one: '{count} Transkript hat keinen Ton', other: '{count} Transkripte haben keinen Ton' },
  },
  onlyText: {
    en: 'This export has no voice recordings, only the text of what was said.',
    de: 'Dieser Export enthält keine Sprachaufnahmen, nur den Text des Gesagten.',
  },
  noTranscripts: {
    en: 'This export has voice recordings but no transcripts.',
    de: 'Dieser Export enthält Sprachaufnahmen, aber keine Transkripte.',
  },
  timedByFileDate: {
    en: {
      one: '{count} recording has no time in its file name and was timed by the file’s date in the archive, which can be off by seconds, or by hours where the archive was made in another time zone.',
      other:
        '{count} recordings have no time in their file name and were timed by the file’s date in the archive, which can be off by seconds, or by hours where the archive was made in another time zone.',
    },
    de: {
      one: '{count} Aufnahme hat keine Uhrzeit im Dateinamen und wurde nach dem Datum der Datei im Archiv datiert. Das kann um Sekunden danebenliegen – oder um Stunden, wenn das Archiv in einer anderen Zeitzone erstellt wurde.',
      other:
        '{count} Aufnahmen haben keine Uhrzeit im Dateinamen und wurden nach dem Datum der Datei im Archiv datiert. Das kann um Sekunden danebenliegen – oder um Stunden, wenn das Archiv in einer anderen Zeitzone erstellt wurde.',
    },
  },
  repeatedTranscripts: {
    en: {
      one: '{count} transcript appears in more than one file of the export and was imported once.',
      other: '{count} transcripts appear in more than one file of the export and were imported once.',
    },
    de: {
      one: '{count} Transkript steht in mehr als einer Datei des Exports und wurde nur einmal importiert.',
      other: '{count} Transkripte stehen in mehr als einer Datei des Exports und wurden nur einmal importiert.',
    },
  },
  mentionedNames: {
    en: {
      one: 'The export names {count} person in Alexa contacts and calls; they are kept as names the export mentions.',
      other: 'The export names {count} people in Alexa contacts and calls; they are kept as names the export mentions.',
    },
    de: {
      one: 'Der Export nennt {count} Person in Alexa-Kontakten und -Anrufen; sie wird als Name gespeichert, den der Export erwähnt.',
      other:
        'Der Export nennt {count} Personen in Alexa-Kontakten und -Anrufen; sie werden als Namen gespeichert, die der Export erwähnt.',
    },
  },
  // Follows a row of a table (“Alexa/Intent-1.csv › row 12”), so German refers to „Zeile“.
  skipRowWithoutText: {
    en: 'was left out: it has no utterance text',
    de: 'wurde ausgelassen: sie enthält keinen gesprochenen Text',
  },
} satisfies Record<string, Entry>;
