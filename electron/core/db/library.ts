// Opens the library database: private file permissions, WAL, migrations, and an integrity check
// so that a damaged library is reported to the user, never silently overwritten.
import Database from 'better-sqlite3';
import { accessSync, chmodSync, closeSync, constants, existsSync, mkdirSync, openSync, renameSync } from 'node:fs';
import path from 'node:path';
import { english, message, type Message } from '../messages/index.ts';
import { latestVersion, migrations } from './migrations.ts';

export type Db = Database.Database;

/** Why the library cannot be used: `sentence` as a catalogue message (the window, dialogs), `message` in English. */
export class LibraryError extends Error {
  constructor(
    readonly sentence: Message,
    readonly code: 'corrupt' | 'read-only' | 'too-new' | 'cannot-open',
  ) {
    super(english(sentence));
    this.name = 'LibraryError';
  }
}

export interface OpenOptions {
  readonly?: boolean;
  /** Path of the Electron-ABI build of better-sqlite3, when running inside Electron. */
  nativeBinding?: string;
  /** Skip the full integrity check (used by short-lived connections after the app has checked once). */
  skipCheck?: boolean;
}

/** Opens (creating if needed) the library at `file`, brought up to the latest schema. */
export function openLibrary(file: string, options: OpenOptions = {}): Db {
  const isNew = file !== ':memory:' && !existsSync(file);
  if (isNew) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // Create the file ourselves so it is readable by the user only from the first byte.
    closeSync(openSync(file, 'wx', 0o600));
  }
  if (!isNew && !options.readonly && file !== ':memory:') assertWritable(file);
  let db: Db;
  try {
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: !isNew && file !== ':memory:',
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw describeOpenError(file, error as Error);
  }
  try {
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    // Deleted recordings are overwritten with zeros, not left readable in free pages.
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    // No memory map (SQLite's default): every commit of another connection unmaps it and each page
    // read through it looks in the write-ahead log first, so while waveforms were being stored the
    // window's searches were slower with it (p95 14.0 / 16.5 ms against 10.8 / 14.9 without, in two
    // pairs of runs at 100,000), and after them too (9.1 / 11.4 against 6.9 / 10.2); cold and warm
    // searches of a quiet library were the same or faster without it.
    if (!isNew && !options.skipCheck) checkIntegrity(db, file);
    if (!options.readonly) migrate(db);
    if (file !== ':memory:') privateFiles(file);
  } catch (error) {
    db.close();
    if (error instanceof LibraryError) throw error;
    throw describeOpenError(file, error as Error);
  }
  return db;
}

/** The file and its folder (where SQLite keeps its journal) must be writable, or nothing can be saved. */
function assertWritable(file: string) {
  for (const target of [file, path.dirname(file)]) {
    try {
      accessSync(target, constants.W_OK);
    } catch {
      throw new LibraryError(readOnlyMessage(file), 'read-only');
    }
  }
}

export function readOnlyMessage(file: string): Message {
  return message('library.readOnly', { file });
}

function checkIntegrity(db: Db, file: string) {
  const rows = db.pragma('quick_check(5)') as { quick_check: string }[];
  if (rows.length !== 1 || rows[0]!.quick_check !== 'ok') {
    throw new LibraryError(message('library.damaged', { file }), 'corrupt');
  }
}

function describeOpenError(file: string, error: Error): LibraryError {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /not a database|malformed/i.test(error.message)) {
    return new LibraryError(message('library.notALibrary', { file }), 'corrupt');
  }
  if (
    code === 'SQLITE_READONLY' ||
    code === 'SQLITE_CANTOPEN' ||
    /readonly|read-only|EACCES|EROFS/i.test(error.message)
  ) {
    return new LibraryError(readOnlyMessage(file), 'read-only');
  }
  return new LibraryError(message('library.cannotOpen', { file, detail: error.message }), 'cannot-open');
}

function migrate(db: Db) {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latestVersion) {
    throw new LibraryError(message('library.tooNew'), 'too-new');
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.run?.(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/** The database and its WAL side files are readable by the user only. */
function privateFiles(file: string) {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if (existsSync(f)) chmodSync(f, 0o600);
    } catch {
      // Not fatal: on some file systems (FAT, network shares) modes cannot be set.
    }
  }
}

/**
 * Moves a damaged library (and its WAL files) aside under a dated name, so a new one can be
 * started without destroying the old: the user may still want it recovered.
 */
export function moveLibraryAside(file: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const aside = `${file}.damaged-${stamp}`;
  renameSync(file, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  return aside;
}
