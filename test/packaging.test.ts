// Packaging: the installer configuration, the app icon, and what a packed Earshot really contains —
// packed here by electron-builder with a stand-in Electron (scripts/package-check.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'electron-builder';
import { checkShell } from './helpers/shell.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const config = require('../electron-builder.config.cjs') as Configuration;

interface PackageReport {
  asarFile: string;
  electronVersion: string;
  seconds: number;
  asarFiles: string[];
  unpackedFiles: string[];
  asarUnpackedEntries: string[];
  appDirFiles: string[];
  packagedManifest: Record<string, unknown>;
  fuseWire: { version: number; fuses: Record<string, string> } | null;
  sizes: { asar: number; unpacked: number; appDir: number };
}

test('installers: app id, name, targets for the three systems, no auto-update', () => {
  assert.equal(config.appId, 'app.earshot.desktop');
  assert.equal(config.productName, 'Earshot');
  assert.equal(config.publish, null, 'no update feed: the app never checks for updates');
  assert.equal(config.asar, true);
  assert.deepEqual(config.asarUnpack, ['**/*.node']);
  assert.equal(config.npmRebuild, true, 'native modules are rebuilt for Electron’s ABI');
  assert.equal(config.directories?.buildResources, 'build-resources', 'not build/, where the app itself is built');
  assert.deepEqual(config.linux?.target, ['AppImage', 'deb']);
  assert.ok(config.linux?.category && config.linux.synopsis && config.linux.maintainer);
  assert.deepEqual(config.win?.target, [{ target: 'nsis', arch: ['x64'] }]);
  assert.equal(config.nsis?.oneClick, false);
  assert.equal(config.nsis?.perMachine, false, 'installs for the current user, without administrator rights');
  assert.equal(config.nsis?.selectPerMachineByDefault, false);
  assert.equal(config.nsis?.allowToChangeInstallationDirectory, true);
  assert.deepEqual(config.mac?.target, [{ target: 'dmg', arch: ['x64', 'arm64'] }]);
  assert.equal(config.mac?.hardenedRuntime, true);
  assert.equal(config.mac?.category, 'public.app-category.utilities');
  assert.match(String(config.mac?.extendInfo?.NSMicrophoneUsageDescription), /voice/);
  const entitlements = readFileSync(path.join(root, String(config.mac?.entitlements)), 'utf8');
  const granted = [...entitlements.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((m) => m[1]).sort();
  assert.deepEqual(
    granted,
    ['com.apple.security.cs.allow-jit', 'com.apple.security.device.audio-input'],
    'only JIT and the microphone',
  );
});

test('Electron fuses: the packaged app cannot be turned into a Node runtime or debugged', () => {
  assert.deepEqual(config.electronFuses && { ...config.electronFuses, resetAdHocDarwinSignature: undefined }, {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
    resetAdHocDarwinSignature: undefined,
  });
});

function pngSize(file: string): number[] {
  const data = readFileSync(file);
  assert.equal(data.subarray(1, 4).toString('latin1'), 'PNG', file);
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

test('the app icon: every platform’s format, drawn from resources/icon.svg', () => {
  const icons = path.join(root, 'resources', 'icons');
  const stamp = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "import('./scripts/make-icons.mjs').then((m) => process.stdout.write(m.sourceStamp()))",
    ],
    { cwd: root, encoding: 'utf8' },
  );
  assert.equal(stamp.status, 0, stamp.stderr);
  assert.equal(
    readFileSync(path.join(icons, 'source.sha256'), 'utf8'),
    stamp.stdout,
    'icons are up to date: run npm run icons',
  );

  for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
    assert.deepEqual(pngSize(path.join(icons, 'png', `${size}x${size}.png`)), [size, size]);
  }
  const ico = readFileSync(path.join(icons, 'icon.ico'));
  assert.deepEqual([ico.readUInt16LE(0), ico.readUInt16LE(2)], [0, 1], 'an ICO file');
  const icoSizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256);
  assert.deepEqual(icoSizes, [16, 24, 32, 48, 64, 128, 256]);
  const icns = readFileSync(path.join(icons, 'icon.icns'));
  assert.equal(icns.subarray(0, 4).toString('latin1'), 'icns');
  assert.equal(icns.readUInt32BE(4), icns.length);
  const types: string[] = [];
  for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4))
    types.push(icns.subarray(at, at + 4).toString('latin1'));
  assert.deepEqual(types.sort(), ['ic07', 'ic08', 'ic09', 'ic10', 'ic11', 'ic12', 'ic13', 'ic14', 'icp4', 'icp5']);
  assert.ok(
    existsSync(path.join(root, String(config.win?.icon))) && existsSync(path.join(root, String(config.mac?.icon))),
  );
  assert.ok(readdirSync(path.join(root, String(config.linux?.icon))).length >= 9);
});

