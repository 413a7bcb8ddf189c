// Loads the TypeScript waveform worker under tsx, for the harness, tests and the benchmark.
import { register } from 'tsx/esm/api';

register();
await import('../../electron/core/waveforms/waveform-worker.ts');
