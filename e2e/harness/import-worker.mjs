// Loads the TypeScript import worker on a worker thread under tsx, for the harness and tests
// (the app itself runs the bundled build/import-worker.cjs).
import { register } from 'tsx/esm/api';

register();
await import('../../electron/core/import/import-worker.ts');
