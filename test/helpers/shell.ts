// Starts a built Earshot main process (build/main.cjs, or main.cjs from an unpacked app.asar) under
// plain Node with the stand-in Electron of fake-electron.cjs, drives it over Node's IPC channel, and
// checks what a user's first start depends on: ready, a hardened window, exactly the contract's
// channels, the window's page and an audio range through the app's protocols, an import through
// the real import worker, and a clean quit. `checkShell` throws an AssertionError naming what failed.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiMethods, channelPrefix } from '../../electron/core/api/methods.ts';
import { createEarshot } from '../../electron/core/app.ts';
import { runImport } from '../../electron/core/import/run-import.ts';
import { fakeImporter } from './fake-export.ts';
import { makeWav } from './wav.ts';
import { writeZip } from './zip.ts';

const fakeElectron = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fake-electron.cjs');

/** The IPC channels main.ts adds beside the contract's methods: what only Electron can do. */
export const desktopChannels = ['choose-export', 'save-selection', 'open-help-link'];

interface Reply {
  type: string;
  id?: number;
  ok?: boolean;
  value?: unknown;
  error?: string;
  code?: number;
  state?: FakeState;
  title?: string;
  content?: string;
  message?: string;
  detail?: string;
}

export interface FakeState {
  sandbox: boolean;
  singleInstanceLock: boolean;
  appEvents: { name: string; prevented: boolean }[];
  schemes: { scheme: string; privileges: Record<string, boolean> }[] | null;
  schemesBeforeReady: boolean | null;
  protocols: string[];
  channels: string[];
  windows: { options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>; loaded: string[] }[];
  menu: unknown[] | null;
  requestFilters: number;
  permissionHandlers: string[];
  dialogs: string[];
  errorBoxes: { title: string; content: string }[];
  exposed: Record<string, string[]>;
  devToolsOpened: number;
}

export interface FetchAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export class Shell {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  readonly stderr: string[] = [];
  readonly stdout: string[] = [];
  readonly reports: Reply[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readyWaiters: (() => void)[] = [];
  isReady = false;
  finalState: FakeState | null = null;

  constructor(readonly child: ChildProcess) {
    child.stderr?.on('data', (d: Buffer) => this.stderr.push(d.toString('utf8')));
    child.stdout?.on('data', (d: Buffer) => this.stdout.push(d.toString('utf8')));
    child.on('message', (m: Reply) => {
      this.reports.push(m);
      if (m.type === 'ready') {
        this.isReady = true;
        for (const w of this.readyWaiters) w();
      }
      if (m.type === 'exit') this.finalState = m.state ?? null;
      if (m.type === 'reply' && m.id != null) {
        const waiter = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (m.ok) waiter?.resolve(m.value);
        else waiter?.reject(new Error(m.error));
      }
    });
    this.exited = new Promise((resolve) =>
      child.on('exit', (code, signal) => {
        for (const w of this.waiting.values()) w.reject(new Error(`the app exited (${code ?? signal})`));
        this.waiting.clear();
        resolve({ code, signal });
      }),
    );
  }

  /** Everything the app wrote to stderr and the fake reported, for assertion messages. */
  get log(): string {
    const boxes = this.reports.filter((r) => r.type === 'error-box').map((r) => `error box: ${r.title}: ${r.content}`);
    return [...boxes, this.stderr.join('')].join('\n').slice(-4000);
  }

  ready(timeout = 20_000): Promise<void> {
    if (this.isReady) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the app did not reach ready in ${timeout} ms:\n${this.log}`)),
        timeout,
      );
      this.readyWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
      void this.exited.then(({ code }) => {
        clearTimeout(timer);
        reject(new Error(`the app exited (code ${code}) before it was ready:\n${this.log}`));
      });
    });
  }

  command<T>(command: string, params: Record<string, unknown> = {}, timeout = 20_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${command} got no answer in ${timeout} ms`)), timeout);
      this.waiting.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.child.send({ id, command, ...params });
    });
  }

  state(): Promise<FakeState> {
    return this.command('state');
  }

  async fetch(url: string, headers: Record<string, string> = {}): Promise<FetchAnswer> {
    const answer = await this.command<{ status: number; headers: Record<string, string>; body: string }>('fetch', {
      url,
      headers,
    });
    return { ...answer, body: Buffer.from(answer.body, 'base64') };
  }

  /** Calls an API method over the app's IPC as the window's main frame would (or another frame). */
  async call<T>(method: string, args: unknown, from: 'main' | 'child' | 'other' = 'main'): Promise<T> {
    const answer = await this.command<{ result?: T; error?: { message: string; code: string } }>('invoke', {
      channel: channelPrefix + method,
      args: [args],
      from,
    });
    if (answer.error) throw new Error(`${method}: ${answer.error.message} (${answer.error.code})`);
    return answer.result as T;
  }

  kill() {
    if (this.child.exitCode == null && this.child.signalCode == null) this.child.kill('SIGKILL');
  }
}

