// Launching the real Electron app with Playwright, where an Electron binary exists.
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication } from 'playwright-core';

const require = createRequire(import.meta.url);
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The Electron binary's path, or null where it could not be downloaded (as on these build machines).
 * Since Electron 42, `require('electron')` downloads a missing binary: look before requiring, so a
 * test run never reaches for the network.
 */
export function electronBinary(): string | null {
  try {
    const pkg = path.dirname(require.resolve('electron/package.json'));
    const pathFile = path.join(pkg, 'path.txt');
    if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
      if (!existsSync(pathFile)) return null;
      if (!existsSync(path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim()))) return null;
    }
    return require('electron') as string;
  } catch {
    return null;
  }
}

export const skipReason = electronBinary()
  ? false
  : 'no Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); runs where Electron is installed';

/** Starts Earshot with a fresh user-data folder so each spec begins at first run. */
export async function launchEarshot(): Promise<{ app: ElectronApplication; userData: string }> {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'earshot-electron-'));
  const app = await _electron.launch({
    executablePath: electronBinary()!,
    args: [root, `--user-data-dir=${userData}`],
    env: { ...process.env, EARSHOT_NATIVE_BINDING: process.env.EARSHOT_NATIVE_BINDING ?? '' },
  });
  return { app, userData };
}
