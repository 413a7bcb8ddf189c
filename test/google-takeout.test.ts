// The Google Takeout importer against generated Takeouts (ZIP, split ZIPs, unpacked folders; en/de/fr;
// JSON and HTML) and the real French sample in ../shared/realworld.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  headOfStream,
  openExportFiles,
  type ExportEntry,
  type ExportFiles,
} from '../electron/core/archive/export-files.ts';
import type { AccountIdentity, Message, NewRecording } from '../electron/core/model.ts';
import { english } from '../electron/core/messages/index.ts';
import type { ExportDevice, ImportSink } from '../electron/core/importers/importer.ts';
import {
  GOOGLE_NOTES,
  GOOGLE_SKIP_REASONS,
  googleTakeoutImporter,
  parseAudioFileTime,
  parseHtmlTime,
  readTitle,
} from '../electron/core/importers/google/index.ts';
import {
  EMAILS,
  englishHtmlTakeout,
  englishJsonTakeout,
  frenchNfdTakeout,
  germanHtmlTakeout,
  malformedTakeout,
  mp3Samples,
  multiPartTakeout,
  noAssistantTakeout,
  oldVoiceAndAudioTakeout,
  realworldDir,
  withoutTakeoutRoot,
  writeFolder,
  writeZip,
  type FixtureFile,
} from './fixtures/google-takeout.ts';
import { scratchFolders } from './helpers/scratch.ts';

// ---------------------------------------------------------------------------------------------
// A sink that keeps everything in memory.

interface Added {
  recording: NewRecording;
  audio: ExportEntry | null;
  audioBytes: Buffer | null;
}

class MemorySink implements ImportSink {
  readonly controller = new AbortController();
  readonly signal = this.controller.signal;
  readonly added: Added[] = [];
  account: AccountIdentity | null = null;
  readonly skipped: { path: string; reason: string }[] = [];
  readonly notes: string[] = [];
  readonly consumedPaths: string[] = [];
  readonly devices: ExportDevice[] = [];
  /** Abort after this many recordings (for the abort test). */
  abortAfter = Infinity;

  setAccount(identity: AccountIdentity) {
    this.account = identity;
  }
  addDevice(device: ExportDevice) {
    this.devices.push(device);
  }
  addMentionedName() {}
  async addRecording(recording: NewRecording, audio?: ExportEntry | null) {
    const audioBytes = audio ? await audio.read() : null;
    this.added.push({ recording, audio: audio ?? null, audioBytes });
    if (this.added.length >= this.abortAfter) this.controller.abort();
  }
  skip(p: string, reason: Message) {
    this.skipped.push({ path: p, reason: english(reason) });
  }
  note(text: Message) {
    this.notes.push(english(text));
  }
  consumed(entry: ExportEntry) {
    this.consumedPaths.push(entry.path);
  }
  async attach() {}

  get recordings() {
    return this.added.map((a) => a.recording);
  }
  byTranscript(t: string) {
    const found = this.recordings.find((r) => r.transcript === t);
    assert.ok(
      found,
      `a recording with transcript “${t}” (have: ${this.recordings.map((r) => r.transcript).join(' | ')})`,
    );
    return found;
  }
  skipReason(pathPart: string) {
    return this.skipped.find((s) => s.path.normalize('NFC').includes(pathPart.normalize('NFC')))?.reason;
  }
}

// ---------------------------------------------------------------------------------------------
// Opening fixtures, with every read watched.

interface Spied {
  files: ExportFiles;
  /** Paths whose read(), stream() or head() was called. */
  opened: Set<string>;
}

function spyOn(files: ExportFiles): Spied {
  const opened = new Set<string>();
  const entries = files.entries.map((e): ExportEntry => ({
    ...e,
    read: (max?: number) => {
      opened.add(e.path);
      return e.read(max);
    },
    stream: () => {
      opened.add(e.path);
      return e.stream();
    },
    head: (bytes: number) => {
      opened.add(e.path);
      return e.head(bytes);
    },
  }));
  return { files: { ...files, entries }, opened };
}

