// The real app: first screen, the hardened window, and no network request ever attempted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchEarshot, skipReason } from './support.ts';

test(
  'Electron: opens the first screen with the recording count, hardened and offline',
  { skip: skipReason },
  async () => {
    const { app } = await launchEarshot();
    try {
      const window = await app.firstWindow();
      const requests: string[] = [];
      window.on('request', (r) => requests.push(r.url()));
      await window.getByTestId('recording-count').waitFor();
      assert.match(await window.getByTestId('recording-count').innerText(), /0/);
      // The page has no Node and sees only the bridge the preload exposes.
      const page = await window.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        bridge: Object.keys((globalThis as { earshot?: object }).earshot ?? {}).sort(),
      }));
      assert.equal(page.require, 'undefined');
      assert.equal(page.process, 'undefined');
      assert.ok(page.bridge.includes('invoke'));
      const external = requests.filter(
        (u) => !u.startsWith('earshot:') && !u.startsWith('earshot-audio:') && !u.startsWith('data:'),
      );
      assert.deepEqual(external, []);
    } finally {
      await app.close();
    }
  },
);
