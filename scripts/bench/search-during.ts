// Worker thread for the import step: while the waveforms are computed after the commit, searches
// the library the way the window does (one query of the bench's mix every few ms, on another
// thread with its own connection, as the app's main process does) and reports how long each took.
// Then, told 'after', it goes on the same way once the waveforms are done: the same searches at the
// same pace with nothing in the background, for the comparison (a search after a pause is slower
// than one of a tight loop, with or without background work).
import { parentPort, workerData } from 'node:worker_threads';
import { openLibrary } from '../../electron/core/db/library.ts';
import { listRecordings } from '../../electron/core/db/recordings.ts';
import { searchQueries } from './measure.ts';
import { answeringWindow, joinWindowGate } from '../../electron/core/waveforms/background.ts';

/** Pause between searches: someone typing, not a load test that would itself take a core. */
const PAUSE_MS = 100;

const { library, windowGate } = workerData as { library: string; windowGate?: Int32Array };
// Answers through the window gate, as the app's main thread does (the import's thread made it).
joinWindowGate(windowGate);
const db = openLibrary(library, { readonly: true, skipCheck: true });
const queries = searchQueries(db);
for (const q of queries) listRecordings(db, q.query); // warm, as measureSearch does
const during: number[] = [];
const after: number[] = [];
let times = during;
let stop = false;
parentPort!.on('message', (m: 'after' | 'stop') => {
  if (m === 'after') times = after;
  else stop = true;
});
let next = 0;
function one() {
  if (stop) {
    db.close();
    parentPort!.postMessage({ during, after });
    parentPort!.close();
    return;
  }
  const q = queries[next++ % queries.length]!;
  const t = performance.now();
  answeringWindow(() => listRecordings(db, q.query));
  times.push(performance.now() - t);
  setTimeout(one, PAUSE_MS);
}
parentPort!.postMessage('ready');
one();
