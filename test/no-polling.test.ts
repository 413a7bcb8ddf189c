// The window never asks on a timer: import and analysis progress and "what changed" are pushed
// (issue 13). This reads every renderer file and refuses a setTimeout/setInterval whose callback,
// or the function it names, calls the API. The check is tried on code that polls, so it can fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const rendererDir = path.resolve(import.meta.dirname, '../renderer/src');

/** The timers in `source` that reach the API (directly or through a function of the same file). */
export function pollingTimers(source: string, file = 'x.tsx'): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const functions = new Map<string, ts.Node>();
  const found: string[] = [];
  const visitFunctions = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) && node.name) functions.set(node.name.text, node);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer)
      functions.set(node.name.text, node.initializer);
    ts.forEachChild(node, visitFunctions);
  };
  visitFunctions(sf);
  const callsApi = (node: ts.Node, seen: Set<string>): boolean => {
    let hit = false;
    const walk = (n: ts.Node) => {
      if (hit) return;
      if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'api') hit = true;
      else if (ts.isIdentifier(n) && functions.has(n.text) && !seen.has(n.text)) {
        seen.add(n.text);
        if (callsApi(functions.get(n.text)!, seen)) hit = true;
      }
      ts.forEachChild(n, walk);
    };
    walk(node);
    return hit;
  };
  const visitTimers = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      const callback = node.arguments[0];
      if ((name === 'setTimeout' || name === 'setInterval') && callback && callsApi(callback, new Set())) {
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${file}:${line + 1}`);
      }
    }
    ts.forEachChild(node, visitTimers);
  };
  visitTimers(sf);
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

test('the check finds a status poll, direct or through a named function', () => {
  const direct = `useEffect(() => { const t = setInterval(() => api.getAnalysisStatus({}).then(set), 1000); }, []);`;
  const named = `const poll = async () => { const s = await api.getImportStatus({ jobId }); timer = setTimeout(poll, 200); };
    function start() { void poll(); }`;
  assert.equal(pollingTimers(direct).length, 1);
  assert.equal(pollingTimers(named).length, 1);
  // A timer that only changes the window (a toast going away) is not a poll.
  assert.deepEqual(pollingTimers(`const t = setTimeout(() => setToast(null), 5000);`), []);
});

/** Timers that reach the API once, not as a poll: each with why. */
const notPolls: Record<string, string> = {
  'components/SampleRecorder.tsx': 'stops the microphone at the time limit and sends the sample once',
  'hooks/useDelete.ts': 'runs a confirmed delete once, when its undo time is up',
};

test('no renderer file polls the API on a timer', () => {
  const files = sources(rendererDir);
  assert.ok(files.length > 20, 'the renderer sources were found');
  assert.ok(
    files.some((f) => readFileSync(f, 'utf8').includes('setTimeout(')),
    'the renderer has timers to check',
  );
  const polls = files
    .filter((f) => !(path.relative(rendererDir, f) in notPolls))
    .flatMap((f) => pollingTimers(readFileSync(f, 'utf8'), path.relative(rendererDir, f)));
  assert.deepEqual(polls, []);
});
