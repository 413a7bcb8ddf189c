// Audio sentences, English and German: why a recording's audio cannot be played. They follow
// "The audio could not be played:", so they start in lower case. Placeholders are filled by `say`.
import type { Entry } from './text.ts';

export const audio = {
  unreadable: {
    en: 'the file could not be read',
    de: 'die Datei ließ sich nicht lesen',
  },
  empty: {
    en: 'the file is empty',
    de: 'die Datei ist leer',
  },
  gzipFailed: {
    en: 'the file is gzip-compressed and could not be unpacked',
    de: 'die Datei ist mit gzip gepackt und ließ sich nicht entpacken',
  },
  emptyUnpacked: {
    en: 'the file is empty once unpacked',
    de: 'die Datei ist entpackt leer',
  },
  // `{other}` is one of the format… phrases below.
  notAudioLike: {
    en: 'not a recognised audio format (WAV, MP3 or Ogg Opus): it looks like {other}',
    de: 'kein bekanntes Audioformat (WAV, MP3 oder Ogg Opus): es sieht aus wie {other}',
  },
  notAudio: {
    en: 'not a recognised audio format (WAV, MP3 or Ogg Opus)',
    de: 'kein bekanntes Audioformat (WAV, MP3 oder Ogg Opus)',
  },
  // What a file that is not audio looks like instead; used inside other sentences ("it looks like …").
  formatMp4: { en: 'an MP4/M4A (AAC) file', de: 'eine MP4/M4A-Datei (AAC)' },
  formatFlac: { en: 'a FLAC file', de: 'eine FLAC-Datei' },
  formatOggVorbis: { en: 'an Ogg Vorbis file', de: 'eine Ogg-Vorbis-Datei' },
  formatOggSpeex: { en: 'an Ogg Speex file', de: 'eine Ogg-Speex-Datei' },
  formatOggOther: { en: 'an Ogg file that does not hold Opus audio', de: 'eine Ogg-Datei ohne Opus-Audio' },
  formatWebm: { en: 'a WebM/Matroska file', de: 'eine WebM/Matroska-Datei' },
  formatAmr: { en: 'an AMR file', de: 'eine AMR-Datei' },
  formatAac: { en: 'an AAC (ADTS) file', de: 'eine AAC-Datei (ADTS)' },
  formatAiff: { en: 'an AIFF file', de: 'eine AIFF-Datei' },
  formatRiff: { en: 'a RIFF file that is not WAVE audio', de: 'eine RIFF-Datei, die kein WAVE-Audio enthält' },
  formatZip: { en: 'a ZIP archive', de: 'ein ZIP-Archiv' },
  formatPdf: { en: 'a PDF document', de: 'ein PDF-Dokument' },
  formatText: { en: 'a text file', de: 'eine Textdatei' },
  // WAV
  wavNoSamples: {
    en: 'the WAV file holds no audio samples',
    de: 'die WAV-Datei enthält keine Audio-Samples',
  },
  wavTooShort: {
    en: 'the WAV file is too short to hold any audio',
    de: 'die WAV-Datei ist zu kurz, um Audio zu enthalten',
  },
  wavNoFormat: {
    en: 'the WAV file is damaged: it has no format description',
    de: 'die WAV-Datei ist beschädigt: ihr fehlt die Formatbeschreibung',
  },
  wavNoData: {
    en: 'the WAV file has no audio data',
    de: 'die WAV-Datei enthält keine Audiodaten',
  },
  // `{name}` is a codec name ("IMA ADPCM"), `{code}` its hexadecimal format code ("0x0011").
  wavEncodingNamed: {
    en: 'the WAV file uses an audio encoding that cannot be decoded ({name}, format {code})',
    de: 'die WAV-Datei nutzt eine Audiokodierung, die sich nicht dekodieren lässt ({name}, Format {code})',
  },
  wavEncoding: {
    en: 'the WAV file uses an audio encoding that cannot be decoded (format {code})',
    de: 'die WAV-Datei nutzt eine Audiokodierung, die sich nicht dekodieren lässt (Format {code})',
  },
  wavFormatInvalid: {
    en: 'the WAV file is damaged: its format description is invalid',
    de: 'die WAV-Datei ist beschädigt: ihre Formatbeschreibung ist ungültig',
  },
  wavBits: {
    en: 'the WAV file uses {bits}-bit samples, which cannot be decoded',
    de: 'die WAV-Datei nutzt {bits}-Bit-Samples, die sich nicht dekodieren lassen',
  },
  wavFormatCutShort: {
    en: 'the WAV file is damaged: its format description is cut short',
    de: 'die WAV-Datei ist beschädigt: ihre Formatbeschreibung bricht ab',
  },
  wavDamaged: {
    en: 'the WAV data is damaged and could not be decoded',
    de: 'die WAV-Daten sind beschädigt und ließen sich nicht dekodieren',
  },
  // MP3
  mp3Damaged: {
    en: 'the MP3 data is damaged and could not be decoded',
    de: 'die MP3-Daten sind beschädigt und ließen sich nicht dekodieren',
  },
  mp3NoFrames: {
    en: 'no MP3 audio frames were found in the file',
    de: 'in der Datei wurden keine MP3-Audio-Frames gefunden',
  },
  mp3CutShort: {
    en: 'the MP3 file is cut short: it holds no complete audio frame',
    de: 'die MP3-Datei bricht ab: sie enthält keinen vollständigen Audio-Frame',
  },
  // Ogg Opus
  opusDamaged: {
    en: 'the Ogg Opus data is damaged and could not be decoded',
    de: 'die Ogg-Opus-Daten sind beschädigt und ließen sich nicht dekodieren',
  },
  opusCutShort: {
    en: 'the Ogg Opus file is cut short: its header is incomplete',
    de: 'die Ogg-Opus-Datei bricht ab: ihr Header ist unvollständig',
  },
  damaged: {
    en: 'the audio data is damaged and could not be decoded',
    de: 'die Audiodaten sind beschädigt und ließen sich nicht dekodieren',
  },
} satisfies Record<string, Entry>;
