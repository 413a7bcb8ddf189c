// The loopback harness answers only its own page: wrong Host (DNS rebinding), foreign Origin,
// cross-site fetches, non-JSON API bodies and requests without this run's token are refused, and
// uploads stay inside their batch. Requests go through node:http so every header can be forged.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { uploadTarget, type Harness } from '../e2e/harness/server.ts';
import { startPageHarness, type PageHarness } from './helpers/page-harness.ts';

let harness: Harness;
let port: number;

let started: PageHarness;
before(async () => {
  started = await startPageHarness('earshot-harness-test-');
  ({ harness, port } = started);
});
after(() => started.close());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One raw HTTP request to the harness; `headers` replace the defaults (Host, token) when given. */
function send(
  method: string,
  target: string,
  headers: Record<string, string | undefined> = {},
  body?: string | Buffer,
): Promise<Answer> {
  const all: Record<string, string> = { host: `127.0.0.1:${port}`, 'x-earshot-token': harness.token };
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined) delete all[key];
    else all[key] = value;
  }
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: target, headers: all }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = { 'content-type': 'application/json' };
const overview = (headers: Record<string, string | undefined> = {}, body = '{}') =>
  send('POST', '/api/getOverview', { ...json, ...headers }, body);

test('the accepted path: own Host, own Origin, the token, a JSON body', async () => {
  const ok = await overview({ origin: harness.origin, 'sec-fetch-site': 'same-origin' });
  assert.equal(ok.status, 200, ok.body);
  assert.ok('result' in (JSON.parse(ok.body) as object), ok.body);
  assert.match(harness.url, new RegExp(`^http://127\\.0\\.0\\.1:${port}/\\?token=[A-Za-z0-9_-]{32}$`));
  assert.equal(harness.url.split('token=')[1], harness.token);
  // A request typed into the address bar (no Origin, Sec-Fetch-Site: none) is fine too.
  assert.equal((await overview({ 'sec-fetch-site': 'none' })).status, 200);
});

test('the page loads with the token in its address and then works by its cookie', async () => {
  const page = await send('GET', `/?token=${harness.token}`, { 'x-earshot-token': undefined });
  assert.equal(page.status, 200, page.body);
  assert.match(page.body, /<title>Earshot<\/title>/);
  const setCookie = String(page.headers['set-cookie'] ?? '');
  assert.match(setCookie, new RegExp(`^earshot-harness-${port}=${harness.token};`));
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Strict/);
  const cookie = setCookie.split(';')[0]!;
  const api = await overview({ 'x-earshot-token': undefined, cookie });
  assert.equal(api.status, 200, 'API calls carry the cookie');
  const audio = await send('GET', '/audio/recording/1', { 'x-earshot-token': undefined, cookie });
  assert.equal(audio.status, 404, 'audio requests pass the check (no such recording)');
  // The address's token is for page loads only, never for API calls.
  const viaQuery = await send('POST', `/api/getOverview?token=${harness.token}`, {
    ...json,
    'x-earshot-token': undefined,
  });
  assert.equal(viaQuery.status, 403);
});

test('a wrong Host is refused: DNS rebinding and other names', async () => {
  for (const host of [
    `evil.example:${port}`,
    `localhost:${port}`,
    '127.0.0.1',
    `127.0.0.1:${port + 1}`,
    `[::1]:${port}`,
  ]) {
    const answer = await overview({ host });
    assert.equal(answer.status, 403, host);
    assert.match(answer.body, /unknown host/);
  }
  const page = await send('GET', `/?token=${harness.token}`, { host: `evil.example:${port}` });
  assert.equal(page.status, 403, 'the page too');
  assert.equal(page.headers['set-cookie'], undefined, 'and no cookie is handed out');
});

test('a foreign Origin is refused', async () => {
  for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${port + 1}`, `http://localhost:${port}`]) {
    const answer = await overview({ origin });
    assert.equal(answer.status, 403, origin);
    assert.match(answer.body, /foreign origin/);
  }
});

test('cross-site and same-site fetches are refused by their fetch metadata', async () => {
  for (const site of ['cross-site', 'same-site']) {
    const answer = await overview({ 'sec-fetch-site': site });
    assert.equal(answer.status, 403, site);
    assert.match(answer.body, /cross-site/);
  }
});

