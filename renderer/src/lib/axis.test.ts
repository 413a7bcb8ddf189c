// The over-time chart labels a calendar's worth of ticks, not only its two ends.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axisTicks } from './axis.ts';

const days = (from: string, count: number, stepDays = 1) =>
  Array.from({ length: count }, (_, i) => {
    const d = new Date(`${from}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + i * stepDays);
    return d.toISOString().slice(0, 10);
  });
const months = (fromYear: number, count: number) =>
  Array.from(
    { length: count },
    (_, i) => `${fromYear + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
  );

test('days within one month are labelled every few days', () => {
  const ticks = axisTicks(days('2024-03-01', 31));
  assert.ok(ticks.length >= 5 && ticks.length <= 8, `${ticks.length} ticks`);
  assert.ok(ticks.every((t) => t.kind === 'day'));
  assert.equal(ticks[0]!.key, '2024-03-01');
});

test('weeks over a year are labelled at the months', () => {
  const ticks = axisTicks(days('2024-01-01', 52, 7));
  assert.ok(ticks.length >= 4 && ticks.length <= 8, `${ticks.length} ticks`);
  assert.ok(ticks.every((t) => t.kind === 'month'));
  assert.equal(ticks[0]!.key, '2024-01');
  // Regular steps from January: every second month at most 8 labels for 12 months.
  assert.deepEqual(
    ticks.map((t) => t.key.slice(5)),
    ['01', '03', '05', '07', '09', '11'],
  );
});

test('months over many years are labelled at the years', () => {
  const ticks = axisTicks(months(2015, 120));
  assert.ok(ticks.every((t) => t.kind === 'year'));
  assert.ok(ticks.length >= 5 && ticks.length <= 8, `${ticks.length} ticks`);
  assert.ok(ticks.every((t, i) => i === 0 || t.index > ticks[i - 1]!.index));
});

test('nothing or one bar gives at most one tick', () => {
  assert.deepEqual(axisTicks([]), []);
  assert.equal(axisTicks(['2024-03-01']).length, 1);
});
