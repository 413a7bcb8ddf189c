// The harness against a real browser's attacks: a page on another origin posting to the API
// (no-cors, text/plain, as any web page can), and DNS rebinding (a foreign name resolving to
// 127.0.0.1). Neither may do anything; the window opened from the printed address still works.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { dispatch } from '../../electron/core/api/handlers.ts';
import { browserSkipReason, launchChromium, startTestApp, type TestApp } from '../support/browser.ts';

let app: TestApp;
let browser: Browser;
let attacker: Server;
let attackerOrigin: string;

before(async () => {
  if (browserSkipReason) return;
  app = await startTestApp();
  // The rebinding attacker's name resolves to the harness's own address.
  browser = await launchChromium(['--host-resolver-rules=MAP evil.example 127.0.0.1']);
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>Some web page</title>');
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  const address = attacker.address();
  attackerOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
after(async () => {
  await browser?.close();
  await app?.close();
  await new Promise((r) => (attacker ? attacker.close(r) : r(undefined)));
});

test('a web page on another origin cannot make the harness do anything', { skip: browserSkipReason }, async () => {
  const api = app.harness.earshot.handlers;
  const saved = await dispatch(api, 'setProfile', { names: ['Dana Example'] });
  assert.ok('result' in saved, JSON.stringify(saved));
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(attackerOrigin);
  const target = app.harness.origin;
  const outcomes = await page.evaluate(async (origin) => {
    const body = JSON.stringify({ confirm: 'delete everything' });
    const tries = [
      // What any page may send without asking: a "simple" request, its answer unreadable.
      fetch(`${origin}/api/deleteAllData`, { method: 'POST', mode: 'no-cors', body }),
      fetch(`${origin}/api/deleteAllData`, {
        method: 'POST',
        mode: 'no-cors',
        body,
        headers: { 'Content-Type': 'text/plain' },
      }),
      // A JSON request needs a CORS preflight, which the harness never grants.
      fetch(`${origin}/api/deleteAllData`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } }),
    ];
    return Promise.all(
      tries.map((p) =>
        p.then(
          (r) => `${r.type} ${r.status}`,
          (e: Error) => `error ${e.name}`,
        ),
      ),
    );
  }, target);
  assert.equal(outcomes.length, 3, outcomes.join(', '));
  assert.match(outcomes[2]!, /^error/, 'the JSON request fails in the browser');
  assert.deepEqual((await api.getProfile({})).names, ['Dana Example'], 'the profile is still there');
  await context.close();
});

test('DNS rebinding: the harness refuses a page served under another name', { skip: browserSkipReason }, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const port = new URL(app.harness.origin).port;
  const rebound = await page.goto(`http://evil.example:${port}/?token=${app.harness.token}`);
  assert.equal(rebound?.status(), 403, 'even with the token, another name gets nothing');
  assert.match(await page.innerText('body'), /unknown host/);
  assert.deepEqual(await context.cookies(), [], 'and no cookie');
  // The printed address still opens the window.
  const own = await page.goto(app.harness.url);
  assert.equal(own?.status(), 200);
  await page.waitForSelector('body :is(main, [role=main], h1)');
  const cookies = await context.cookies(app.harness.origin);
  assert.deepEqual(
    cookies.map((c) => [c.name, c.httpOnly, c.sameSite]),
    [[`earshot-harness-${port}`, true, 'Strict']],
  );
  await context.close();
});
