import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ImportStatus } from '../../../electron/core/api/contract.ts';
import { importBusy, importReducer } from './import.ts';

const progress = {
  phase: 'reading' as const,
  entriesDone: 1,
  entriesTotal: 4,
  bytesDone: 10,
  bytesTotal: 40,
  recordings: 1,
  currentFile: 'a.mp3',
};
const status = (jobId: string, state: ImportStatus['state'], recordings = 1): ImportStatus => ({
  jobId,
  state,
  progress: { ...progress, recordings },
  secondsLeft: null,
  report: null,
  error: null,
});

test('an import goes from uploading to running to done as its events arrive', () => {
  let s = importReducer(null, { type: 'uploading' });
  assert.equal(importBusy(s), true);
  s = importReducer(s, { type: 'started', jobId: 'j1' });
  assert.deepEqual(s, { stage: 'running', jobId: 'j1', status: null });
  s = importReducer(s, { type: 'status', status: status('j1', 'running', 2) });
  assert.equal(s?.stage === 'running' && s.status?.progress.recordings, 2);
  assert.equal(importBusy(s), true);
  s = importReducer(s, { type: 'status', status: status('j1', 'done', 4) });
  assert.equal(importBusy(s), false);
  assert.equal(importReducer(s, { type: 'closed' }), null);
});

test('events of another job are not shown, and a late "running" does not reopen an ended import', () => {
  const running = importReducer(null, { type: 'started', jobId: 'j1' });
  assert.equal(importReducer(running, { type: 'status', status: status('other', 'done') }), running);
  const done = importReducer(running, { type: 'status', status: status('j1', 'done', 4) });
  assert.equal(importReducer(done, { type: 'status', status: status('j1', 'running', 3) }), done);
  assert.equal(importReducer(null, { type: 'status', status: status('j1', 'running') }), null);
});

test('a failure to start shows its message and leaves nothing running', () => {
  const s = importReducer({ stage: 'uploading' }, { type: 'failed', message: 'Disk full' });
  assert.deepEqual(s, { stage: 'error', message: 'Disk full' });
  assert.equal(importBusy(s), false);
});
