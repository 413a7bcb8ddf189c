// A small PDF writer for generated exports: pages of text runs placed at given positions, Helvetica
// in WinAnsi encoding (German umlauts, dashes and quotes), compressed content streams. Synchronous
// and the same byte for byte for the same input (no creation date, no random id), unlike pdfkit.
import { deflateSync } from 'node:zlib';

export interface PdfRun {
  text: string;
  /** Points from the page's left and bottom edges. */
  x: number;
  y: number;
  size: number;
  bold?: boolean;
}

export const A4 = { width: 595, height: 842 };

// WinAnsiEncoding's bytes 0x80–0x9F that are not Latin-1.
const WIN_ANSI: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  '„': 0x84,
  '…': 0x85,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
};

function pdfString(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = WIN_ANSI[ch] ?? ch.codePointAt(0)!;
    const byte = code < 256 && (code >= 0x20 || code === 0x09) ? code : 0x3f;
    const c = String.fromCharCode(byte);
    out += c === '(' || c === ')' || c === '\\' ? `\\${c}` : c;
  }
  return `(${out})`;
}

/** Rough Helvetica advance widths (in ems) for wrapping text to a column; pdf.js measures exactly. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) {
    if (/[il.,:;'|!]/.test(ch)) w += 0.25;
    else if (/[ ]/.test(ch)) w += 0.28;
    else if (/[mwMW]/.test(ch)) w += 0.85;
    else if (/[A-ZÄÖÜ]/.test(ch)) w += 0.68;
    else if (/[0-9]/.test(ch)) w += 0.556;
    else w += 0.53;
  }
  return w * size;
}

/** Words of `text` in lines no wider than `width` points. */
export function wrap(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** A PDF of the given pages, each a list of text runs. */
export function writePdf(pages: PdfRun[][], info: { title?: string } = {}): Buffer {
  const objects: Buffer[] = [];
  const add = (body: string | Buffer) => {
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    return objects.length;
  };
  const catalog = add('');
  const pagesRef = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const runs of pages) {
    const content = runs
      .map(
        (r) =>
          `BT /${r.bold ? 'F2' : 'F1'} ${r.size} Tf 1 0 0 1 ${r.x.toFixed(2)} ${r.y.toFixed(2)} Tm ${pdfString(r.text)} Tj ET`,
      )
      .join('\n');
    const data = deflateSync(Buffer.from(content, 'latin1'));
    const stream = add(
      Buffer.concat([
        Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
        data,
        Buffer.from('\nendstream', 'latin1'),
      ]),
    );
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesRef} 0 R /MediaBox [0 0 ${A4.width} ${A4.height}] /Contents ${stream} 0 R /Resources << /Font << /F1 ${font} 0 R /F2 ${bold} 0 R >> >> >>`,
      ),
    );
  }
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesRef} 0 R >>`, 'latin1');
  objects[pagesRef - 1] = Buffer.from(
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`,
    'latin1',
  );
  const infoRef = info.title ? add(`<< /Title ${pdfString(info.title)} /Producer (Earshot generator) >>`) : null;
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(offset);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    offset += chunk.length;
  }
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) xref += `${String(off).padStart(10, '0')} 00000 n \n`;
  xref += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${infoRef ? ` /Info ${infoRef} 0 R` : ''} >>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}
