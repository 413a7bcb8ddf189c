// One decompression budget per import: every byte unpacked from the export (inflated ZIP entries,
// nested ZIPs written to temp files, gunzipped audio, a PDF's streams) is charged to it, so no
// arrangement of small tricks can add up to a bomb.
import { gunzipSync } from 'node:zlib';
import type { ImportError } from '../model.ts';
import { importError, message } from '../messages/index.ts';

/**
 * What an export may unpack to in all: generous for any real one (audio barely compresses, JSON
 * about 10-20:1, and importers read some entries twice), tiny against a bomb.
 */
export const BUDGET_FLOOR_BYTES = 256 * 1024 * 1024;
export const BUDGET_PER_INPUT_BYTE = 200;

export class DecompressionBudget {
  private used = 0;
  private inputBytes = 0;
  /** The error that ended the import, once the budget is spent; every later charge throws it again. */
  exceeded: ImportError | null = null;

  constructor(
    /** No import may produce more than this, whatever its size. */
    private readonly ceilingBytes: number,
    /** Uncompressed ÷ compressed above which one stream is a bomb, whatever its size. */
    readonly maxRatio: number,
    /** A fixed limit instead of one that grows with the export's size (tests, tools). */
    private readonly fixedLimitBytes?: number,
  ) {}

  /** Lets the budget grow with a file the user gave (its size on disk, before unpacking). */
  allowFor(inputBytes: number): void {
    this.inputBytes += inputBytes;
  }

  /** Bytes the whole import may produce. */
  get limitBytes(): number {
    if (this.fixedLimitBytes != null) return this.fixedLimitBytes;
    return Math.min(this.ceilingBytes, Math.max(BUDGET_FLOOR_BYTES, this.inputBytes * BUDGET_PER_INPUT_BYTE));
  }

  get usedBytes(): number {
    return this.used;
  }

  get remainingBytes(): number {
    return Math.max(0, this.limitBytes - this.used);
  }

  /** Counts `bytes` just produced; throws (and stays spent) once the total passes the limit. */
  charge(bytes: number): void {
    if (this.exceeded) throw this.exceeded;
    this.used += bytes;
    if (this.used > this.limitBytes) {
      this.exceeded = importError(
        'decompression-budget',
        message('archive.budgetExceeded', { size: formatSize(this.limitBytes) }),
      );
      throw this.exceeded;
    }
  }

  /** Throws if the budget is already spent, before any work is started. */
  check(): void {
    if (this.exceeded) throw this.exceeded;
  }

  /**
   * Gunzips `bytes` within the budget, at most `maxBytes`, and refuses output above the ratio limit
   * (gzip of zeros unpacks ~1000:1; no recording does). Throws an ImportError saying which limit.
   */
  gunzip(bytes: Uint8Array, maxBytes: number): Buffer {
    this.check();
    const byRatio = Math.max(64 * 1024, bytes.length * this.maxRatio);
    const cap = Math.min(maxBytes, byRatio, this.remainingBytes);
    let out: Buffer | null = null;
    try {
      out = gunzipSync(bytes, { maxOutputLength: cap + 1 });
    } catch (error) {
      // Past the cap zlib stops with this code, having unpacked no more than the cap.
      if ((error as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') throw error;
    }
    if (!out || out.length > cap) {
      if (cap === this.remainingBytes) this.charge(cap + 1);
      if (cap === byRatio) {
        throw importError('zip-bomb', message('archive.gzipBomb', { ratio: this.maxRatio }));
      }
      throw importError('entry-too-large', message('archive.gzipTooLarge', { size: formatSize(maxBytes) }));
    }
    this.charge(out.length);
    return out;
  }
}

function formatSize(n: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${i === 0 ? n : n.toFixed(n < 10 ? 1 : 0)} ${units[i]}`;
}
