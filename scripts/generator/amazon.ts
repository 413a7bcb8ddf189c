// An Amazon "Request All Your Data" export, 2024 layout: `All Data Categories.N.zip` parts holding
// `Additional Data/Alexa/Alexa/NLU/Intent-2-1.csv` (UTF-8 with BOM, no audio reference, no device),
// its copy in the readable tree, `Additional Data/Alexa/Voice/<utterance id>.wav` (16 kHz 16-bit
// mono, 1–6 s; the id carries the device serial and the time), `Devices/Device Registration.csv`,
// contacts, FileDescriptions.csv and another data category that must be left unread.
import path from 'node:path';
import { paddedPcm, recordingSeconds, speechPool, wavFile, type SpeechClip } from './clips.ts';
import { createRandom } from './random.ts';
import { activityTimes, utterance, type Lang } from './vocabulary.ts';
import { PartedZip } from './zip-writer.ts';
import type { GeneratedExport, GenerateOptions } from './types.ts';

const FROM = Date.UTC(2018, 8, 1);
const TO = Date.UTC(2024, 7, 31);
const EXPORTED = new Date(Date.UTC(2024, 8, 12, 6, 30, 0));
const CUSTOMER = 'A3S5BH2HU6VAYF';

const NOT_INTENDED: Record<Lang, string> = {
  en: 'Text not available – audio was not intended for Alexa',
  de: 'Text nicht verfügbar – Audio war nicht für Alexa bestimmt',
};

const DEVICES = [
  { name: 'Kitchen Echo', model: 'Echo (4th Gen)', weight: 5 },
  { name: 'Living Room Echo Dot', model: 'Echo Dot (3rd Gen)', weight: 4 },
  { name: 'Bedroom Echo Show', model: 'Echo Show 5 (2nd Gen)', weight: 2 },
  { name: "Lena's Echo Dot", model: 'Echo Dot Kids (5th Gen)', weight: 1.5 },
  { name: 'Office Echo Dot', model: 'Echo Dot (5th Gen)', weight: 1 },
  { name: 'Alexa App on iPhone', model: 'Alexa Mobile Voice iOS', weight: 0.5 },
];

