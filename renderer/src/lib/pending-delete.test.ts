// The written-down delete and which rows it covers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clearJournal, readJournal, rowPending, writeJournal, type PendingDelete } from './pending-delete.ts';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
}
const store = () => new MemoryStorage() as unknown as Storage;

test('a written-down delete reads back, and only its own id clears it', () => {
  const s = store();
  const p: PendingDelete = { id: 'a', selection: { ids: [3, 4] }, count: 2 };
  writeJournal(p, s);
  assert.deepEqual(readJournal(s), p);
  clearJournal('b', s);
  assert.deepEqual(readJournal(s), p, 'a later delete does not clear an earlier one');
  clearJournal('a', s);
  assert.equal(readJournal(s), null);
});

test('a damaged or empty note is no delete at all (it must never widen to everything)', () => {
  const s = store();
  for (const raw of [
    '{',
    '[]',
    'null',
    '{"id":"x","count":1,"selection":{}}',
    '{"id":"x","count":1,"selection":{"ids":[]}}',
  ])
    assert.equal(readJournal({ ...s, getItem: () => raw } as unknown as Storage), null, raw);
  assert.throws(() => writeJournal({ id: 'a', selection: { ids: [1] }, count: 1 }, null));
});

test('rows covered: by id, by export, by time range (end excluded), and nothing without a selection', () => {
  const row = (id: number, exportId: number, timeUtc: number | null) => ({ id, exportId, timeUtc });
  assert.equal(rowPending(row(1, 1, 0), null), false);
  assert.equal(rowPending(row(1, 1, 0), { ids: [1, 2] }), true);
  assert.equal(rowPending(row(3, 1, 0), { ids: [1, 2] }), false);
  assert.equal(rowPending(row(3, 7, 0), { exportId: 7 }), true);
  assert.equal(rowPending(row(3, 8, 0), { exportId: 7 }), false);
  assert.equal(rowPending(row(3, 8, 100), { from: 100, to: 200 }), true);
  assert.equal(rowPending(row(3, 8, 200), { from: 100, to: 200 }), false);
  assert.equal(rowPending(row(3, 8, null), { from: 100, to: 200 }), false);
  assert.equal(rowPending(row(3, 8, 150), {}), false);
});
