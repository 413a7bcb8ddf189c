// A stand-in for the `electron` module, so the real built main process (build/main.cjs, or the one
// inside app.asar) runs under plain Node: `node --require fake-electron.cjs main.cjs`. It resolves
// every `require('electron')` to itself, records what the app asks of Electron (window options,
// IPC channels, protocols, request filters, menus, dialogs, app events) and behaves like Electron
// where the app depends on it (ready, window-all-closed, the quit sequence with preventDefault,
// exit). The test drives it over Node's IPC channel: see test/helpers/shell.ts.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, loaded with node --require before the app */
'use strict';
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const { isMainThread } = require('node:worker_threads');

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? __filename : resolve.call(this, request, ...rest);
};

const state = {
  sandbox: false,
  singleInstanceLock: false,
  /** Every app event in order, and whether the app prevented it. */
  appEvents: [],
  schemes: null,
  schemesBeforeReady: null,
  protocols: [],
  channels: [],
  windows: [],
  menu: null,
  requestFilters: 0,
  permissionHandlers: [],
  dialogs: [],
  errorBoxes: [],
  sent: [],
  exposed: {},
  devToolsOpened: 0,
};

let ready = false;
let quitting = false;
const handlers = new Map();
const protocolHandlers = new Map();
const windows = [];
let beforeRequest = null;

function report(message) {
  if (process.connected) process.send(message);
}

function preventable() {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

/** What a value looks like as data: functions become '[function]', so menus and options survive IPC. */
function plain(value) {
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === 'function' ? '[function]' : v)));
}

class App extends EventEmitter {
  constructor() {
    super();
    this.isPackaged = process.env.FAKE_ELECTRON_PACKAGED === '1';
    this.readyPromise = new Promise((done) => {
      setImmediate(() => {
        ready = true;
        this.emit('ready', preventable(), {});
        done();
        // After the app's own ready handlers (a microtask later): the window should exist now.
        setTimeout(() => report({ type: 'ready' }), 0);
      });
    });
  }
  emit(name, ...args) {
    const entry = { name, prevented: false };
    state.appEvents.push(entry);
    const result = super.emit(name, ...args);
    entry.prevented = Boolean(args[0] && args[0].defaultPrevented);
    return result;
  }
  enableSandbox() {
    if (ready) throw new Error('app.enableSandbox() must be called before the app is ready');
    state.sandbox = true;
  }
  requestSingleInstanceLock() {
    state.singleInstanceLock = true;
    return true;
  }
  whenReady() {
    return this.readyPromise;
  }
  isReady() {
    return ready;
  }
  getPath(name) {
    if (name === 'userData' && process.env.FAKE_ELECTRON_USER_DATA) return process.env.FAKE_ELECTRON_USER_DATA;
    throw new Error(`fake electron: no path for ${name}`);
  }
  getPreferredSystemLanguages() {
    return ['en-US'];
  }
  getLocale() {
    return 'en-US';
  }
  getName() {
    return 'Earshot';
  }
  getVersion() {
    return '0.0.0';
  }
  /** Electron's quit: before-quit, close every window, will-quit, quit, exit; each can be held. */
  quit() {
    if (quitting) return;
    quitting = true;
    const before = preventable();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return void (quitting = false);
    for (const w of [...windows]) w.close();
    if (windows.some((w) => !w.destroyed)) return void (quitting = false);
    const will = preventable();
    this.emit('will-quit', will);
    if (will.defaultPrevented) return void (quitting = false);
    this.emit('quit', preventable(), 0);
    this.exit(0);
  }
  exit(code = 0) {
    report({ type: 'exit', code, state: plain(state) });
    // Let the last report leave before the process ends, as Electron's own exit would.
    setTimeout(() => process.exit(code), 50);
  }
}
const app = new App();

