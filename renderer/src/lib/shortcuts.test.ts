// The one key table: every key reaches one action, typing keeps its keys, and the sheet's labels.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { en } from '../i18n/en.ts';
import { de } from '../i18n/de.ts';
import { keyLabel, SHORTCUT_GROUPS, SHORTCUTS, shortcutFor } from './shortcuts.ts';

const press = (key: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

test('each key of the ux table reaches its action', () => {
  const cases: [ReturnType<typeof press>, string][] = [
    [press(' '), 'playPause'],
    [press('Enter'), 'play'],
    [press('ArrowLeft'), 'seekBack'],
    [press('ArrowLeft', { shift: true }), 'seekBackLong'],
    [press('ArrowRight'), 'seekForward'],
    [press('ArrowRight', { shift: true }), 'seekForwardLong'],
    [press('ArrowUp'), 'previous'],
    [press('k'), 'previous'],
    [press('K', { shift: true }), 'previous'],
    [press('ArrowDown'), 'next'],
    [press('j'), 'next'],
    [press('['), 'slower'],
    [press(']'), 'faster'],
    [press('0'), 'normalSpeed'],
    [press('/'), 'search'],
    [press('f', { ctrl: true }), 'search'],
    [press('f', { meta: true }), 'search'],
    [press('a', { ctrl: true }), 'selectAll'],
    [press('A', { meta: true, shift: true }), 'selectAll'],
    [press('Escape'), 'clear'],
    [press('Delete'), 'delete'],
    [press('Backspace'), 'delete'],
    [press('m'), 'markMine'],
    [press('o', { ctrl: true }), 'openExport'],
    [press('?', { shift: true }), 'shortcuts'],
  ];
  for (const [e, id] of cases) assert.equal(shortcutFor(e, false), id, JSON.stringify(e));
});

test('keys with a modifier they do not take, or Alt, are not shortcuts', () => {
  assert.equal(shortcutFor(press('j', { ctrl: true }), false), null);
  assert.equal(shortcutFor(press('a'), false), null);
  assert.equal(shortcutFor(press('f', { alt: true, ctrl: true }), false), null);
  assert.equal(shortcutFor(press(' ', { alt: true }), false), null);
  assert.equal(shortcutFor(press('x'), false), null);
});

test('while typing only Ctrl/Cmd+F and Ctrl/Cmd+O are shortcuts; letters, /, ?, Space and Ctrl+A are typing', () => {
  assert.equal(shortcutFor(press('f', { ctrl: true }), true), 'search');
  assert.equal(shortcutFor(press('o', { meta: true }), true), 'openExport');
  for (const e of [press('/'), press('?', { shift: true }), press('j'), press(' '), press('a', { ctrl: true })])
    assert.equal(shortcutFor(e, true), null, e.key);
  assert.equal(shortcutFor(press('Backspace'), true), null);
});

test('no key press is claimed by two shortcuts', () => {
  const seen = new Map<string, string>();
  for (const s of SHORTCUTS)
    for (const c of s.combos) {
      const k = `${c.mod ? 'mod+' : ''}${c.shift == null ? '' : c.shift ? 'shift+' : 'noshift+'}${c.key.toLowerCase()}`;
      assert.ok(!seen.has(k), `${k}: ${seen.get(k)} and ${s.id}`);
      seen.set(k, s.id);
    }
});

test('the sheet has words for every shortcut and group in English and German, and names keys as printed', () => {
  for (const s of SHORTCUTS) {
    assert.ok(`shortcuts.${s.id}` in en && `shortcuts.${s.id}` in de, s.id);
    assert.ok(SHORTCUT_GROUPS.includes(s.group));
  }
  const words = { space: 'Leertaste', enter: 'Eingabe', escape: 'Esc', delete: 'Entf', backspace: 'Rücktaste' };
  assert.deepEqual(keyLabel({ key: 'a', mod: true }, words, false), ['Ctrl', 'A']);
  assert.deepEqual(keyLabel({ key: 'a', mod: true }, words, true), ['⌘', 'A']);
  assert.deepEqual(keyLabel({ key: 'ArrowLeft', shift: true }, words, false), ['Shift', '←']);
  assert.deepEqual(keyLabel({ key: 'Delete' }, words, false), ['Entf']);
  assert.deepEqual(keyLabel({ key: ' ' }, words, false), ['Leertaste']);
});

test('every shortcut the table declares is handled by a key handler', () => {
  // The sheet lists the table; a table entry no handler acts on would promise a key that does nothing.
  const handlers = ['../components/Library.tsx', '../hooks/useKeyboard.ts']
    .map((f) => readFileSync(new URL(f, import.meta.url), 'utf8'))
    .join('\n');
  for (const s of SHORTCUTS) assert.match(handlers, new RegExp(`'${s.id}'`), s.id);
});
