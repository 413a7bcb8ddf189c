// Options and results shared by the export generators.

/** `amazon-2018`: the c't-like delivery (WAVs and a PDF of transcripts; see amazon-2018.ts). */
export type ExportKindName = 'google' | 'amazon' | 'amazon-2018';

export interface GenerateOptions {
  kind: ExportKindName;
  /** Google: activity entries (~92 % with audio). Amazon: recordings with audio (~3 % transcripts without audio come on top). */
  count: number;
  seed: string | number;
  /** Folder the export's files are written into (it must exist). */
  outDir: string;
  /** Where the encoded audio pool is cached (default: $EARSHOT_BENCH_CACHE or <tmp>/earshot-bench-cache). */
  cacheDir?: string;
  /** Largest part before a new `…-002.zip` / `All Data Categories.2.zip` starts. */
  partBytes?: number;
  /** Google: share of entries with audio (default 0.92). Amazon: `count` / all utterances (default ≈ 0.97). */
  audioShare?: number;
  /** Amazon: mean length of a WAV in seconds (1–6 s; default 1.9, which makes 1,700 recordings ≈ 100 MB). */
  wavMeanSeconds?: number;
  /** Google: pad the activity JSON with older text-only entries up to this many bytes (the 500 MB JSON case). */
  jsonBytes?: number;
  /** Deflate audio entries (default: WAV deflated, MP3 stored). */
  deflateAudio?: boolean;
  email?: string;
  log?: (line: string) => void;
}

export interface GeneratedExport {
  kind: ExportKindName;
  seed: string;
  /** The files to drop on Earshot, in order. */
  files: string[];
  recordings: number;
  withAudio: number;
  withTranscript: number;
  audioBytes: number;
  audioSeconds: number;
  jsonBytes?: number;
}
