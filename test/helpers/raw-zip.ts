// A byte-level ZIP writer for hostile-archive tests: names as raw bytes, any flags, Unix modes,
// so tests can build what real tools refuse to (crafted names, links, encrypted flags, CP437).
import { crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string | Buffer;
  data: Buffer | string;
  /** General-purpose flags; 0x800 (UTF-8 names) is set for string names unless given. */
  flags?: number;
  /** Unix mode, e.g. 0o120777 for a symbolic link. */
  unixMode?: number;
  deflate?: boolean;
  /** Marks the entry as traditionally encrypted and prefixes the 12-byte encryption header. */
  encrypted?: boolean;
  /** Declares this uncompressed size instead of the real one (a lying header). */
  declaredSize?: number;
  /**
   * Writes no data of its own: the directory points at the local header of entry number `sharesDataOf`
   * (overlapping entries, the trick that makes a small ZIP unpack to a huge one).
   */
  sharesDataOf?: number;
}

export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const starts: { offset: number; crc: number; compressed: number; size: number; method: number }[] = [];
  for (const e of entries) {
    if (e.sharesDataOf != null) {
      const shared = starts[e.sharesDataOf]!;
      const name = Buffer.from(e.name as string, 'utf8');
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE((3 << 8) | 20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt16LE(0x800, 8);
      central.writeUInt16LE(shared.method, 10);
      central.writeUInt16LE(0x5821, 14);
      central.writeUInt32LE(shared.crc, 16);
      central.writeUInt32LE(shared.compressed, 20);
      central.writeUInt32LE(shared.size, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE((0o100644 << 16) >>> 0, 38);
      central.writeUInt32LE(shared.offset, 42);
      centrals.push(central, name);
      starts.push(shared);
      continue;
    }
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const data = typeof e.data === 'string' ? Buffer.from(e.data) : e.data;
    const packed = e.deflate ? deflateRawSync(data) : data;
    const body = e.encrypted ? Buffer.concat([Buffer.alloc(12, 0xa5), packed]) : packed;
    const flags = (e.flags ?? (typeof e.name === 'string' ? 0x800 : 0)) | (e.encrypted ? 1 : 0);
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x5821, 12); // 2024-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.declaredSize ?? data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x5821, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.declaredSize ?? data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((e.unixMode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    starts.push({
      offset,
      crc,
      compressed: body.length,
      size: e.declaredSize ?? data.length,
      method: e.deflate ? 8 : 0,
    });
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
