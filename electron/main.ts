// Electron main process: lifecycle, the window, the menu and the security settings. Thin wiring
// only; everything the app does lives in core/ and is tested under Node.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
  type IpcMainInvokeEvent,
} from 'electron';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { SelectionIds } from './core/api/contract.ts';
import { dispatch } from './core/api/handlers.ts';
import { writeSelectionZip } from './core/export/selection-zip.ts';
import { apiMethods, channelPrefix, eventChannel } from './core/api/methods.ts';
import { staticResponse } from './core/api/static-files.ts';
import { createEarshot, type Earshot } from './core/app.ts';
import { LibraryError, moveLibraryAside } from './core/db/library.ts';
import { libraryFileName } from './core/paths.ts';
import { languageFor, render, sayIn, type CoreMessageKey } from './core/messages/index.ts';
import type { Params } from './core/messages/text.ts';
import { defaultSize, loadWindowState, saveWindowState, visibleBounds } from './core/window-state.ts';
import {
  appEntryUrl,
  appScheme,
  audioScheme,
  isAllowedPermission,
  isAllowedRequest,
  isAppUrl,
  isHelpLink,
  isMainFrame,
  nativeBindingOverride,
  secureWebPreferences,
  viewMenuRoles,
} from './core/security.ts';

/** Menus and system dialogs speak the system's language (the window has its own setting). */
const language = () => languageFor(app.getPreferredSystemLanguages());
const words = (key: CoreMessageKey, params?: Params) => sayIn(language(), key, params);

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: audioScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

const rendererDir = path.join(__dirname, 'renderer');
let earshot: Earshot | null = null;
let mainWindow: BrowserWindow | null = null;

function createWindow() {
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const saved = loadWindowState(stateFile);
  const bounds = visibleBounds(
    saved?.bounds,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  mainWindow = new BrowserWindow({
    ...defaultSize,
    ...(bounds ?? {}),
    minWidth: 760,
    minHeight: 480,
    title: 'Earshot',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs'), { packaged: app.isPackaged }),
  });
  mainWindow.once('ready-to-show', () => {
    if (saved?.maximized) mainWindow?.maximize();
    mainWindow?.show();
  });
  mainWindow.on('close', () => {
    if (mainWindow)
      saveWindowState(stateFile, { bounds: mainWindow.getNormalBounds(), maximized: mainWindow.isMaximized() });
  });
  mainWindow.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // devTools: false already keeps them shut in a packaged app; this closes them should anything open them.
  if (app.isPackaged) mainWindow.webContents.on('devtools-opened', () => mainWindow?.webContents.closeDevTools());
  mainWindow.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  void mainWindow.loadURL(appEntryUrl);
}

/** Every IPC call must come from the app's own page in the main frame (never from a frame inside it). */
function fromApp(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return isMainFrame(frame, event.sender.mainFrame) && isAppUrl(frame.url);
}

function openExportDialog(): Promise<string[]> {
  const options: Electron.OpenDialogOptions = {
    title: words('desktop.openTitle'),
    buttonLabel: words('desktop.openButton'),
    properties: ['openFile', 'openDirectory', 'multiSelections'],
    filters: [
      { name: words('desktop.filterExports'), extensions: ['zip', 'json', 'html'] },
      { name: words('desktop.filterAll'), extensions: ['*'] },
    ],
  };
  const shown = mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options);
  return shown.then((r) => (r.canceled ? [] : r.filePaths));
}

function menuItem(role: ReturnType<typeof viewMenuRoles>[number]): Electron.MenuItemConstructorOptions {
  return role === 'separator' ? { type: 'separator' } : { role };
}

