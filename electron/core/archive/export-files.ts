// Opens what the user dropped (ZIPs, ZIP parts, nested ZIPs, folders) as one flat list of entries,
// read lazily and within limits. Nothing is ever written by an entry's own name.
import { createReadStream, promises as fs, readSync } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { constants as zlibConstants, crc32, inflateRawSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import yauzl from 'yauzl';
import { ImportError, type SkippedFile } from '../model.ts';
import { normaliseEntryPath, unsafeNameReason } from './entry-names.ts';
import { importError, message } from '../messages/index.ts';
import { DecompressionBudget } from './budget.ts';
import { createImportTemp } from './temp-files.ts';

/** Bounds that keep a hostile archive from exhausting memory, disk or time. Generous for a 50 GB takeout. */
export interface ArchiveLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxEntryBytes: number;
  /** Uncompressed ÷ compressed above which an entry is treated as a bomb, whatever its size. */
  maxRatio: number;
  maxNestingDepth: number;
  /**
   * Bytes one import may unpack in all (inflated entries, nested ZIPs, gunzipped audio, PDFs).
   * Unset: 200 × the size of the dropped files, at least 256 MB (see budget.ts).
   */
  maxUnpackedBytes?: number;
}

export const defaultLimits: ArchiveLimits = {
  maxEntries: 1_000_000,
  maxTotalBytes: 200 * 1024 ** 3,
  maxEntryBytes: 8 * 1024 ** 3,
  maxRatio: 1000,
  maxNestingDepth: 3,
};

/** One file inside the export, wherever it lives. */
export interface ExportEntry {
  /** Path inside its container, NFC, forward slashes; nested zips are prefixed: `Alexa.zip/Alexa/x.wav`. */
  path: string;
  /** Last path segment. */
  name: string;
  /** Uncompressed size as declared. */
  size: number;
  /** The dropped file or folder this entry came from (for the report and evidence). */
  container: string;
  /** Modification time the archive recorded, ms since epoch, or null. */
  modifiedMs: number | null;
  /** Reads at most `maxBytes` (default: the entry limit); throws ImportError beyond. */
  read(maxBytes?: number): Promise<Buffer>;
  /** Streams the content, verifying size and CRC where the archive gives them. */
  stream(): Promise<Readable>;
  /**
   * At least the first `bytes` of the content (all of it when shorter; often more), to recognise
   * what a file is without reading it whole.
   */
  head(bytes: number): Promise<Buffer>;
}

export interface ExportFiles {
  entries: ExportEntry[];
  /** The files and folders as the user gave them. */
  inputs: string[];
  /** Entries that cannot be read at all (encrypted, unsafe names, limits), with reasons. */
  skipped: SkippedFile[];
  /** How many of them are password-protected: an archive of nothing else is a locked export. */
  encrypted?: number;
  /**
   * Every byte unpacked from these files is charged here; a reader of its own (PDF) charges it too.
   * Always set by openExportFiles; optional only for lists built by hand in tests.
   */
  budget?: DecompressionBudget;
  close(): Promise<void>;
}

interface OpenContext {
  limits: ArchiveLimits;
  tempDir: string;
  entries: ExportEntry[];
  skipped: SkippedFile[];
  encrypted: number;
  closers: (() => Promise<void>)[];
  totalBytes: number;
  budget: DecompressionBudget;
}

/**
 * Lists every entry of every input. ZIPs inside ZIPs are unpacked to a private temporary file and
 * opened in turn, up to `maxNestingDepth`.
 */
