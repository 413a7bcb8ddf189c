// The private temporary folders of imports (nested ZIPs unpacked to disk): each names the process
// that owns it, so the next start removes those left behind by an import that was killed.
import { existsSync, promises as fs, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const PREFIX = 'earshot-import-';
const OWNER_FILE = 'owner.pid';
/** A folder without an owner file is from an older version, or is being created right now. */
const UNOWNED_GRACE_MS = 10 * 60 * 1000;

/** A new private folder for one import's temporary files, inside `root`. */
export async function createImportTemp(root: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(root, PREFIX));
  await fs.chmod(dir, 0o700);
  writeFileSync(path.join(dir, OWNER_FILE), String(process.pid), { mode: 0o600 });
  return dir;
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes import folders under `root` whose process is gone (a killed or crashed import), and
 * returns their names. Folders of imports still running, here or in another Earshot, are kept.
 */
export function removeLeftoverImportTemp(root: string, now = Date.now()): string[] {
  if (!existsSync(root)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(root)) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(root, name);
    try {
      const ownerFile = path.join(dir, OWNER_FILE);
      if (existsSync(ownerFile)) {
        const pid = Number(readFileSync(ownerFile, 'utf8').trim());
        if (pid === process.pid || isRunning(pid)) continue;
      } else if (now - statSync(dir).mtimeMs < UNOWNED_GRACE_MS) continue;
      rmSync(dir, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Not ours to fight over: whatever cannot be removed now is tried again next start.
    }
  }
  return removed;
}
