// The floor an import is measured against: the least work any reader of the archive must do.
// Every entry's stored bytes are read and inflated on this one thread (ZIPs inside ZIPs too) and
// discarded, then the same number of inflated bytes is written as one file and synced. Earshot
// cannot list an export faster than this on the same disk, so Earshot ÷ floor says how much of an
// import is Earshot's own work.
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';

export interface Floor {
  /** Reading and inflating every entry, nested archives included. */
  inflateMs: number;
  /** Writing the inflated bytes as one file, synced to the disk. */
  writeMs: number;
  ms: number;
  entries: number;
  bytes: number;
}

const WRITE_CHUNK = 4 * 1024 * 1024;

function openFile(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, decodeStrings: true }, (e, z) => (e || !z ? reject(e) : resolve(z))),
  );
}

function fromBuffer(data: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(data, { lazyEntries: true, decodeStrings: true }, (e, z) => (e || !z ? reject(e) : resolve(z))),
  );
}

/** The entry's bytes as stored (still deflated); inflating them here keeps the work on this thread. */
function storedBytes(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  // yauzl refuses `decompress: false` for stored entries (their bytes are already the data).
  const decompress = entry.compressionMethod === 0 ? null : false;
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, { decompress, decrypt: null, start: null, end: null }, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    }),
  );
}

async function inflateArchive(zip: yauzl.ZipFile, count: { entries: number; bytes: number }): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      storedBytes(zip, entry)
        .then(async (raw) => {
          const data = entry.compressionMethod === 8 ? inflateRawSync(raw) : raw;
          count.entries++;
          if (/\.zip$/i.test(entry.fileName)) await inflateArchive(await fromBuffer(data), count);
          else count.bytes += data.length;
          zip.readEntry();
        })
        .catch(reject);
    });
    zip.readEntry();
  });
}

export async function measureFloor(archives: string[], scratchFile: string): Promise<Floor> {
  const count = { entries: 0, bytes: 0 };
  const started = performance.now();
  for (const file of archives) {
    if (/\.zip$/i.test(file)) await inflateArchive(await openFile(file), count);
    else count.bytes += readFileSync(file).length;
  }
  const inflated = performance.now();
  const chunk = Buffer.alloc(WRITE_CHUNK, 0x5a);
  const fd = openSync(scratchFile, 'w');
  try {
    for (let left = count.bytes; left > 0; left -= WRITE_CHUNK) writeSync(fd, chunk, 0, Math.min(WRITE_CHUNK, left));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
    rmSync(scratchFile, { force: true });
  }
  const written = performance.now();
  return {
    inflateMs: inflated - started,
    writeMs: written - inflated,
    ms: written - started,
    entries: count.entries,
    bytes: count.bytes,
  };
}
