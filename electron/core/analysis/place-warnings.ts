// Places that dominate an export's questions but are not where the user lives: "31 of 40 weather
// questions ask about Giesen". A user who asks about other cities now and then is not warned: the
// place must be asked about again and again, most of the time, and the user's home rarely.
import type { Db } from '../db/library.ts';
import { message } from '../messages/index.ts';
import { findPlaces, foldPlace, samePlace } from './places.ts';
import type { Profile } from './profile.ts';
import type { ComputedWarning } from './warning-types.ts';

/** A place is said to dominate when it is asked about at least this often… */
export const MIN_PLACE_RECORDINGS = 3;
/** …and in at least this share of the recordings that name a place. */
export const MIN_PLACE_SHARE = 0.5;
/** The user's home may be asked about this share of the time without making the export a trip. */
const MAX_HOME_SHARE = 0.2;

// Only transcripts that can name a place are read (a cheap filter before the finder).
const HINTS = [
  'weather',
  'forecast',
  'temperat',
  'rain',
  'snow',
  'wetter',
  'vorhersage',
  'regn',
  'schnee',
  'météo',
  'meteo',
  'temps',
  'pluie',
  'direction',
  'navigat',
  'route',
  'traffic',
  'far ',
  'weit',
  'fahr',
  'time in',
  'spät',
  'spaet',
  'uhrzeit',
  'heure',
  ' in ',
  ' nach ',
  ' à ',
];

export interface PlaceTally {
  exportId: number;
  /** Recordings that name any place. */
  withPlace: number;
  places: { place: string; folded: string; recordingIds: number[]; times: number[] }[];
}

/** How often each place is asked about, per export. */
export function tallyPlaces(db: Db): PlaceTally[] {
  const where = HINTS.map(() => 'transcript LIKE ?').join(' OR ');
  const rows = db
    .prepare(
      `SELECT id, export_id AS exportId, time_utc AS time, transcript FROM recordings
       WHERE transcript IS NOT NULL AND (${where}) ORDER BY export_id, id`,
    )
    .all(...HINTS.map((h) => `%${h}%`)) as { id: number; exportId: number; time: number | null; transcript: string }[];
  const byExport = new Map<number, PlaceTally>();
  for (const r of rows) {
    const found = findPlaces(r.transcript);
    if (found.length === 0) continue;
    let tally = byExport.get(r.exportId);
    if (!tally) byExport.set(r.exportId, (tally = { exportId: r.exportId, withPlace: 0, places: [] }));
    tally.withPlace++;
    for (const m of found) {
      let p = tally.places.find((x) => x.folded === m.folded);
      if (!p) tally.places.push((p = { place: m.place, folded: m.folded, recordingIds: [], times: [] }));
      p.recordingIds.push(r.id);
      if (r.time != null) p.times.push(r.time);
    }
  }
  return [...byExport.values()];
}

/** "giesen" → "Giesen"; a place written with capitals keeps them. */
function displayPlace(place: string): string {
  if (place !== place.toLowerCase()) return place;
  return place.replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

export function placeWarnings(db: Db, profile: Profile, tallies: PlaceTally[] = tallyPlaces(db)): ComputedWarning[] {
  // Without knowing where the user lives, no place can be called foreign.
  if (profile.homePlaces.length === 0) return [];
  const familiar = [...profile.homePlaces, ...profile.knownPlaces];
  const out: ComputedWarning[] = [];
  for (const t of tallies) {
    const home = t.places
      .filter((p) => profile.homePlaces.some((h) => samePlace(p.folded, h)))
      .reduce((s, p) => s + p.recordingIds.length, 0);
    if (home > MAX_HOME_SHARE * t.withPlace) continue;
    for (const p of t.places) {
      const count = p.recordingIds.length;
      if (count < MIN_PLACE_RECORDINGS || count < MIN_PLACE_SHARE * t.withPlace) continue;
      if (familiar.some((h) => samePlace(p.folded, h))) continue;
      const place = displayPlace(p.place);
      const share = count / t.withPlace;
      out.push({
        key: `place:${t.exportId}:${foldPlace(p.folded)}`,
        kind: 'place',
        severity: 'warning',
        exportId: t.exportId,
        subject: place,
        reason: message('warnings.place', { count, total: t.withPlace, place, home: profile.homePlaces.join(', ') }),
        evidence: { place, recordings: count, withPlace: t.withPlace, home: profile.homePlaces, homeMentions: home },
        // The more the questions agree on one place, the surer.
        confidence: Math.min(0.9, 0.5 + 0.4 * share),
        recordingIds: p.recordingIds,
        firstTime: p.times.reduce<number | null>((m, x) => (m == null || x < m ? x : m), null),
        lastTime: p.times.reduce<number | null>((m, x) => (m == null || x > m ? x : m), null),
      });
    }
  }
  return out;
}
