// `npm test`: type check, lint, then every test (core, renderer logic, browser e2e through the
// harness, Electron e2e — which skips where no Electron binary exists) with node's test runner.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const only = process.argv.slice(2);

function run(label, cmd, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed`);
    process.exit(result.status ?? 1);
  }
}

/** Tests run under Node: if packaging left an Electron-ABI build in node_modules, rebuild it for Node. */
function ensureNodeNativeModule() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
  } catch (error) {
    if (!/NODE_MODULE_VERSION|was compiled against|invalid ELF|Module did not self-register/.test(String(error)))
      throw error;
    run('rebuild better-sqlite3 for Node', 'npm', ['rebuild', 'better-sqlite3']);
  }
}

function testFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(full).isDirectory()) out.push(...testFiles(full));
    else if (/\.test\.tsx?$/.test(name)) out.push(path.relative(root, full));
  }
  return out.sort();
}

ensureNodeNativeModule();
const files = ['test', 'renderer', 'e2e'].flatMap((d) => testFiles(path.join(root, d)));
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
if (only.length === 0) {
  run('type check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  run('lint', 'npx', ['eslint', '--max-warnings=0', '.']);
  run('format', 'npx', ['prettier', '--check', '--log-level=warn', '.']);
  run('build', 'node', ['scripts/build.mjs'], { EARSHOT_QUIET: '1' });
}
run(`tests (${selected.length} files)`, 'node', ['--import', 'tsx', '--test', '--test-concurrency=1', ...selected]);
