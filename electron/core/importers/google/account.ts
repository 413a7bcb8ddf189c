// The account a Takeout belongs to: `archive_browser.html` names it in its heading [real]
// ("Archive for someone@gmail.com", "Archive du compte …", "Archiv für …"); `Profile/Profile.json`
// lists the account's e-mail addresses [code].
import { Parser } from 'htmlparser2';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

/**
 * The account e-mail from the archive overview page: first in its heading (`.header_title`, or the
 * first `<h1>`), else the first address in the page's visible text. Script and style are ignored.
 */
export function emailFromArchiveBrowser(html: string): string | null {
  let heading = '';
  let inHeading = 0;
  let headingSeen = false;
  let skip = 0;
  let firstVisible: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'script' || name === 'style') skip++;
        const isTitle = (attrs.class ?? '').split(/\s+/).includes('header_title') || (name === 'h1' && !headingSeen);
        if (inHeading > 0) inHeading++;
        else if (isTitle) {
          inHeading = 1;
          headingSeen = true;
        }
      },
      ontext(text) {
        if (skip > 0) return;
        if (inHeading > 0) heading += text;
        if (firstVisible === null) firstVisible = EMAIL.exec(text)?.[0] ?? null;
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style') skip = Math.max(0, skip - 1);
        if (inHeading > 0) inHeading--;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return EMAIL.exec(heading)?.[0] ?? firstVisible;
}

/** The primary (else first) e-mail of `Profile.json`: `{ "emails": [{ "value": "…", "primary": true }] }`. */
export function emailFromProfile(json: string): string | null {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  const emails = (data as { emails?: unknown })?.emails;
  if (!Array.isArray(emails)) return null;
  const values = emails
    .filter((e): e is { value: string; primary?: unknown } => typeof (e as { value?: unknown })?.value === 'string')
    .filter((e) => EMAIL.test(e.value));
  const chosen = values.find((e) => e.primary === true) ?? values[0];
  return chosen ? (EMAIL.exec(chosen.value)?.[0] ?? null) : null;
}
