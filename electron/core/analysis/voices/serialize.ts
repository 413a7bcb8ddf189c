// Signature ↔ bytes for the database: a 4-byte header ("VS", model version, 0) then float32
// little-endian. A signature from another model version decodes to null (recompute it).

const MAGIC_0 = 0x56; // 'V'
const MAGIC_1 = 0x53; // 'S'

export function encodeSignature(vector: Float32Array, version: number): Uint8Array {
  const bytes = new Uint8Array(4 + vector.length * 4);
  bytes[0] = MAGIC_0;
  bytes[1] = MAGIC_1;
  bytes[2] = version & 0xff;
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < vector.length; i++) view.setFloat32(4 + i * 4, vector[i]!, true);
  // Node's Buffer (what better-sqlite3 binds as a BLOB) when there is one; a plain Uint8Array elsewhere.
  const B = (globalThis as { Buffer?: { from(a: ArrayBuffer): Uint8Array } }).Buffer;
  return B ? B.from(bytes.buffer) : bytes;
}

/** Null when the bytes are not a signature of this model version and dimension. */
export function decodeSignature(bytes: Uint8Array, version: number, dims: number): Float32Array | null {
  if (!(bytes instanceof Uint8Array) || bytes.length !== 4 + dims * 4) return null;
  if (bytes[0] !== MAGIC_0 || bytes[1] !== MAGIC_1 || bytes[2] !== (version & 0xff)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(dims);
  for (let i = 0; i < dims; i++) {
    const v = view.getFloat32(4 + i * 4, true);
    if (!Number.isFinite(v)) return null;
    out[i] = v;
  }
  return out;
}
