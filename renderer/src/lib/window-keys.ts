// Keyboard shortcuts for the whole window: one listener for the component's life, always calling
// the latest handler (which reads the current state) without re-registering on every render.
import { useEffect, useRef } from 'react';

export function useWindowKeydown(handler: (e: KeyboardEvent) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const listener = (e: KeyboardEvent) => latest.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
