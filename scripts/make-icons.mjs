// `npm run icons`: draws every platform's app icon from the one vector source, resources/icon.svg —
// PNGs for Linux (16–1024 px), an .ico for Windows and an .icns for macOS — into resources/icons/.
// The ICO and ICNS containers are written here by hand: both are a small index of PNG (or BMP)
// images, so no converter binary is needed. resources/icons/source.sha256 records what the icons
// were drawn from, and test/packaging.test.ts checks it against the current source.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const iconSource = path.join(root, 'resources', 'icon.svg');
export const iconDir = path.join(root, 'resources', 'icons');

const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const icoSizes = [16, 24, 32, 48, 64, 128, 256];
/** ICNS element types and their pixel sizes (the @2x types are the Retina variants). */
const icnsTypes = [
  ['icp4', 16],
  ['ic11', 32],
  ['icp5', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
];

/**
 * The source adapted to a size. Below 64 px the drawing is cropped to its tile (the margin of the
 * macOS grid would waste a quarter of the pixels), elements whose `data-min-size` exceeds the
 * size are dropped, and at 24 px and below lines are drawn bolder, so the 16 px icon stays
 * legible. macOS keeps its grid at every size.
 */
function svgAt(svg, size, { keepGrid = false } = {}) {
  let out = svg.replace(/<(\w+)\b[^>]*\bdata-min-size="(\d+)"[^>]*?(\/>|>[\s\S]*?<\/\1>)/g, (element, _tag, min) =>
    size < Number(min) ? '' : element,
  );
  // Thin lines blur into the background at the smallest sizes: draw them bolder there.
  if (size <= 24) out = out.replace(/stroke-width="(\d+(?:\.\d+)?)"/g, (_m, w) => `stroke-width="${Number(w) * 1.3}"`);
  if (!keepGrid && size < 64) {
    const tile = /data-tile="(\d+) (\d+) (\d+) (\d+)"/.exec(svg);
    if (tile) out = out.replace(/viewBox="[^"]*"/, `viewBox="${tile.slice(1).join(' ')}"`);
  }
  return out;
}

function render(Resvg, svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render();
}

/** A 32-bit BMP image as ICO stores it: a header, bottom-up BGRA rows, then the 1-bit AND mask. */
function icoBitmap(image) {
  const { width: w, height: h } = image;
  const rgba = image.pixels; // premultiplied RGBA
  const maskStride = Math.ceil(w / 32) * 4;
  const out = Buffer.alloc(40 + w * h * 4 + maskStride * h);
  out.writeUInt32LE(40, 0);
  out.writeInt32LE(w, 4);
  out.writeInt32LE(h * 2, 8); // colour rows + mask rows
  out.writeUInt16LE(1, 12);
  out.writeUInt16LE(32, 14);
  out.writeUInt32LE(w * h * 4 + maskStride * h, 20);
  for (let y = 0; y < h; y++) {
    const row = h - 1 - y;
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const a = rgba[i + 3];
      const unpremultiply = (c) => (a === 0 ? 0 : Math.min(255, Math.round((c * 255) / a)));
      const o = 40 + (row * w + x) * 4;
      out[o] = unpremultiply(rgba[i + 2]);
      out[o + 1] = unpremultiply(rgba[i + 1]);
      out[o + 2] = unpremultiply(rgba[i]);
      out[o + 3] = a;
      if (a === 0) out[40 + w * h * 4 + row * maskStride + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return out;
}

/** ICO: BMP entries below 256 px (what Windows' resource tools expect), PNG at 256 px. */
function ico(images) {
  const payloads = images.map(({ size, image }) => (size >= 256 ? image.asPng() : icoBitmap(image)));
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size }, i) => {
    const entry = 6 + 16 * i;
    header[entry] = size >= 256 ? 0 : size;
    header[entry + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(payloads[i].length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += payloads[i].length;
  });
  return Buffer.concat([header, ...payloads]);
}

/** ICNS: big-endian, a 'icns' header then (type, length, PNG) elements. */
function icns(elements) {
  const parts = elements.map(([type, png]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

/** Every generated file, by path relative to resources/icons/. */
export async function renderIcons(svg = readFileSync(iconSource, 'utf8')) {
  // Imported here so that sourceStamp() works where the renderer is not installed.
  const { Resvg } = await import('@resvg/resvg-js');
  const files = new Map();
  const cache = new Map();
  const image = (size, keepGrid = false) => {
    const key = `${size}:${keepGrid}`;
    if (!cache.has(key)) cache.set(key, render(Resvg, svgAt(svg, size, { keepGrid }), size));
    return cache.get(key);
  };
  for (const size of linuxSizes) files.set(`png/${size}x${size}.png`, image(size).asPng());
  files.set('icon.ico', ico(icoSizes.map((size) => ({ size, image: image(size) }))));
  files.set('icon.icns', icns(icnsTypes.map(([type, size]) => [type, image(size, true).asPng()])));
  return files;
}

/**
 * What the icons were drawn from: a hash of the SVG and of this script. Kept beside the icons so a
 * test can tell, on any platform and without rendering, that they are up to date.
 */
export function sourceStamp() {
  const hash = createHash('sha256');
  // Line endings normalised: a Windows checkout may turn \n into \r\n.
  for (const file of [iconSource, fileURLToPath(import.meta.url)])
    hash.update(readFileSync(file, 'utf8').replace(/\r\n/g, '\n'));
  return `${hash.digest('hex')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, data] of await renderIcons()) {
    const file = path.join(iconDir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, data);
    console.log(`${path.relative(root, file)}  ${data.length} bytes`);
  }
  writeFileSync(path.join(iconDir, 'source.sha256'), sourceStamp());
}
