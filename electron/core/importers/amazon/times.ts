// Times as Amazon's tables write them: ISO-8601 UTC with `Z` (the usual), other offsets, epoch
// milliseconds or seconds, and the odd zone-less or US-style date, read as UTC.

export interface CellTime {
  utc: number | null;
  /** 'UTC', an offset like '+02:00', or null when the text carried no zone (then read as UTC). */
  zone: string | null;
}

const EARLIEST = Date.UTC(2010, 0, 1);
const LATEST = Date.UTC(2040, 0, 1);

function inRange(t: number): number | null {
  return Number.isFinite(t) && t >= EARLIEST && t < LATEST ? t : null;
}

export function parseCellTime(raw: string | number | null | undefined): CellTime {
  if (raw === null || raw === undefined) return { utc: null, zone: null };
  if (typeof raw === 'number') return { utc: inRange(raw < 1e11 ? raw * 1000 : raw), zone: 'UTC' };
  const v = raw.trim();
  if (/^\d{10}(\.\d+)?$/.test(v)) return { utc: inRange(Math.round(Number(v) * 1000)), zone: 'UTC' };
  if (/^\d{13}$/.test(v)) return { utc: inRange(Number(v)), zone: 'UTC' };
  let m =
    /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i.exec(
      v,
    );
  if (m) {
    const ms = m[7] ? Number(m[7].padEnd(3, '0').slice(0, 3)) : 0;
    let t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0), ms);
    const zoneText = m[8];
    let zone: string | null = null;
    if (zoneText && /^(Z|UTC|GMT)$/i.test(zoneText)) zone = 'UTC';
    else if (zoneText) {
      const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zoneText)!;
      const offset = (z[1] === '-' ? -1 : 1) * (+z[2]! * 60 + +z[3]!);
      t -= offset * 60_000;
      zone = `${z[1]}${z[2]}:${z[3]}`;
    }
    return { utc: inRange(t), zone };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return { utc: inRange(Date.parse(`${v}T00:00:00Z`)), zone: null };
  // US style: 08/21/2024 13:53:36 (Amazon.com's own pages write dates this way).
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?\s*(UTC|GMT|Z)?$/i.exec(v);
  if (m) {
    let h = +m[4]!;
    if (m[7]) h = (h % 12) + (/pm/i.test(m[7]) ? 12 : 0);
    return { utc: inRange(Date.UTC(+m[3]!, +m[1]! - 1, +m[2]!, h, +m[5]!, +(m[6] ?? 0))), zone: m[8] ? 'UTC' : null };
  }
  const t = Date.parse(v);
  return Number.isNaN(t) ? { utc: null, zone: null } : { utc: inRange(t), zone: /(Z|UTC|GMT)/i.test(v) ? 'UTC' : null };
}
