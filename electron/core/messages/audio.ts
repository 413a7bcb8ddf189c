// Audio sentences, English and German. Placeholders are filled by `say` (see ./index.ts).
import type { Entry } from './text.ts';

export const audio = {} satisfies Record<string, Entry>;