test('API calls without a JSON body are refused, so a plain form or no-cors fetch cannot send one', async () => {
  for (const type of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    undefined,
  ]) {
    const answer = await overview({ 'content-type': type });
    assert.equal(answer.status, 403, String(type));
    assert.match(answer.body, /not a JSON body/);
  }
  const exported = await send('POST', '/export', { 'content-type': 'text/plain' }, '[1]');
  assert.equal(exported.status, 403, 'the selection export too');
  assert.equal((await overview({ 'content-type': 'application/json; charset=utf-8' })).status, 200);
});

test('a missing or wrong token is refused, on every kind of request', async () => {
  const wrong = harness.token.slice(0, -1) + (harness.token.endsWith('A') ? 'B' : 'A');
  for (const token of [undefined, '', wrong, harness.token.slice(1), `${harness.token}x`]) {
    const answer = await overview({ 'x-earshot-token': token });
    assert.equal(answer.status, 403, `token ${JSON.stringify(token)}`);
    assert.match(answer.body, /token/);
  }
  const noToken = { 'x-earshot-token': undefined };
  assert.equal((await send('GET', '/', noToken)).status, 403, 'the page');
  assert.equal((await send('GET', `/?token=${wrong}`, noToken)).status, 403, 'the page with a wrong token');
  assert.equal((await send('GET', '/audio/recording/1', noToken)).status, 403, 'audio');
  assert.equal((await send('POST', '/upload/batch', noToken)).status, 403, 'upload batches');
  assert.equal((await send('PUT', '/upload?batch=x&path=a', noToken, 'x')).status, 403, 'uploads');
  const stale = await send('GET', '/', { 'x-earshot-token': undefined, cookie: `earshot-harness-${port}=${wrong}` });
  assert.equal(stale.status, 403, 'a stale cookie');
  // And a refused call does nothing: deleteAllData from another site leaves the profile as it was.
  const saved = await send('POST', '/api/setProfile', json, JSON.stringify({ names: ['Dana Example'] }));
  assert.equal(saved.status, 200, saved.body);
  for (const forged of [
    { 'x-earshot-token': undefined },
    { origin: 'https://evil.example' },
    { 'content-type': 'text/plain' },
    { host: `evil.example:${port}` },
  ]) {
    const del = await send('POST', '/api/deleteAllData', { ...json, ...forged }, '{}');
    assert.equal(del.status, 403, JSON.stringify(forged));
  }
  const profile = await overview({}, '{}').then(() => send('POST', '/api/getProfile', json, '{}'));
  assert.deepEqual((JSON.parse(profile.body) as { result: { names: string[] } }).result.names, ['Dana Example']);
});

test('uploads stay inside their batch folder', async () => {
  const batch = (JSON.parse((await send('POST', '/upload/batch')).body) as { batch: string }).batch;
  const other = (JSON.parse((await send('POST', '/upload/batch')).body) as { batch: string }).batch;
  const put = (p: string, b = batch) =>
    send('PUT', `/upload?batch=${encodeURIComponent(b)}&path=${encodeURIComponent(p)}`, {}, 'bytes');

  const ok = await put('Takeout/My Activity/activity.json');
  assert.equal(ok.status, 200, ok.body);
  const { path: top } = JSON.parse(ok.body) as { path: string };
  assert.equal(path.basename(top), 'Takeout');
  assert.equal(await fs.readFile(path.join(top, 'My Activity', 'activity.json'), 'utf8'), 'bytes');
  const batchDir = path.dirname(top);
  const uploadsDir = path.dirname(batchDir);

  for (const evil of [
    '../escape.txt',
    `../${other}/planted.txt`,
    'a/../../escape.txt',
    '/etc/passwd',
    'a//b',
    './a',
    '..',
    '',
    'a\\..\\..\\escape.txt',
    'a\0b',
  ]) {
    const answer = await put(evil);
    assert.equal(answer.status, 400, JSON.stringify(evil));
  }
  assert.equal((await put('a.txt', 'not-a-batch')).status, 400, 'a batch the harness did not hand out');
  assert.equal((await put('a.txt', '../..')).status, 400, 'a batch that is a path');
  assert.equal(existsSync(path.join(uploadsDir, 'escape.txt')), false);
  assert.equal(existsSync(path.join(uploadsDir, other, 'planted.txt')), false);
  assert.deepEqual(await fs.readdir(uploadsDir).then((l) => l.sort()), [batch].sort(), 'nothing else was written');

  assert.equal(uploadTarget('/tmp/b', 'x/y.zip'), path.resolve('/tmp/b/x/y.zip'));
  assert.equal(uploadTarget('/tmp/b', 'x/../../y'), null);
});
