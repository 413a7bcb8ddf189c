// Where Earshot keeps its data: the OS user-data folder, as Electron's app.getPath('userData') names it.
import os from 'node:os';
import path from 'node:path';

export const appFolderName = 'Earshot';
export const libraryFileName = 'library.sqlite';

export function userDataDir(): string {
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), appFolderName);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', appFolderName);
    default:
      return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), appFolderName);
  }
}

export function defaultLibraryFile(): string {
  return path.join(userDataDir(), libraryFileName);
}
