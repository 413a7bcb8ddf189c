// A streaming ZIP writer for generated exports: entries are written as they come (never the whole
// archive in memory), stored or deflated, with UTF-8 names, fixed timestamps (so output is
// reproducible byte for byte), and ZIP64 records when an archive passes 65,535 entries or 4 GB.
import { closeSync, openSync, writeSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';

const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

interface Central {
  name: Buffer;
  crc: number;
  method: number;
  compressed: number;
  size: number;
  offset: number;
  dosTime: number;
  dosDate: number;
}

function dos(date: Date): { dosTime: number; dosDate: number } {
  return {
    dosTime: ((date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1)) & 0xffff,
    dosDate: (((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate()) & 0xffff,
  };
}

export class ZipWriter {
  private fd: number;
  private offset = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private central: Central[] = [];
  private closed = false;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'w');
  }

  /** Bytes written so far (the archive's size if it were closed now, less its directory). */
  get size(): number {
    return this.offset;
  }

  get entries(): number {
    return this.central.length;
  }

  private write(b: Buffer) {
    this.pending.push(b);
    this.pendingBytes += b.length;
    this.offset += b.length;
    if (this.pendingBytes >= 4 * 1024 * 1024) this.flush();
  }

  private flush() {
    if (this.pendingBytes === 0) return;
    const all = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    let done = 0;
    while (done < all.length) done += writeSync(this.fd, all, done, all.length - done);
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** Adds one file. `deflate` compresses it (level 6, like most ZIP tools); otherwise it is stored. */
  add(path: string, data: Buffer | string, options: { deflate: boolean; modified: Date }): void {
    if (this.closed) throw new Error('zip already closed');
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const name = Buffer.from(path, 'utf8');
    const body = options.deflate ? deflateRawSync(bytes, { level: 6 }) : bytes;
    const method = options.deflate ? 8 : 0;
    const crc = crc32(bytes) >>> 0;
    const { dosTime, dosDate } = dos(options.modified);
    if (bytes.length >= MAX32 || body.length >= MAX32)
      throw new Error('entries over 4 GB are not needed by the generator');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(bytes.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    this.central.push({
      name,
      crc,
      method,
      compressed: body.length,
      size: bytes.length,
      offset: this.offset,
      dosTime,
      dosDate,
    });
    this.write(local);
    this.write(name);
    this.write(body);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    const cdStart = this.offset;
    for (const c of this.central) {
      const zip64 = c.offset >= MAX32;
      const extra = zip64 ? Buffer.alloc(12) : Buffer.alloc(0);
      if (zip64) {
        extra.writeUInt16LE(0x0001, 0);
        extra.writeUInt16LE(8, 2);
        extra.writeBigUInt64LE(BigInt(c.offset), 4);
      }
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE((3 << 8) | (zip64 ? 45 : 20), 4); // made by Unix
      h.writeUInt16LE(zip64 ? 45 : 20, 6);
      h.writeUInt16LE(0x0800, 8);
      h.writeUInt16LE(c.method, 10);
      h.writeUInt16LE(c.dosTime, 12);
      h.writeUInt16LE(c.dosDate, 14);
      h.writeUInt32LE(c.crc, 16);
      h.writeUInt32LE(c.compressed, 20);
      h.writeUInt32LE(c.size, 24);
      h.writeUInt16LE(c.name.length, 28);
      h.writeUInt16LE(extra.length, 30);
      h.writeUInt32LE((0o100644 << 16) >>> 0, 38);
      h.writeUInt32LE(zip64 ? MAX32 : c.offset, 42);
      this.write(h);
      this.write(c.name);
      if (extra.length) this.write(extra);
    }
    const cdSize = this.offset - cdStart;
    const count = this.central.length;
    const needs64 = count >= MAX16 || cdStart >= MAX32 || cdSize >= MAX32;
    if (needs64) {
      const eocd64At = this.offset;
      const r = Buffer.alloc(56);
      r.writeUInt32LE(0x06064b50, 0);
      r.writeBigUInt64LE(44n, 4);
      r.writeUInt16LE((3 << 8) | 45, 12);
      r.writeUInt16LE(45, 14);
      r.writeUInt32LE(0, 16);
      r.writeUInt32LE(0, 20);
      r.writeBigUInt64LE(BigInt(count), 24);
      r.writeBigUInt64LE(BigInt(count), 32);
      r.writeBigUInt64LE(BigInt(cdSize), 40);
      r.writeBigUInt64LE(BigInt(cdStart), 48);
      this.write(r);
      const loc = Buffer.alloc(20);
      loc.writeUInt32LE(0x07064b50, 0);
      loc.writeUInt32LE(0, 4);
      loc.writeBigUInt64LE(BigInt(eocd64At), 8);
      loc.writeUInt32LE(1, 16);
      this.write(loc);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(needs64 ? MAX16 : count, 8);
    end.writeUInt16LE(needs64 ? MAX16 : count, 10);
    end.writeUInt32LE(needs64 ? MAX32 : cdSize, 12);
    end.writeUInt32LE(needs64 ? MAX32 : cdStart, 16);
    this.write(end);
    this.flush();
    closeSync(this.fd);
    this.central = [];
  }
}

/** Writes entries into numbered parts, starting a new part when the current one would pass `partBytes`. */
export class PartedZip {
  private current: ZipWriter | null = null;
  readonly files: string[] = [];

  constructor(
    private readonly nameOf: (part: number) => string,
    private readonly partBytes: number,
  ) {}

  add(path: string, data: Buffer | string, options: { deflate: boolean; modified: Date }): void {
    const size = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    if (!this.current || (this.current.entries > 0 && this.current.size + size > this.partBytes)) {
      this.current?.close();
      const file = this.nameOf(this.files.length + 1);
      this.files.push(file);
      this.current = new ZipWriter(file);
    }
    this.current.add(path, data, options);
  }

  close(): string[] {
    this.current?.close();
    this.current = null;
    return this.files;
  }
}
