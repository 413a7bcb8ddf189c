// The window's only way to the app: the same typed API over Electron IPC (through the preload) or,
// in the test harness, over loopback HTTP. Nothing else in the renderer knows which one it is.
import type { ApiArgs, ApiFailure, ApiResults, EarshotApi } from '../../electron/core/api/contract.ts';
import { apiMethods, type ApiMethod } from '../../electron/core/api/methods.ts';
import type { EarshotBridge } from '../../electron/preload.ts';
import type { EarshotEvent } from '../../electron/core/api/events.ts';
import type { Message } from '../../electron/core/model.ts';
import { currentI18n } from './i18n/index.ts';

declare global {
  interface Window {
    earshot?: EarshotBridge;
  }
}

/** A failed call: `sentence`, when the core gave one, is worded in the window's language by errorText. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly sentence?: Message,
  ) {
    super(message);
  }
}

function unwrap<T>(answer: { result: unknown } | ApiFailure): T {
  if ('error' in answer) throw new ApiError(answer.error.message, answer.error.code, answer.error.sentence);
  return answer.result as T;
}

async function call<M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<ApiResults[M]> {
  const bridge = window.earshot;
  if (bridge) return unwrap(await (bridge.invoke(method, args) as Promise<{ result: unknown } | ApiFailure>));
  const response = await fetch(`/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(args ?? {}),
  });
  if (!response.ok) throw new ApiError(currentI18n().t('error.notResponding'), 'transport');
  return unwrap(await response.json());
}

export const api = Object.fromEntries(
  apiMethods.map((m) => [m, (args: unknown) => call(m, args as never)]),
) as unknown as EarshotApi;

/**
 * Hears what the core pushes (import and analysis progress, what changed), over IPC in the app or
 * server-sent events in the harness. Returns the function that stops listening.
 */
export function subscribe(listener: (event: EarshotEvent) => void): () => void {
  const bridge = window.earshot;
  if (bridge) return bridge.on(listener);
  const source = new EventSource('/events');
  source.onmessage = (message: MessageEvent<string>) => {
    try {
      listener(JSON.parse(message.data) as EarshotEvent);
    } catch {
      // A message the window cannot read is skipped; the next one still arrives.
    }
  };
  return () => source.close();
}

/** Where the player fetches a recording's audio: the app's own protocol, or the harness. */
export function audioUrl(recordingId: number): string {
  return window.earshot ? `earshot-audio://recording/${recordingId}` : `/audio/recording/${recordingId}`;
}

/** A dropped item: a File, or a folder's files with their paths relative to the dropped folder. */
export interface DroppedItem {
  file?: File;
  folder?: { name: string; files: { relativePath: string; file: File }[] };
}

/**
 * Turns what the user dropped or picked into paths the import can read. In Electron these are the
 * real paths on disk; in the harness the bytes are uploaded to a private folder first.
 */
export async function pathsForDrop(items: DroppedItem[]): Promise<string[]> {
  const bridge = window.earshot;
  if (bridge) {
    return items
      .flatMap((item) => {
        if (item.file) return [bridge.pathForFile(item.file)];
        const first = item.folder?.files[0];
        if (!first) return [];
        // The folder's own path: the first file's path minus its path inside the folder.
        const full = bridge.pathForFile(first.file);
        return [full.slice(0, full.length - first.relativePath.length - 1)];
      })
      .filter(Boolean);
  }
  const { batch } = (await (await fetch('/upload/batch', { method: 'POST' })).json()) as { batch: string };
  const paths = new Set<string>();
  const upload = async (relativePath: string, file: File) => {
    const url = `/upload?batch=${batch}&path=${encodeURIComponent(relativePath)}`;
    const response = await fetch(url, { method: 'PUT', body: file });
    if (!response.ok) throw new ApiError(currentI18n().t('error.uploadFailed', { file: file.name }), 'upload');
    paths.add(((await response.json()) as { path: string }).path);
  };
  for (const item of items) {
    if (item.file) await upload(item.file.name, item.file);
    for (const f of item.folder?.files ?? []) await upload(`${item.folder!.name}/${f.relativePath}`, f.file);
  }
  return [...paths];
}

/** Asks the system for an export to open. Resolves to null where only a file input can do it. */
export async function chooseExportPaths(): Promise<string[] | null> {
  return window.earshot ? window.earshot.chooseExport() : null;
}

/** Saves the recordings' audio and a CSV of their metadata as a ZIP the user keeps. */
export async function saveSelection(ids: number[]): Promise<void> {
  if (window.earshot) {
    await window.earshot.saveSelection(ids);
    return;
  }
  const response = await fetch('/export', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ids),
  });
  if (!response.ok) throw new ApiError(currentI18n().t('error.exportFailed'), 'export');
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = 'earshot-selection.zip';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
