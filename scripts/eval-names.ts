// Names quality on the labelled transcript set (test/fixtures/names-labelled.ts): precision,
// recall and F1 per language and overall, names-level and case-insensitive, on the development
// part and on the held-out part (every third sentence of each language, not used to tune rules).
//
//   npx tsx scripts/eval-names.ts              numbers, and the errors of the development part
//   npx tsx scripts/eval-names.ts --held-out   also list the held-out errors
//   npx tsx scripts/eval-names.ts --json       numbers as JSON
//   npx tsx scripts/eval-names.ts --no-nlp     without compromise (to measure what it adds)
//   npx tsx scripts/eval-names.ts --given-lang pass the labelled language instead of guessing it
//
// Honesty note: the person who wrote the rules also wrote batch 1 (dev + held-out), so its
// held-out numbers flatter the rules. Batch 2 ("fresh", 182 transcripts) was written after the
// rules were frozen; at its first look it scored precision 0.926, recall 0.949, F1 0.938 overall
// (en 0.962/0.962, de 0.893/0.962, fr 0.926/0.926). Later fixes made after seeing its errors are
// listed in the report; numbers printed now therefore include them. Batch 3 (90 transcripts)
// was written after those fixes and measured once, with no change afterwards: precision 0.976,
// recall 0.930, F1 0.952 overall (en 0.917/0.846, de 1.000/1.000, fr 1.000/0.933).
// Batch 4 (test/fixtures/names-heldout-2026.ts, 148 transcripts: artists, characters, religion,
// sayings, places, real people) was written for issue 16 before the rules for things that are not
// people (resources/names/culture.json, more stage names, work questions, honorifics, foreign-only
// given names in English) and never tuned on: precision 0.723 → 0.944, recall 1.000 → 1.000. The
// rules were developed on batch 5 (part of the development set). Batches 1–3 did not change.
import { fileURLToPath } from 'node:url';
import { findPersonNames, detectLanguage } from '../electron/core/analysis/names/index.ts';
import { splitLabelled, type Lang, type LabelledTranscript } from '../test/fixtures/names-labelled.ts';
import { heldOut2026 } from '../test/fixtures/names-heldout-2026.ts';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  sentences: number;
  langCorrect: number;
}
export interface Score extends Counts {
  precision: number;
  recall: number;
  f1: number;
}
export interface EvalError {
  text: string;
  lang: Lang;
  expected: string[];
  got: string[];
}
export interface EvalResult {
  byLang: Record<Lang | 'all', Score>;
  errors: EvalError[];
}

const key = (name: string): string => name.toLocaleLowerCase().trim();

