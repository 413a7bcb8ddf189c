// Builds the app: the window with Vite, the main process and preload with esbuild (CommonJS, as
// Electron's sandboxed preload requires). Type checking is `npm run typecheck`, part of `npm test`.
import { build as vite } from 'vite';
import { build as esbuild } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * pdf.js (read in the import worker, electron/core/importers/amazon/pdf-text.ts) as its own minified
 * builds: the same code, half the size in the bundle.
 */
const pdfjsMinified = {
  name: 'pdfjs-minified',
  setup(build) {
    build.onResolve({ filter: /^pdfjs-dist\/legacy\/build\/pdf(\.worker)?\.mjs$/ }, (args) => ({
      path: path.join(root, 'node_modules', args.path.replace(/\.mjs$/, '.min.mjs')),
    }));
  },
};

export async function buildApp({ quiet = false } = {}) {
  await vite({ configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: false,
    logLevel: quiet ? 'warning' : 'info',
    absWorkingDir: root,
  };
  await esbuild({
    ...common,
    entryPoints: {
      main: 'electron/main.ts',
      'import-worker': 'electron/core/import/import-worker.ts',
      'analysis-worker': 'electron/core/analysis/analysis-worker.ts',
      'waveform-worker': 'electron/core/waveforms/waveform-worker.ts',
    },
    outdir: 'build',
    outExtension: { '.js': '.cjs' },
    // Native and wasm-carrying packages stay in node_modules, where electron-builder unpacks/rebuilds them.
    external: ['electron', 'better-sqlite3'],
    plugins: [pdfjsMinified],
  });
  // The sandboxed preload may require only 'electron': everything else is bundled in.
  await esbuild({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'build/preload.cjs',
    external: ['electron'],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildApp({ quiet: Boolean(process.env.EARSHOT_QUIET) });
}