export async function openExportFiles(
  inputs: string[],
  options: { limits?: Partial<ArchiveLimits>; tempDir?: string; budget?: DecompressionBudget } = {},
): Promise<ExportFiles> {
  const limits = { ...defaultLimits, ...options.limits };
  const tempDir = await createImportTemp(options.tempDir ?? os.tmpdir());
  const budget =
    options.budget ?? new DecompressionBudget(limits.maxTotalBytes, limits.maxRatio, limits.maxUnpackedBytes);
  const ctx: OpenContext = {
    limits,
    tempDir,
    entries: [],
    skipped: [],
    encrypted: 0,
    closers: [],
    totalBytes: 0,
    budget,
  };
  const close = async () => {
    for (const c of ctx.closers.reverse()) await c().catch(() => undefined);
    await fs.rm(tempDir, { recursive: true, force: true });
  };
  try {
    for (const input of inputs) {
      const stat = await fs.stat(input).catch(() => null);
      if (!stat) throw importError('not-found', message('archive.notFound', { file: path.basename(input) }));
      if (stat.isDirectory()) await addFolder(ctx, input);
      else {
        budget.allowFor(stat.size);
        await addFile(ctx, input, path.basename(input), input, 0);
      }
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { entries: ctx.entries, inputs, skipped: ctx.skipped, encrypted: ctx.encrypted, budget, close };
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

async function startsWith(file: string, magic: number[]): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const buf = Buffer.alloc(magic.length);
    const { bytesRead } = await handle.read(buf, 0, magic.length, 0);
    return bytesRead === magic.length && magic.every((b, i) => buf[i] === b);
  } finally {
    await handle.close();
  }
}

export async function isZipFile(file: string): Promise<boolean> {
  return (await startsWith(file, ZIP_MAGIC)) || (await startsWith(file, EMPTY_ZIP_MAGIC));
}

/** A dropped file: a ZIP to open, or a loose file (e.g. a voice-history JSON) taken as one entry. */
async function addFile(ctx: OpenContext, file: string, displayPath: string, container: string, depth: number) {
  const stat = await fs.stat(file);
  if (depth === 0 && stat.size === 0) {
    throw importError('empty-file', message('archive.emptyFile', { file: displayPath }));
  }
  if (await isZipFile(file)) {
    await addZip(ctx, file, displayPath, container, depth);
    return;
  }
  if (/\.zip$/i.test(file) && depth === 0) {
    throw importError('not-zip', message('archive.notZip', { file: displayPath }));
  }
  pushEntry(ctx, fileEntry(file, displayPath, stat.size, container, stat.mtimeMs, ctx.limits));
}

async function addFolder(ctx: OpenContext, folder: string) {
  const walk = async (dir: string): Promise<void> => {
    const items = await fs.readdir(dir, { withFileTypes: true });
    items.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const item of items) {
      const full = path.join(dir, item.name);
      // Links are not followed: an export folder has no reason to point outside itself.
      if (item.isSymbolicLink()) {
        ctx.skipped.push({ path: relative(folder, full), reason: message('archive.skipLink') });
      } else if (item.isDirectory()) {
        await walk(full);
      } else if (item.isFile()) {
        const rel = relative(folder, full);
        ctx.budget.allowFor((await fs.stat(full)).size);
        if (/\.zip$/i.test(item.name) && (await isZipFile(full))) await addZip(ctx, full, rel, folder, 1);
        else {
          const stat = await fs.stat(full);
          pushEntry(ctx, fileEntry(full, rel, stat.size, folder, stat.mtimeMs, ctx.limits));
        }
      }
    }
  };
  await walk(folder);
}

function relative(folder: string, full: string) {
  return normaliseEntryPath(path.relative(folder, full).split(path.sep).join('/'));
}

function pushEntry(ctx: OpenContext, entry: ExportEntry) {
  if (ctx.entries.length >= ctx.limits.maxEntries) {
    throw importError('too-many-entries', message('archive.tooManyEntries', { count: ctx.limits.maxEntries }));
  }
  ctx.totalBytes += entry.size;
  if (ctx.totalBytes > ctx.limits.maxTotalBytes) {
    throw importError('too-large', message('archive.tooLarge', { size: formatBytes(ctx.limits.maxTotalBytes) }));
  }
  ctx.entries.push(entry);
}

function fileEntry(
  full: string,
  rel: string,
  size: number,
  container: string,
  mtimeMs: number,
  limits: ArchiveLimits,
): ExportEntry {
  return {
    path: rel,
    name: rel.slice(rel.lastIndexOf('/') + 1),
    size,
    container,
    modifiedMs: mtimeMs,
    read: (maxBytes = limits.maxEntryBytes) => readBounded(createReadStream(full), maxBytes, rel),
    stream: async () => createReadStream(full),
    head: async (bytes) => {
      const handle = await fs.open(full, 'r');
      try {
        const buf = Buffer.alloc(bytes);
        const { bytesRead } = await handle.read(buf, 0, bytes, 0);
        return buf.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
  };
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      file,
      // Names are decoded here, not by yauzl: its check of each name would abandon the whole archive
      // at the first crafted one, where Earshot skips just that entry and says why.
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false },
      (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip)),
    );
  });
}

