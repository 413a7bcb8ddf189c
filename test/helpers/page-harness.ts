// The loopback harness over a fresh library and a stand-in page, for tests that talk to it over HTTP.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { startHarness, type Harness } from '../../e2e/harness/server.ts';
import { tempDir } from './zip.ts';

export interface PageHarness {
  harness: Harness;
  /** The scratch folder holding the library and the page; removed by close(). */
  dir: string;
  port: number;
  close(): Promise<void>;
}

export async function startPageHarness(prefix: string): Promise<PageHarness> {
  const dir = tempDir(prefix);
  const rendererDir = path.join(dir, 'renderer');
  await fs.mkdir(rendererDir);
  await fs.writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Earshot</title>');
  const harness = await startHarness({ libraryFile: path.join(dir, 'library.sqlite'), rendererDir });
  return {
    harness,
    dir,
    port: Number(new URL(harness.origin).port),
    async close() {
      await harness.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
