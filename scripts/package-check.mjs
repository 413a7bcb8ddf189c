// `npm run package-check`: packs the app with electron-builder exactly as a release does (same
// config, `--dir` target, Linux x64), but with a stand-in Electron, since the real binary cannot be
// downloaded everywhere the tests run. Then it opens the result and reports what is inside:
// app.asar's files, what was unpacked beside it, the packaged package.json, the Electron fuse wire
// and the sizes. test/packaging.test.ts asserts on that report; run with --json to see it whole,
// and with --out DIR to keep the packed app (the test then starts it: see test/helpers/shell.ts).
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Where @electron/fuses looks for the fuse wire in an Electron binary (see its constants.js). */
export const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse order in wire version 1, as @electron/fuses' FuseV1Options numbers them. */
export const fuseNames = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
];
/** A stock Electron's fuse settings ('1' on, '0' off), so the check sees every one flipped. */
const stockFuses = '10110001';

/**
 * A stand-in for Electron's linux-x64 distribution: what electron-builder copies and renames (the
 * `electron` executable, the `resources/` folder, LICENSE files, `version`), with an executable
 * that carries a real fuse wire for electron-builder's @electron/fuses step to flip.
 */
export function makeStandInElectron(dir, electronVersion) {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  mkdirSync(path.join(dir, 'locales'), { recursive: true });
  const wire = Buffer.concat([
    Buffer.from(fuseSentinel, 'latin1'),
    Buffer.from([1, stockFuses.length]),
    Buffer.from(stockFuses, 'latin1'),
  ]);
  const script = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in Electron: packaging check only" >&2\nexit 1\n# fuse wire: ', 'latin1'),
    wire,
    Buffer.from('\n', 'latin1'),
  ]);
  writeFileSync(path.join(dir, 'electron'), script, { mode: 0o755 });
  writeFileSync(path.join(dir, 'chrome-sandbox'), '', { mode: 0o755 });
  writeFileSync(path.join(dir, 'LICENSE'), 'Stand-in for the Electron license.\n');
  writeFileSync(path.join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>Stand-in</title>\n');
  writeFileSync(path.join(dir, 'version'), `${electronVersion}\n`);
  writeFileSync(path.join(dir, 'locales', 'en-US.pak'), '');
  return dir;
}

/** The fuse wire after the sentinel: `{ version, fuses: { RunAsNode: '0', … } }`. */
export function readFuseWire(file) {
  const data = readFileSync(file);
  const at = data.indexOf(fuseSentinel, 0, 'latin1');
  if (at === -1) return null;
  const start = at + fuseSentinel.length;
  const length = data[start + 1] ?? 0;
  const fuses = {};
  for (let i = 0; i < length; i++) fuses[fuseNames[i] ?? `Fuse${i}`] = String.fromCharCode(data[start + 2 + i] ?? 0);
  return { version: data[start], fuses };
}

function sizeOf(target) {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(target).reduce((total, name) => total + sizeOf(path.join(target, name)), 0);
}

function filesUnder(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** Packs the app into `outDir` with the stand-in Electron and returns what is in the package. */
export async function checkPackage({
  outDir = mkdtempSync(path.join(os.tmpdir(), 'earshot-package-')),
  quiet = false,
} = {}) {
  if (
    !existsSync(path.join(root, 'build', 'main.cjs')) ||
    !existsSync(path.join(root, 'build', 'renderer', 'index.html'))
  ) {
    const { buildApp } = await import('./build.mjs');
    await buildApp({ quiet: true });
  }
  const electronVersion = require('electron/package.json').version;
  const electronDist = makeStandInElectron(path.join(outDir, 'electron-dist'), electronVersion);
  const config = require(path.join(root, 'electron-builder.config.cjs'));
  const { build, Platform, Arch, log } = require('electron-builder');
  // electron-builder's log goes to stderr (or nowhere), so stdout carries only the report.
  const logStream = log.stream;
  log.stream = quiet ? { write: () => true } : process.stderr;
  const started = Date.now();
  try {
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      publish: 'never',
      config: {
        ...config,
        electronDist,
        electronVersion,
        // The release rebuilds better-sqlite3 for Electron's ABI (npmRebuild: true), which needs
        // Electron's headers or prebuilt binaries from the internet; here the packaged .node is
        // node_modules' own build, which is what this check inspects anyway.
        npmRebuild: false,
        directories: { ...config.directories, output: path.join(outDir, 'dist') },
      },
    });
  } finally {
    log.stream = logStream;
  }
  const seconds = (Date.now() - started) / 1000;

  const appDir = path.join(outDir, 'dist', 'linux-unpacked');
  const resources = path.join(appDir, 'resources');
  const asarFile = path.join(resources, 'app.asar');
  const asar = require('@electron/asar');
  const asarEntries = asar
    .listPackage(asarFile, { isPack: false })
    .map((entry) => entry.split(path.sep).join('/').replace(/^\//, ''));
  const asarFiles = asarEntries.filter((entry) => !asar.statFile(asarFile, entry, false).files);
  const asarUnpackedEntries = asarFiles.filter((entry) => asar.statFile(asarFile, entry, false).unpacked);
  const unpackedFiles = filesUnder(path.join(resources, 'app.asar.unpacked'));
  const packagedManifest = JSON.parse(asar.extractFile(asarFile, 'package.json').toString('utf8'));
  const executable = path.join(appDir, config.linux.executableName);
  return {
    electronVersion,
    seconds,
    appDir,
    asarFile,
    asarFiles,
    asarUnpackedEntries,
    unpackedFiles,
    appDirFiles: filesUnder(appDir),
    packagedManifest,
    fuseWire: existsSync(executable) ? readFuseWire(executable) : null,
    sizes: {
      asar: statSync(asarFile).size,
      unpacked: sizeOf(path.join(resources, 'app.asar.unpacked')),
      appDir: sizeOf(appDir) - sizeOf(executable), // without the stand-in Electron's own files
    },
  };
}

export function describeSizes({ sizes }) {
  const mb = (n) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  return `app.asar ${mb(sizes.asar)}, app.asar.unpacked ${mb(sizes.unpacked)}, app folder without Electron ${mb(sizes.appDir)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const json = process.argv.includes('--json');
  // `--out DIR` packs into DIR and keeps it (the packaging test starts the packed app from there).
  const at = process.argv.indexOf('--out');
  const keep = at > 0 ? path.resolve(process.argv[at + 1] ?? '') : null;
  if (keep) mkdirSync(keep, { recursive: true });
  const outDir = keep ?? mkdtempSync(path.join(os.tmpdir(), 'earshot-package-'));
  try {
    const report = await checkPackage({ outDir });
    if (json) {
      process.stdout.write(`${JSON.stringify(report)}\n`);
    } else {
      console.log(`\nPacked in ${report.seconds.toFixed(1)} s with a stand-in Electron ${report.electronVersion}.`);
      const unpackedModules = [...new Set(report.unpackedFiles.map((f) => f.split('/').slice(0, 2).join('/')))];
      console.log(
        `In app.asar: ${report.asarFiles.length} files; unpacked beside it: ${report.unpackedFiles.length} files (${unpackedModules.join(', ') || 'none'})`,
      );
      console.log(`Fuses: ${JSON.stringify(report.fuseWire?.fuses)}`);
      console.log(describeSizes(report));
    }
  } finally {
    if (!keep) rmSync(outDir, { recursive: true, force: true });
  }
}