async function addZip(ctx: OpenContext, file: string, displayPath: string, container: string, depth: number) {
  if (depth > ctx.limits.maxNestingDepth) {
    ctx.skipped.push({
      path: displayPath,
      reason: message('archive.skipNestedTooDeep', { depth: ctx.limits.maxNestingDepth }),
    });
    return;
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (error) {
    const detail = (error as Error).message;
    // The ZIP library's own words ("end of central directory record signature not found") help
    // nobody at the top; an inner archive's skip reason keeps them for the report's details.
    if (depth === 0) throw importError('corrupt-zip', message('archive.damagedZip', { file: displayPath }));
    ctx.skipped.push({ path: displayPath, reason: message('archive.skipDamagedZip', { detail }) });
    return;
  }
  ctx.closers.push(async () => zip.close());
  // A second handle for reading small entries in one positional read (see readSmallEntry).
  const handle = await fs.open(file, 'r');
  ctx.closers.push(() => handle.close());
  const archive: Archive = { zip, handle, size: (await handle.stat()).size, budget: ctx.budget };
  const prefix = depth === 0 ? '' : `${displayPath}/`;
  const nested: { entry: yauzl.Entry; name: string }[] = [];
  const listed: ZipEntry[] = [];
  const spans: Span[] = [];

  await new Promise<void>((resolve, reject) => {
    zip.on('error', (err: Error) =>
      reject(
        importError('corrupt-zip', message('archive.unreadableDirectory', { file: displayPath, detail: err.message })),
      ),
    );
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      try {
        spans.push(spanOf(entry));
        handleZipEntry(ctx, archive, entry, prefix, container, nested, listed);
        zip.readEntry();
      } catch (error) {
        reject(error);
      }
    });
    zip.readEntry();
  });

  // Entries that share compressed data (overlapping local headers) are how a small ZIP becomes a
  // huge one: no tool writes them, so the whole archive is refused, before anything is unpacked.
  if (overlaps(spans)) {
    if (depth === 0) {
      throw importError('overlapping-entries', message('archive.overlappingEntries', { file: displayPath }));
    }
    ctx.skipped.push({ path: displayPath, reason: message('archive.skipOverlapping') });
    return;
  }
  for (const e of listed) pushEntry(ctx, e);

  for (const { entry, name } of nested) {
    const temp = path.join(ctx.tempDir, `${randomUUID()}.zip`);
    try {
      // Its bytes are charged to the budget as they are inflated to the temp file.
      const source = await openZipEntryStream(zip, entry, ctx.budget);
      await pipeToFile(source, temp, ctx.limits.maxEntryBytes, name);
      await addZip(ctx, temp, name, container, depth + 1);
    } catch (error) {
      if (error instanceof ImportError && fatalCodes.has(error.code)) throw error;
      ctx.skipped.push({
        path: name,
        reason: message('archive.skipInnerZip', { detail: (error as Error).message }),
      });
    }
  }
}

/** Errors that end the whole import rather than one nested ZIP. */
const fatalCodes = new Set(['too-many-entries', 'too-large', 'decompression-budget', 'overlapping-entries']);

/** Where an entry's local header and compressed data lie in its archive. */
interface Span {
  start: number;
  end: number;
}

function spanOf(entry: yauzl.Entry): Span {
  // The local header is at least 30 bytes; its name and extra field may differ from the central
  // directory's, so only the fixed part is counted: a lower bound, never a false alarm.
  const start = entry.relativeOffsetOfLocalHeader;
  return { start, end: start + 30 + entry.compressedSize };
}

function overlaps(spans: Span[]): boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.start < sorted[i - 1]!.end) return true;
  return false;
}