export interface ShellOptions {
  /** The main process bundle to run. */
  mainFile: string;
  /** Stands in for app.getPath('userData'). */
  userData: string;
  /** What app.isPackaged says. */
  packaged: boolean;
  env?: Record<string, string>;
}

export function startShell(options: ShellOptions): Shell {
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...options.env,
    FAKE_ELECTRON_USER_DATA: options.userData,
    FAKE_ELECTRON_PACKAGED: options.packaged ? '1' : '0',
  };
  // This process runs under node --test; the app must not think it is a test file.
  delete env.NODE_TEST_CONTEXT;
  delete env.NODE_OPTIONS;
  const child = spawn(process.execPath, ['--require', fakeElectron, options.mainFile], {
    cwd: path.dirname(options.mainFile),
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  return new Shell(child);
}

/** A library with one WAV recording, as an earlier run of the app would have left it. */
export async function seedLibrary(userData: string): Promise<{ libraryFile: string; wav: Buffer }> {
  await fs.mkdir(userData, { recursive: true });
  const libraryFile = path.join(userData, 'library.sqlite');
  const wav = makeWav(0.5, { frequency: 330 });
  const app = createEarshot({ libraryFile, resumeAnalysis: false });
  try {
    const file = await writeZip(path.join(userData, 'seed-export.zip'), {
      'recordings.json': JSON.stringify([
        { id: '1', time: '2024-03-01T10:00:00Z', text: 'alexa play jazz', device: 'Kitchen', audio: 'a.wav' },
      ]),
      'audio/a.wav': wav,
    });
    await runImport(app.db, [file], { importers: [fakeImporter()] });
    assert.equal(app.db.prepare('SELECT COUNT(*) FROM recordings').pluck().get(), 1, 'the seed recording is in');
  } finally {
    await app.close();
  }
  await fs.rm(path.join(userData, 'seed-export.zip'));
  return { libraryFile, wav };
}

/** A saved Alexa voice history with one recording, for an import through the app's import worker. */
async function writeVoiceHistory(dir: string, wav: Buffer): Promise<string> {
  const { pageJson, audioFileName, KITCHEN } = await import('../fixtures/alexa-history.ts');
  const record = {
    n: 1,
    time: Date.parse('2024-05-01T08:00:00Z'),
    device: KITCHEN,
    said: 'alexa wie spät ist es',
    answer: 'Es ist acht Uhr.',
    audio: 'wav' as const,
  };
  await fs.mkdir(dir, { recursive: true });
  await fs.writeFile(path.join(dir, 'customerHistoryRecords.json'), pageJson([record]));
  await fs.writeFile(path.join(dir, audioFileName(record)), wav);
  return dir;
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeout = 60_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value != null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface ShellReport {
  state: FakeState;
  indexBytes: number;
  audioRange: string;
  exitCode: number | null;
}

/**
 * The whole check against one built app: `appDir` holds build/main.cjs (and node_modules, or sits
 * where Node finds them). Throws on the first thing that is wrong.
 */
export async function checkShell(
  appDir: string,
  options: { packaged: boolean; scratch: string },
): Promise<ShellReport> {
  const mainFile = path.join(appDir, 'build', 'main.cjs');
  assert.ok(existsSync(mainFile), `${mainFile} exists`);
  const userData = path.join(options.scratch, 'user-data');
  const { libraryFile, wav } = await seedLibrary(userData);
  const shell = startShell({
    mainFile,
    userData,
    packaged: options.packaged,
    // The packaged app must ignore this; a development build would try to load it (and fail).
    env: options.packaged ? { EARSHOT_NATIVE_BINDING: path.join(options.scratch, 'no-such-binding.node') } : {},
  });
  try {
    await shell.ready();
    const state = await shell.state();
    assert.deepEqual(state.errorBoxes, [], 'no start-up error');
    assert.deepEqual(state.dialogs, [], 'no start-up dialog (a library that cannot be opened shows one)');

    // Hardening before ready, and the window.
    assert.equal(state.sandbox, true, 'app.enableSandbox() before ready');
    assert.equal(state.singleInstanceLock, true, 'one instance at a time');
    assert.equal(state.schemesBeforeReady, true, 'schemes registered before ready');
    assert.deepEqual(state.schemes?.map((s) => s.scheme).sort(), ['earshot', 'earshot-audio']);
    assert.deepEqual([...state.protocols].sort(), ['earshot', 'earshot-audio'], 'both protocols are served');
    assert.equal(state.requestFilters, 1, 'one request filter on the default session');
    assert.deepEqual(state.permissionHandlers.sort(), ['check', 'request']);
    assert.equal(state.windows.length, 1, 'one window');
    const [window] = state.windows;
    const prefs = window!.options.webPreferences ?? {};
    assert.deepEqual(
      {
        contextIsolation: prefs.contextIsolation,
        sandbox: prefs.sandbox,
        nodeIntegration: prefs.nodeIntegration,
        nodeIntegrationInWorker: prefs.nodeIntegrationInWorker,
        nodeIntegrationInSubFrames: prefs.nodeIntegrationInSubFrames,
        webSecurity: prefs.webSecurity,
        webviewTag: prefs.webviewTag,
        devTools: prefs.devTools,
      },
      {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        webviewTag: false,
        devTools: !options.packaged,
      },
      'the window’s hardened web preferences',
    );
    const preload = String(prefs.preload);
    assert.ok(path.isAbsolute(preload) && existsSync(preload), `the window’s preload exists: ${preload}`);
    assert.deepEqual(window!.loaded, ['earshot://app/index.html'], 'the window loads the app’s page');
    const menuText = JSON.stringify(state.menu);
    assert.equal(/toggleDevTools/i.test(menuText), !options.packaged, 'DevTools in the menu only unpackaged');
    assert.match(menuText, /"role":"help".*"label":"(Keyboard Shortcuts|Tastenkürzel)"/, 'Help → Keyboard Shortcuts');
    assert.equal((await shell.command<number>('openDevTools')) > 0, !options.packaged, 'DevTools open only unpackaged');

    // Exactly the contract's channels, plus the desktop's own three.
    const expected = [...apiMethods, ...desktopChannels].map((m) => channelPrefix + m).sort();
    assert.deepEqual([...state.channels].sort(), expected, 'exactly the contract’s IPC channels');

    // The preload exposes the bridge, and its calls reach the core.
    const exposed = await shell.command<Record<string, string[]>>('preload', { file: preload });
    // `on` is the one channel the core's pushed events (progress, what changed) arrive on.
    assert.deepEqual(exposed.earshot?.sort(), [
      'chooseExport',
      'invoke',
      'on',
      'onImportStarted',
      'onShowShortcuts',
      'openHelpLink',
      'pathForFile',
      'saveSelection',
    ]);
    const viaBridge = await shell.command<{ result?: { recordings: number } }>('bridge', {
      method: 'getOverview',
      args: {},
    });
    assert.equal(viaBridge.result?.recordings, 1, 'the preload’s call reaches the seeded library');

    // IPC from a frame inside the window, or from another page, is refused.
    for (const from of ['child', 'other'] as const) {
      const answer = await shell.command<{ error?: { code: string } }>('invoke', {
        channel: `${channelPrefix}deleteAllData`,
        args: [{ confirm: 'delete everything' }],
        from,
      });
      assert.equal(answer.error?.code, 'refused', `IPC from ${from} frame is refused`);
    }

    // Nothing from the network; the app's own page and audio only.
    for (const [url, cancel] of [
      ['earshot://app/index.html', false],
      ['earshot-audio://recording/1', false],
      ['https://example.com/', true],
      ['http://127.0.0.1:9/', true],
    ] as const) {
      const answer = await shell.command<{ cancel: boolean }>('filter', { url });
      assert.equal(answer.cancel, cancel, url);
    }

    // The window's page through the app scheme.
    const index = await shell.fetch('earshot://app/index.html');
    assert.equal(index.status, 200, `earshot://app/index.html is served (got ${index.status})`);
    assert.match(index.headers['content-type'] ?? '', /^text\/html/);
    assert.match(index.headers['content-security-policy'] ?? '', /default-src 'self'/);
    const scripts = [...index.body.toString('utf8').matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
    assert.ok(scripts.length > 0, 'the page names its script');
    for (const src of scripts) {
      const script = await shell.fetch(new URL(src, 'earshot://app/index.html').href);
      assert.equal(script.status, 200, `${src} is served`);
      assert.ok(script.body.length > 1000, `${src} is the window’s script`);
    }

    // An audio range of the seeded recording.
    const [row] = (await shell.call<{ rows: { id: number }[] }>('listRecordings', { limit: 5 })).rows;
    assert.ok(row, 'the seeded recording is listed');
    const range = await shell.fetch(`earshot-audio://recording/${row.id}`, { range: 'bytes=0-43' });
    assert.equal(range.status, 206, 'an audio range');
    assert.equal(range.headers['content-range'], `bytes 0-43/${wav.length}`);
    assert.equal(range.headers['content-type'], 'audio/wav');
    assert.equal(range.headers['x-content-type-options'], 'nosniff');
    assert.deepEqual(range.body, wav.subarray(0, 44), 'the recording’s own bytes');

    // An import through the bundle's import worker (its path inside the app must resolve).
    const history = await writeVoiceHistory(path.join(options.scratch, 'voice-history'), makeWav(0.4));
    const { jobId } = await shell.call<{ jobId: string }>('startImport', { paths: [history] });
    const finished = await until('the import to finish', async () => {
      const status = await shell.call<{ state: string; error: string | null }>('getImportStatus', { jobId });
      return ['running', 'queued', 'starting'].includes(status.state) ? null : status;
    });
    assert.equal(finished.state, 'done', `the import through the worker finished: ${finished.error ?? ''}`);
    const overview = await shell.call<{ recordings: number }>('getOverview', {});
    assert.equal(overview.recordings, 2, 'the imported recording joined the seeded one');

    // Quit as the user does: close the window; the app holds the quit until its library is closed.
    await shell.command('closeWindow');
    const exit = await Promise.race([
      shell.exited,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`the app did not quit within 30 s:\n${shell.log}`)), 30_000),
      ),
    ]);
    assert.equal(exit.code, 0, `the app exits 0 (got ${exit.code ?? exit.signal}):\n${shell.log}`);
    const events = (shell.finalState?.appEvents ?? []).map((e) => `${e.name}${e.prevented ? ' (held)' : ''}`);
    const quitEvents = events.filter((e) => !e.startsWith('ready'));
    assert.deepEqual(
      quitEvents,
      ['window-all-closed', 'before-quit', 'will-quit (held)', 'before-quit', 'will-quit', 'quit'],
      'window-all-closed → quit, held once while the library closes',
    );
    assert.equal(existsSync(`${libraryFile}-wal`), false, 'the library was closed cleanly (no WAL left)');
    assert.doesNotMatch(shell.stderr.join(''), /Error|Unhandled|Warning: /, 'nothing on stderr');
    return { state, indexBytes: index.body.length, audioRange: range.headers['content-range']!, exitCode: exit.code };
  } finally {
    shell.kill();
  }
}
