// What the zone an export names means at one moment: offsets, Takeout's abbreviations, IANA names.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zoneOffsetAt } from '../electron/core/importers/zone-offset.ts';

test('offsets, abbreviations and IANA names give minutes east of UTC', () => {
  const winter = Date.UTC(2024, 0, 15, 12);
  const summer = Date.UTC(2024, 6, 15, 12);
  assert.equal(zoneOffsetAt('WIB', winter), 420);
  assert.equal(zoneOffsetAt('MEZ', winter), 60);
  assert.equal(zoneOffsetAt('UTC', winter), 0);
  assert.equal(zoneOffsetAt('+07:00', winter), 420);
  assert.equal(zoneOffsetAt('GMT-07:00', winter), -420);
  assert.equal(zoneOffsetAt('Europe/Berlin', winter), 60);
  assert.equal(zoneOffsetAt('Europe/Berlin', summer), 120);
  assert.equal(zoneOffsetAt('Asia/Jakarta', summer), 420);
});

test('no zone, no time or an unknown zone give null, never an exception', () => {
  assert.equal(zoneOffsetAt(null, Date.now()), null);
  assert.equal(zoneOffsetAt('WIB', null), null);
  assert.equal(zoneOffsetAt('Not/AZone', Date.now()), null);
  assert.equal(zoneOffsetAt('XYZ', Date.now()), null);
});