function buildMenu() {
  const isMac = process.platform === 'darwin';
  const template: Electron.MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: words('desktop.menuFile'),
      submenu: [
        {
          label: words('desktop.menuOpenExport'),
          accelerator: 'CmdOrCtrl+O',
          click: async () => {
            const paths = await openExportDialog();
            if (paths.length && earshot && mainWindow) {
              mainWindow.webContents.send(`${channelPrefix}import-started`, earshot.imports.start(paths));
            }
          },
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    // The View menu's own items, not its stock ones: those carry DevTools and reload, which a packaged app leaves out.
    { role: 'viewMenu', submenu: viewMenuRoles(app.isPackaged).map(menuItem) },
    { role: 'windowMenu' },
    {
      role: 'help',
      label: words('desktop.menuHelp'),
      submenu: [
        {
          label: words('desktop.menuShortcuts'),
          // The window shows the sheet (its keys and words live there).
          click: () => mainWindow?.webContents.send(`${channelPrefix}show-shortcuts`),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Opens the library; a damaged one is never overwritten: the user chooses to move it aside or quit. */
function openLibraryOrRecover(libraryFile: string): Earshot | null {
  const nativeBinding = nativeBindingOverride(process.env, app.isPackaged);
  const importWorker = { script: path.join(__dirname, 'import-worker.cjs') };
  const analysisWorker = { script: path.join(__dirname, 'analysis-worker.cjs') };
  const waveformWorker = { script: path.join(__dirname, 'waveform-worker.cjs') };
  try {
    return createEarshot({ libraryFile, nativeBinding, importWorker, analysisWorker, waveformWorker });
  } catch (error) {
    if (!(error instanceof LibraryError)) throw error;
    const recoverable = error.code === 'corrupt';
    const choice = dialog.showMessageBoxSync({
      type: 'error',
      title: 'Earshot',
      message: words('desktop.libraryCannotOpen'),
      detail: render(error.sentence, language(), app.getLocale()),
      buttons: recoverable ? [words('desktop.startNewLibrary'), words('desktop.quit')] : [words('desktop.quit')],
      defaultId: recoverable ? 1 : 0,
      cancelId: recoverable ? 1 : 0,
    });
    if (!recoverable || choice !== 0) return null;
    const aside = moveLibraryAside(libraryFile);
    dialog.showMessageBoxSync({
      type: 'info',
      message: words('desktop.newLibraryStarted'),
      detail: words('desktop.damagedKept', { file: aside }),
    });
    return createEarshot({ libraryFile, nativeBinding, importWorker, analysisWorker, waveformWorker });
  }
}

app.on('second-instance', () => {
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
});

app.whenReady().then(
  () => {
    const ses = session.defaultSession;
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
    ses.setPermissionRequestHandler((webContents, permission, callback, details) => {
      const media = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
      callback(isAllowedPermission(permission, webContents.getURL(), media));
    });
    ses.setPermissionCheckHandler(
      (webContents, permission, origin) => permission === 'media' && isAppUrl(webContents?.getURL() ?? origin),
    );

    const core = openLibraryOrRecover(path.join(app.getPath('userData'), libraryFileName));
    if (!core) {
      app.quit();
      return;
    }
    earshot = core;
    protocol.handle(appScheme, (request) => staticResponse(rendererDir, request));
    protocol.handle(audioScheme, (request) => core.serveAudio(request));

    for (const method of apiMethods) {
      ipcMain.handle(channelPrefix + method, (event, args: unknown) =>
        fromApp(event) ? dispatch(core.handlers, method, args) : { error: { message: 'Refused', code: 'refused' } },
      );
    }
    // Everything the core pushes goes to the window on one channel; the preload hands it on.
    core.events.on((e) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(eventChannel, e);
    });
    ipcMain.handle(`${channelPrefix}choose-export`, (event) => (fromApp(event) ? openExportDialog() : []));
    ipcMain.handle(`${channelPrefix}save-selection`, async (event, ids: unknown) => {
      const parsed = SelectionIds.safeParse(ids);
      if (!fromApp(event) || !parsed.success || !mainWindow) return false;
      const { canceled, filePath } = await dialog.showSaveDialog(mainWindow, {
        title: words('desktop.saveTitle'),
        defaultPath: words('desktop.saveFileName'),
        filters: [{ name: words('desktop.zipArchive'), extensions: ['zip'] }],
      });
      if (canceled || !filePath) return false;
      await writeSelectionZip(core.db, parsed.data, createWriteStream(filePath, { mode: 0o600 }));
      return true;
    });
    ipcMain.handle(`${channelPrefix}open-help-link`, async (event, url: unknown) => {
      if (!fromApp(event) || typeof url !== 'string' || !isHelpLink(url) || !mainWindow) return false;
      const { response } = await dialog.showMessageBox(mainWindow, {
        type: 'question',
        buttons: [words('desktop.openInBrowser'), words('desktop.cancel')],
        defaultId: 0,
        cancelId: 1,
        message: words('desktop.openPageQuestion'),
        detail: url,
      });
      if (response !== 0) return false;
      await shell.openExternal(url);
      return true;
    });

    buildMenu();
    createWindow();
  },
  (error: unknown) => {
    dialog.showErrorBox(words('desktop.couldNotStart'), error instanceof Error ? error.message : String(error));
    app.quit();
  },
);

app.on('window-all-closed', () => app.quit());
// Electron does not wait for promises here: hold the quit until imports and analysis have stopped
// and the library is closed (its WAL checkpointed), then quit for real. A worker that will not stop
// must not keep the app open: after 10 s it quits anyway (an unfinished import never commits).
app.on('will-quit', (event) => {
  const core = earshot;
  if (!core) return;
  earshot = null;
  event.preventDefault();
  const closed = core.close().catch((error: unknown) => console.error('Closing the library failed:', error));
  const giveUp = new Promise((resolve) => setTimeout(resolve, 10_000).unref());
  void Promise.race([closed, giveUp]).then(() => app.quit());
});
