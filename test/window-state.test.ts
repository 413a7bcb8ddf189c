import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { loadWindowState, saveWindowState, visibleBounds } from '../electron/core/window-state.ts';
import { tempDir } from './helpers/zip.ts';

test('window size and position are remembered, and never restored off-screen', () => {
  const file = path.join(tempDir(), 'window-state.json');
  assert.equal(loadWindowState(file), null);
  saveWindowState(file, { bounds: { x: 100, y: 80, width: 1000, height: 700 }, maximized: true });
  const state = loadWindowState(file)!;
  assert.deepEqual(state, { bounds: { x: 100, y: 80, width: 1000, height: 700 }, maximized: true });
  const screen = { x: 0, y: 0, width: 1920, height: 1080 };
  assert.deepEqual(visibleBounds(state.bounds, [screen]), state.bounds);
  // The second monitor it was on is gone.
  assert.equal(visibleBounds({ x: 2500, y: 100, width: 800, height: 600 }, [screen]), null);
});
