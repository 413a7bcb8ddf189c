// Exposes the one typed API to the window. Thin: it forwards only the contract's methods, on the
// app's own channel prefix, and adds the two things only Electron can do (file paths, the open dialog).
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { apiMethods, channelPrefix, eventChannel } from './core/api/methods.ts';
import type { EarshotEvent } from './core/api/events.ts';

const allowed = new Set<string>(apiMethods);

const bridge = {
  invoke(method: string, args: unknown): Promise<unknown> {
    if (!allowed.has(method)) return Promise.reject(new Error(`Unknown request ${method}`));
    return ipcRenderer.invoke(channelPrefix + method, args);
  },
  /** The path on disk of a dropped file or folder. */
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
  /** Shows the system's open dialog; resolves to the chosen paths (empty when cancelled). */
  chooseExport(): Promise<string[]> {
    return ipcRenderer.invoke(`${channelPrefix}choose-export`) as Promise<string[]>;
  },
  /** Every event the core pushes (import and analysis progress, what changed); returns the unsubscribe. */
  on(listener: (event: EarshotEvent) => void): () => void {
    const handler = (_event: unknown, payload: EarshotEvent) => listener(payload);
    ipcRenderer.on(eventChannel, handler);
    return () => ipcRenderer.removeListener(eventChannel, handler);
  },
  /** The app menu's "Open export…" started an import. */
  onImportStarted(listener: (jobId: string) => void): () => void {
    const handler = (_event: unknown, jobId: string) => listener(jobId);
    ipcRenderer.on(`${channelPrefix}import-started`, handler);
    return () => ipcRenderer.removeListener(`${channelPrefix}import-started`, handler);
  },
  /** The app menu's Help → Keyboard Shortcuts was chosen. */
  onShowShortcuts(listener: () => void): () => void {
    const handler = () => listener();
    ipcRenderer.on(`${channelPrefix}show-shortcuts`, handler);
    return () => ipcRenderer.removeListener(`${channelPrefix}show-shortcuts`, handler);
  },
  /** Asks where to save, then writes the selection's audio and a CSV as a ZIP. Resolves to false when cancelled. */
  saveSelection(ids: number[]): Promise<boolean> {
    return ipcRenderer.invoke(`${channelPrefix}save-selection`, ids) as Promise<boolean>;
  },
  openHelpLink(url: string): Promise<boolean> {
    return ipcRenderer.invoke(`${channelPrefix}open-help-link`, url) as Promise<boolean>;
  },
};

export type EarshotBridge = typeof bridge;

contextBridge.exposeInMainWorld('earshot', bridge);
