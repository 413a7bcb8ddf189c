// Durations, times and days as the list and the player show them.
process.env.TZ = 'Europe/Berlin';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addDays,
  dayEnd,
  dayKey,
  dayLabel,
  dayStart,
  formatBytes,
  formatDuration,
  formatExactTime,
  formatSeconds,
  knownTimeZone,
  timeLeftParts,
} from './format.ts';
import { dateTimeFormat, numberFormat, pluralRules } from './intl.ts';

test('durations read like a player shows them', () => {
  assert.equal(formatDuration(0), '0:00');
  assert.equal(formatDuration(3_400), '0:03');
  assert.equal(formatDuration(400), '0.4 s', 'a sub-second clip says how long it is');
  assert.equal(formatDuration(400, 'de'), '0,4 s');
  assert.equal(formatDuration(40), '< 0.1 s');
  assert.equal(formatDuration(999), '1.0 s');
  assert.equal(formatDuration(61_000), '1:01');
  assert.equal(formatDuration(3_723_000), '1:02:03');
  assert.equal(formatDuration(null), null);
  assert.equal(formatDuration(-5), null);
  assert.equal(formatSeconds(2.9), '0:02');
});

test('days are local calendar days', () => {
  // 23:30 UTC on 31 Dec is already 1 Jan in Berlin.
  assert.equal(dayKey(Date.UTC(2018, 11, 31, 23, 30)), '2019-01-01');
  assert.equal(dayKey(null), 'unknown');
  assert.equal(dayStart('2019-01-01'), Date.UTC(2018, 11, 31, 23, 0));
  assert.equal(dayEnd('2019-01-01') - dayStart('2019-01-01'), 86_400_000);
  // The day the clocks go forward is 23 hours long, and the next day still starts at midnight.
  assert.equal(dayEnd('2019-03-31') - dayStart('2019-03-31'), 23 * 3_600_000);
  assert.equal(addDays('2019-02-28', 1), '2019-03-01');
});

test('day headers say Today and Yesterday, then the date in the locale', () => {
  const words = { today: 'Today', yesterday: 'Yesterday', unknown: 'Unknown date' };
  const now = new Date(2024, 4, 10, 12).getTime();
  assert.equal(dayLabel('2024-05-10', 'en-GB', words, now), 'Today');
  assert.equal(dayLabel('2024-05-09', 'en-GB', words, now), 'Yesterday');
  assert.equal(dayLabel('unknown', 'en-GB', words, now), 'Unknown date');
  assert.match(dayLabel('2018-05-03', 'en-GB', words, now), /^Thu,? 3 May 2018$/);
  assert.match(dayLabel('2018-05-03', 'de-DE', words, now), /^Do\., 3\. Mai 2018$/);
});

test('exact times name their zone', () => {
  const ms = Date.UTC(2018, 4, 3, 2, 2, 58);
  assert.match(formatExactTime(ms, 'en-GB', 'America/New_York'), /22:02:58.*(EDT|GMT-4)/);
  assert.match(formatExactTime(ms, 'en-GB'), /04:02:58 CEST/);
  assert.equal(knownTimeZone('Europe/Paris'), 'Europe/Paris');
  assert.equal(knownTimeZone('Not/AZone'), undefined);
  assert.equal(knownTimeZone(null), undefined);
});

test('sizes and time left are rounded to what is worth saying', () => {
  assert.equal(formatBytes(999, 'en'), '999 byte');
  assert.equal(formatBytes(9_700, 'en'), '9.7 kB');
  assert.equal(formatBytes(172_500_000, 'en'), '173 MB');
  assert.deepEqual(timeLeftParts(3), { unit: 'seconds', count: 5 });
  assert.deepEqual(timeLeftParts(42), { unit: 'seconds', count: 45 });
  assert.deepEqual(timeLeftParts(61), { unit: 'minutes', count: 2 });
});

test('formatters are made once per locale and options, and format as before', () => {
  assert.equal(dateTimeFormat('en-GB', { hour: '2-digit' }), dateTimeFormat('en-GB', { hour: '2-digit' }));
  assert.notEqual(dateTimeFormat('en-GB', { hour: '2-digit' }), dateTimeFormat('de-DE', { hour: '2-digit' }));
  assert.equal(numberFormat('de-DE'), numberFormat('de-DE'));
  assert.equal(pluralRules('en-GB').select(1), 'one');
  assert.equal(numberFormat('de-DE').format(12408), '12.408');
});