const scratch = scratchFolders('earshot-google-');
async function zipOf(files: FixtureFile[], name = 'takeout-20220304T000000Z-001.zip'): Promise<string> {
  return writeZip(path.join(await scratch('z'), name), files);
}
async function folderOf(files: FixtureFile[]): Promise<string> {
  return writeFolder(path.join(await scratch('f'), 'export'), files);
}

async function importPaths(inputs: string[], configure?: (sink: MemorySink) => void) {
  const raw = await openExportFiles(inputs);
  const { files, opened } = spyOn(raw);
  const sink = new MemorySink();
  configure?.(sink);
  try {
    const detection = googleTakeoutImporter.detect(files);
    await googleTakeoutImporter.run(files, sink);
    return { sink, opened, detection, files };
  } finally {
    await raw.close();
  }
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const isMp3 = (b: Buffer | null) => b !== null && b.length > 4 && b[0] === 0xff && (b[1]! & 0xe0) === 0xe0;

/** Every entry that is not the Assistant's, the account page or the profile was never opened. */
function assertOnlyAssistantRead(sink: MemorySink, opened: Set<string>) {
  const otherReasons = new Set<string>([
    english(GOOGLE_SKIP_REASONS.otherProduct),
    english(GOOGLE_SKIP_REASONS.otherActivity),
  ]);
  const others = sink.skipped.filter((s) => otherReasons.has(s.reason));
  assert.ok(others.length > 0, 'other products are reported as skipped');
  for (const s of others) assert.ok(!opened.has(s.path), `${s.path} was never read`);
}

// ---------------------------------------------------------------------------------------------

describe('pure helpers', () => {
  test('HTML times in English, German and French, with and without zones', () => {
    const cases: [string, string | null, string | null][] = [
      ['Mar 4, 2022, 1:45:28 PM EDT', '2022-03-04T17:45:28.000Z', 'EDT'],
      ['Mar 4, 2022, 1:45:28\u202fPM EST', '2022-03-04T18:45:28.000Z', 'EST'],
      ['Jun 11, 2015, 10:58:40 PM', '2015-06-11T22:58:40.000Z', null],
      ['Sep 6, 2019, 12:05:00 AM UTC', '2019-09-06T00:05:00.000Z', 'UTC'],
      ['04.03.2022, 13:45:28 MEZ', '2022-03-04T12:45:28.000Z', 'MEZ'],
      ['4. März 2022, 13:45:28 MESZ', '2022-03-04T11:45:28.000Z', 'MESZ'],
      ['4 mars 2022, 13:45:28 UTC+1', '2022-03-04T12:45:28.000Z', 'UTC+1'],
      ['16 mai 2022, 00:58:09 UTC\u22127', '2022-05-16T07:58:09.000Z', 'UTC-7'],
      ['4 déc. 2021, 09:00:00 CET', '2021-12-04T08:00:00.000Z', 'CET'],
      ['Jan 1, 2021, 10:00:00 AM GMT+05:30', '2021-01-01T04:30:00.000Z', 'GMT+05:30'],
      ['Mar 4, 2022, 1:45:28 PM IST', '2022-03-04T08:15:28.000Z', 'IST'],
      ['not a date', null, null],
      ['Feb 30, 2022, 1:00:00 PM UTC', null, null],
    ];
    for (const [text, want, zone] of cases) {
      const got = parseHtmlTime(text);
      assert.equal(iso(got.utc), want, text);
      if (want) assert.equal(got.zone, zone, `${text} zone`);
    }
    const unknown = parseHtmlTime('Mar 6, 2022, 9:00:00 AM XYZT');
    assert.equal(unknown.zoneUnknown, true);
    assert.equal(iso(unknown.utc), '2022-03-06T09:00:00.000Z');
  });

  test('audio file name times', () => {
    assert.equal(iso(parseAudioFileTime('2018-04-16_11_42_55_659_UTC.mp3')), '2018-04-16T11:42:55.659Z');
    assert.equal(parseAudioFileTime('recording.mp3'), null);
  });

  test('titles: "said" forms per language, unknown commands, actions, unknown forms kept whole', () => {
    const cases: [string, string | null][] = [
      ['Said say I love you', 'say I love you'],
      ['Said\u00a0what time is it', 'what time is it'],
      ['Vous avez dit comme tu veux', 'comme tu veux'],
      ['Gesagt: Licht an', 'Licht an'],
      ['Du hast „Licht an“ gesagt', 'Licht an'],
      ['„Wie spät ist es“ gesagt', 'Wie spät ist es'],
      ['Je hebt "hallo" gezegd', 'hallo'],
      ['Has dicho pon música', 'pon música'],
      ['Hai detto accendi la luce', 'accendi la luce'],
      ['Commande vocale inconnue', null],
      ['Unknown voice command', null],
      ['Application utilisée : Assistant', null],
      ['"Maps" sélectionné', null],
      ['Used Assistant', null],
      ['Sagte etwas Unbekanntes', 'Sagte etwas Unbekanntes'],
    ];
    for (const [title, transcript] of cases) assert.equal(readTitle(title).transcript, transcript, title);
  });
});

describe('detect', () => {
  const fake = (paths: string[]): ExportFiles => ({
    entries: paths.map((p) => ({
      path: p,
      name: p.slice(p.lastIndexOf('/') + 1),
      size: 10,
      container: 'x.zip',
      modifiedMs: null,
      read: () => Promise.reject(new Error('detect must not read')),
      head: () => Promise.reject(new Error('detect must not read')),
      stream: () => Promise.reject(new Error('detect must not read')),
    })),
    inputs: ['x.zip'],
    skipped: [],
    close: async () => {},
  });

  test('scores Takeouts in any language and says when there is no Assistant activity', () => {
    const en = googleTakeoutImporter.detect(
      fake(['Takeout/archive_browser.html', 'Takeout/My Activity/Assistant/MyActivity.json']),
    );
    assert.ok(en.score >= 80);
    assert.equal(en.kind, 'google-takeout');
    assert.deepEqual(en.recognised.map(english), ['a Google Takeout export']);

    const de = googleTakeoutImporter.detect(
      fake(['Takeout/Archiv_Übersicht.html', 'Takeout/Meine Aktivitäten/Assistant/MeineAktivitäten.html']),
    );
    assert.ok(de.score >= 80);

    const fr = googleTakeoutImporter.detect(
      fake(['Takeout/Mon activité/Maps/MonActivité.json', 'Takeout/archive_browser.html']),
    );
    assert.ok(fr.score > 0);
    assert.equal(english(fr.recognised[0]!), 'a Google Takeout export');
    assert.match(fr.recognised[1] ? english(fr.recognised[1]) : '', /no Assistant activity/);

    const unpacked = googleTakeoutImporter.detect(
      fake(['My Activity/Assistant/MyActivity.json', 'My Activity/Assistant/2018-04-16_11_42_55_659_UTC.mp3']),
    );
    assert.ok(unpacked.score > 0);

    const amazon = googleTakeoutImporter.detect(
      fake(['Alexa/Alexa.csv', 'Additional Data/Alexa/Voice/a.wav', 'FileDescriptions.csv']),
    );
    assert.equal(amazon.score, 0);
    assert.deepEqual(amazon.recognised, []);
  });
});

describe('English Takeout, JSON', () => {
  const samples = mp3Samples();
  const [s1, s2, s3, s4, s5] = samples as [
    (typeof samples)[0],
    (typeof samples)[0],
    (typeof samples)[0],
    (typeof samples)[0],
    (typeof samples)[0],
  ];

  test('imports entries with and without audio, links audio by name, keeps unreferenced audio', async () => {
    const { sink, opened, detection } = await importPaths([await zipOf(englishJsonTakeout())]);
    assert.ok(detection.score > 0);
    assert.equal(sink.account?.value, EMAILS.en, 'the account from the heading, not the decoys');
    assert.equal(sink.account?.kind, 'email');
    assert.equal(sink.account?.foundIn, 'Takeout/archive_browser.html');

    // 8 well-formed entries + 1 audio file no entry names.
    assert.equal(sink.recordings.length, 9);
    for (const r of sink.recordings) assert.equal(r.source, 'google-assistant');

    const castor = sink.byTranscript(s4.transcript);
    assert.equal(castor.title, `Said ${s4.transcript}`);
    assert.equal(castor.timeUtc, s4.timeUtc - 2411, 'JSON time, not the audio name time');
    assert.equal(castor.timeOriginal, new Date(s4.timeUtc - 2411).toISOString());
    assert.equal(castor.timeZone, 'UTC');
    assert.equal(castor.response, 'Here’s what I found on the web');
    assert.deepEqual(castor.vendorFlags, ['Started by hotword']);
    assert.equal(castor.unrecognizedSpeaker, false);
    assert.equal(castor.audioPath, `Takeout/My Activity/Assistant/${s4.name}`);
    assert.equal(castor.device, null);
    assert.match(String(castor.extra.titleUrl), /search\?q=how\+to/);
    assert.deepEqual(castor.extra.products, ['Assistant']);
    assert.equal(
      (castor.extra.locationInfos as { url: string }[])[0]?.url,
      'https://www.google.com/maps/search/?api=1&query=41.7,-88.3',
    );

    const bouncer = sink.byTranscript(s3.transcript);
    assert.equal(bouncer.unrecognizedSpeaker, true);
    assert.deepEqual(bouncer.vendorFlags, ['Started by hotword', 'From unrecognized speaker']);

    const withAudio = sink.added.filter((a) => a.audio);
    assert.equal(withAudio.length, 5, '4 linked + 1 unreferenced');
    for (const a of withAudio) assert.ok(isMp3(a.audioBytes), `${a.audio?.path} is MPEG audio`);
    for (const [s, r] of [s1, s2, s3, s4].map((s) => [s, sink.byTranscript(s.transcript)] as const)) {
      assert.equal(r.audioPath?.endsWith(s.name), true, `${s.transcript} is linked to ${s.name}`);
    }

    const weather = sink.byTranscript("what's the weather in Rock & Roll Town");
    assert.equal(weather.audioPath, null);
    assert.equal(weather.response, "It's 18 degrees and sunny.");
    assert.equal(weather.device, 'Google App');
    assert.equal(weather.timeUtc, Date.parse('2019-09-05T07:00:00.123Z'));

    const unknown = sink.recordings.find((r) => r.title === 'Unknown voice command');
    assert.equal(unknown?.transcript, null);

    const missing = sink.byTranscript('turn off the lights');
    assert.equal(missing.audioPath, null);
    assert.deepEqual(missing.extra.audioMissing, ['2019-09-03_20_00_01_000_UTC.mp3']);
    assert.ok(sink.notes.some((n) => /1 Assistant entry names audio that is not in this export/.test(n)));

    const hello = sink.byTranscript('hello');
    assert.equal(hello.response, null, 'empty subtitle objects are fine');

    const orphan = sink.recordings.find((r) => r.audioPath?.endsWith(s5.name));
    assert.ok(orphan);
    assert.equal(orphan.transcript, null);
    assert.equal(orphan.title, null);
    assert.equal(orphan.timeUtc, s5.timeUtc);
    assert.equal(orphan.key, `google:audio:${s5.name}`);

    assert.ok(
      sink.skipped.some((s) => /MyActivity\.json › entry 8$/.test(s.path) && /title/.test(s.reason)),
      'the malformed entry is reported',
    );
    assert.ok(!sink.notes.includes(english(GOOGLE_NOTES.noAudio)));

    assert.equal(sink.skipReason('Location History/Records.json'), english(GOOGLE_SKIP_REASONS.otherProduct));
    assert.equal(sink.skipReason('My Activity/Maps/MyActivity.json'), english(GOOGLE_SKIP_REASONS.otherActivity));
    assert.equal(sink.skipReason('My Activity/Search/MyActivity.html'), english(GOOGLE_SKIP_REASONS.otherActivity));
    assertOnlyAssistantRead(sink, opened);
    assert.ok(sink.consumedPaths.includes('Takeout/My Activity/Assistant/MyActivity.json'));
    assert.ok(sink.consumedPaths.includes('Takeout/archive_browser.html'));
    assert.equal(sink.consumedPaths.filter((p) => p.endsWith('.mp3')).length, 5);

    const keys = sink.recordings.map((r) => r.key);
    assert.equal(new Set(keys).size, keys.length, 'keys are unique');
  });

  test('keys are stable across re-imports, unpacked folders (with or without Takeout/) and split parts', async () => {
    const zip = await importPaths([await zipOf(englishJsonTakeout())]);
    const again = await importPaths([await zipOf(englishJsonTakeout())]);
    const folder = await importPaths([await folderOf(englishJsonTakeout())]);
    const bare = await importPaths([await folderOf(withoutTakeoutRoot(englishJsonTakeout()))]);
    const { part1, part2 } = multiPartTakeout();
    const dir = await zipOf(part1, 'takeout-20220304T000000Z-001.zip');
    const parts = await importPaths([
      dir,
      await writeZip(path.join(path.dirname(dir), 'takeout-20220304T000000Z-002.zip'), part2),
    ]);

    const summary = (s: MemorySink) =>
      s.recordings
        .map((r) => `${r.key} ${r.transcript} ${r.audioPath?.replace(/^Takeout\//, '') ?? '-'}`)
        .sort()
        .join('\n');
    assert.equal(summary(again.sink), summary(zip.sink));
    assert.equal(summary(folder.sink), summary(zip.sink));
    assert.equal(summary(bare.sink), summary(zip.sink), 'a dropped Takeout folder without the root segment');
    assert.equal(summary(parts.sink), summary(zip.sink), 'audio in part 2 links to the JSON in part 1');
    assert.equal(parts.sink.added.filter((a) => a.audio && isMp3(a.audioBytes)).length, 5);
    assert.equal(bare.sink.account?.value, EMAILS.en);
    assert.equal(parts.sink.account?.value, EMAILS.en);
    assertOnlyAssistantRead(parts.sink, parts.opened);
  });
});

describe('English Takeout, HTML', () => {
  test('reads entries, zones, entities, captions and audio links', async () => {
    const heart = mp3Samples()[5]!;
    const bouncer = mp3Samples()[2]!;
    const { sink, opened } = await importPaths([await zipOf(englishHtmlTakeout())]);
    assert.equal(sink.recordings.length, 5);

    const rock = sink.byTranscript('play rock & roll');
    assert.equal(rock.title, 'Said play rock & roll');
    assert.equal(iso(rock.timeUtc), '2022-03-04T17:45:28.000Z');
    assert.equal(rock.timeOriginal, 'Mar 4, 2022, 1:45:28 PM EDT');
    assert.equal(rock.timeZone, 'EDT');
    assert.equal(rock.response, 'Playing rock & roll on Spotify.');
    assert.deepEqual(rock.vendorFlags, ['Started by hotword', 'From unrecognized speaker']);
    assert.equal(rock.unrecognizedSpeaker, true);
    assert.deepEqual(rock.extra.products, ['Assistant']);
    assert.equal(rock.extra.titleUrl, 'https://www.google.com/search?q=rock+%26+roll');
    const loc = (rock.extra.locationInfos as { name: string; url: string; source: string }[])[0];
    assert.equal(loc?.source, 'From your places (Home)');
    assert.match(loc?.url ?? '', /^https:\/\/www\.google\.com\/maps\/@\?api=1&map_action=map/);
    assert.equal(rock.audioPath, null);

    const h = sink.byTranscript(heart.transcript);
    assert.equal(iso(h.timeUtc), '2015-06-11T22:58:40.000Z', 'before 2018: no zone, UTC');
    assert.equal(h.timeZone, null);
    assert.equal(h.audioPath, `Takeout/My Activity/Assistant/${heart.name}`);

    const b = sink.byTranscript(bouncer.transcript);
    assert.equal(iso(b.timeUtc), '2019-09-06T02:44:15.000Z');
    assert.equal(b.timeZone, 'UTC');
    assert.equal(b.audioPath, `Takeout/My Activity/Assistant/${bouncer.name}`, 'linked through an <a href>');

    assert.equal(iso(sink.byTranscript('set an alarm for 7').timeUtc), '2022-03-05T17:00:00.000Z');
    const unknownZone = sink.byTranscript('what time is it');
    assert.equal(unknownZone.extra.timeZoneUnknown, true);
    assert.ok(sink.notes.some((n) => n.includes('“XYZT”')));

    assert.equal(sink.added.filter((a) => isMp3(a.audioBytes)).length, 2);
    assertOnlyAssistantRead(sink, opened);
  });
});

describe('German Takeout, HTML, U+00A0 in folder names', () => {
  test('finds the translated folders, reads German dates, titles and flags', async () => {
    const [s1, s2] = mp3Samples();
    const { sink, opened, detection } = await importPaths([await zipOf(germanHtmlTakeout())]);
    assert.ok(detection.score >= 80);
    assert.equal(sink.account?.value, EMAILS.de);
    assert.equal(sink.account?.foundIn, 'Takeout/Archiv_Übersicht.html');
    assert.equal(sink.recordings.length, 4);

    const licht = sink.byTranscript('Licht im Wohnzimmer an');
    assert.equal(iso(licht.timeUtc), '2019-09-06T02:27:38.000Z');
    assert.equal(licht.timeZone, 'MESZ');
    assert.equal(licht.audioPath?.endsWith(s1!.name), true);
    assert.equal(licht.unrecognizedSpeaker, true);
    assert.deepEqual(licht.vendorFlags, ['Durch Hotword gestartet', 'Von nicht erkanntem Sprecher']);
    assert.equal((licht.extra.locationInfos as { source: string }[])[0]?.source, 'Von Ihrem Gerät');

    const unknown = sink.recordings.find((r) => r.title === 'Unbekannter Sprachbefehl');
    assert.equal(unknown?.transcript, null);
    assert.equal(iso(unknown?.timeUtc ?? null), '2022-03-04T12:45:28.000Z');

    const time = sink.byTranscript('Wie spät ist es');
    assert.equal(iso(time.timeUtc), '2022-03-05T07:00:00.000Z');
    assert.equal(time.response, 'Es ist 8 Uhr.');

    const wecker = sink.byTranscript('Wecker stellen');
    assert.equal(wecker.audioPath?.endsWith(s2!.name), true);

    assert.equal(sink.skipReason('YouTube/MeineAktivitäten.html'), english(GOOGLE_SKIP_REASONS.otherActivity));
    assert.equal(sink.skipReason('Assistant Memory/MeineAktivitäten.json'), english(GOOGLE_SKIP_REASONS.otherActivity));
    assertOnlyAssistantRead(sink, opened);
  });
});

describe('French Takeout, NFD names', () => {
  test('matches NFD + U+00A0 folder names, French titles and flags', async () => {
    const heart = mp3Samples()[6]!;
    for (const input of [await zipOf(frenchNfdTakeout()), await folderOf(frenchNfdTakeout())]) {
      const { sink, opened } = await importPaths([input]);
      assert.equal(sink.account?.value, EMAILS.fr);
      assert.equal(sink.recordings.length, 3);
      const light = sink.byTranscript('allume la lumière');
      assert.equal(light.unrecognizedSpeaker, true);
      assert.equal(light.audioPath?.endsWith(heart.name), true);
      assert.equal(iso(light.timeUtc), '2021-11-05T18:30:00.250Z');
      assert.equal(sink.recordings.find((r) => r.title === 'Commande vocale inconnue')?.transcript, null);
      assert.equal(sink.recordings.find((r) => r.title === 'Application utilisée : Assistant')?.transcript, null);
      assert.equal(sink.skipReason('Recherche d_images/MonActivité.json'), english(GOOGLE_SKIP_REASONS.otherActivity));
      assertOnlyAssistantRead(sink, opened);
    }
  });
});

describe('older layout: My Activity/Voice and Audio', () => {
  test('reads “My Activity.json”, its mp3s, and the account from Profile.json', async () => {
    const [heart, other] = [mp3Samples()[5]!, mp3Samples()[6]!];
    const { sink } = await importPaths([await zipOf(oldVoiceAndAudioTakeout())]);
    assert.deepEqual(sink.account, { value: EMAILS.profile, kind: 'email', foundIn: 'Takeout/Profile/Profile.json' });
    assert.equal(sink.recordings.length, 2);
    const said = sink.byTranscript(heart.transcript);
    assert.equal(said.audioPath?.endsWith(heart.name), true);
    assert.deepEqual(said.extra.products, ['Voice and Audio']);
    const orphan = sink.recordings.find((r) => r.audioPath?.endsWith(other.name));
    assert.equal(orphan?.transcript, null);
    assert.equal(orphan?.timeUtc, other.timeUtc);
    assert.ok(sink.notes.some((n) => /1 audio file is not named/.test(n)));
  });
});

describe('damaged and unusual exports', () => {
  test('malformed JSON/HTML is skipped with reasons, never thrown', async () => {
    const { sink } = await importPaths([await zipOf(malformedTakeout())]);
    const damaged = 'Takeout/My Activity/Assistant/MyActivity.json';
    assert.ok(
      sink.skipReason(damaged)?.includes('not valid JSON') || sink.notes.some((n) => n.includes(damaged)),
      'the truncated JSON is reported',
    );
    assert.match(sink.skipReason('Voice and Audio/MyActivity.json') ?? '', /not a list of activity entries/);
    assert.match(sink.skipReason('Voice and Audio/MyActivity.html') ?? '', /no activity entries/);
    assert.equal(sink.skipReason('Voice and Audio/notes.txt'), english(GOOGLE_SKIP_REASONS.assistantOther));
    // The one mp3 is still kept, as a recording without transcript.
    assert.equal(sink.added.filter((a) => a.audio).length, 1);
  });

  test('a Takeout without the Assistant says so and reads nothing but the account page', async () => {
    const { sink, opened, detection } = await importPaths([await zipOf(noAssistantTakeout())]);
    assert.ok(detection.score > 0);
    assert.match(detection.recognised.map(english).join(' '), /no Assistant activity/);
    assert.equal(sink.recordings.length, 0);
    assert.ok(sink.notes.includes(english(GOOGLE_NOTES.noAssistant)));
    assert.deepEqual([...opened], ['Takeout/archive_browser.html']);
  });

  test('a large activity file is streamed, never read whole; other products are never opened', async () => {
    const count = 40_000;
    const entryFor = (p: string, size: number, stream: () => Readable): ExportEntry => ({
      path: p,
      name: p.slice(p.lastIndexOf('/') + 1),
      size,
      container: 'spy.zip',
      modifiedMs: null,
      read: () => Promise.reject(new Error(`read() called on ${p}`)),
      stream: async () => stream(),
      head: (bytes) => headOfStream(stream(), bytes),
    });
    function* activityChunks() {
      yield '[';
      for (let i = 0; i < count; i++) {
        const item = {
          header: 'Assistant',
          title: `Said number ${i}`,
          time: new Date(Date.UTC(2020, 0, 1) + i * 1000).toISOString(),
          products: ['Assistant'],
        };
        yield (i ? ',' : '') + JSON.stringify(item);
      }
      yield ']';
    }
    let otherOpened = false;
    const files: ExportFiles = {
      entries: [
        entryFor('Takeout/My Activity/Assistant/MyActivity.json', 5_000_000, () =>
          Readable.from(activityChunks(), { objectMode: false }),
        ),
        entryFor('Takeout/My Activity/YouTube/MyActivity.json', 500 * 1024 ** 2, () => {
          otherOpened = true;
          throw new Error('must not open');
        }),
      ],
      inputs: ['spy.zip'],
      skipped: [],
      close: async () => {},
    };
    const sink = new MemorySink();
    await googleTakeoutImporter.run(files, sink);
    assert.equal(sink.recordings.length, count);
    assert.equal(otherOpened, false);
    assert.equal(sink.recordings[count - 1]?.transcript, `number ${count - 1}`);
    assert.ok(sink.notes.includes(english(GOOGLE_NOTES.noAudio)));
  });

  test('stops between entries when the import is cancelled', async () => {
    const { part1 } = multiPartTakeout();
    const zip = await zipOf(part1);
    const raw = await openExportFiles([zip]);
    try {
      const sink = new MemorySink();
      sink.abortAfter = 2;
      await assert.rejects(googleTakeoutImporter.run(raw, sink), (e: Error) => e.name === 'AbortError');
      assert.equal(sink.recordings.length, 2);
    } finally {
      await raw.close();
    }
  });
});

describe('real sample: google-takeout-fr-2022.zip', () => {
  const sample = path.join(realworldDir, 'google-takeout-fr-2022.zip');
  const present = existsSync(sample);
  test(
    'imports exactly its 17 Assistant entries as text-only recordings',
    { skip: present ? false : `real sample absent: ${sample}` },
    async () => {
      const { sink, opened, detection } = await importPaths([sample]);
      assert.ok(detection.score >= 80);
      assert.deepEqual(detection.recognised.map(english), ['a Google Takeout export']);

      assert.equal(sink.recordings.length, 17);
      for (const r of sink.recordings) {
        assert.equal(r.audioPath, null);
        assert.equal(r.source, 'google-assistant');
        assert.equal(r.timeZone, 'UTC');
        assert.equal(r.extra.activityFile, 'Takeout/Mon activité/Assistant/MonActivité.json');
      }
      assert.equal(sink.added.filter((a) => a.audio).length, 0);
      assert.equal(new Set(sink.recordings.map((r) => r.key)).size, 17, 'distinct keys');

      const first = sink.recordings[0]!;
      assert.equal(first.title, 'Vous avez dit comme tu veux');
      assert.equal(first.transcript, 'comme tu veux');
      assert.equal(first.timeOriginal, '2019-08-17T18:27:53.075Z');
      assert.equal(first.timeUtc, Date.UTC(2019, 7, 17, 18, 27, 53, 75));
      assert.equal(first.extra.titleUrl, 'https://www.google.com/search?q=comme+tu+veux');
      assert.equal((first.extra.locationInfos as { source: string }[])[0]?.source, "D'après votre appareil");

      assert.equal(
        sink.byTranscript("le retrouve au milieu de l'église avec son").timeUtc,
        Date.parse('2019-08-11T14:27:24.551Z'),
      );
      assert.equal(sink.recordings.filter((r) => r.title?.startsWith('Vous avez dit')).length, 5);
      assert.equal(sink.recordings.filter((r) => r.transcript !== null).length, 5);
      assert.equal(sink.recordings.find((r) => r.title === 'Commande vocale inconnue')?.transcript, null);
      assert.equal(
        sink.recordings.filter((r) => r.title === 'Application utilisée\u00a0: Assistant').length,
        10,
        'titles kept verbatim (U+00A0 before the colon)',
      );
      const last = sink.recordings[16]!;
      assert.equal(iso(last.timeUtc), '2018-03-26T13:38:45.222Z');

      assert.equal(sink.account?.value, 'tomtom74499@gmail.com');
      assert.equal(sink.account?.foundIn, 'Takeout/archive_browser.html');
      assert.ok(sink.notes.includes(english(GOOGLE_NOTES.noAudio)));

      // 26 files: the Assistant JSON and the overview page are read; the 24 others are skipped unread.
      assert.equal(sink.skipped.length, 24);
      assert.equal(sink.skipReason('Historique des positions/Records.json'), english(GOOGLE_SKIP_REASONS.otherProduct));
      assert.equal(
        sink.skipReason('Mon activité/YouTube/MonActivité.json'),
        english(GOOGLE_SKIP_REASONS.otherActivity),
      );
      assert.equal(
        sink.skipReason('Mon activité/Takeout/MonActivité.json'),
        english(GOOGLE_SKIP_REASONS.otherActivity),
      );
      assertOnlyAssistantRead(sink, opened);
      assert.deepEqual([...opened].sort(), [
        'Takeout/Mon activité/Assistant/MonActivité.json',
        'Takeout/archive_browser.html',
      ]);
      assert.deepEqual(sink.consumedPaths.sort(), [
        'Takeout/Mon activité/Assistant/MonActivité.json',
        'Takeout/archive_browser.html',
      ]);
    },
  );
});
