// The app's security decisions: what may load, which permissions, which links, which files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  isAllowedPermission,
  isAllowedRequest,
  isAppUrl,
  isHelpLink,
  isMainFrame,
  nativeBindingOverride,
  secureWebPreferences,
  viewMenuRoles,
} from '../electron/core/security.ts';
import { createEarshot } from '../electron/core/app.ts';
import { runImport } from '../electron/core/import/run-import.ts';
import { fakeImporter } from './helpers/fake-export.ts';
import { makeWav } from './helpers/wav.ts';
import { writeZip } from './helpers/zip.ts';
import { contentSecurityPolicy, resolveInside, staticResponse } from '../electron/core/api/static-files.ts';
import { tempDir } from './helpers/zip.ts';

test('only the app’s own page and audio may load: nothing from the network', () => {
  assert.ok(isAllowedRequest('earshot://app/index.html'));
  assert.ok(isAllowedRequest('earshot-audio://recording/5'));
  for (const url of [
    'https://example.com/',
    'http://127.0.0.1:8080/',
    'ws://localhost/',
    'file:///etc/passwd',
    'earshot://evil/x',
    'ftp://x/',
  ]) {
    assert.equal(isAllowedRequest(url), false, url);
  }
  assert.ok(isAppUrl('earshot://app/index.html#/library'));
  assert.equal(isAppUrl('https://app/'), false);
});

test('only the microphone, only for the app’s page', () => {
  assert.ok(isAllowedPermission('media', 'earshot://app/index.html', ['audio']));
  assert.equal(isAllowedPermission('media', 'earshot://app/index.html', ['video']), false);
  assert.equal(isAllowedPermission('media', 'https://evil.example/', ['audio']), false);
  for (const p of ['geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
    assert.equal(isAllowedPermission(p, 'earshot://app/index.html'), false, p);
  }
});

test('external links are an allow-list of help pages', () => {
  assert.ok(isHelpLink('https://takeout.google.com/'));
  assert.equal(isHelpLink('https://takeout.google.com.evil.example/'), false);
  assert.equal(isHelpLink('javascript:alert(1)'), false);
});

test('the window’s files never leave their folder, and carry a strict CSP', async () => {
  const root = tempDir();
  await fs.writeFile(path.join(root, 'index.html'), '<!doctype html>');
  assert.equal(resolveInside(root, '/../secret'), null);
  assert.equal(resolveInside(root, '/%2e%2e/%2e%2e/etc/passwd'), null);
  assert.equal(resolveInside(root, '/a%00b'), null);
  assert.equal(resolveInside(root, '/'), path.join(root, 'index.html'));
  const ok = await staticResponse(root, new Request('earshot://app/'));
  assert.equal(ok.status, 200);
  assert.equal(ok.headers.get('content-security-policy'), contentSecurityPolicy);
  assert.equal((await staticResponse(root, new Request('earshot://app/%2e%2e/%2e%2e/etc/passwd'))).status, 404);
  assert.doesNotMatch(contentSecurityPolicy, /unsafe-inline|unsafe-eval|https?:/);
});

test('the window is isolated and sandboxed, with no Node integration', () => {
  const prefs = secureWebPreferences('/app/preload.cjs');
  assert.equal(prefs.contextIsolation, true);
  assert.equal(prefs.sandbox, true);
  assert.equal(prefs.nodeIntegration, false);
  assert.equal(prefs.nodeIntegrationInWorker, false);
  assert.equal(prefs.webSecurity, true);
  assert.equal(prefs.webviewTag, false);
});

test('DevTools only in a development build: not in the web preferences, not in the menu', () => {
  assert.equal(secureWebPreferences('/p.cjs', { packaged: true }).devTools, false);
  assert.equal(secureWebPreferences('/p.cjs').devTools, false, 'packaged unless told otherwise');
  assert.equal(secureWebPreferences('/p.cjs', { packaged: false }).devTools, true);
  const packaged: string[] = viewMenuRoles(true);
  assert.deepEqual(packaged, ['resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen']);
  for (const role of ['toggleDevTools', 'reload', 'forceReload']) assert.equal(packaged.includes(role), false, role);
  const development: string[] = viewMenuRoles(false);
  assert.ok(development.includes('toggleDevTools') && development.includes('reload'));
});

test('IPC is trusted only from the main frame, never from a frame inside it', () => {
  const main = { parent: null, url: 'earshot://app/index.html' };
  const child = { parent: main, url: 'earshot://app/index.html' };
  assert.equal(isMainFrame(main, main), true);
  assert.equal(isMainFrame(child, main), false, 'a sub-frame, even of the app’s own page');
  assert.equal(isMainFrame({ parent: null }, main), false, 'a main frame of another webContents');
  assert.equal(isMainFrame(null, main), false, 'a frame that is gone');
  const leaving = { parent: null, detached: true };
  assert.equal(isMainFrame(leaving, leaving), false, 'a main frame navigating away (detached)');
  assert.equal(isMainFrame(undefined, undefined), false);
});

test('the native module override is honoured only in a development build', () => {
  const env = { EARSHOT_NATIVE_BINDING: '/tmp/evil.node' };
  assert.equal(nativeBindingOverride(env, false), '/tmp/evil.node');
  assert.equal(nativeBindingOverride(env, true), undefined);
  assert.equal(nativeBindingOverride({ EARSHOT_NATIVE_BINDING: '' }, false), undefined);
  assert.equal(nativeBindingOverride({}, false), undefined);
});

test('audio is served with nosniff, in full and in ranges', async () => {
  const dir = tempDir();
  const app = createEarshot({ libraryFile: path.join(dir, 'library.sqlite'), resumeAnalysis: false });
  try {
    const file = await writeZip(path.join(dir, 'export.zip'), {
      'recordings.json': JSON.stringify([{ id: '1', time: '2024-03-01T10:00:00Z', text: 'hi', audio: 'a.wav' }]),
      'audio/a.wav': makeWav(0.2),
    });
    await runImport(app.db, [file], { importers: [fakeImporter()] });
    const id = app.db.prepare('SELECT id FROM recordings').pluck().get() as number;
    const url = `earshot-audio://recording/${id}`;
    const whole = app.serveAudio(new Request(url));
    const part = app.serveAudio(new Request(url, { headers: { range: 'bytes=0-9' } }));
    const beyond = app.serveAudio(new Request(url, { headers: { range: 'bytes=999999-' } }));
    assert.deepEqual([whole.status, part.status, beyond.status], [200, 206, 416]);
    for (const r of [whole, part, beyond]) assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  } finally {
    await app.close();
  }
});
