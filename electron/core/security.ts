// The app's security decisions, as plain functions so they are tested under Node; main.ts applies them.

/** The window is served from this scheme; recordings' audio from the second. */
export const appScheme = 'earshot';
export const audioScheme = 'earshot-audio';
export const appOrigin = `${appScheme}://app`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** True only for the app's own page. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${appScheme}:` && u.host === 'app';
  } catch {
    return false;
  }
}

/** Offline by construction: every request other than the app's own files and audio is blocked. */
export function isAllowedRequest(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === `${appScheme}:`) return u.host === 'app';
  if (u.protocol === `${audioScheme}:`) return u.host === 'recording';
  // Chromium's own internal pages (devtools in development) and in-memory data the page made itself.
  return u.protocol === 'devtools:' || u.protocol === 'data:' || u.protocol === 'blob:';
}

/** Only the microphone (for a voice sample), and only for the app's own page. */
export function isAllowedPermission(
  permission: string,
  requestingUrl: string,
  mediaTypes: readonly string[] = [],
): boolean {
  if (!isAppUrl(requestingUrl)) return false;
  if (permission !== 'media') return false;
  return mediaTypes.length > 0 && mediaTypes.every((t) => t === 'audio');
}

/** Help pages the app may open in the user's browser, after the user confirms. */
export const helpLinks: readonly string[] = [
  'https://www.amazon.com/gp/privacycentral/dsar/preview.html',
  'https://www.amazon.de/gp/privacycentral/dsar/preview.html',
  'https://takeout.google.com/',
  'https://myactivity.google.com/',
];

export function isHelpLink(url: string): boolean {
  return helpLinks.includes(url);
}

/**
 * IPC is trusted only from the window's main frame showing the app's own page: a frame inside it
 * (an embedded page, even one the app's CSP let through) must never reach the API. Electron gives
 * the sending frame; the main frame is the one without a parent, and the webContents' mainFrame.
 * A detached frame (one navigating away, still running its unload handlers) is refused too.
 */
export function isMainFrame(
  frame: { parent: unknown; detached?: boolean } | null | undefined,
  mainFrame: unknown,
): frame is { parent: null; detached?: false } {
  return frame != null && frame.parent === null && frame.detached !== true && frame === mainFrame;
}

/**
 * The Electron-ABI build of better-sqlite3 that `npm start` prepares, passed in the environment.
 * Only in development: a packaged app loads the module it ships, never a file an environment
 * variable points at (that would run any native code inside the app).
 */
export function nativeBindingOverride(env: Record<string, string | undefined>, packaged: boolean): string | undefined {
  return packaged ? undefined : env.EARSHOT_NATIVE_BINDING || undefined;
}

/** The View menu: zoom and full screen; reload and DevTools only in a development build. */
export function viewMenuRoles(packaged: boolean) {
  const always = ['resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen'] as const;
  const development = ['reload', 'forceReload', 'toggleDevTools', 'separator'] as const;
  return packaged ? [...always] : [...development, ...always];
}

/**
 * The window's web preferences: isolated, sandboxed, no Node, web security on. DevTools exist only
 * in a development build (`packaged` false); a packaged app cannot open them at all.
 */
export function secureWebPreferences(preload: string, { packaged = true }: { packaged?: boolean } = {}) {
  return {
    preload,
    devTools: !packaged,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  } as const;
}
