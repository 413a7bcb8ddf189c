// The window's own keys, whatever is shown: `?` (and Help → Keyboard Shortcuts in the app's menu)
// opens the shortcut sheet.
import { useCallback, useEffect, useState } from 'react';
import { isTyping, shortcutFor } from '../lib/shortcuts.ts';
import { useWindowKeydown } from '../lib/window-keys.ts';

export function useShortcutSheet() {
  const [open, setOpen] = useState(false);
  const show = useCallback(() => setOpen(true), []);
  useWindowKeydown((e) => {
    if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
    if (shortcutFor(e, isTyping(e.target)) !== 'shortcuts') return;
    e.preventDefault();
    setOpen(true);
  });
  // The menu item lives in the main process; the preload hands its click on.
  useEffect(() => window.earshot?.onShowShortcuts(show), [show]);
  return { open, show, close: useCallback(() => setOpen(false), []) };
}
