// Devices that don't fit what the user said: recordings from an assistant the user does not have
// ("1,700 recordings from Alexa devices, but you said you have none"), and, once the user has said
// which devices are theirs, recordings from devices they did not confirm.
import type { Db } from '../db/library.ts';
import { message } from '../messages/index.ts';
import { foldPlace } from './places.ts';
import { deniesAssistant, type Profile } from './profile.ts';
import type { ComputedWarning } from './warning-types.ts';

/** The assistant's name as people know it. */
export function assistantName(source: string): string {
  return source === 'alexa' ? 'Alexa' : source === 'google-assistant' ? 'Google Assistant' : source;
}

const sameDevice = (a: string, b: string) => foldPlace(a) === foldPlace(b);

interface DeviceRow {
  exportId: number;
  source: string;
  device: string | null;
  serial: string | null;
  recordings: number;
  firstTime: number | null;
  lastTime: number | null;
}

function deviceRows(db: Db): DeviceRow[] {
  return db
    .prepare(
      `SELECT export_id AS exportId, source, device, device_serial AS serial, COUNT(*) AS recordings,
         MIN(time_utc) AS firstTime, MAX(time_utc) AS lastTime
       FROM recordings GROUP BY export_id, source, device, device_serial ORDER BY export_id, recordings DESC`,
    )
    .all() as DeviceRow[];
}

/** Whether the user confirmed this device (by name or serial). */
export function isConfirmedDevice(profile: Profile, device: string | null, serial: string | null): boolean {
  return profile.devices.some((d) => (device != null && sameDevice(d, device)) || (serial != null && d === serial));
}

export function deviceWarnings(db: Db, profile: Profile): ComputedWarning[] {
  const rows = deviceRows(db);
  const out: ComputedWarning[] = [];
  // An assistant the user said they don't have: one warning per export and assistant.
  const denied = new Map<string, DeviceRow[]>();
  for (const r of rows) {
    if (!deniesAssistant(profile, r.source)) continue;
    const key = `${r.exportId}:${r.source}`;
    denied.set(key, [...(denied.get(key) ?? []), r]);
  }
  for (const [key, list] of denied) {
    const count = list.reduce((s, r) => s + r.recordings, 0);
    const assistant = assistantName(list[0]!.source);
    const devices = [...new Set(list.map((r) => r.device).filter((d): d is string => !!d))];
    out.push({
      key: `device:${key}`,
      kind: 'device',
      severity: 'warning',
      exportId: list[0]!.exportId,
      subject: assistant,
      reason: message(profile.noAssistant ? 'warnings.assistantNone' : 'warnings.assistantNotYours', {
        count,
        assistant,
      }),
      evidence: {
        assistant,
        source: list[0]!.source,
        recordings: count,
        devices,
        said: profile.noAssistant ? 'none' : 'not-this',
      },
      confidence: 0.85,
      recordingIds: [],
      firstTime: minOf(list.map((r) => r.firstTime)),
      lastTime: maxOf(list.map((r) => r.lastTime)),
    });
  }
  // Devices the user did not confirm, once they have confirmed some.
  if (profile.devices.length === 0) return out;
  const byExport = new Map<number, DeviceRow[]>();
  for (const r of rows) {
    if (!r.device && !r.serial) continue;
    if (deniesAssistant(profile, r.source)) continue; // already said above
    byExport.set(r.exportId, [...(byExport.get(r.exportId) ?? []), r]);
  }
  const idsOf = db.prepare(
    `SELECT id FROM recordings WHERE export_id = ? AND source = ? AND device IS ? AND device_serial IS ?`,
  );
  for (const [exportId, list] of byExport) {
    const confirmed = list.some((r) => isConfirmedDevice(profile, r.device, r.serial));
    for (const r of list) {
      if (isConfirmedDevice(profile, r.device, r.serial)) continue;
      const name = r.device ?? r.serial!;
      out.push({
        key: `device:${exportId}:${foldPlace(name)}`,
        kind: 'device',
        // Beside devices the user confirmed, a new one is only worth a notice.
        severity: confirmed ? 'notice' : 'warning',
        exportId,
        subject: name,
        reason: message('warnings.deviceUnconfirmed', { count: r.recordings, device: name }),
        evidence: { device: name, serial: r.serial, source: r.source, confirmedInExport: confirmed },
        confidence: confirmed ? 0.3 : 0.5,
        recordingIds: idsOf.pluck().all(exportId, r.source, r.device, r.serial) as number[],
        firstTime: r.firstTime,
        lastTime: r.lastTime,
      });
    }
  }
  return out;
}

function minOf(xs: (number | null)[]): number | null {
  const v = xs.filter((x): x is number => x != null);
  return v.length ? Math.min(...v) : null;
}
function maxOf(xs: (number | null)[]): number | null {
  const v = xs.filter((x): x is number => x != null);
  return v.length ? Math.max(...v) : null;
}
