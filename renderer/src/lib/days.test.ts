// Grouping by day: which rows open a day, with pages that arrive out of order.
process.env.TZ = 'Europe/Berlin';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RecordingRow } from '../../../electron/core/api/contract.ts';
import { bucketCounts, dayHeaderAt, defaultBucket, groupByDay, weekOf } from './days.ts';

const row = (id: number, timeUtc: number | null): RecordingRow => ({
  id,
  exportId: 1,
  source: 'alexa',
  timeUtc,
  device: 'Kitchen',
  transcript: 'x',
  title: null,
  notIntended: false,
  unrecognizedSpeaker: false,
  hasAudio: true,
  audioError: null,
  durationMs: 1000,
  flagged: false,
});

const rows = [
  row(1, Date.UTC(2019, 0, 2, 8)),
  row(2, Date.UTC(2019, 0, 1, 23, 30)), // 2 Jan in Berlin
  row(3, Date.UTC(2019, 0, 1, 10)),
  row(4, null),
];

test('rows open a day when the day changes, in local time', () => {
  const at = (i: number) => rows[i];
  assert.deepEqual(
    rows.map((_, i) => dayHeaderAt(i, at)),
    ['2019-01-02', null, '2019-01-01', 'unknown'],
  );
  assert.deepEqual(
    groupByDay(rows).map((g) => [g.day, g.rows.map((r) => r.id)]),
    [
      ['2019-01-02', [1, 2]],
      ['2019-01-01', [3]],
      ['unknown', [4]],
    ],
  );
});

test('a row whose neighbour is not loaded opens nothing yet', () => {
  const at = (i: number) => (i === 1 ? undefined : rows[i]);
  assert.equal(dayHeaderAt(2, at), null);
  assert.equal(dayHeaderAt(1, at), null);
  assert.equal(dayHeaderAt(0, at), '2019-01-02');
});

test('insight buckets fill the gaps and start weeks on Monday', () => {
  assert.equal(weekOf('2024-05-12'), '2024-05-06'); // a Sunday
  assert.equal(weekOf('2024-05-06'), '2024-05-06');
  const perDay = [
    { day: '2024-05-06', recordings: 2 },
    { day: '2024-05-08', recordings: 1 },
    { day: '2024-05-20', recordings: 4 },
  ];
  assert.deepEqual(
    bucketCounts(perDay, 'day')
      .slice(0, 3)
      .map((b) => [b.start, b.recordings]),
    [
      ['2024-05-06', 2],
      ['2024-05-07', 0],
      ['2024-05-08', 1],
    ],
  );
  assert.deepEqual(
    bucketCounts(perDay, 'week').map((b) => [b.start, b.end, b.recordings]),
    [
      ['2024-05-06', '2024-05-13', 3],
      ['2024-05-13', '2024-05-20', 0],
      ['2024-05-20', '2024-05-27', 4],
    ],
  );
  assert.deepEqual(bucketCounts(perDay, 'month'), [{ start: '2024-05-01', end: '2024-06-01', recordings: 7 }]);
  assert.equal(defaultBucket(perDay), 'day');
  assert.equal(defaultBucket([{ day: '2018-01-01' }, { day: '2024-01-01' }]), 'month');
});
