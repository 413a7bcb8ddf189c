// The loopback test harness: serves the real renderer build and the very same API handlers and
// audio function as the Electron app, so the UI can be used and driven in any Chromium. It answers
// only its own page: see `refusal` for what it checks on every request, and why.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createWriteStream, promises as fs } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { dispatch } from '../../electron/core/api/handlers.ts';
import { createEarshot, type Earshot } from '../../electron/core/app.ts';
import { staticResponse } from '../../electron/core/api/static-files.ts';
import { SelectionIds } from '../../electron/core/api/contract.ts';
import { writeSelectionZip } from '../../electron/core/export/selection-zip.ts';

export interface HarnessOptions {
  libraryFile: string;
  port?: number;
  /** The built renderer (vite build output). */
  rendererDir: string;
}

export interface Harness {
  /** The address to open, with this run's token: `http://127.0.0.1:N/?token=…`. */
  url: string;
  /** `http://127.0.0.1:N`, the only origin the harness answers. */
  origin: string;
  /** This run's secret: sent as the `x-earshot-token` header, or kept as a cookie after the first page load. */
  token: string;
  earshot: Earshot;
  close(): Promise<void>;
}

const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  // Imports run on a worker thread, as in the app; tsx lets the worker load TypeScript directly.
  const earshot = createEarshot({
    libraryFile: options.libraryFile,
    importWorker: { script: new URL('./import-worker.mjs', import.meta.url) },
    analysisWorker: { script: new URL('./analysis-worker.mjs', import.meta.url) },
    waveformWorker: { script: new URL('./waveform-worker.mjs', import.meta.url) },
  });
  const uploads = await fs.mkdtemp(path.join(os.tmpdir(), 'earshot-harness-uploads-'));
  /** Upload batches this harness handed out: an upload names one of them, or is refused. */
  const batches = new Set<string>();
  const token = randomBytes(24).toString('base64url');
  // Set once listening: the port is part of the Host and Origin the harness accepts.
  let host = '';
  let origin = '';
  let cookieName = '';

  const server = createServer((req, res) => {
    const refused = refusal(req, { host, origin, token, cookieName });
    if (refused) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(`Refused: ${refused}\n`);
      return;
    }
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', origin);
    // The first page load carries the token in its address; the page's own requests (fetch, audio
    // elements) then carry it as a cookie, so the window needs no harness-specific code for it.
    if (url.searchParams.get('token') === token && cookieOf(req, cookieName) !== token) {
      res.setHeader('Set-Cookie', `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Strict`);
    }
    if (url.pathname.startsWith('/api/') && req.method === 'POST') {
      const body = await readBody(req, 1024 * 1024);
      let args: unknown;
      try {
        args = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        args = null;
      }
      const answer = await dispatch(earshot.handlers, url.pathname.slice('/api/'.length), args);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(answer));
      return;
    }
    if (url.pathname === '/events' && req.method === 'GET') {
      // Stands in for the IPC event channel: the core's events as server-sent events, one per message.
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      const unsubscribe = earshot.events.on((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
      req.on('close', unsubscribe);
      return;
    }
    if (url.pathname.startsWith('/audio/')) {
      const request = new Request(url, { method: req.method, headers: headersOf(req) });
      await send(res, earshot.serveAudio(request));
      return;
    }
    if (url.pathname === '/upload' && req.method === 'PUT') {
      // Stands in for the file paths Electron hands over on a drop: the page uploads what was dropped.
      const batch = url.searchParams.get('batch') ?? '';
      const relative = url.searchParams.get('path') ?? '';
      // Each upload lands inside its own batch's folder, never beside it or above it.
      const target = batches.has(batch) ? uploadTarget(path.join(uploads, batch), relative) : null;
      if (!target) {
        res.writeHead(400, { 'Content-Type': 'text/plain' }).end('bad upload path');
        return;
      }
      await fs.mkdir(path.dirname(target), { recursive: true });
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_UPLOAD_BYTES) req.destroy(new Error('upload too large'));
      });
      await pipeline(req, createWriteStream(target));
      // The import takes the top-level item the user dropped: a file, or the folder it sits in.
      const top = relative.split('/')[0]!;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ path: path.join(uploads, batch, top) }));
      return;
    }
    if (url.pathname === '/export' && req.method === 'POST') {
      // Stands in for Electron's save dialog: the selection comes back as a download.
      const parsed = SelectionIds.safeParse(
        JSON.parse((await readBody(req, 4 * 1024 * 1024)).toString('utf8') || 'null'),
      );
      if (!parsed.success) {
        res.writeHead(400).end('bad selection');
        return;
      }
      res.writeHead(200, {
        'Content-Type': 'application/zip',
        'Content-Disposition': 'attachment; filename="earshot-selection.zip"',
      });
      await writeSelectionZip(earshot.db, parsed.data, res);
      return;
    }
    if (url.pathname === '/upload/batch' && req.method === 'POST') {
      const batch = randomUUID();
      batches.add(batch);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ batch }));
      return;
    }
    await send(res, await staticResponse(options.rendererDir, new Request(url, { method: req.method })));
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
  // Cookies are per host, not per port: the name keeps two harnesses on one machine apart.
  cookieName = `earshot-harness-${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    earshot,
    async close() {
      // Open event streams never end by themselves: close them with the rest, then wait.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await earshot.close();
      await fs.rm(uploads, { recursive: true, force: true });
    },
  };
}

async function send(res: ServerResponse, response: Response) {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(key, value);
  }
  return headers;
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('request too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Where an upload's relative path lands inside its batch folder; null for anything that could leave it. */
export function uploadTarget(batchDir: string, relative: string): string | null {
  const parts = relative.split('/');
  const valid = (p: string) => p !== '' && p !== '.' && p !== '..' && !/[\\\0]/.test(p);
  if (relative.length > 4096 || !parts.every(valid)) return null;
  const target = path.resolve(batchDir, ...parts);
  return target.startsWith(path.resolve(batchDir) + path.sep) ? target : null;
}

function cookieOf(req: IncomingMessage, name: string): string | null {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return null;
}

function sameSecret(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Why a request is refused, or null to answer it. Any web page the user visits can send requests
 * to a loopback port, and by DNS rebinding (its own name resolving to 127.0.0.1) even read the
 * answers. So: only our own Host (a rebound name carries its own), no other Origin and no
 * cross-site or same-site (another local port) fetch, JSON bodies only on API calls (a page can
 * send text/plain without asking first), and this run's token on every request.
 */
export function refusal(
  req: IncomingMessage,
  own: { host: string; origin: string; token: string; cookieName: string },
): string | null {
  if (!own.host || req.headers.host !== own.host) return 'unknown host';
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== own.origin) return 'foreign origin';
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return 'cross-site request';
  const url = new URL(req.url ?? '/', own.origin);
  const header = req.headers['x-earshot-token'];
  const given = [typeof header === 'string' ? header : null, cookieOf(req, own.cookieName)];
  // The address the harness prints carries the token, for the first page load only.
  if (req.method === 'GET' && !isCall(url.pathname)) given.push(url.searchParams.get('token'));
  if (!given.some((g) => sameSecret(g, own.token))) return 'missing or wrong token';
  if (req.method === 'POST' && (url.pathname.startsWith('/api/') || url.pathname === '/export')) {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') return 'not a JSON body';
  }
  return null;
}

/** Requests the page makes itself: never accepted with the token in the address. */
function isCall(pathname: string): boolean {
  return ['/api/', '/audio/', '/upload', '/export', '/events'].some((p) => pathname.startsWith(p));
}
