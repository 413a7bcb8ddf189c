// The harness carries the core's events as server-sent events on GET /events, behind the same
// checks as the API: an import pushes its progress and "recordings changed" without being asked.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request, type IncomingMessage } from 'node:http';
import path from 'node:path';
import type { Harness } from '../e2e/harness/server.ts';
import { EarshotEvent } from '../electron/core/api/events.ts';
import { writeManyRecordingsTakeout } from './fixtures/many-recordings.ts';
import { startPageHarness, type PageHarness } from './helpers/page-harness.ts';

let harness: Harness;
let dir: string;
let port: number;

let started: PageHarness;
before(async () => {
  started = await startPageHarness('earshot-harness-events-');
  ({ harness, dir, port } = started);
});
after(() => started.close());

function open(headers: Record<string, string>): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'GET', path: '/events', headers }, resolve);
    req.on('error', reject);
    req.end();
  });
}

test('the event stream is refused without this run’s token', async () => {
  const res = await open({ host: `127.0.0.1:${port}` });
  assert.equal(res.statusCode, 403);
  res.resume();
  const wrong = await open({ host: `127.0.0.1:${port}`, 'x-earshot-token': 'x'.repeat(32) });
  assert.equal(wrong.statusCode, 403);
  wrong.resume();
});

test('an import’s progress and what it changed arrive as server-sent events', async () => {
  const res = await open({ host: `127.0.0.1:${port}`, 'x-earshot-token': harness.token });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/event-stream/);
  const events: EarshotEvent[] = [];
  let buffer = '';
  const changedRecordings = new Promise<void>((resolve) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = message.split('\n').find((l) => l.startsWith('data: '));
        if (!data) continue;
        // Every event on the wire is one the contract allows.
        const event = EarshotEvent.parse(JSON.parse(data.slice('data: '.length)));
        events.push(event);
        if (event.type === 'changed' && event.what.includes('recordings')) resolve();
      }
    });
  });
  const zip = await writeManyRecordingsTakeout(path.join(dir, 'takeout.zip'), 40);
  const answer = (await harness.earshot.handlers.startImport({ paths: [zip] })) as { jobId: string };
  await changedRecordings;
  res.destroy();

  const imports = events.filter((e) => e.type === 'import');
  assert.ok(imports.length >= 1, 'import progress was pushed');
  assert.ok(imports.every((e) => e.jobId === answer.jobId));
  const last = imports.at(-1)!;
  assert.equal(last.state, 'done', 'the last import event says it is done');
  assert.equal(last.progress.recordings, 40);
  // (The voice analysis resumed at start may say "voices, warnings" first: that is its own change.)
  const changed = events.find((e) => e.type === 'changed' && e.what.includes('recordings'));
  assert.deepEqual(changed && changed.type === 'changed' && [...changed.what].sort(), [
    'exports',
    'recordings',
    'warnings',
  ]);
  assert.ok(events.indexOf(last) < events.indexOf(changed!), 'the window hears the import is done before it refetches');
});
