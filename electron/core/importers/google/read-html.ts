// Streams an HTML activity file (`MyActivity.html`) one entry at a time with htmlparser2.
//
// Layout [real]: each entry is a `div.outer-cell` holding a `div.header-cell` (the product), a
// `div.content-cell.mdl-typography--body-1` (title, `<br>`, more lines, `<br>`, the date) and a
// `div.content-cell.mdl-typography--caption` with sections headed `<b>Products:</b>`,
// `<b>Locations:</b>`, `<b>Details:</b>` (translated). How audio is linked is undocumented: any
// `<audio>`/`<source>`/`<a>` pointing at an audio file name is taken.
import type { Readable } from 'node:stream';
import { Parser } from 'htmlparser2';
import type { ActivityItem } from './activity.ts';
import { parseHtmlTime } from './time.ts';

interface Line {
  text: string;
  url: string | null;
}

interface Section {
  label: string;
  lines: Line[];
}

interface Draft {
  header: string;
  body: Line[];
  sections: Section[];
  audio: string[];
}

type Cell = 'header' | 'body' | 'body-extra' | 'caption';

const AUDIO_NAME = /\.(mp3|wav|ogg|opus|m4a|aac|flac)$/i;

const SECTION_LABELS: Record<string, 'products' | 'locations' | 'details'> = {};
const SECTION_LABEL_LIST: ['products' | 'locations' | 'details', string[]][] = [
  ['products', ['products', 'produits', 'produkte', 'productos', 'prodotti', 'producten', 'produtos']],
  [
    'locations',
    ['locations', 'lieux', 'standorte', 'orte', 'ubicaciones', 'luoghi', 'locaties', 'locais', 'localizações'],
  ],
  ['details', ['details', 'détails', 'detalles', 'dettagli', 'detalhes']],
];
for (const [kind, labels] of SECTION_LABEL_LIST) {
  for (const label of labels) SECTION_LABELS[label] = kind;
}

function sectionKind(label: string) {
  const key = label
    .normalize('NFC')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s*:\s*$/, '')
    .trim()
    .toLowerCase();
  return SECTION_LABELS[key] ?? null;
}

