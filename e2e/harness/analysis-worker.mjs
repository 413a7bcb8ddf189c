// Loads the TypeScript voice-analysis worker under tsx, for the harness and tests.
import { register } from 'tsx/esm/api';

register();
await import('../../electron/core/analysis/analysis-worker.ts');
