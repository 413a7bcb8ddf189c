// Every key the window handles, declared once: the key handlers look keys up here and the shortcut
// sheet lists this table, so the sheet cannot forget a key or show one that no longer works.

export type ShortcutId =
  | 'playPause'
  | 'play'
  | 'seekBack'
  | 'seekForward'
  | 'seekBackLong'
  | 'seekForwardLong'
  | 'previous'
  | 'next'
  | 'slower'
  | 'faster'
  | 'normalSpeed'
  | 'selectAll'
  | 'delete'
  | 'markMine'
  | 'search'
  | 'clear'
  | 'openExport'
  | 'shortcuts';

export type ShortcutGroup = 'playback' | 'list' | 'search' | 'window';

/** One key press: `key` as KeyboardEvent.key; `mod` is Ctrl (Cmd on a Mac); `shift` unset = either. */
export interface KeyCombo {
  key: string;
  mod?: true;
  shift?: boolean;
}

export interface Shortcut {
  id: ShortcutId;
  group: ShortcutGroup;
  combos: readonly KeyCombo[];
  /** Also while the user types in a text field (only for keys that typing never needs). */
  whileTyping?: true;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'playPause', group: 'playback', combos: [{ key: ' ' }] },
  { id: 'play', group: 'playback', combos: [{ key: 'Enter' }] },
  { id: 'seekBack', group: 'playback', combos: [{ key: 'ArrowLeft', shift: false }] },
  { id: 'seekForward', group: 'playback', combos: [{ key: 'ArrowRight', shift: false }] },
  { id: 'seekBackLong', group: 'playback', combos: [{ key: 'ArrowLeft', shift: true }] },
  { id: 'seekForwardLong', group: 'playback', combos: [{ key: 'ArrowRight', shift: true }] },
  { id: 'slower', group: 'playback', combos: [{ key: '[' }] },
  { id: 'faster', group: 'playback', combos: [{ key: ']' }] },
  { id: 'normalSpeed', group: 'playback', combos: [{ key: '0' }] },
  { id: 'previous', group: 'list', combos: [{ key: 'ArrowUp' }, { key: 'k' }] },
  { id: 'next', group: 'list', combos: [{ key: 'ArrowDown' }, { key: 'j' }] },
  { id: 'selectAll', group: 'list', combos: [{ key: 'a', mod: true }] },
  { id: 'delete', group: 'list', combos: [{ key: 'Delete' }, { key: 'Backspace' }] },
  { id: 'markMine', group: 'list', combos: [{ key: 'm' }] },
  { id: 'search', group: 'search', combos: [{ key: '/' }, { key: 'f', mod: true }], whileTyping: true },
  { id: 'clear', group: 'search', combos: [{ key: 'Escape' }] },
  { id: 'openExport', group: 'window', combos: [{ key: 'o', mod: true }], whileTyping: true },
  { id: 'shortcuts', group: 'window', combos: [{ key: '?' }] },
];

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = ['playback', 'list', 'search', 'window'];

type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

export function matches(e: KeyPress, combo: KeyCombo): boolean {
  if (e.altKey || (e.ctrlKey || e.metaKey) !== (combo.mod ?? false)) return false;
  if (combo.shift != null && e.shiftKey !== combo.shift) return false;
  // Letters match in either case (Caps Lock, Shift); other keys exactly.
  return combo.key.length === 1 ? e.key.toLowerCase() === combo.key.toLowerCase() : e.key === combo.key;
}

/**
 * The shortcut a key press asks for, or null. While typing only the keys typing never needs count;
 * `/` then types a slash, so it is only a shortcut outside text fields.
 */
export function shortcutFor(e: KeyPress, typing: boolean): ShortcutId | null {
  for (const s of SHORTCUTS) {
    for (const combo of s.combos) {
      if (!matches(e, combo)) continue;
      if (typing && !(s.whileTyping && combo.mod)) continue;
      return s.id;
    }
  }
  return null;
}

/** Whether keys go to a text field (so letters, Space and arrows are the user's typing). */
export function isTyping(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'range', 'button'].includes(target.type);
  return false;
}

/** The names of the keys, as printed on the keyboard (the words come from the window's language). */
export type KeyWords = { space: string; enter: string; escape: string; delete: string; backspace: string };

const arrows: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };

export function keyLabel(combo: KeyCombo, words: KeyWords, mac: boolean): string[] {
  const named: Record<string, string> = {
    ' ': words.space,
    Enter: words.enter,
    Escape: words.escape,
    Delete: words.delete,
    Backspace: words.backspace,
  };
  const key = arrows[combo.key] ?? named[combo.key] ?? combo.key.toUpperCase();
  return [...(combo.mod ? [mac ? '⌘' : 'Ctrl'] : []), ...(combo.shift ? [mac ? '⇧' : 'Shift'] : []), key];
}
