// A Google Takeout of Assistant activity: `Takeout/My Activity/Assistant/MyActivity.json` (a JSON
// array, Google's escapes) with `YYYY-MM-DD_HH_MM_SS_mmm_UTC.mp3` beside it, split into
// `takeout-…-001.zip` parts; plus `archive_browser.html` naming the account and a few other products.
import path from 'node:path';
import { mp3Pool, speechPool, type Mp3Clip } from './clips.ts';
import { createRandom } from './random.ts';
import { activityTimes, utterance, type Lang } from './vocabulary.ts';
import { PartedZip } from './zip-writer.ts';
import type { GeneratedExport, GenerateOptions } from './types.ts';

const FROM = Date.UTC(2016, 0, 1);
const TO = Date.UTC(2023, 5, 30);
const EXPORTED = new Date(Date.UTC(2023, 6, 3, 9, 14, 22));

/** JSON as Takeout writes it: `=`, `&` and `'` inside strings as \u003d, \u0026, \u0027. */
function takeoutEscape(json: string): string {
  return json.replace(/=/g, '\\u003d').replace(/&/g, '\\u0026').replace(/'/g, '\\u0027');
}

function audioName(t: number): string {
  const d = new Date(t);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}_${p(d.getUTCHours())}_${p(d.getUTCMinutes())}_${p(d.getUTCSeconds())}_${p(d.getUTCMilliseconds(), 3)}_UTC.mp3`;
}

function archiveBrowser(email: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Google Takeout</title></head>
<body><div class="container"><section class="header"><div><h1 class="header_title">Archive for ${email}</h1>
<div class="header_subtext">Jul 3, 2023, 9:14:22 AM UTC</div></div></section></div></body></html>`;
}

export function generateGoogle(options: GenerateOptions): GeneratedExport {
  const log = options.log ?? (() => {});
  const random = createRandom(`${options.seed}/google`);
  const clips = mp3Pool(speechPool(options.cacheDir, log), options.cacheDir, log);
  const byLang: Record<Lang, Mp3Clip[]> = {
    en: clips.filter((c) => c.utterance.lang === 'en'),
    de: clips.filter((c) => c.utterance.lang === 'de'),
  };
  const audioShare = options.audioShare ?? 0.92;
  const times = activityTimes(random.fork('times'), options.count, FROM, TO, -5);
  const text = random.fork('text');
  const pick = random.fork('audio');
  const stamp = 'takeout-20230703T091422Z';
  const zip = new PartedZip(
    (n) => path.join(options.outDir, `${stamp}-${String(n).padStart(3, '0')}.zip`),
    options.partBytes ?? 2 * 1024 ** 3,
  );
  const modified = EXPORTED;
  const folder = 'Takeout/My Activity/Assistant';

  // Activity, newest first as Takeout writes it; audio in the same order.
  const items: string[] = [];
  const audio: { name: string; clip: Mp3Clip }[] = [];
  const usedNames = new Set<string>();
  let withTranscript = 0;
  let audioSeconds = 0;
  for (let i = times.length - 1; i >= 0; i--) {
    const t = times[i]!;
    const lang: Lang = text.chance(0.08) ? 'de' : 'en';
    const u = utterance(text, lang);
    const unknown = text.chance(0.02);
    const item: Record<string, unknown> = {
      header: text.chance(0.9) ? 'Assistant' : 'Google App',
      title: unknown ? 'Unknown voice command' : `Said ${u.text}`,
    };
    if (!unknown) {
      withTranscript++;
      if (u.topic === 'question')
        item.titleUrl = `https://www.google.com/search?q=${encodeURIComponent(u.text).replace(/%20/g, '+')}`;
    }
    item.time = new Date(t).toISOString();
    item.products = ['Assistant'];
    if (pick.chance(audioShare)) {
      let at = t + pick.int(400, 3000);
      let name = audioName(at);
      while (usedNames.has(name)) name = audioName(++at);
      usedNames.add(name);
      const clip = pick.pick(byLang[lang]);
      audio.push({ name, clip });
      audioSeconds += clip.seconds;
      item.audioFiles = [name];
    }
    if (u.reply) item.subtitles = [{ name: u.reply }];
    const details = [{ name: 'Started by hotword' }];
    if (text.chance(0.04)) details.push({ name: 'From unrecognized speaker' });
    item.details = details;
    if (text.chance(0.3)) {
      item.locationInfos = [
        {
          name: 'At this general area',
          url: 'https://www.google.com/maps/@?api=1&map_action=map&center=41.88,-87.63&zoom=12',
          source: 'From your places (Home)',
          sourceUrl: 'https://support.google.com/maps/answer/1',
        },
      ];
    }
    item.activityControls = ['Web & App Activity', 'Voice & Audio Activity'];
    items.push(takeoutEscape(JSON.stringify(item, null, 2)).replace(/\n/g, '\n  '));
  }
  // Extra text-only activity up to a target size (the "500 MB JSON" case).
  let extra = 0;
  if (options.jsonBytes) {
    let size = items.reduce((n, s) => n + s.length + 4, 4);
    const more = createRandom(`${options.seed}/google/more`);
    const moreTimes = activityTimes(more, Math.ceil(options.jsonBytes / 420), Date.UTC(2012, 0, 1), FROM - 1, -5);
    for (let i = moreTimes.length - 1; i >= 0 && size < options.jsonBytes; i--) {
      const u = utterance(more, 'en');
      const item = {
        header: 'Assistant',
        title: `Said ${u.text}`,
        time: new Date(moreTimes[i]!).toISOString(),
        products: ['Assistant'],
        ...(u.reply ? { subtitles: [{ name: u.reply }] } : {}),
        details: [{ name: 'Started by hotword' }],
        activityControls: ['Web & App Activity', 'Voice & Audio Activity'],
      };
      const s = takeoutEscape(JSON.stringify(item, null, 2)).replace(/\n/g, '\n  ');
      items.push(s);
      size += s.length + 4;
      extra++;
      withTranscript++;
    }
  }
  const json = Buffer.concat(
    ['[\n  ', ...items.flatMap((s, i) => (i === 0 ? [s] : [',\n  ', s])), '\n]\n'].map((s) => Buffer.from(s, 'utf8')),
  );
  items.length = 0;

  zip.add('Takeout/archive_browser.html', archiveBrowser(options.email ?? 'jane.doe@example.com'), {
    deflate: true,
    modified,
  });
  zip.add(`${folder}/MyActivity.json`, json, { deflate: true, modified });
  zip.add(
    'Takeout/My Activity/Search/MyActivity.json',
    takeoutEscape(
      JSON.stringify(
        [{ header: 'Search', title: 'Searched for weather', time: '2023-06-01T10:00:00.000Z', products: ['Search'] }],
        null,
        2,
      ),
    ),
    { deflate: true, modified },
  );
  zip.add('Takeout/YouTube and YouTube Music/history/watch-history.json', '[]', { deflate: true, modified });
  let audioBytes = 0;
  for (const a of audio) {
    zip.add(`${folder}/${a.name}`, a.clip.bytes, { deflate: options.deflateAudio ?? false, modified });
    audioBytes += a.clip.bytes.length;
  }
  const files = zip.close();
  return {
    kind: 'google',
    seed: String(options.seed),
    files,
    recordings: options.count + extra,
    withAudio: audio.length,
    withTranscript,
    audioBytes,
    audioSeconds,
    jsonBytes: json.length,
  };
}
