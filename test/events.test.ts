// The core's event emitter: listeners hear every event and can leave, a malformed event is refused
// before any transport carries it, a listener that throws does not silence the others, and progress
// is thinned to a few events a second with the last word always delivered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventBus, throttled } from '../electron/core/events.ts';
import type { EarshotEvent } from '../electron/core/api/events.ts';

const changed: EarshotEvent = { type: 'changed', what: ['warnings'] };

test('every listener hears an event, and an unsubscribed one no longer does', () => {
  const bus = new EventBus();
  const a: EarshotEvent[] = [];
  const b: EarshotEvent[] = [];
  const offA = bus.on((e) => a.push(e));
  bus.on((e) => b.push(e));
  bus.emit(changed);
  offA();
  bus.emit({ type: 'changed', what: ['exports', 'recordings'] });
  assert.deepEqual(a, [changed]);
  assert.deepEqual(b, [changed, { type: 'changed', what: ['exports', 'recordings'] }]);
  assert.equal(bus.size, 1);
});

test('a malformed event is refused before any listener sees it', () => {
  const bus = new EventBus();
  const heard: unknown[] = [];
  bus.on((e) => heard.push(e));
  assert.throws(() => bus.emit({ type: 'changed', what: [] }));
  assert.throws(() => bus.emit({ type: 'changed', what: ['everything'] } as unknown as EarshotEvent));
  assert.throws(() => bus.emit({ type: 'analysis', voices: { done: -1, total: 0, running: true } }));
  assert.deepEqual(heard, []);
});

test('a listener that throws does not keep the others from hearing the event', () => {
  const bus = new EventBus();
  const heard: EarshotEvent[] = [];
  bus.on(() => {
    throw new Error('window gone');
  });
  bus.on((e) => heard.push(e));
  bus.emit(changed);
  assert.deepEqual(heard, [changed]);
});

test('throttled progress sends the first at once, then at most one per interval, always the latest', async () => {
  const sent: number[] = [];
  const t = throttled((n: number) => sent.push(n), 40);
  for (let i = 1; i <= 50; i++) t.push(i);
  assert.deepEqual(sent, [1], 'only the first goes out at once');
  await new Promise((r) => setTimeout(r, 80));
  assert.deepEqual(sent, [1, 50], 'then the latest, once');
  // A long interval, so nothing but the flush can send the second value.
  const slow: string[] = [];
  const s = throttled((v: string) => slow.push(v), 60_000);
  s.push('first');
  s.push('waiting');
  s.flush('last');
  await new Promise((r) => setTimeout(r, 30));
  assert.deepEqual(slow, ['first', 'last'], 'a flush replaces what was waiting and goes out at once');
});
