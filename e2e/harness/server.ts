// The loopback test harness: serves the real renderer build and the very same API handlers and
// audio function as the Electron app, so the UI can be used and driven in any Chromium.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createWriteStream, promises as fs } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
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
  url: string;
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
  });
  const uploads = await fs.mkdtemp(path.join(os.tmpdir(), 'earshot-harness-uploads-'));

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
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
    if (url.pathname.startsWith('/audio/')) {
      const request = new Request(url, { method: req.method, headers: headersOf(req) });
      await send(res, earshot.serveAudio(request));
      return;
    }
    if (url.pathname === '/upload' && req.method === 'PUT') {
      // Stands in for the file paths Electron hands over on a drop: the page uploads what was dropped.
      const batch = url.searchParams.get('batch') ?? '';
      const relative = url.searchParams.get('path') ?? '';
      const target = safeJoin(uploads, batch, relative);
      if (!/^[a-z0-9-]{1,64}$/.test(batch) || !target) {
        res.writeHead(400).end('bad upload path');
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
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ batch: randomUUID() }));
      return;
    }
    await send(res, await staticResponse(options.rendererDir, new Request(url, { method: req.method })));
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    earshot,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
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

/** Joins under `root`, refusing anything that would land outside it. */
function safeJoin(root: string, ...parts: string[]): string | null {
  const target = path.resolve(root, ...parts.map((p) => p.replace(/^\/+/, '')));
  return target === root || target.startsWith(root + path.sep) ? target : null;
}
