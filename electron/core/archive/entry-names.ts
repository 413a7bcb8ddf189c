// Entry names as written in archives: normalised for matching, and checked for names no real export uses.
import { message, type Message } from '../messages/index.ts';

/** NFC, forward slashes, no leading "./" or "/". Non-breaking spaces stay: importers fold them when matching. */
export function normaliseEntryPath(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '');
}

/**
 * Why an entry name is unsafe, or null. Earshot never writes entries by their names, but a name that
 * climbs out of its folder or hides a NUL byte is a sign of a crafted archive, and is reported.
 */
export function unsafeNameReason(raw: string): Message | null {
  if (raw.includes('\0')) return message('archive.skipNulName');
  const forward = raw.replace(/\\/g, '/');
  if (forward.startsWith('/') || /^[A-Za-z]:/.test(forward)) return message('archive.skipAbsoluteName');
  if (forward.split('/').includes('..')) return message('archive.skipClimbingName');
  return null;
}

/** Folds a name for comparison across locales and normalisations: NFC, lower case, plain spaces. */
export function foldName(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\u00a0\u202f\u2007]/g, ' ')
    .toLowerCase();
}
