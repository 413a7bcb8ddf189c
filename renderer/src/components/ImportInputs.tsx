// The hidden file and folder pickers behind "Open export…" where no system dialog is available.
import type { RefObject } from 'react';
import type { DroppedItem } from '../api.ts';
import { itemsFromFileList } from '../lib/drop.ts';

export function ImportInputs({
  fileInput,
  folderInput,
  onItems,
}: {
  fileInput: RefObject<HTMLInputElement | null>;
  folderInput: RefObject<HTMLInputElement | null>;
  onItems(items: DroppedItem[]): void;
}) {
  const picked = (e: React.ChangeEvent<HTMLInputElement>) => {
    if (e.target.files?.length) onItems(itemsFromFileList(e.target.files));
    e.target.value = '';
  };
  return (
    <>
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        accept=".zip,.json,.html,.csv,.mp3,.wav,.opus,.ogg,application/zip"
        onChange={picked}
        data-testid="file-input"
      />
      <input
        ref={folderInput}
        type="file"
        hidden
        {...{ webkitdirectory: '', directory: '' }}
        onChange={picked}
        data-testid="folder-input"
      />
    </>
  );
}
