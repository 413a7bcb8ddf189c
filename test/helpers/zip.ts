// Writes ZIP files for tests from a map of entry names to contents.
import yazl from 'yazl';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import os from 'node:os';
import path from 'node:path';

export type ZipContents = Record<string, string | Uint8Array>;

export async function writeZip(
  file: string,
  contents: ZipContents,
  options: { compress?: boolean } = {},
): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of Object.entries(contents)) {
    zip.addBuffer(typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data), name, {
      compress: options.compress ?? true,
      mtime: new Date('2024-01-02T03:04:05Z'),
    });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(file));
  return file;
}

export async function zipToBuffer(contents: ZipContents): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of Object.entries(contents)) zip.addBuffer(Buffer.from(data), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function tempDir(prefix = 'earshot-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}
