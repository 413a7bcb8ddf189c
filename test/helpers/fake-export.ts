// A minimal export kind for testing the import pipeline itself, independent of any vendor's layout:
// `recordings.json` lists recordings; `audio/<name>` holds their audio.
import type { Importer } from '../../electron/core/importers/importer.ts';
import type { NewRecording } from '../../electron/core/model.ts';
import { rawText } from '../../electron/core/messages/index.ts';

export interface FakeRecording {
  id: string;
  time: string;
  text?: string;
  response?: string;
  device?: string;
  audio?: string;
  notIntended?: boolean;
  source?: NewRecording['source'];
  speakerLabel?: string;
  unrecognizedSpeaker?: boolean;
}

export function fakeRecording(r: FakeRecording): NewRecording {
  return {
    key: `fake:${r.id}`,
    source: r.source ?? 'alexa',
    timeUtc: Date.parse(r.time),
    timeOriginal: r.time,
    timeZone: 'UTC',
    device: r.device ?? null,
    deviceSerial: null,
    title: null,
    transcript: r.text ?? null,
    response: r.response ?? null,
    notIntended: r.notIntended ?? false,
    unrecognizedSpeaker: r.unrecognizedSpeaker ?? false,
    vendorFlags: [],
    speakerLabel: r.speakerLabel ?? null,
    audioPath: r.audio ? `audio/${r.audio}` : null,
    extra: {},
  };
}

export function fakeImporter(
  hooks: {
    afterEach?: (index: number) => void | Promise<void>;
    /** The account the export names; null for an export that names none (the c't case). */
    account?: string | null;
    /** A note the importer gives about the export (as real importers do about files they leave out). */
    note?: string;
  } = {},
): Importer {
  return {
    detect: (files) => ({
      kind: 'alexa-voice-history',
      score: files.entries.some((e) => e.name === 'recordings.json') ? 1 : 0,
      recognised: [],
    }),
    async run(files, sink) {
      const list = files.entries.find((e) => e.name === 'recordings.json')!;
      sink.consumed(list);
      const items = JSON.parse((await list.read()).toString('utf8')) as FakeRecording[];
      const account = hooks.account === undefined ? 'someone@example.com' : hooks.account;
      if (account) sink.setAccount({ value: account, kind: 'email', foundIn: list.path });
      if (hooks.note) sink.note(rawText(hooks.note));
      for (const [i, item] of items.entries()) {
        const audio = item.audio ? files.entries.find((e) => e.path.endsWith(`audio/${item.audio}`)) : null;
        await sink.addRecording(fakeRecording(item), audio ?? null);
        await hooks.afterEach?.(i);
      }
    },
  };
}
