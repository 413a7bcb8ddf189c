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
  secureWebPreferences,
} from '../electron/core/security.ts';
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
