// `npm start`: builds the app, makes sure better-sqlite3 has a build for Electron's ABI beside the
// Node one that tests use (so `npm start` and `npm test` both work, in any order, with no manual
// rebuild), then opens Earshot.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, copyFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    return require('electron');
  } catch (error) {
    console.error(
      'Electron is not installed on this machine (its binary could not be downloaded).\n' +
        'Run `npm install` on a machine with internet access, or use `npm run harness` to open the window in a browser.\n' +
        `(${error.message.split('\n')[0]})`,
    );
    process.exit(1);
  }
}

/** better-sqlite3 compiled for this Electron, kept in .cache so node_modules keeps the Node build. */
function electronNativeBinding(electronVersion) {
  const dir = path.join(root, '.cache', 'native', `electron-${electronVersion}-${process.platform}-${process.arch}`);
  const target = path.join(dir, 'better_sqlite3.node');
  if (existsSync(target)) return target;
  console.log(`Preparing the database module for Electron ${electronVersion} (once)…`);
  const work = path.join(dir, 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(root, 'node_modules', 'better-sqlite3'), work, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`),
  });
  const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
  const run = (cmd, args) =>
    spawnSync(cmd, args, { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;
  const ok =
    run(bin('prebuild-install'), ['--runtime=electron', `--target=${electronVersion}`, `--arch=${process.arch}`]) ||
    run(bin('node-gyp'), [
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
    ]);
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!ok || !existsSync(built)) {
    console.error(
      'The database module could not be prepared for Electron. Check your internet connection and try again.',
    );
    process.exit(1);
  }
  copyFileSync(built, target);
  rmSync(work, { recursive: true, force: true });
  return target;
}

const electron = electronBinary();
await buildApp({ quiet: true });
const version = require('electron/package.json').version;
const nativeBinding = electronNativeBinding(version);
const child = spawn(electron, [root, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, EARSHOT_NATIVE_BINDING: nativeBinding },
});
child.on('exit', (code) => process.exit(code ?? 0));