// ── The packed app ───────────────────────────────────────────────────────────────────────────────

let report: PackageReport;
/** The packed app stays here until the tests end, so the shell test can start it. */
const packDir = mkdtempSync(path.join(os.tmpdir(), 'earshot-packaging-test-'));
after(() => rmSync(packDir, { recursive: true, force: true }));

before(() => {
  const run = spawnSync(process.execPath, ['scripts/package-check.mjs', '--json', '--out', packDir], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(run.status, 0, `electron-builder --dir with a stand-in Electron failed:\n${run.stderr.slice(-4000)}`);
  report = JSON.parse(run.stdout) as PackageReport;
});

test('the packed app holds the built app and its package.json', () => {
  for (const file of [
    'build/main.cjs',
    'build/preload.cjs',
    'build/import-worker.cjs',
    'build/waveform-worker.cjs',
    'build/renderer/index.html',
    'package.json',
  ]) {
    assert.ok(report.asarFiles.includes(file), `app.asar has ${file}`);
  }
  assert.ok(
    report.asarFiles.some((f) => /^build\/renderer\/assets\/.+\.js$/.test(f)),
    'and the window’s script',
  );
  const packaged = report.packagedManifest;
  assert.equal(packaged.version, manifest.version, 'version from package.json');
  assert.equal(packaged.main, 'build/main.cjs');
  assert.equal(packaged.devDependencies, undefined);
  assert.equal(packaged.scripts, undefined);
  assert.equal(report.appDirFiles.includes('resources/default_app.asar'), false, 'no Electron default app');
  assert.ok(report.appDirFiles.includes('LICENSE.electron.txt'), 'Electron’s license ships with it');
});

test('nothing but production files: no sources, tests, fixtures, source maps or dev dependencies', () => {
  const everything = [...report.asarFiles, ...report.unpackedFiles];
  const offending = everything.filter(
    (f) =>
      /\.(ts|tsx|mts|cts|map)$/.test(f) ||
      /(^|\/)(test|tests|__tests__|e2e|fixtures|docs)\//.test(f) ||
      /^(electron|renderer|scripts|resources|\.ci|\.github)\//.test(f) ||
      /(^|\/)(README|CHANGELOG)(\.md)?$/i.test(f),
  );
  assert.deepEqual(offending, []);
  const modules = new Set(
    everything
      .filter((f) => f.startsWith('node_modules/'))
      .map((f) =>
        f
          .split('/')
          .slice(1, f.split('/')[1]!.startsWith('@') ? 3 : 2)
          .join('/'),
      ),
  );
  const devOnly = Object.keys(manifest.devDependencies).filter((name) => modules.has(name));
  assert.deepEqual(devOnly, [], 'no dev dependencies');
  for (const name of [
    'react',
    'vite',
    'electron',
    'typescript',
    'playwright-core',
    'eslint',
    'electron-builder',
    'esbuild',
  ]) {
    assert.equal(modules.has(name), false, name);
  }
  // esbuild bundles every dependency but better-sqlite3 into build/*.cjs; only that one ships again.
  assert.deepEqual([...modules].sort(), ['better-sqlite3', 'bindings', 'file-uri-to-path']);
  assert.equal(
    everything.some((f) => /better-sqlite3\/(deps|src)\/|\.(a|o|mk|gyp)$|test_extension/.test(f)),
    false,
    'no C sources or build leftovers',
  );
});

test('every module the bundle loads at run time is in the package', () => {
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'electron']);
  for (const bundle of ['build/main.cjs', 'build/import-worker.cjs', 'build/preload.cjs']) {
    const text = readFileSync(path.join(root, bundle), 'utf8');
    const required = new Set(
      [...text.matchAll(/\brequire\("([^"]+)"\)/g)]
        .map((m) => m[1]!)
        // pdf.js's polyfills build `Function('return require("' + name + '")')` for built-ins only: text, not a module name.
        .filter((name) => !builtins.has(name) && !/['+\s]/.test(name)),
    );
    for (const name of required) {
      assert.ok(
        report.asarFiles.includes(`node_modules/${name}/package.json`),
        `${bundle} requires ${name}, which is packaged`,
      );
    }
  }
  assert.ok(
    report.asarFiles.includes('node_modules/bindings/bindings.js'),
    'better-sqlite3 finds its .node through bindings',
  );
});

test('better-sqlite3’s native module is unpacked beside app.asar', () => {
  const native = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
  assert.ok(report.unpackedFiles.includes(native), 'in app.asar.unpacked');
  assert.ok(report.asarUnpackedEntries.includes(native), 'and marked unpacked in the archive');
  assert.ok(
    report.unpackedFiles.every((f) => f.startsWith('node_modules/better-sqlite3/')),
    'nothing else is unpacked',
  );
});

test('the packed Electron has its fuses flipped', () => {
  assert.ok(report.fuseWire, 'the executable carries a fuse wire');
  assert.deepEqual(report.fuseWire.fuses, {
    RunAsNode: '0',
    EnableCookieEncryption: '1',
    EnableNodeOptionsEnvironmentVariable: '0',
    EnableNodeCliInspectArguments: '0',
    EnableEmbeddedAsarIntegrityValidation: '1',
    OnlyLoadAppFromAsar: '1',
    LoadBrowserProcessSpecificV8Snapshot: '0',
    GrantFileProtocolExtraPrivileges: '0',
  });
});

test('package size', (t) => {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  const line = `package: app.asar ${mb(report.sizes.asar)}, app.asar.unpacked ${mb(report.sizes.unpacked)}, app without Electron ${mb(report.sizes.appDir)} (packed in ${report.seconds.toFixed(1)} s)`;
  t.diagnostic(line);
  assert.ok(report.sizes.asar > 0);
});

test(
  'the packed app.asar starts under a stand-in Electron: window, channels, page, audio, quit',
  { timeout: 180_000 },
  async (t) => {
    const asar = require('@electron/asar') as { extractAll(archive: string, dest: string): void };
    assert.ok(report.asarFile.startsWith(packDir) && existsSync(report.asarFile), 'the packed app.asar was kept');
    // Node cannot read an asar: unpack it (with app.asar.unpacked's native module) and start its
    // main.cjs, which then finds its page, preload, workers and node_modules inside the packed app only.
    const app = path.join(packDir, 'app');
    asar.extractAll(report.asarFile, app);
    assert.ok(existsSync(path.join(app, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')));
    assert.equal(existsSync(path.join(app, 'node_modules', 'electron')), false, 'no Electron package to fall back on');
    const shell = await checkShell(app, { packaged: true, scratch: mkdtempSync(path.join(packDir, 'shell-')) });
    t.diagnostic(`packaged: index.html ${shell.indexBytes} bytes, audio ${shell.audioRange}, exit ${shell.exitCode}`);
  },
);