function score(c: Counts): Score {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

export function evaluate(set: LabelledTranscript[], options: { nlp?: boolean; givenLang?: boolean } = {}): EvalResult {
  const counts: Record<Lang | 'all', Counts> = {
    en: { tp: 0, fp: 0, fn: 0, sentences: 0, langCorrect: 0 },
    de: { tp: 0, fp: 0, fn: 0, sentences: 0, langCorrect: 0 },
    fr: { tp: 0, fp: 0, fn: 0, sentences: 0, langCorrect: 0 },
    all: { tp: 0, fp: 0, fn: 0, sentences: 0, langCorrect: 0 },
  };
  const errors: EvalError[] = [];
  for (const row of set) {
    const found = findPersonNames(row.text, options.givenLang ? row.lang : null, { nlp: options.nlp !== false });
    const got = [...new Set(found.filter((f) => f.kind === 'person').map((f) => key(f.name)))];
    const expected = [...new Set(row.names.map(key))];
    const tp = got.filter((g) => expected.includes(g)).length;
    const fp = got.length - tp;
    const fn = expected.filter((e) => !got.includes(e)).length;
    const langOk = detectLanguage(row.text) === row.lang ? 1 : 0;
    for (const c of [counts[row.lang], counts.all]) {
      c.tp += tp;
      c.fp += fp;
      c.fn += fn;
      c.sentences += 1;
      c.langCorrect += langOk;
    }
    if (fp > 0 || fn > 0) errors.push({ text: row.text, lang: row.lang, expected, got });
  }
  return {
    byLang: { en: score(counts.en), de: score(counts.de), fr: score(counts.fr), all: score(counts.all) },
    errors,
  };
}

function table(title: string, r: EvalResult): string {
  const f = (x: number): string => x.toFixed(3);
  const lines = [`${title}`, '  lang  sentences  names(tp+fn)  precision  recall  F1     language guessed right'];
  for (const lang of ['en', 'de', 'fr', 'all'] as const) {
    const s = r.byLang[lang];
    lines.push(
      `  ${lang.padEnd(4)}  ${String(s.sentences).padStart(9)}  ${String(s.tp + s.fn).padStart(12)}  ${f(s.precision).padStart(9)}  ${f(s.recall).padStart(6)}  ${f(s.f1)}  ${s.langCorrect}/${s.sentences}`,
    );
  }
  return lines.join('\n');
}

function listErrors(errors: EvalError[]): string {
  return errors
    .map(
      (e) =>
        `  [${e.lang}] ${JSON.stringify(e.text)}  expected ${JSON.stringify(e.expected)}  got ${JSON.stringify(e.got)}`,
    )
    .join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = new Set(process.argv.slice(2));
  const options = { nlp: !args.has('--no-nlp'), givenLang: args.has('--given-lang') };
  const { dev, heldOut, fresh, blind: batch3 } = splitLabelled();
  const d = evaluate(dev, options);
  const h = evaluate(heldOut, options);
  const f = evaluate(fresh, options);
  const b3 = evaluate(batch3, options);
  const b4 = evaluate(heldOut2026, options);
  const blind = evaluate([...heldOut, ...fresh, ...batch3], options);
  const all = evaluate([...dev, ...heldOut, ...fresh, ...batch3, ...heldOut2026], options);
  if (args.has('--json')) {
    console.log(
      JSON.stringify(
        {
          dev: d.byLang,
          heldOut: h.byLang,
          fresh: f.byLang,
          batch3: b3.byLang,
          batch4: b4.byLang,
          notTuned: blind.byLang,
          all: all.byLang,
        },
        null,
        2,
      ),
    );
  } else {
    console.log(table(`Development part (${dev.length} transcripts)`, d));
    console.log(table(`\nHeld-out part, every third of batch 1 (${heldOut.length} transcripts)`, h));
    console.log(table(`\nFresh part, batch 2 written after the rules (${fresh.length} transcripts)`, f));
    console.log(table(`\nBatch 3, written after the last fixes (${batch3.length} transcripts)`, b3));
    console.log(
      table(`\nHeld-out + fresh + batch 3 (${heldOut.length + fresh.length + batch3.length} transcripts)`, blind),
    );
    console.log(
      table(`\nBatch 4, held out, written before the issue-16 changes (${heldOut2026.length} transcripts)`, b4),
    );
    console.log(
      table(
        `\nWhole set (${dev.length + heldOut.length + fresh.length + batch3.length + heldOut2026.length} transcripts)`,
        all,
      ),
    );
    console.log(`\nDevelopment errors (${d.errors.length}):\n${listErrors(d.errors)}`);
    if (args.has('--held-out')) {
      console.log(`\nHeld-out errors (${h.errors.length}):\n${listErrors(h.errors)}`);
      console.log(`\nFresh errors (${f.errors.length}):\n${listErrors(f.errors)}`);
      console.log(`\nBatch 3 errors (${b3.errors.length}):\n${listErrors(b3.errors)}`);
      console.log(`\nBatch 4 errors (${b4.errors.length}):\n${listErrors(b4.errors)}`);
    } else
      console.log(
        `\nHeld-out, fresh, batch 3 and batch 4 errors: ${h.errors.length} + ${f.errors.length} + ${b3.errors.length} + ${b4.errors.length} (not listed; --held-out lists them)`,
      );
  }
}
