// `npm run eval` (verdict part): how often the export verdict recognises a c't-like delivery (a
// stranger couple's Alexa recordings with no account) and how often it cries wolf on a user's own
// export with trips, guests and household members. Generated from seeds not used by the tests.
import { parseArgs } from 'node:util';
import { verdictCases } from '../test/fixtures/verdict-cases.ts';
import { runVerdictCase } from '../test/helpers/verdict-run.ts';

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '100' }, json: { type: 'boolean', default: false } },
  strict: false,
});
const perSeed = Number(values.cases);
const seeds = [11, 12, 13];
let foreign = 0;
let detected = 0;
let own = 0;
let falseAlarms = 0;
const signCounts = new Map<string, number>();
const misses: string[] = [];
for (const seed of seeds) {
  for (const c of verdictCases(seed, Math.ceil(perSeed / seeds.length))) {
    const r = await runVerdictCase(c);
    if (c.foreign) {
      foreign++;
      if (r.verdict) {
        detected++;
        const key = [...r.signs].sort().join('+');
        signCounts.set(key, (signCounts.get(key) ?? 0) + 1);
      } else misses.push(c.name);
    } else {
      own++;
      if (r.verdict) {
        falseAlarms++;
        misses.push(`false alarm: ${c.name} (${r.signs.join(', ')})`);
      }
    }
  }
}
const result = {
  foreignExports: foreign,
  detected,
  detection: detected / foreign,
  ownExports: own,
  falseAlarms,
  falseAlarmRate: falseAlarms / own,
  signs: Object.fromEntries(signCounts),
};
if (values.json) console.log(JSON.stringify(result, null, 2));
else {
  console.log(
    `c't-like deliveries (no account): ${detected} of ${foreign} recognised (${(100 * result.detection).toFixed(1)} %)`,
  );
  console.log(
    `own exports (trips, guests, household): ${falseAlarms} false alarms of ${own} (${(100 * result.falseAlarmRate).toFixed(1)} %)`,
  );
  console.log('signs behind the verdicts:');
  for (const [k, n] of [...signCounts].sort((a, b) => b[1] - a[1])) console.log(`  ${k}: ${n}`);
  for (const m of misses.slice(0, 20)) console.log(`  ${m}`);
}
process.exitCode = detected === foreign && falseAlarms === 0 ? 0 : 1;
