// Which part of the core may import which (issue 13): dependencies point down, never up.
//   model.ts, types/  plain types and the query schemas — the leaf
//   messages/         the sentences, English and German
//   audio/, archive/  decoding sound, reading archives
//   waveforms/        decoding sound on a second thread (Node's worker_threads)
//   db/               the library file: storing and reading
//   importers/        one per vendor: reading an export's files into recordings
//   import/           the import pipeline (runs importers, stores into db/)
//   analysis/         names, places, voices, warnings, evidence (reads db/)
//   export/           writing a selection out
//   api/              the method map and its handlers: may use everything below
// Files at the top of core/ (app.ts, paths.ts…) put the parts together; no part may import them.
// A file in a folder of core/ not listed here is reported, so a new folder gets a place on purpose.
import path from 'node:path';

const below = {
  'model.ts': [],
  types: ['model.ts'],
  messages: ['model.ts', 'types'],
  audio: ['model.ts', 'types', 'messages'],
  archive: ['model.ts', 'types', 'messages'],
  waveforms: ['model.ts', 'types', 'messages', 'audio'],
  db: ['model.ts', 'types', 'messages', 'audio'],
  importers: ['model.ts', 'types', 'messages', 'audio', 'archive'],
  import: ['model.ts', 'types', 'messages', 'audio', 'archive', 'db', 'importers', 'waveforms'],
  analysis: ['model.ts', 'types', 'messages', 'audio', 'db', 'waveforms'],
  export: ['model.ts', 'types', 'messages', 'audio', 'db'],
  api: [
    'model.ts',
    'types',
    'messages',
    'audio',
    'archive',
    'waveforms',
    'db',
    'importers',
    'import',
    'analysis',
    'export',
  ],
};
export const layers = Object.freeze(below);

/** The part of core/ a file belongs to: a folder's name, 'model.ts', 'top' (other root files), or null outside core/. */
export function partOf(file, coreDir) {
  const rel = path.relative(coreDir, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const [first, ...rest] = rel.split(path.sep);
  if (rest.length > 0) return first;
  return first === 'model.ts' ? 'model.ts' : 'top';
}

/** Why `from` (a file) may not import `to` (a resolved path), or null when it may. */
export function forbiddenImport(from, to, coreDir) {
  const source = partOf(from, coreDir);
  if (source === null || source === 'top') return null;
  const target = partOf(to, coreDir);
  if (target === null) {
    // Outside core/: packages are fine (the electron rule is separate), and so is resources/; the
    // rest of electron/ (main, preload, cli) is the app around the core, never below it.
    const electronDir = path.dirname(coreDir);
    const rel = path.relative(electronDir, to);
    return rel.startsWith('..') ? null : `core/${source} must not import ${rel} (the app around the core)`;
  }
  if (target === source) return null;
  const allowed = below[source];
  if (!allowed) return `core/${source} has no place in the layers (eslint-rules/layers.js)`;
  if (target === 'top')
    return `core/${source} must not import core/${path.basename(to)}, which puts the parts together`;
  if (!allowed.includes(target)) {
    const name = target === 'model.ts' ? 'model.ts' : `${target}/`;
    return `core/${source}/ must not import core/${name} (it may use: ${allowed.join(', ') || 'nothing'})`;
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'The core’s parts import only the parts below them (see eslint-rules/layers.js).' },
    schema: [{ type: 'object', properties: { coreDir: { type: 'string' } }, additionalProperties: false }],
    messages: { up: '{{why}}.' },
  },
  create(context) {
    const filename = context.filename ?? context.getFilename();
    const coreDir = path.resolve(context.cwd ?? process.cwd(), context.options[0]?.coreDir ?? 'electron/core');
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const why = forbiddenImport(path.resolve(filename), path.resolve(path.dirname(filename), spec), coreDir);
      if (why) context.report({ node: node.source, messageId: 'up', data: { why } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { layers: layersRule } };