function handleZipEntry(
  ctx: OpenContext,
  archive: Archive,
  entry: yauzl.Entry,
  prefix: string,
  container: string,
  nested: { entry: yauzl.Entry; name: string }[],
  listed: ZipEntry[],
) {
  // UTF-8 when the archive says so (flag or Info-ZIP Unicode path field), CP437 otherwise.
  const raw = decodeName(entry);
  if (raw.endsWith('/') || raw.endsWith('\\')) return; // folder
  const name = prefix + normaliseEntryPath(raw);
  const unsafe = unsafeNameReason(raw);
  if (unsafe) {
    ctx.skipped.push({ path: name, reason: unsafe });
    return;
  }
  // Unix mode in the high bits of the external attributes: 0o120000 is a symbolic link.
  const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
  if (mode === 0o120000) {
    ctx.skipped.push({ path: name, reason: message('archive.skipLink') });
    return;
  }
  if (entry.isEncrypted()) {
    ctx.skipped.push({ path: name, reason: message('archive.skipEncrypted') });
    ctx.encrypted++;
    return;
  }
  if (entry.uncompressedSize > ctx.limits.maxEntryBytes) {
    ctx.skipped.push({
      path: name,
      reason: message('archive.skipTooLarge', { size: formatBytes(ctx.limits.maxEntryBytes) }),
    });
    return;
  }
  // Every entry, whatever its size: a thousand small bombs are one big one. (Deflate cannot pass
  // about 1032:1; an entry claiming content from no compressed bytes at all is refused too.)
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > 0 && ratio > ctx.limits.maxRatio) {
    ctx.skipped.push({ path: name, reason: message('archive.skipZipBomb', { ratio: Math.round(ratio) }) });
    return;
  }
  if (/\.zip$/i.test(raw)) {
    nested.push({ entry, name });
    return;
  }
  // Counted as listed, not only when pushed: a directory of millions of entries must not be held first.
  if (ctx.entries.length + listed.length >= ctx.limits.maxEntries) {
    throw importError('too-many-entries', message('archive.tooManyEntries', { count: ctx.limits.maxEntries }));
  }
  listed.push(
    new ZipEntry(archive, located(entry), name, container, entry.getLastModDate?.().getTime() ?? null, ctx.limits),
  );
}

/**
 * Only what reading needs of yauzl's entry: the numbers, not its name, extra-field and comment
 * buffers. An export lists every entry up front, so this is most of what a 40,000-file export
 * holds in memory while it is read.
 */
function located(entry: yauzl.Entry): yauzl.Entry {
  const kept = new yauzl.Entry();
  kept.relativeOffsetOfLocalHeader = entry.relativeOffsetOfLocalHeader;
  kept.compressedSize = entry.compressedSize;
  kept.uncompressedSize = entry.uncompressedSize;
  kept.crc32 = entry.crc32;
  kept.compressionMethod = entry.compressionMethod;
  kept.generalPurposeBitFlag = entry.generalPurposeBitFlag;
  kept.fileNameLength = entry.fileNameLength;
  kept.extraFieldLength = entry.extraFieldLength;
  return kept;
}

/** A file inside a ZIP; methods on the prototype rather than two closures per entry. */
class ZipEntry implements ExportEntry {
  readonly name: string;
  readonly size: number;
  constructor(
    private readonly archive: Archive,
    private readonly entry: yauzl.Entry,
    readonly path: string,
    readonly container: string,
    readonly modifiedMs: number | null,
    private readonly limits: ArchiveLimits,
  ) {
    this.name = path.slice(path.lastIndexOf('/') + 1);
    this.size = entry.uncompressedSize;
  }

  async read(maxBytes = this.limits.maxEntryBytes): Promise<Buffer> {
    await breathe();
    this.archive.budget.check();
    return (
      (await readSmallEntry(this.archive, this.entry, maxBytes)) ??
      readBounded(await openZipEntryStream(this.archive.zip, this.entry, this.archive.budget), maxBytes, this.path)
    );
  }

  async stream(): Promise<Readable> {
    await breathe();
    this.archive.budget.check();
    return isSmall(this.entry, this.limits.maxEntryBytes)
      ? smallEntryStream(this.archive, this.entry)
      : openZipEntryStream(this.archive.zip, this.entry, this.archive.budget);
  }

