// The real built main process (build/main.cjs) started under plain Node with a stand-in Electron
// (test/helpers/fake-electron.cjs): it must reach ready, open its hardened window, register exactly
// the contract's channels, serve its page and an audio range, import through its worker and quit
// cleanly. A broken copy of the build (a file missing) must fail the same check. The packaged
// app.asar gets the same check in test/packaging.test.ts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkShell, startShell } from './helpers/shell.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let scratch: string;

/** The newest modification time of any file under `dir`. */
function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }, 0);
}

before(async () => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'earshot-shell-'));
  // The check is of the bundle: rebuild it when the main process's sources are newer.
  const bundle = path.join(root, 'build', 'main.cjs');
  const stale = !existsSync(bundle) || statSync(bundle).mtimeMs < newest(path.join(root, 'electron'));
  if (stale || !existsSync(path.join(root, 'build', 'renderer', 'index.html'))) {
    const { buildApp } = (await import(path.join(root, 'scripts', 'build.mjs'))) as {
      buildApp(o: { quiet: boolean }): Promise<void>;
    };
    await buildApp({ quiet: true });
  }
});
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the built app beside a link to node_modules, to break without touching build/. */
function copyOfBuild(name: string): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(root, 'build'), path.join(dir, 'build'), { recursive: true });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

test('build/main.cjs starts, serves its window and audio, and quits cleanly', { timeout: 120_000 }, async (t) => {
  const report = await checkShell(root, { packaged: false, scratch: mkdtempSync(path.join(scratch, 'dev-')) });
  t.diagnostic(`index.html ${report.indexBytes} bytes, audio ${report.audioRange}, exit ${report.exitCode}`);
});

test('the check notices a missing file in the build', { timeout: 120_000 }, async () => {
  const noPage = copyOfBuild('no-page');
  rmSync(path.join(noPage, 'build', 'renderer', 'index.html'));
  await assert.rejects(
    checkShell(noPage, { packaged: false, scratch: mkdtempSync(path.join(scratch, 'no-page-')) }),
    /earshot:\/\/app\/index\.html is served \(got 404\)/,
  );

  const noPreload = copyOfBuild('no-preload');
  rmSync(path.join(noPreload, 'build', 'preload.cjs'));
  await assert.rejects(
    checkShell(noPreload, { packaged: false, scratch: mkdtempSync(path.join(scratch, 'no-preload-')) }),
    /the window’s preload exists/,
  );

  const noWorker = copyOfBuild('no-worker');
  rmSync(path.join(noWorker, 'build', 'import-worker.cjs'));
  await assert.rejects(
    checkShell(noWorker, { packaged: false, scratch: mkdtempSync(path.join(scratch, 'no-worker-')) }),
    /the import through the worker finished/,
  );
});

test(
  'a development build honours EARSHOT_NATIVE_BINDING, so the packaged check proves it is ignored',
  { timeout: 60_000 },
  async () => {
    const userData = mkdtempSync(path.join(scratch, 'binding-'));
    const shell = startShell({
      mainFile: path.join(root, 'build', 'main.cjs'),
      userData,
      packaged: false,
      env: { EARSHOT_NATIVE_BINDING: path.join(userData, 'no-such-binding.node') },
    });
    try {
      const exit = await shell.exited;
      const said = shell.reports
        .filter((r) => r.type === 'dialog' || r.type === 'error-box')
        .map((r) => `${r.message ?? r.title}: ${r.detail ?? r.content}`);
      assert.equal(said.length, 1, `the app could not open its library and said so:\n${shell.log}`);
      assert.match(said[0]!, /cannot open your library.*no-such-binding\.node/s);
      assert.equal(exit.code, 0, 'and quit when the user chose to');
    } finally {
      shell.kill();
    }
  },
);