function csvCell(v: string | null): string {
  if (v === null) return 'Not Available';
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function csv(header: string[], rows: (string | null)[][]): string {
  return `\ufeff${[header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n')}\r\n`;
}

/** `A3S5BH2HU6VAYF_1.0_2019_01_05_19_G090LF0964560ABC_05_43__TNIH_2V.<uuid>.wav`, as scripts save utterance ids. */
function utteranceIdName(t: number, serial: string, uuid: string): string {
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${CUSTOMER}_1.0_${d.getUTCFullYear()}_${p(d.getUTCMonth() + 1)}_${p(d.getUTCDate())}_${p(d.getUTCHours())}_${serial}_${p(d.getUTCMinutes())}_${p(d.getUTCSeconds())}__TNIH_2V.${uuid}.wav`;
}

export function generateAmazon(options: GenerateOptions): GeneratedExport {
  const log = options.log ?? (() => {});
  const random = createRandom(`${options.seed}/amazon`);
  const pool = speechPool(options.cacheDir, log);
  const byLang: Record<Lang, SpeechClip[]> = {
    en: pool.filter((c) => c.utterance.lang === 'en'),
    de: pool.filter((c) => c.utterance.lang === 'de'),
  };
  const meanSeconds = options.wavMeanSeconds ?? 1.9;
  // `count` recordings have audio (the c't case: 1,700 WAVs); transcripts without audio come on top.
  const textOnlyShare = options.audioShare === undefined ? 0.03 : 1 - options.audioShare;
  const serialRandom = random.fork('serials');
  const devices = DEVICES.map((d) => ({ ...d, serial: `G0${serialRandom.hex(14).toUpperCase()}` }));
  const total = options.count + Math.round(options.count * textOnlyShare);
  const times = activityTimes(random.fork('times'), total, FROM, TO, 1);
  const textOnly = new Set<number>();
  const chooser = random.fork('text-only');
  while (textOnly.size < total - options.count) textOnly.add(chooser.int(0, total - 1));
  const text = random.fork('text');
  const pick = random.fork('audio');
  const zip = new PartedZip(
    (n) => path.join(options.outDir, `All Data Categories.${n}.zip`),
    options.partBytes ?? 1024 ** 3,
  );
  const modified = EXPORTED;

  const intentRows: (string | null)[][] = [];
  const contacts = new Set<string>();
  const voice: { name: string; clip: SpeechClip; seconds: number; seed: string; time: number }[] = [];
  let withTranscript = 0;
  for (const [i, t] of times.entries()) {
    const device = devices[text.weighted(devices.map((d) => d.weight))]!;
    const lang: Lang = text.chance(0.3) ? 'de' : 'en';
    const u = utterance(text, lang);
    const notIntended = text.chance(0.03);
    const hasAudio = !textOnly.has(i);
    // A few recordings have no transcript row (Amazon's tables are incomplete).
    const hasRow = !hasAudio || pick.chance(0.98);
    if (hasRow) {
      const contact = u.names[0] ?? null;
      if (contact) contacts.add(contact);
      intentRows.push([
        u.topic === 'music' && text.chance(0.5) ? u.text.replace(/^play /, '') : null,
        null,
        contact,
        notIntended ? NOT_INTENDED[lang] : u.text,
        new Date(t).toISOString(),
      ]);
      if (!notIntended) withTranscript++;
    }
    if (hasAudio) {
      // The audio's id is stamped up to a second before the utterance is created.
      const at = t - pick.int(0, 900);
      const name = utteranceIdName(
        at,
        device.serial,
        `${pick.hex(8)}-${pick.hex(4)}-${pick.hex(4)}-${pick.hex(4)}-${pick.hex(12)}`,
      );
      voice.push({
        name,
        clip: pick.pick(byLang[lang]),
        seconds: recordingSeconds(pick, meanSeconds),
        seed: `${options.seed}/wav/${i}`,
        time: at,
      });
    }
  }

  const intent = csv(
    ['Currently Playing Song', 'Screen Contents', 'Contact Name', 'Utterance text', 'Utterance Creation Date'],
    intentRows,
  );
  const registration = csv(
    [
      'Account Name',
      'Amazon Device Model Name',
      'Device Name',
      'Device Serial Number',
      'First Time Registered',
      'IP Address',
    ],
    devices.map((d, i) => [
      'Jane Doe',
      d.model,
      d.name,
      d.serial,
      new Date(FROM + i * 40 * 86_400_000).toISOString(),
      null,
    ]),
  );
  const contactCsv = csv(
    ['First Name', 'Last Name', 'Email Address'],
    [...contacts].sort().map((n) => [n.split(' ').pop()!, null, null]),
  );
  const descriptions = csv(
    ['File name', 'Description'],
    [
      ['Intent-2-1.csv', 'What you said to Alexa'],
      ['Device Registration.csv', 'Devices registered to your account'],
    ],
  );
  zip.add('FileDescriptions.csv', descriptions, { deflate: true, modified });
  zip.add('Devices/Device Registration.csv', registration, { deflate: true, modified });
  zip.add('Additional Data/Alexa/Alexa/NLU/Intent-2-1.csv', intent, { deflate: true, modified });
  zip.add('Alexa/Alexa.NLU/Intent-2-1.csv', intent, { deflate: true, modified });
  zip.add('Additional Data/Alexa/Communications/Contacts/contacts-2.csv', contactCsv, { deflate: true, modified });
  zip.add(
    'Additional Data/Alexa/Skills/Skills-2.csv',
    csv(['Skill Name', 'Enablement Date'], [['Radio Two', '2021-01-01T00:00:00Z']]),
    { deflate: true, modified },
  );
  zip.add('Retail.OrderHistory.1/README.txt', 'Your order history.\n', { deflate: true, modified });
  zip.add(
    'Retail.OrderHistory.1/Retail.OrderHistory.1.csv',
    csv(['Order ID', 'Order Date'], [['123-4567890-1234567', '2024-05-05T10:00:00Z']]),
    { deflate: true, modified },
  );

  let audioBytes = 0;
  let audioSeconds = 0;
  for (const v of voice) {
    const pcm = paddedPcm(createRandom(v.seed), v.clip.pcm, v.seconds);
    const wav = wavFile(pcm);
    audioBytes += wav.length;
    audioSeconds += pcm.length / 16_000;
    zip.add(`Additional Data/Alexa/Voice/${v.name}`, wav, {
      deflate: options.deflateAudio ?? true,
      modified: new Date(v.time),
    });
  }
  const files = zip.close();
  return {
    kind: 'amazon',
    seed: String(options.seed),
    files,
    recordings: total,
    withAudio: voice.length,
    withTranscript,
    audioBytes,
    audioSeconds,
  };
}
