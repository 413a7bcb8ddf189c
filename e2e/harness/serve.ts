// `npm run harness -- [--db FILE] [--port N]`: the real UI in any Chromium, no Electron needed.
import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHarness } from './server.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string', default: '5174' } } });
const rendererDir = path.join(root, 'build', 'renderer');
if (!existsSync(path.join(rendererDir, 'index.html'))) {
  console.error('The window has not been built yet: run `npm run build` first.');
  process.exit(1);
}
const libraryFile = path.resolve(values.db ?? path.join(os.tmpdir(), 'earshot-harness', 'library.sqlite'));
const harness = await startHarness({ libraryFile, port: Number(values.port), rendererDir });
// The address carries this run's token: the harness answers nothing without it.
console.log(`Earshot harness: ${harness.url}  (library: ${libraryFile})`);
const stop = () => void harness.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
