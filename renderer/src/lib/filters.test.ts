// The list's view (search, filters, sort) survives a restart exactly, and junk never crashes it.
process.env.TZ = 'Europe/Berlin';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  activeFilterCount,
  emptyView,
  parseSavedFilters,
  parseView,
  sameView,
  serializeView,
  toFilters,
  toQuery,
  toggle,
  withWarningId,
  type ViewState,
} from './filters.ts';

const view: ViewState = {
  search: 'play rain',
  sort: 'oldest',
  from: '2019-01-01',
  to: '2019-01-31',
  devices: ['Kitchen Echo', ''],
  exportIds: [3],
  sources: ['alexa'],
  status: ['notIntended', 'hasAudio'],
  warning: null,
  slot: null,
};

test('a view round-trips through its saved form', () => {
  assert.deepEqual(parseView(serializeView(view)), view);
  assert.deepEqual(parseView(serializeView(emptyView)), emptyView);
});

test('malformed saved views fall back field by field', () => {
  assert.deepEqual(parseView(null), emptyView);
  assert.deepEqual(parseView('{not json'), emptyView);
  assert.deepEqual(parseView('[1,2]'), { ...emptyView });
  const parsed = parseView(
    JSON.stringify({
      search: 42,
      sort: 'loudest',
      from: '2019-13',
      to: '2019-02-01',
      devices: ['A', 5],
      exportIds: [1, -2, 'x', 2.5],
      sources: ['siri', 'alexa'],
      status: ['hasAudio', 'evil'],
    }),
  );
  assert.deepEqual(parsed, {
    ...emptyView,
    to: '2019-02-01',
    devices: ['A'],
    exportIds: [1],
    sources: ['alexa'],
    status: ['hasAudio'],
  });
});

test('the API query covers whole local days and every filter', () => {
  const q = toQuery(view);
  assert.equal(q.search, 'play rain');
  assert.equal(q.sort, 'oldest');
  assert.deepEqual(q.filters, {
    from: Date.UTC(2018, 11, 31, 23),
    to: Date.UTC(2019, 0, 31, 23),
    devices: ['Kitchen Echo', ''],
    exportIds: [3],
    sources: ['alexa'],
    notIntended: true,
    hasAudio: true,
  });
  assert.deepEqual(toFilters(view, { withDates: false }).from, undefined);
  assert.deepEqual(toFilters(emptyView), {});
});

test('filters are counted and compared regardless of order', () => {
  assert.equal(activeFilterCount(view), 1 + 2 + 1 + 1 + 2);
  assert.equal(activeFilterCount(emptyView), 0);
  assert.ok(sameView(view, { ...view, devices: ['', 'Kitchen Echo'], search: ' play rain ' }));
  assert.ok(!sameView(view, { ...view, sort: 'newest' }));
  assert.deepEqual(toggle(['a', 'b'], 'a'), ['b']);
  assert.deepEqual(toggle(['a'], 'b'), ['a', 'b']);
});

test('saved filters keep their names and views', () => {
  const saved = [{ name: 'Night', view }];
  assert.deepEqual(parseSavedFilters(JSON.stringify(saved)), saved);
  assert.deepEqual(parseSavedFilters('oops'), []);
  assert.deepEqual(parseSavedFilters(JSON.stringify([{ name: 1 }, null, { name: 'x', view: 'junk' }])), [
    { name: 'x', view: emptyView },
  ]);
});

test('the flagged filter and a warning filter reach the query, and follow the warning by key', () => {
  const flagged: ViewState = { ...emptyView, status: ['flagged'], warning: { id: 7, key: 'name:anna', label: 'Anna' } };
  assert.deepEqual(toFilters(flagged), { flagged: true, warningId: 7 });
  assert.equal(activeFilterCount(flagged), 2);
  assert.deepEqual(parseView(serializeView(flagged)), flagged);
  assert.deepEqual(parseView(JSON.stringify({ warning: { id: -1, key: 'x', label: 'y' } })).warning, null);
  // The warning was raised again (after it had gone): same key, new id.
  const moved = withWarningId(flagged, [{ id: 12, key: 'name:anna' }]);
  assert.equal(moved.warning?.id, 12);
  assert.ok(sameView(moved, flagged));
  assert.equal(withWarningId(moved, [{ id: 12, key: 'name:anna' }]), moved);
  assert.equal(withWarningId(flagged, [{ id: 3, key: 'name:tom' }]).warning, null);
});

test('a heatmap slot reaches the query with the window offset, counts as a filter and survives a restart', () => {
  const slot: ViewState = { ...emptyView, slot: { weekday: 0, hour: 7 } };
  assert.deepEqual(toFilters(slot), { slot: { weekday: 0, hour: 7, tzOffsetMinutes: new Date().getTimezoneOffset() } });
  assert.equal(activeFilterCount(slot), 1);
  assert.deepEqual(parseView(serializeView(slot)), slot);
  assert.equal(parseView(JSON.stringify({ slot: { weekday: 7, hour: 1 } })).slot, null);
  assert.equal(parseView(JSON.stringify({ slot: { weekday: 1, hour: 24 } })).slot, null);
  assert.equal(parseView(JSON.stringify({ slot: 'Monday' })).slot, null);
});
