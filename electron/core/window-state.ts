// Remembers the window's size and position between runs, and never restores it off-screen
// (a monitor may have been unplugged since).
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

const Bounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200),
  height: z.number().int().min(200),
});
const WindowState = z.object({ bounds: Bounds, maximized: z.boolean().default(false) });
export type Bounds = z.infer<typeof Bounds>;
export type WindowState = z.infer<typeof WindowState>;

export const defaultSize = { width: 1280, height: 820 };

export function loadWindowState(file: string): WindowState | null {
  try {
    const parsed = WindowState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  try {
    writeFileSync(file, JSON.stringify(state), { mode: 0o600 });
  } catch {
    // Losing the window position is not worth bothering the user about.
  }
}

/** The saved bounds if at least a usable part of the window is on one of today's screens. */
export function visibleBounds(saved: Bounds | undefined, workAreas: Bounds[]): Bounds | null {
  if (!saved) return null;
  const visible = workAreas.some((a) => {
    const w = Math.min(saved.x + saved.width, a.x + a.width) - Math.max(saved.x, a.x);
    const h = Math.min(saved.y + saved.height, a.y + a.height) - Math.max(saved.y, a.y);
    return w >= 100 && h >= 50;
  });
  return visible ? saved : null;
}
