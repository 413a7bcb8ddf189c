// One Assistant activity entry, as read from either the JSON or the HTML activity file.
import { z } from 'zod';
import { message, rawText, say, type Message } from '../../messages/index.ts';

export interface ActivityItem {
  format: 'json' | 'html';
  /** Position in its file, from 0. */
  index: number;
  header: string | null;
  title: string | null;
  titleUrl: string | null;
  /** The time as written: ISO in JSON, a localised date in HTML. */
  time: string | null;
  description: string | null;
  products: string[];
  activityControls: string[];
  subtitles: { name: string | null; url: string | null }[];
  details: string[];
  locationInfos: { name: string | null; url: string | null; source: string | null; sourceUrl: string | null }[];
  audioFiles: string[];
  /** HTML caption sections whose heading Earshot does not know, kept as they were. */
  otherSections: { label: string; lines: string[] }[];
}

const text = z.string().nullish();
const textList = z
  .array(z.unknown())
  .nullish()
  .transform((list) => (list ?? []).filter((v): v is string => typeof v === 'string'));

/**
 * A JSON activity entry. Lenient: unknown fields are ignored, empty `subtitles` objects (old entries)
 * are fine; only an entry that is not an object, has a field of the wrong kind of value, or carries
 * neither title, time nor audio is refused.
 */
const ENTRY_NO_CONTENT = say('google.entryNoContent');

export const jsonActivitySchema = z
  .object({
    header: text,
    title: text,
    titleUrl: text,
    time: text,
    description: text,
    products: textList,
    activityControls: textList,
    subtitles: z.array(z.object({ name: text, url: text }).or(z.unknown().transform(() => null))).nullish(),
    details: z.array(z.object({ name: text }).or(z.unknown().transform(() => null))).nullish(),
    locationInfos: z
      .array(z.object({ name: text, url: text, source: text, sourceUrl: text }).or(z.unknown().transform(() => null)))
      .nullish(),
    audioFiles: z.array(z.string()).nullish(),
  })
  .refine((i) => Boolean(i.title || i.time || i.audioFiles?.length), { message: ENTRY_NO_CONTENT });

export function activityFromJson(
  value: unknown,
  index: number,
): { ok: true; item: ActivityItem } | { ok: false; reason: Message } {
  const parsed = jsonActivitySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : null;
    const detail = (issue?.message ?? '').replace(/^Invalid input:\s*/i, '');
    // The schema's own refusal is a catalogue sentence; the others are zod's words, kept as they are.
    const said: string | Message = detail === ENTRY_NO_CONTENT ? message('google.entryNoContent') : detail;
    const reason =
      value === null || typeof value !== 'object' || Array.isArray(value)
        ? message('google.entryNotObject')
        : field
          ? detail
            ? message('google.entryBadFieldDetail', { field, detail: said })
            : message('google.entryBadField', { field })
          : detail
            ? typeof said === 'string'
              ? rawText(said)
              : said
            : message('google.entryBadForm');
    return { ok: false, reason };
  }
  const v = parsed.data;
  const present = <T>(list: (T | null)[] | null | undefined): T[] => (list ?? []).filter((x): x is T => x !== null);
  return {
    ok: true,
    item: {
      format: 'json',
      index,
      header: v.header ?? null,
      title: v.title ?? null,
      titleUrl: v.titleUrl ?? null,
      time: v.time ?? null,
      description: v.description ?? null,
      products: v.products,
      activityControls: v.activityControls,
      subtitles: present(v.subtitles).map((s) => ({ name: s.name ?? null, url: s.url ?? null })),
      details: present(v.details)
        .map((d) => d.name ?? '')
        .filter((d) => d.length > 0),
      locationInfos: present(v.locationInfos).map((l) => ({
        name: l.name ?? null,
        url: l.url ?? null,
        source: l.source ?? null,
        sourceUrl: l.sourceUrl ?? null,
      })),
      audioFiles: (v.audioFiles ?? []).filter((a) => a.trim().length > 0),
      otherSections: [],
    },
  };
}
