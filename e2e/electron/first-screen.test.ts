// The real app: first screen, the hardened window, and no network request ever attempted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchEarshot, skipReason } from './support.ts';

test('Electron: opens the first screen with the recording count, hardened and offline', { skip: skipReason }, async () => {
  const { app } = await launchEarshot();
  try {
    const window = await app.firstWindow();
    const requests: string[] = [];
    window.on('request', (r) => requests.push(r.url()));
    await window.getByTestId('recording-count').waitFor();
    assert.match(await window.getByTestId('recording-count').innerText(), /0/);
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows()[0]!;
      const p = w.webContents.getLastWebPreferences()!;
      return { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity };
    });
    assert.deepEqual(prefs, { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    assert.equal(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require), 'undefined');
    const external = requests.filter((u) => !u.startsWith('earshot:') && !u.startsWith('earshot-audio:') && !u.startsWith('data:'));
    assert.deepEqual(external, []);
  } finally {
    await app.close();
  }
});
