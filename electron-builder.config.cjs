// How Earshot is packaged into installers (electron-builder). Version, name and description come
// from package.json. `scripts/package-check.mjs` packs this same configuration with a stand-in
// Electron and checks what ends up inside, so a change here is tested by `npm test`.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file, as electron-builder loads it */

const fs = require('node:fs');
const path = require('node:path');

const root = __dirname;

/**
 * Modules the bundled main process still loads from node_modules at run time: the ones
 * scripts/build.mjs leaves external (apart from 'electron' itself). Everything else in
 * `dependencies` is bundled into build/*.cjs by esbuild, so shipping it again would only add weight.
 */
const runtimeModules = ['better-sqlite3'];
/** Dependencies that only matter when a module is installed or rebuilt, never when the app runs. */
const installOnlyModules = new Set(['prebuild-install']);

function readManifest(name) {
  return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8'));
}

/** Names of `names` and of everything they depend on, stopping at install-only tools. */
function dependencyClosure(names, stopAt = new Set()) {
  const seen = new Set();
  const queue = [...names];
  while (queue.length > 0) {
    const name = queue.pop();
    if (seen.has(name) || stopAt.has(name)) continue;
    seen.add(name);
    let manifest;
    try {
      manifest = readManifest(name);
    } catch {
      continue; // an optional dependency that is not installed on this platform
    }
    queue.push(...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {}));
  }
  return seen;
}

const productionModules = dependencyClosure(Object.keys(require('./package.json').dependencies ?? {}));
const shippedModules = dependencyClosure(runtimeModules, installOnlyModules);
const bundledModules = [...productionModules].filter((name) => !shippedModules.has(name)).sort();

/** @type {import('app-builder-lib').Configuration} */
const config = {
  appId: 'app.earshot.desktop',
  productName: 'Earshot',
  copyright: 'Copyright © Earshot contributors',
  // `build/` is where scripts/build.mjs writes the app, which is electron-builder's default folder
  // for installer resources (and it would exclude it from the package): point that elsewhere.
  directories: { output: 'dist', buildResources: 'build-resources' },

  // Only the built app and the native database module; no sources, tests, fixtures, source maps,
  // docs or dev dependencies. (electron-builder applies only the `!` patterns to node_modules.)
  files: [
    'build/**/*',
    'package.json',
    '!**/*.{map,ts,tsx,mts,cts,md,markdown}',
    '!**/{test,tests,__tests__,e2e,fixtures,docs,example,examples}{,/**/*}',
    ...bundledModules.map((name) => `!node_modules/${name}{,/**/*}`),
    // better-sqlite3 ships its C sources and build intermediates; the app needs lib/ and the .node.
    '!node_modules/better-sqlite3/{deps,src,binding.gyp}{,/**/*}',
    '!node_modules/better-sqlite3/build/{deps,Makefile,*.mk,*.Makefile,config.gypi}{,/**/*}',
    '!node_modules/better-sqlite3/build/Release/{obj,obj.target,.deps,test_extension.node,*.a}{,/**/*}',
  ],
  asar: true,
  // Native modules cannot be loaded from inside an asar archive.
  asarUnpack: ['**/*.node'],
  // better-sqlite3 is rebuilt for Electron's ABI (prebuilt binary when one exists, else compiled).
  npmRebuild: true,
  buildDependenciesFromSource: false,
  // No auto-update, no update feed: the app never looks for one.
  publish: null,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    // Verified by Electron on macOS and Windows; Linux has no asar integrity check yet.
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // The window is served from the app's own scheme, never file://.
    grantFileProtocolExtraPrivileges: false,
    // Unsigned arm64 builds (CI without a Developer ID) must be re-signed ad hoc after the
    // binary is edited or macOS refuses to start them; a real identity re-signs anyway.
    resetAdHocDarwinSignature: process.platform === 'darwin',
  },

  linux: {
    target: ['AppImage', 'deb'],
    executableName: 'earshot',
    icon: 'resources/icons/png',
    category: 'Utility',
    synopsis: 'See, hear and search what your voice assistant recorded',
    maintainer: 'Earshot contributors <maintainers@earshot.app>',
    vendor: 'Earshot contributors',
    desktop: { entry: { StartupWMClass: 'Earshot', Keywords: 'Alexa;Google Assistant;privacy;recordings;' } },
  },
  appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  deb: { artifactName: '${name}_${version}_${arch}.${ext}', priority: 'optional' },

  win: {
    // x64 only: Windows on Arm runs it emulated, and the hosted runner cannot test an arm64 build.
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'resources/icons/icon.ico',
  },
  nsis: {
    // Assisted installer that installs for the current user by default (no administrator
    // rights needed), into a folder the user may change.
    oneClick: false,
    perMachine: false,
    selectPerMachineByDefault: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    // The library is the user's data: uninstalling keeps it (README says how to delete it).
    deleteAppDataOnUninstall: false,
    artifactName: '${productName}-Setup-${version}-${arch}.${ext}',
  },

  mac: {
    // One dmg per architecture: better-sqlite3's native module differs per arch, and two
    // single-arch downloads are each half the size of a universal one.
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    icon: 'resources/icons/icon.icns',
    category: 'public.app-category.utilities',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build-resources/entitlements.mac.plist',
    entitlementsInherit: 'build-resources/entitlements.mac.plist',
    extendInfo: {
      NSMicrophoneUsageDescription:
        'Earshot records a short sample of your voice, kept on this Mac, to tell your recordings from other people’s.',
    },
  },
  dmg: { artifactName: '${productName}-${version}-${arch}.${ext}' },
};

module.exports = config;
