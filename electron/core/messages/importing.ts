// Importing sentences, English and German. Placeholders are filled by `say` (see ./index.ts).
import type { Entry } from './text.ts';

export const importing = {} satisfies Record<string, Entry>;