class WebContents extends EventEmitter {
  constructor(window) {
    super();
    this.window = window;
    this.url = '';
    const url = () => this.url;
    this.mainFrame = {
      parent: null,
      get url() {
        return url();
      },
    };
  }
  setWindowOpenHandler(handler) {
    this.openHandler = handler;
  }
  getURL() {
    return this.url;
  }
  send(channel, ...args) {
    state.sent.push({ channel, args: plain(args) });
  }
  openDevTools() {
    if (this.window.options.webPreferences && this.window.options.webPreferences.devTools === false) return;
    state.devToolsOpened++;
    this.emit('devtools-opened');
  }
  closeDevTools() {}
  isDestroyed() {
    return this.window.destroyed;
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options = {}) {
    super();
    if (!ready) throw new Error('Cannot create BrowserWindow before app is ready');
    this.options = options;
    this.destroyed = false;
    this.webContents = new WebContents(this);
    windows.push(this);
    state.windows.push({ options: plain(options), loaded: [] });
    this.record = state.windows[state.windows.length - 1];
  }
  static getAllWindows() {
    return windows.filter((w) => !w.destroyed);
  }
  loadURL(url) {
    this.webContents.url = url;
    this.record.loaded.push(url);
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  show() {
    this.record.shown = true;
  }
  maximize() {}
  isMaximized() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  getNormalBounds() {
    return { x: 0, y: 0, width: this.options.width ?? 800, height: this.options.height ?? 600 };
  }
  isDestroyed() {
    return this.destroyed;
  }
  close() {
    if (this.destroyed) return;
    const event = preventable();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.emit('closed');
    if (!quitting && windows.every((w) => w.destroyed)) app.emit('window-all-closed', preventable());
  }
}

const electron = {
  app,
  BrowserWindow,
  ipcMain: {
    handle(channel, handler) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
      state.channels.push(channel);
    },
    on() {
      throw new Error('fake electron: the app uses ipcMain.handle only');
    },
  },
  protocol: {
    registerSchemesAsPrivileged(schemes) {
      state.schemes = plain(schemes);
      state.schemesBeforeReady = !ready;
    },
    handle(scheme, handler) {
      if (!ready) throw new Error('protocol.handle before ready');
      protocolHandlers.set(scheme, handler);
      state.protocols.push(scheme);
    },
  },
  session: {
    defaultSession: {
      webRequest: {
        onBeforeRequest(filterOrListener, maybeListener) {
          beforeRequest = maybeListener ?? filterOrListener;
          state.requestFilters++;
        },
      },
      setPermissionRequestHandler(handler) {
        state.permissionHandlers.push('request');
        this.permissionRequest = handler;
      },
      setPermissionCheckHandler(handler) {
        state.permissionHandlers.push('check');
        this.permissionCheck = handler;
      },
    },
  },
  Menu: {
    buildFromTemplate(template) {
      return { template };
    },
    setApplicationMenu(menu) {
      state.menu = plain(menu.template);
    },
  },
  screen: {
    getAllDisplays() {
      return [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
    },
  },
  dialog: {
    showOpenDialog(...args) {
      state.dialogs.push('open');
      void args;
      return Promise.resolve({ canceled: true, filePaths: [] });
    },
    showSaveDialog() {
      state.dialogs.push('save');
      return Promise.resolve({ canceled: true });
    },
    showMessageBox() {
      state.dialogs.push('message');
      return Promise.resolve({ response: 1 });
    },
    showMessageBoxSync(...args) {
      const options = args[args.length - 1];
      state.dialogs.push(`message-sync: ${options.message} ${options.detail ?? ''}`);
      report({ type: 'dialog', message: options.message, detail: options.detail });
      return options.cancelId ?? 0;
    },
    showErrorBox(title, content) {
      state.errorBoxes.push({ title, content });
      report({ type: 'error-box', title, content });
    },
  },
  shell: {
    openExternal(url) {
      state.dialogs.push(`open-external ${url}`);
      return Promise.resolve();
    },
  },
  // For the preload, run in this process by the 'preload' command.
  contextBridge: {
    exposeInMainWorld(name, api) {
      state.exposed[name] = Object.keys(api);
      exposed[name] = api;
    },
  },
  ipcRenderer: {
    invoke(channel, ...args) {
      return invoke(channel, args, 'main');
    },
    on() {},
    removeListener() {},
  },
  webUtils: {
    getPathForFile(file) {
      return file.path ?? '';
    },
  },
};
const exposed = {};

/** An IPC call as Electron delivers it: from the window's main frame, from a frame inside it, or elsewhere. */
async function invoke(channel, args, from = 'main', url) {
  const handler = handlers.get(channel);
  if (!handler) throw new Error(`No handler registered for '${channel}'`);
  const window = windows[0];
  if (!window) throw new Error('no window');
  const contents = window.webContents;
  const senderFrame =
    from === 'main'
      ? contents.mainFrame
      : from === 'child'
        ? { parent: contents.mainFrame, url: url ?? contents.url }
        : { parent: null, url: url ?? contents.url };
  return handler({ sender: contents, senderFrame, processId: 1, frameId: 1 }, ...args);
}

async function fetchThrough(url, init) {
  const scheme = new URL(url).protocol.slice(0, -1);
  const handler = protocolHandlers.get(scheme);
  if (!handler) throw new Error(`no protocol handler for ${scheme}:`);
  const response = await handler(new Request(url, init));
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: Object.fromEntries(response.headers), body: body.toString('base64') };
}

const commands = {
  state: () => plain(state),
  fetch: ({ url, headers, method }) => fetchThrough(url, { headers, method }),
  invoke: ({ channel, args, from, url }) => invoke(channel, args ?? [], from, url),
  filter: ({ url }) =>
    new Promise((done) => {
      if (!beforeRequest) throw new Error('no request filter');
      beforeRequest({ url, method: 'GET', resourceType: 'other' }, (answer) => done(answer));
    }),
  preload: ({ file }) => {
    require(file);
    return plain(state.exposed);
  },
  bridge: ({ method, args }) => exposed.earshot.invoke(method, args),
  openDevTools: () => {
    windows[0].webContents.openDevTools();
    return state.devToolsOpened;
  },
  closeWindow: () => {
    windows[0].close();
    return true;
  },
};

if (isMainThread && process.send) {
  process.on('message', async (message) => {
    const command = commands[message.command];
    try {
      if (!command) throw new Error(`unknown command ${message.command}`);
      report({ type: 'reply', id: message.id, ok: true, value: await command(message) });
    } catch (error) {
      report({ type: 'reply', id: message.id, ok: false, error: String((error && error.stack) || error) });
    }
  });
  // The IPC channel keeps the process alive, as Electron's event loop does, until the app quits.
}

module.exports = electron;
