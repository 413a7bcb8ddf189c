// Listens to the core's pushed events for as long as the component is shown. The latest listener
// is used, so callers need not memoise it, and there is one subscription per component.
import { useEffect, useRef } from 'react';
import type { EarshotEvent } from '../../../electron/core/api/events.ts';
import { subscribe } from '../api.ts';

export function useEvents(listener: (event: EarshotEvent) => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => subscribe((e) => latest.current(e)), []);
}
