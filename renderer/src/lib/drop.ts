// Turns a drop (or a file picker's choice) into the DroppedItems the transport turns into paths.
// Folders are walked with webkitGetAsEntry; entries must be taken while the drop event is live.
import type { DroppedItem } from '../api.ts';

/** Call synchronously inside the drop handler; the returned promise may be awaited later. */
export function itemsFromDataTransfer(dt: DataTransfer): Promise<DroppedItem[]> {
  const pending: Promise<DroppedItem | null>[] = [];
  const items = dt.items ? Array.from(dt.items) : [];
  if (items.length) {
    for (const item of items) {
      if (item.kind !== 'file') continue;
      const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
      const file = item.getAsFile();
      if (entry?.isDirectory) pending.push(readFolder(entry as FileSystemDirectoryEntry));
      else if (file) pending.push(Promise.resolve({ file }));
    }
  } else {
    for (const file of Array.from(dt.files)) pending.push(Promise.resolve({ file }));
  }
  return Promise.all(pending).then((all) => all.filter((x): x is DroppedItem => x !== null));
}

async function readFolder(dir: FileSystemDirectoryEntry): Promise<DroppedItem | null> {
  const files: { relativePath: string; file: File }[] = [];
  async function walk(entry: FileSystemDirectoryEntry, prefix: string) {
    const reader = entry.createReader();
    // readEntries hands out a batch at a time; keep asking until it returns none.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      for (const child of batch) {
        const relativePath = prefix ? `${prefix}/${child.name}` : child.name;
        if (child.isDirectory) await walk(child as FileSystemDirectoryEntry, relativePath);
        else {
          const file = await new Promise<File>((resolve, reject) =>
            (child as FileSystemFileEntry).file(resolve, reject),
          );
          files.push({ relativePath, file });
        }
      }
    }
  }
  await walk(dir, '');
  return files.length ? { folder: { name: dir.name, files } } : null;
}

/** Files from an <input type=file>, with `webkitdirectory` giving one folder (or several). */
export function itemsFromFileList(list: FileList | File[]): DroppedItem[] {
  const loose: DroppedItem[] = [];
  const folders = new Map<string, { relativePath: string; file: File }[]>();
  for (const file of Array.from(list)) {
    const rel = file.webkitRelativePath;
    if (rel && rel.includes('/')) {
      const [top, ...rest] = rel.split('/');
      const bucket = folders.get(top!) ?? [];
      bucket.push({ relativePath: rest.join('/'), file });
      folders.set(top!, bucket);
    } else loose.push({ file });
  }
  return [...loose, ...[...folders].map(([name, files]) => ({ folder: { name, files } }))];
}

/** Whether a drag carries files (and not, say, selected text). */
export function dragHasFiles(event: DragEvent): boolean {
  return !!event.dataTransfer && Array.from(event.dataTransfer.types).includes('Files');
}