const clean = (s: string) =>
  s
    .replace(/[\u00a0\u202f\u2003\u2002]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The file name a link or audio source points at, or null when it is not an audio file. */
export function audioNameFromUrl(url: string): string | null {
  const bare = url.split(/[?#]/)[0] ?? '';
  let last = bare.slice(bare.lastIndexOf('/') + 1);
  try {
    last = decodeURIComponent(last);
  } catch {
    /* keep as written */
  }
  return AUDIO_NAME.test(last) ? last : null;
}

function finish(draft: Draft, index: number): ActivityItem | null {
  const lines = draft.body.filter((l) => l.text.length > 0);
  if (lines.length === 0 && draft.audio.length === 0) return null;
  // The date is the last line that reads as one; anything between the title and it is subtitles.
  let timeAt = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (parseHtmlTime(lines[i]!.text).utc !== null) {
      timeAt = i;
      break;
    }
  }
  const titleLine = timeAt === 0 ? null : (lines[0] ?? null);
  const middle = lines.slice(titleLine ? 1 : 0, timeAt >= 0 ? timeAt : lines.length);
  const item: ActivityItem = {
    format: 'html',
    index,
    header: clean(draft.header) || null,
    title: titleLine?.text ?? null,
    titleUrl: titleLine?.url ?? null,
    time: timeAt >= 0 ? lines[timeAt]!.text : null,
    description: null,
    products: [],
    activityControls: [],
    subtitles: middle.map((l) => ({ name: l.text, url: l.url })),
    details: [],
    locationInfos: [],
    audioFiles: [...new Set(draft.audio)],
    otherSections: [],
  };
  for (const section of draft.sections) {
    const entries = section.lines.filter((l) => l.text.length > 0 || l.url);
    if (entries.length === 0) continue;
    let kind = sectionKind(section.label);
    if (!kind && entries.some((l) => l.url?.includes('google.com/maps'))) kind = 'locations';
    if (kind === 'products') item.products.push(...entries.map((l) => l.text).filter(Boolean));
    else if (kind === 'details') item.details.push(...entries.map((l) => l.text).filter(Boolean));
    else if (kind === 'locations') {
      for (const l of entries) {
        const cut = l.text.lastIndexOf(' - ');
        item.locationInfos.push({
          name: (cut >= 0 ? l.text.slice(0, cut) : l.text) || null,
          url: l.url,
          source: cut >= 0 ? l.text.slice(cut + 3) : null,
          sourceUrl: null,
        });
      }
    } else item.otherSections.push({ label: clean(section.label), lines: entries.map((l) => l.text) });
  }
  return item;
}

/**
 * Yields each activity entry of an HTML activity file. The parser is fed chunk by chunk and keeps
 * only the entry being read, so memory does not grow with the file.
 */
export async function* streamHtmlActivities(source: Readable, signal?: AbortSignal): AsyncGenerator<ActivityItem> {
  const ready: ActivityItem[] = [];
  let count = 0;
  let divDepth = 0;
  let outerDepth = -1;
  let cell: Cell | null = null;
  let cellDepth = -1;
  let sawBody = false;
  let draft: Draft | null = null;
  let line: Line = { text: '', url: null };
  let inBold = false;
  let skipText = 0; // inside <script>/<style>

  const closeLine = () => {
    if (!draft) return;
    const done = { text: clean(line.text), url: line.url };
    if (cell === 'body') {
      if (done.text || done.url) draft.body.push(done);
    } else if (cell === 'caption') {
      const section = draft.sections[draft.sections.length - 1];
      if (section && (done.text || done.url)) section.lines.push(done);
    }
    line = { text: '', url: null };
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'script' || name === 'style') skipText++;
        if (name === 'div') {
          divDepth++;
          const classes = (attrs.class ?? '').split(/\s+/);
          if (outerDepth < 0 && classes.includes('outer-cell')) {
            outerDepth = divDepth;
            draft = { header: '', body: [], sections: [], audio: [] };
            sawBody = false;
          } else if (draft && cell === null) {
            if (classes.includes('header-cell')) cell = 'header';
            else if (classes.includes('mdl-typography--caption')) {
              cell = 'caption';
              draft.sections.push({ label: '', lines: [] });
            } else if (classes.includes('content-cell') && classes.includes('mdl-typography--body-1')) {
              cell = sawBody || classes.includes('mdl-typography--text-right') ? 'body-extra' : 'body';
              sawBody = true;
            }
            if (cell) {
              cellDepth = divDepth;
              line = { text: '', url: null };
            }
          }
          return;
        }
        if (!draft) return;
        const d = draft as Draft;
        const link =
          name === 'a' ? attrs.href : name === 'audio' || name === 'source' || name === 'embed' ? attrs.src : undefined;
        if (link) {
          const audio = audioNameFromUrl(link);
          if (audio) d.audio.push(audio);
          else if (name === 'a' && line.url === null) line.url = link;
        }
        if (name === 'br') closeLine();
        if (name === 'b' && cell === 'caption') {
          closeLine();
          d.sections.push({ label: '', lines: [] });
          inBold = true;
        }
      },
      ontext(text) {
        if (skipText > 0 || !draft) return;
        const d = draft as Draft;
        if (cell === 'header') d.header += text;
        else if (cell === 'caption' && inBold) {
          const section = d.sections[d.sections.length - 1];
          if (section) section.label += text;
        } else if (cell === 'body' || cell === 'caption') line.text += text;
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style') skipText = Math.max(0, skipText - 1);
        if (name === 'b') inBold = false;
        if (name === 'p' && cell === 'header' && draft) (draft as Draft).header += ' ';
        if (name !== 'div') return;
        if (cell && divDepth === cellDepth) {
          closeLine();
          cell = null;
          cellDepth = -1;
        }
        if (draft && divDepth === outerDepth) {
          const item = finish(draft, count);
          if (item) {
            ready.push(item);
            count++;
          }
          draft = null;
          outerDepth = -1;
        }
        divDepth = Math.max(0, divDepth - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );

  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of source) {
      signal?.throwIfAborted();
      parser.write(decoder.decode(chunk as Buffer, { stream: true }));
      while (ready.length > 0) yield ready.shift()!;
    }
    parser.write(decoder.decode());
    parser.end();
    while (ready.length > 0) yield ready.shift()!;
  } finally {
    source.destroy();
  }
}
