// The files an export arrived as, for the evidence summary: every dropped file, and every file
// inside a dropped folder, with its size and SHA-256 — streamed, bounded for huge folders.
import { createHash } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { FileFingerprint } from '../model.ts';

export type { FileFingerprint };

/** Past this many files in one folder the rest are counted, not hashed one by one. */
export const MAX_LISTED_FILES = 10_000;

async function sha256Of(file: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { signal })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Name, size and SHA-256 of each dropped file and of each file in a dropped folder (sorted, links
 * not followed, as the import reads them). A file that cannot be read is listed without a hash.
 */
export async function fingerprintInputs(
  inputs: string[],
  signal?: AbortSignal,
  limit = MAX_LISTED_FILES,
): Promise<FileFingerprint[]> {
  const out: FileFingerprint[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (stat?.isDirectory()) out.push(...(await fingerprintFolder(input, signal, limit)));
    else if (stat?.isFile())
      out.push({ name: path.basename(input), size: stat.size, sha256: await sha256Of(input, signal) });
    else out.push({ name: path.basename(input), size: 0, sha256: null });
  }
  return out;
}

async function fingerprintFolder(folder: string, signal: AbortSignal | undefined, limit: number) {
  const root = path.basename(folder);
  const listed: FileFingerprint[] = [];
  const rest = { files: 0, bytes: 0 };
  const walk = async (dir: string): Promise<void> => {
    const items = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    items.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const item of items) {
      signal?.throwIfAborted();
      const full = path.join(dir, item.name);
      if (item.isDirectory()) await walk(full);
      if (!item.isFile()) continue; // links are not followed, as the import does not follow them
      const size = (await fs.stat(full).catch(() => null))?.size ?? 0;
      if (listed.length >= limit) {
        rest.files += 1;
        rest.bytes += size;
        continue;
      }
      const name = [root, ...path.relative(folder, full).split(path.sep)].join('/');
      let sha256: string | null = null;
      try {
        sha256 = await sha256Of(full, signal);
      } catch (error) {
        if (signal?.aborted) throw error;
      }
      listed.push({ name, size, sha256 });
    }
  };
  await walk(folder);
  if (rest.files > 0) listed.push({ name: `${root}/`, size: rest.bytes, sha256: null, more: rest.files });
  return listed;
}
