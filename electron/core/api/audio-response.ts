// Serves a recording's original audio as a Fetch API Response, with HTTP Range support.
// Electron's protocol.handle and the test harness both call this one function.
import type { Db } from '../db/library.ts';
import { getAudio } from '../db/recordings.ts';

const contentTypes: Record<string, string> = { wav: 'audio/wav', mp3: 'audio/mpeg', opus: 'audio/ogg' };

/** URL path shape: …/recording/<id> (e.g. earshot-audio://recording/42 or http://127.0.0.1:9/audio/recording/42). */
export function recordingIdFromUrl(url: string): number | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // Custom schemes put "recording" in the host; HTTP puts it in the path.
  const parts = [parsed.host, ...parsed.pathname.split('/')].filter(Boolean);
  const at = parts.lastIndexOf('recording');
  if (at < 0 || at !== parts.length - 2) return null;
  const id = parts[at + 1]!;
  return /^[1-9][0-9]{0,15}$/.test(id) ? Number(id) : null;
}

export function audioResponse(db: Db, request: Request): Response {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  const id = recordingIdFromUrl(request.url);
  if (id == null) return new Response('Not found', { status: 404 });
  const audio = getAudio(db, id);
  if (!audio) return new Response('Not found', { status: 404 });
  const size = audio.bytes.length;
  const headers: Record<string, string> = {
    'Content-Type': contentTypes[audio.codec ?? ''] ?? 'application/octet-stream',
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-store',
    // The type comes from the stored codec: the page must never sniff recording bytes as anything else.
    'X-Content-Type-Options': 'nosniff',
  };
  const range = parseRange(request.headers.get('range'), size);
  if (range === 'invalid') {
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } });
  }
  const bytes = range ? audio.bytes.subarray(range.start, range.end + 1) : audio.bytes;
  const body =
    request.method === 'HEAD' ? null : new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
  if (range) {
    return new Response(body, {
      status: 206,
      headers: {
        ...headers,
        'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
        'Content-Length': String(range.end - range.start + 1),
      },
    });
  }
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Length': String(size) } });
}

/** One range of "bytes=a-b", "bytes=a-" or "bytes=-n"; null for none, 'invalid' when unsatisfiable. */
export function parseRange(header: string | null, size: number): { start: number; end: number } | null | 'invalid' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'invalid';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'invalid';
  return { start, end };
}
