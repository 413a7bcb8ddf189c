// `npm run eval`: the measured quality of the "not mine" checks — the export verdict (c't-like
// deliveries recognised, false alarms on own exports), names (precision and recall on a
// labelled transcript set in three languages) and voices (EER, group purity, foreign-export
// detection and false alarms on real voices from Debian packages; a stranger couple against an
// enrolled user, and the user with an unenrolled partner). Flags go to every script.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let failed = false;
for (const script of ['eval-names.ts', 'eval-verdict.ts', 'eval-voices.ts', 'eval-couple.ts']) {
  console.log(`\n=== ${script.replace(/\.ts$/, '')} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', script), ...args], {
    stdio: 'inherit',
    cwd: root,
  });
  failed ||= r.status !== 0;
}
process.exitCode = failed ? 1 : 0;
