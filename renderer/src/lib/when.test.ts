// One time-zone rule for the list and the detail: local time, and the export's zone beside it.
process.env.TZ = 'Europe/Berlin';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { epochOf, exactTime, exportZoneTime, listTime } from './when.ts';

const ms = Date.UTC(2024, 2, 1, 3, 15); // 04:15 in Berlin (CET), 10:15 in Jakarta (WIB, +7)

test('the list and the detail show the same local time', () => {
  assert.equal(listTime(ms, 'en-GB'), '04:15');
  assert.match(exactTime(ms, 'en-GB'), /04:15:00 CET/);
  assert.match(exactTime(ms, 'de-DE'), /04:15:00 MEZ/);
});

test('the export’s own zone is given beside it when it differs', () => {
  assert.deepEqual(exportZoneTime(ms, 'WIB', 420, 'en-GB'), { time: '10:15', zone: 'WIB' });
  // A zone the same as the user's at that moment adds nothing.
  assert.equal(exportZoneTime(ms, 'Europe/Berlin', 60, 'en-GB'), null);
  // Summer time: Berlin is +2 then, so UTC is two hours behind.
  assert.deepEqual(exportZoneTime(Date.UTC(2024, 6, 1, 8), 'UTC', 0, 'en-GB'), { time: '08:00', zone: 'UTC' });
});

test('a different day in the export’s zone names that day', () => {
  const late = Date.UTC(2024, 2, 1, 22, 30); // Fri 23:30 in Berlin, Sat 05:30 in Jakarta
  assert.deepEqual(exportZoneTime(late, 'WIB', 420, 'en-GB'), { time: 'Sat 05:30', zone: 'WIB' });
});

test('no zone, or one Earshot cannot read, gives nothing extra', () => {
  assert.equal(exportZoneTime(ms, null, null, 'en-GB'), null);
  assert.equal(exportZoneTime(ms, 'XYZ', null, 'en-GB'), null);
  assert.equal(exportZoneTime(ms, 'WIB', Number.NaN, 'en-GB'), null);
});

test('raw epoch numbers from an export are read as moments; other text is left alone', () => {
  assert.equal(epochOf('1525312978000'), 1525312978000);
  assert.equal(epochOf('1525312978'), 1525312978000);
  assert.equal(epochOf(' 1525312978.5 '), 1525312978500);
  assert.equal(epochOf('2018-05-03T02:02:58Z'), null);
  assert.equal(epochOf('12345'), null);
  assert.equal(epochOf(null), null);
});
