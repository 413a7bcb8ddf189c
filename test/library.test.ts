import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { LibraryError, moveLibraryAside, openLibrary } from '../electron/core/db/library.ts';
import { latestVersion } from '../electron/core/db/migrations.ts';
import { tempDir } from './helpers/zip.ts';

test('a new library is created private, in WAL mode, at the latest schema', () => {
  const file = path.join(tempDir(), 'nested', 'library.sqlite');
  const db = openLibrary(file);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('user_version', { simple: true }), latestVersion);
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  assert.equal(db.pragma('secure_delete', { simple: true }), 1);
  // No memory map: another connection's commits unmap it, which slowed the window's searches.
  assert.equal(db.pragma('mmap_size', { simple: true }), 0);
  db.prepare("INSERT INTO settings VALUES ('x', '1')").run();
  if (process.platform !== 'win32') {
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(statSync(path.dirname(file)).mode & 0o777, 0o700);
    assert.equal(statSync(`${file}-wal`).mode & 0o777, 0o600);
  }
  db.close();
  // Re-opening runs no migration twice and keeps the data.
  const again = openLibrary(file);
  assert.equal(again.prepare("SELECT value FROM settings WHERE key = 'x'").pluck().get(), '1');
  again.close();
  const window = openLibrary(file, { readonly: true });
  assert.equal(window.pragma('mmap_size', { simple: true }), 0);
  window.close();
});

test('the full-text index ignores accents and matches prefixes', () => {
  const db = openLibrary(':memory:');
  db.prepare(
    "INSERT INTO exports (kind, label, source_files, imported_at, report) VALUES ('google-takeout', 'x', '[]', 0, '{}')",
  ).run();
  db.prepare(
    "INSERT INTO recordings (export_id, key, source, transcript) VALUES (1, 'a', 'alexa', 'Spiel Musik von Café del Mar')",
  ).run();
  const match = (q: string) =>
    db.prepare('SELECT COUNT(*) FROM recordings_fts WHERE recordings_fts MATCH ?').pluck().get(q);
  assert.equal(match('cafe'), 1);
  assert.equal(match('"mus"*'), 1);
  db.close();
});

test('a damaged library is detected at start and never overwritten', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'library.sqlite');
  await fs.writeFile(file, Buffer.alloc(8192, 0x42));
  const before = await fs.readFile(file);
  assert.throws(
    () => openLibrary(file),
    (e: unknown) => e instanceof LibraryError && e.code === 'corrupt' && /damaged/.test(e.message),
  );
  assert.ok((await fs.readFile(file)).equals(before), 'the damaged file is untouched');
  const aside = moveLibraryAside(file, new Date('2026-01-01T00:00:00Z'));
  assert.match(path.basename(aside), /^library\.sqlite\.damaged-2026-01-01/);
  const fresh = openLibrary(file);
  assert.equal(fresh.pragma('user_version', { simple: true }), latestVersion);
  fresh.close();
});

test('a library with damaged pages inside is detected by the integrity check', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'library.sqlite');
  const db = openLibrary(file);
  db.prepare(
    "INSERT INTO exports (kind, label, source_files, imported_at, report) VALUES ('google-takeout', 'x', '[]', 0, '{}')",
  ).run();
  const insert = db.prepare("INSERT INTO recordings (export_id, key, source, transcript) VALUES (1, ?, 'alexa', ?)");
  for (let i = 0; i < 2000; i++) insert.run(`k${i}`, `transcript number ${i} `.repeat(5));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const bytes = await fs.readFile(file);
  // Scribble over whole pages in the middle of the file (not the header), as a failing disk might.
  bytes.fill(0x7f, 4096 * 10, 4096 * 30);
  await fs.writeFile(file, bytes);
  assert.throws(
    () => openLibrary(file),
    (e: unknown) => e instanceof LibraryError && e.code === 'corrupt',
  );
});

test('a read-only library gets a message that says what to check, and is left as it was', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'library.sqlite');
  const db = openLibrary(file);
  db.prepare("INSERT INTO settings VALUES ('kept', 'yes')").run();
  db.close();
  await fs.chmod(file, 0o400);
  const before = await fs.readFile(file);
  const script = `
    import { openLibrary } from ${JSON.stringify(path.resolve('electron/core/db/library.ts'))};
    try { openLibrary(${JSON.stringify(file)}); console.log('opened'); }
    catch (e) { console.log(e.code + ': ' + e.message); }`;
  // Root may write to read-only files, so the check runs as an unprivileged user where possible.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  if (process.getuid?.() === 0) {
    await fs.chmod(dir, 0o755);
    await fs.chown(file, 65534, 65534);
  }
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: path.resolve('.'),
    env: { ...process.env, HOME: dir },
    ...asUser,
  }).toString();
  assert.match(out, /^read-only: Earshot cannot write to its library/);
  assert.ok((await fs.readFile(file)).equals(before));
});
