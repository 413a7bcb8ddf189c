// What the window asks the library for: a page of the list (search, filters, sort) and a selection
// to delete. Schemas, so that every transport validates them and the database reads the defaults;
// a leaf (zod and the model only), so the database layer can use them without the API.
import { z } from 'zod';
import { RECORDING_SOURCES } from '../model.ts';

export const id = z.number().int().positive();
const time = z.number().int().min(-8_640_000_000_000_000).max(8_640_000_000_000_000);

export const RecordingFilters = z
  .object({
    from: time.nullable().optional(),
    to: time.nullable().optional(),
    devices: z.array(z.string().max(500)).max(200).optional(),
    exportIds: z.array(id).max(200).optional(),
    sources: z.array(z.enum(RECORDING_SOURCES)).max(10).optional(),
    notIntended: z.boolean().optional(),
    noTranscript: z.boolean().optional(),
    unrecognizedSpeaker: z.boolean().optional(),
    hasAudio: z.boolean().optional(),
    /** Only recordings with an open warning. */
    flagged: z.boolean().optional(),
    /** Only the recordings one warning is about. */
    warningId: id.optional(),
    /** Only one weekday (0 = Monday) and hour, in the local time the offset gives (as Date.getTimezoneOffset). */
    slot: z
      .object({
        weekday: z.number().int().min(0).max(6),
        hour: z.number().int().min(0).max(23),
        tzOffsetMinutes: z.number().int().min(-900).max(900),
      })
      .strict()
      .optional(),
  })
  .strict();
export type RecordingFilters = z.infer<typeof RecordingFilters>;

export const ListQuery = z
  .object({
    search: z.string().max(500).default(''),
    filters: RecordingFilters.default({}),
    sort: z.enum(['newest', 'oldest', 'longest', 'shortest']).default('newest'),
    offset: z.number().int().min(0).max(100_000_000).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
export type ListQuery = z.input<typeof ListQuery>;

/** Recordings to export together. */
export const SelectionIds = z.array(id).min(1).max(100_000);

/** What to delete: some recordings, a whole export, or a time range; at least one must be given. */
export const DeleteSelection = z
  .object({
    ids: z.array(id).max(100_000).optional(),
    exportId: id.optional(),
    from: time.optional(),
    to: time.optional(),
  })
  .strict()
  .refine((s) => s.ids?.length || s.exportId != null || (s.from != null && s.to != null), {
    message: 'say which recordings: ids, an export, or a time range with both ends',
  });
export type DeleteSelection = z.input<typeof DeleteSelection>;