  async head(bytes: number): Promise<Buffer> {
    await breathe();
    this.archive.budget.check();
    // What the stream's first chunk would be, without a stream: 1,700 recordings sniffed through
    // streams took a second of the c't import. Anything unusual goes the stream's way, which reports it.
    const quick = isSmall(this.entry, this.limits.maxEntryBytes)
      ? smallEntryHead(this.archive, this.entry, Math.min(HEAD_INPUT_BYTES, 2 * bytes + 1024))
      : null;
    if (quick && (quick.length >= bytes || quick.length >= this.entry.uncompressedSize)) return quick;
    return headOfStream(await this.stream(), bytes);
  }
}

/** At least `bytes` from the start of a stream, which is destroyed as soon as enough has arrived. */
export async function headOfStream(stream: Readable, bytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      total += (chunk as Buffer).length;
      if (total >= bytes) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks, total);
}

// Small entries are read synchronously, so a loop over thousands of them resolves entirely in
// promise microtasks and never lets Node run its nextTick queue, where each finished stream leaves
// its 'close' callback. Those callbacks, and the streams they hold, pile up (measured: ~7 KB per
// entry, 300 MB for a 40,000-file export) until the loop ends. Yielding now and then lets them run.
let calls = 0;
function breathe(): Promise<void> | void {
  if (++calls % 64 === 0) return new Promise((resolve) => setImmediate(resolve));
}

// ---------------------------------------------------------------------------------------------
// Small entries (a recording, a table): one positional read and one inflate call instead of a chain
// of streams. Any anomaly — bad local header, bounds, inflate error, size or CRC mismatch — makes
// these return nothing, and the streaming path above reads the entry again and says exactly what
// is wrong, so both paths accept and reject the same archives with the same messages.

interface Archive {
  zip: yauzl.ZipFile;
  handle: fs.FileHandle;
  size: number;
  budget: DecompressionBudget;
}

const SMALL_MAX_COMPRESSED = 8 * 1024 * 1024;
const SMALL_MAX_SIZE = 32 * 1024 * 1024;
/** Compressed bytes inflated first when an entry is streamed, so a reader of its head stops early cheaply. */
const HEAD_INPUT_BYTES = 16 * 1024;
const STREAM_SLICE_BYTES = 64 * 1024;

function isSmall(entry: yauzl.Entry, maxBytes: number): boolean {
  const method = entry.compressionMethod;
  return (
    entry.compressedSize <= SMALL_MAX_COMPRESSED &&
    entry.uncompressedSize <= Math.min(SMALL_MAX_SIZE, maxBytes) &&
    (method === 8 || (method === 0 && entry.compressedSize === entry.uncompressedSize))
  );
}

