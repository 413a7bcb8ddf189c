// The pictures of the Insight view, aggregated in SQL so they stay instant at 100,000 recordings.
import type { Insight } from '../types/library.ts';
import type { RecordingFilters } from '../types/queries.ts';
import { whereClause } from './recordings.ts';
import type { Db } from './library.ts';

export function getInsight(
  db: Db,
  args: { search: string; filters: RecordingFilters; tzOffsetMinutes: number },
): Insight {
  const where = whereClause({ search: args.search, filters: args.filters });
  // Local time = UTC − offset (Date.getTimezoneOffset is positive west of Greenwich).
  const shift = -args.tzOffsetMinutes * 60_000;
  const params = { ...where.params, shift };
  const timed = where.sql ? `${where.sql} AND r.time_utc IS NOT NULL` : 'WHERE r.time_utc IS NOT NULL';

  const total = db.prepare(`SELECT COUNT(*) FROM recordings r ${where.sql}`).pluck().get(where.params) as number;
  const perDay = db
    .prepare(
      `SELECT date((r.time_utc + @shift) / 1000, 'unixepoch') AS day, COUNT(*) AS recordings
       FROM recordings r ${timed} GROUP BY day ORDER BY day`,
    )
    .all(params) as Insight['perDay'];

  const heatmap = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  const cells = db
    .prepare(
      `SELECT CAST(strftime('%w', (r.time_utc + @shift) / 1000, 'unixepoch') AS INTEGER) AS dow,
              CAST(strftime('%H', (r.time_utc + @shift) / 1000, 'unixepoch') AS INTEGER) AS hour, COUNT(*) AS n
       FROM recordings r ${timed} GROUP BY dow, hour`,
    )
    .all(params) as { dow: number; hour: number; n: number }[];
  for (const c of cells) heatmap[(c.dow + 6) % 7]![c.hour] = c.n; // SQLite's week starts on Sunday.

  const perDevice = db
    .prepare(
      `SELECT COALESCE(r.device, '') AS device, COUNT(*) AS recordings, SUM(r.not_intended) AS notIntended
       FROM recordings r ${where.sql} GROUP BY COALESCE(r.device, '') ORDER BY recordings DESC LIMIT 50`,
    )
    .all(where.params) as Insight['perDevice'];

  const withText = where.sql
    ? `${where.sql} AND r.transcript IS NOT NULL AND r.transcript <> ''`
    : `WHERE r.transcript IS NOT NULL AND r.transcript <> ''`;
  const topRequests = db
    .prepare(
      `SELECT lower(trim(r.transcript)) AS text, COUNT(*) AS recordings
       FROM recordings r ${withText} GROUP BY text ORDER BY recordings DESC, text LIMIT 20`,
    )
    .all(where.params) as Insight['topRequests'];

  return { total, perDay, heatmap, perDevice, topRequests };
}
