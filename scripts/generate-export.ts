// `npx tsx scripts/generate-export.ts --kind amazon|amazon-2018|google --count N [--seed S] [--out DIR]`:
// writes a realistic synthetic export (see scripts/generator/), the same byte for byte for the same
// seed. Also importable: generateExport(options).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateAmazon } from './generator/amazon.ts';
import { generateCtDelivery } from './generator/amazon-2018.ts';
import { generateGoogle } from './generator/google.ts';
import type { GeneratedExport, GenerateOptions } from './generator/types.ts';

export type { GeneratedExport, GenerateOptions } from './generator/types.ts';
export {
  generateCtDelivery,
  CT_HOUSEHOLD,
  type CtDelivery,
  type CtDeliveryOptions,
  type CtHousehold,
} from './generator/amazon-2018.ts';
export { createRandom } from './generator/random.ts';

/** Writes one export into `options.outDir` (created if needed) and an `export.json` describing it. */
export function generateExport(options: GenerateOptions): GeneratedExport {
  if (!Number.isInteger(options.count) || options.count < 1) throw new Error('count must be a positive integer');
  mkdirSync(options.outDir, { recursive: true });
  const result =
    options.kind === 'google'
      ? generateGoogle(options)
      : options.kind === 'amazon-2018'
        ? generateCtDelivery(options)
        : generateAmazon(options);
  writeFileSync(
    path.join(options.outDir, 'export.json'),
    `${JSON.stringify({ ...result, files: result.files.map((f) => path.basename(f)), file: undefined }, null, 2)}\n`,
  );
  return result;
}

function main() {
  const { values } = parseArgs({
    options: {
      kind: { type: 'string', default: 'amazon' },
      count: { type: 'string', default: '1700' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      'part-mb': { type: 'string' },
      'json-mb': { type: 'string' },
      'wav-seconds': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(`usage: npx tsx scripts/generate-export.ts [--kind amazon|amazon-2018|google] [--count 1700] [--seed 1] [--out DIR]
       [--part-mb 1024] [--json-mb 500 (google: pad the activity JSON)] [--wav-seconds 1.9 (amazon: mean WAV length)]`);
    return;
  }
  // amazon-2018 (or ct): the c't case, WAVs and a PDF of transcripts in no time order, no account.
  const kind =
    values.kind === 'google'
      ? 'google'
      : values.kind === 'amazon-2018' || values.kind === 'ct'
        ? 'amazon-2018'
        : 'amazon';
  const count = Number(values.count);
  const outDir = path.resolve(values.out ?? `generated-${kind}-${count}-seed${values.seed}`);
  const started = performance.now();
  const result = generateExport({
    kind,
    count,
    seed: values.seed!,
    outDir,
    partBytes: values['part-mb'] ? Number(values['part-mb']) * 1024 ** 2 : undefined,
    jsonBytes: values['json-mb'] ? Number(values['json-mb']) * 1024 ** 2 : undefined,
    wavMeanSeconds: values['wav-seconds'] ? Number(values['wav-seconds']) : undefined,
    log: (s) => console.error(s),
  });
  console.log(
    `${kind}: ${result.recordings.toLocaleString('en')} recordings (${result.withAudio.toLocaleString('en')} with audio, ` +
      `${(result.audioBytes / 1024 ** 2).toFixed(1)} MB, ${(result.audioSeconds / Math.max(1, result.withAudio)).toFixed(2)} s average) ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s:\n  ${result.files.join('\n  ')}`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
