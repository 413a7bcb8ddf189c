// Numbered scratch folders under one temporary root that is removed when the test file ends.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';

export function scratchFolders(prefix: string): (name?: string) => Promise<string> {
  const root = fs.mkdtemp(path.join(os.tmpdir(), prefix));
  after(async () => fs.rm(await root, { recursive: true, force: true }));
  let counter = 0;
  return async (name = 'x') => {
    const dir = path.join(await root, `${name}-${counter++}`);
    await fs.mkdir(dir, { recursive: true });
    return dir;
  };
}