/** Positional read of up to `length` bytes; synchronous: at most 8 MB from a file being imported. */
function readAt(archive: Archive, buf: Buffer, length: number, position: number): number {
  let done = 0;
  while (done < length) {
    const n = readSync(archive.handle.fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

// Compressed bytes are read into one reused buffer and inflated from there, so reading an entry
// allocates only its content. (Short-lived buffers per entry would pile up outside the JS heap
// faster than the garbage collector notices them.)
const SCRATCH_KEEP = 1024 * 1024;
let scratch = Buffer.allocUnsafe(256 * 1024);

function scratchFor(size: number): Buffer {
  if (size <= scratch.length) return scratch;
  if (size > SCRATCH_KEEP) return Buffer.allocUnsafe(size);
  scratch = Buffer.allocUnsafe(SCRATCH_KEEP);
  return scratch;
}

/**
 * Up to `limit` of the entry's compressed bytes, after the same local-header checks yauzl makes;
 * null on any doubt. The result may be a view of a shared buffer: use it before the next call.
 */
function readCompressed(archive: Archive, entry: yauzl.Entry, limit = entry.compressedSize): Buffer | null {
  const start = entry.relativeOffsetOfLocalHeader;
  const want = Math.min(limit, entry.compressedSize);
  const guess = Math.min(30 + entry.fileNameLength + entry.extraFieldLength + 64 + want, archive.size - start);
  if (guess < 30) return null;
  const buf = scratchFor(guess);
  const bytesRead = readAt(archive, buf, guess, start);
  if (bytesRead < 30 || buf.readUInt32LE(0) !== 0x04034b50) return null;
  const dataStart = 30 + buf.readUInt16LE(26) + buf.readUInt16LE(28);
  if (start + dataStart + entry.compressedSize > archive.size) return null;
  if (dataStart + want <= bytesRead) return buf.subarray(dataStart, dataStart + want);
  const data = scratchFor(want);
  return readAt(archive, data, want, start + dataStart) === want ? data.subarray(0, want) : null;
}

function safeReadCompressed(archive: Archive, entry: yauzl.Entry, limit?: number): Buffer | null {
  try {
    return readCompressed(archive, entry, limit);
  } catch {
    return null;
  }
}

/** Inflates (or copies) `data` and checks its size and CRC-32 against the directory; null on any mismatch. */
function decodeVerified(archive: Archive, entry: yauzl.Entry, data: Buffer): Buffer | null {
  // Charged before inflating, for what the directory declares (the result is checked against it).
  archive.budget.charge(entry.uncompressedSize);
  let out: Buffer;
  if (entry.compressionMethod === 0) out = Buffer.from(data);
  else {
    try {
      out = inflateRawSync(data, { maxOutputLength: entry.uncompressedSize + 1 });
    } catch {
      return null;
    }
  }
  if (out.length !== entry.uncompressedSize) return null;
  return crc32(out) >>> 0 === entry.crc32 >>> 0 ? out : null;
}

async function readSmallEntry(archive: Archive, entry: yauzl.Entry, maxBytes: number): Promise<Buffer | null> {
  if (!isSmall(entry, maxBytes)) return null;
  const data = safeReadCompressed(archive, entry);
  return data ? decodeVerified(archive, entry, data) : null;
}

/**
 * A small entry as a stream: its head first, inflated from the first compressed bytes alone, and the
 * rest only if still wanted on the next turn of the event loop — a reader that sniffs the head and
 * stops never pays for inflating the whole entry.
 */
function smallEntryStream(archive: Archive, entry: yauzl.Entry): Readable {
  let stage: 'head' | 'rest' | 'waiting' | 'pumping' = 'head';
  let sent = 0;
  let whole: Buffer | null = null;
  // The rest goes out in slices, as a file stream would, so a parser never gets megabytes at once.
  const pump = () => {
    while (whole && sent < whole.length) {
      const slice = whole.subarray(sent, Math.min(whole.length, sent + STREAM_SLICE_BYTES));
      sent += slice.length;
      if (!stream.push(slice)) return;
    }
    whole = null;
    stream.push(null);
  };
  const stream = new Readable({
    read() {
      if (stage === 'pumping') return pump();
      if (stage === 'head') {
        stage = 'rest';
        if (entry.compressionMethod === 8 && entry.compressedSize > HEAD_INPUT_BYTES) {
          const start = safeReadCompressed(archive, entry, HEAD_INPUT_BYTES);
          const head = start ? inflateHead(entry, start) : null;
          if (head) archive.budget.charge(head.length);
          if (head && head.length > 0) {
            sent = head.length;
            this.push(head);
            return;
          }
        }
      }
      if (stage === 'rest') {
        stage = 'waiting';
        setImmediate(() => {
          if (!stream.destroyed) rest();
        });
      }
    },
  });
  const rest = () => {
    const data = safeReadCompressed(archive, entry);
    try {
      whole = data ? decodeVerified(archive, entry, data) : null;
    } catch (error) {
      stream.destroy(error as Error); // the budget is spent
      return;
    }
    if (whole) {
      stage = 'pumping';
      pump();
      return;
    }
    // Something is wrong: the streaming path reports it (or, should it read fine, gives the rest).
    void (async () => {
      const slow = await openZipEntryStream(archive.zip, entry, archive.budget);
      let skip = sent;
      for await (const chunk of slow) {
        if (stream.destroyed) {
          slow.destroy();
          return;
        }
        const c = chunk as Buffer;
        if (skip >= c.length) {
          skip -= c.length;
          continue;
        }
        stream.push(skip > 0 ? c.subarray(skip) : c);
        skip = 0;
      }
      stream.push(null);
    })().catch((error: unknown) => stream.destroy(error as Error));
  };
  return stream;
}

/**
 * The start of a small entry as smallEntryStream gives it, charged the same way, from the first
 * `input` compressed bytes (or the whole entry when it is not much longer); null where the stream
 * would take its slow path.
 */
function smallEntryHead(archive: Archive, entry: yauzl.Entry, input: number): Buffer | null {
  if (entry.compressionMethod === 8 && entry.compressedSize > input) {
    const start = safeReadCompressed(archive, entry, input);
    const head = start ? inflateHead(entry, start) : null;
    if (!head?.length) return null;
    archive.budget.charge(head.length);
    return head;
  }
  const data = safeReadCompressed(archive, entry);
  const whole = data ? decodeVerified(archive, entry, data) : null;
  return whole ? whole.subarray(0, STREAM_SLICE_BYTES) : null;
}

/** The first part of a deflated entry's content, from its first compressed bytes; null if that fails. */
function inflateHead(entry: yauzl.Entry, data: Buffer): Buffer | null {
  try {
    return inflateRawSync(data, {
      finishFlush: zlibConstants.Z_SYNC_FLUSH,
      maxOutputLength: Math.max(1, Math.min(entry.uncompressedSize, 1024 * 1024)),
    });
  } catch {
    return null;
  }
}

const yauzlNames = yauzl as unknown as {
  getFileNameLowLevel(flags: number, name: Buffer, extraFields: unknown[], strict: boolean): string;
};

function decodeName(entry: yauzl.Entry): string {
  const rawName = entry.fileName as unknown as Buffer | string;
  if (typeof rawName === 'string') return rawName;
  return yauzlNames.getFileNameLowLevel(entry.generalPurposeBitFlag, rawName, entry.extraFields, true);
}

/** Opens one ZIP entry and checks its CRC-32 as the bytes pass. */
function openZipEntryStream(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: DecompressionBudget): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) {
        reject(
          importError(
            'entry-unreadable',
            message('archive.entryUnpackFailed', { detail: err?.message ?? 'unknown error' }),
          ),
        );
        return;
      }
      // Sizes are checked here, per entry, rather than by yauzl for the whole directory: one entry
      // with a wrong size must not make the rest of the archive unreadable. Reading stops as soon
      // as an entry unpacks to more than it declared, so a lying header cannot become a bomb.
      let crc = 0;
      let size = 0;
      const check = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > entry.uncompressedSize) {
            done(importError('size', message('archive.entryLonger')));
            return;
          }
          try {
            budget.charge(chunk.length);
          } catch (error) {
            done(error as Error);
            return;
          }
          crc = crc32(chunk, crc);
          done(null, chunk);
        },
        flush(done) {
          if (size !== entry.uncompressedSize) done(importError('size', message('archive.entryShorter')));
          else if (crc >>> 0 !== entry.crc32 >>> 0) done(importError('crc', message('archive.entryCrc')));
          else done();
        },
      });
      stream.on('error', (e: Error) =>
        check.destroy(importError('entry-unreadable', message('archive.entryDamaged', { detail: e.message }))),
      );
      resolve(stream.pipe(check));
    });
  });
}

export async function readBounded(stream: Readable, maxBytes: number, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) {
      stream.destroy();
      throw importError(
        'entry-too-large',
        message('archive.tooLargeFile', { file: name, size: formatBytes(maxBytes) }),
      );
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, total);
}

async function pipeToFile(stream: Readable, file: string, maxBytes: number, name: string) {
  const handle = await fs.open(file, 'wx', 0o600);
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) {
        stream.destroy();
        throw importError(
          'entry-too-large',
          message('archive.tooLargeFile', { file: name, size: formatBytes(maxBytes) }),
        );
      }
      await handle.write(chunk as Buffer);
    }
  } finally {
    await handle.close();
  }
}

export function formatBytes(n: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${i === 0 ? n : n.toFixed(n < 10 ? 1 : 0)} ${units[i]}`;
}
