// The core's layers (issue 13): the ESLint rule that enforces them reports an upward import and lets a
// downward one pass, and the whole of electron/ has no import cycle and no upward import.
import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RuleTester } from 'eslint';
import { forbiddenImport, layers, layersRule } from '../eslint-rules/layers.js';

const root = path.resolve(import.meta.dirname, '..');
const core = path.join(root, 'electron/core');

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { ecmaVersion: 'latest', sourceType: 'module' } });
const at = (file: string) => ({ filename: path.join(core, file), options: [{ coreDir: core }] });

tester.run('earshot/layers', layersRule, {
  valid: [
    { ...at('analysis/evidence.ts'), code: "import { deleteSelection } from '../db/deleting.ts';" },
    { ...at('db/recordings.ts'), code: "import { ListQuery } from '../types/queries.ts';" },
    { ...at('db/recordings.ts'), code: "import { foo } from './library.ts';" },
    { ...at('api/handlers.ts'), code: "export { runImport } from '../import/run-import.ts';" },
    { ...at('analysis/places.ts'), code: "import places from '../../../resources/places.json';" },
    { ...at('importers/amazon/csv.ts'), code: "import { parse } from 'csv-parse';" },
    { ...at('app.ts'), code: "import { createHandlers } from './api/handlers.ts';" },
  ],
  invalid: [
    {
      ...at('db/deleting.ts'),
      code: "import { DeleteSelection } from '../api/contract.ts';",
      errors: [{ messageId: 'up' }],
    },
    {
      ...at('analysis/evidence.ts'),
      code: "import { kindName } from '../import/labels.ts';",
      errors: [{ messageId: 'up' }],
    },
    { ...at('types/library.ts'), code: "export * from '../db/library.ts';", errors: [{ messageId: 'up' }] },
    { ...at('db/library.ts'), code: "const m = import('../analysis/warnings.ts');", errors: [{ messageId: 'up' }] },
    { ...at('messages/index.ts'), code: "import { x } from '../../main.ts';", errors: [{ messageId: 'up' }] },
    {
      ...at('import/run-import.ts'),
      code: "import { createEarshot } from '../app.ts';",
      errors: [{ messageId: 'up' }],
    },
    { ...at('newpart/thing.ts'), code: "import { x } from '../db/library.ts';", errors: [{ messageId: 'up' }] },
  ],
});

/** Every .ts file under a folder, and the relative files each imports (type-only imports too). */
function importGraph(dir: string): Map<string, string[]> {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) files.push(p);
    }
  };
  walk(dir);
  const specifier =
    /(?:^|\n)\s*(?:import|export)\s[^;'"]*?from\s+['"](\.[^'"]+)['"]|\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g;
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const deps = [...readFileSync(f, 'utf8').matchAll(specifier)].map((m) =>
      path.resolve(path.dirname(f), (m[1] ?? m[2])!),
    );
    graph.set(f, deps);
  }
  return graph;
}

/** The import cycles of a graph (strongly connected parts of more than one file, or a file importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const part: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        part.push(w);
      } while (w !== v);
      if (part.length > 1 || graph.get(v)!.includes(v)) found.push(part.map((p) => path.relative(root, p)));
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

test('the cycle finder finds a cycle (so that finding none means something)', () => {
  const graph = new Map([
    ['/a.ts', ['/b.ts']],
    ['/b.ts', ['/c.ts']],
    ['/c.ts', ['/a.ts', '/d.ts']],
    ['/d.ts', []],
  ]);
  assert.deepEqual(
    cycles(graph).map((c) => c.length),
    [3],
  );
});

test('electron/ and renderer/ have no import cycles, type-only imports included', () => {
  for (const dir of ['electron', 'renderer/src']) {
    const graph = importGraph(path.join(root, dir));
    assert.ok(graph.size > 20, `${dir}: the walk found the files`);
    assert.deepEqual(cycles(graph), [], `${dir}: import cycles`);
  }
});

test('no file of the core imports a part above it', () => {
  const graph = importGraph(core);
  const parts = new Set([...graph.keys()].map((f) => path.relative(core, f).split(path.sep)[0] ?? ''));
  for (const part of parts) {
    if (part.endsWith('.ts')) continue;
    assert.ok(part in layers, `core/${part}/ has a place in eslint-rules/layers.js`);
  }
  const problems = [...graph].flatMap(([file, deps]) =>
    deps.map((to) => forbiddenImport(file, to, core)).filter((why): why is string => why !== null),
  );
  assert.deepEqual(problems, []);
});
