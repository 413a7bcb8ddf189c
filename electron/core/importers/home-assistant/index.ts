// Home Assistant Assist debug recordings (`assist_pipeline: debug_recording_dir`) → recordings.
//
// The layout, from homeassistant/components/assist_pipeline/pipeline.py
// (`_start_debug_recording_thread`, `_pipeline_debug_recording_thread_proc`):
//   <debug_recording_dir>/<device_id>/<pipeline name>/<time.monotonic_ns()>/   (a satellite's run)
//   <debug_recording_dir>/<pipeline name>/<time.monotonic_ns()>/               (a run with no device)
// holding `00_wake-<wake word entity>.wav` (everything heard while waiting for the wake word: can
// be hours) and `01_stt-<speech-to-text engine>.wav` (the voice command), written by Python's
// `wave` module at 16 kHz, 16-bit, mono. No transcript is written. The run folder is a counter since
// the machine started, not a time, so a run's time is its speech-to-text file's modification time
// less the audio's length. Wake-word files are never read.
import type { ExportEntry, ExportFiles } from '../../archive/export-files.ts';
import type { NewRecording } from '../../model.ts';
import type { Detection, Importer, ImportSink } from '../importer.ts';
import { compactExtra, soundFileRecording } from '../shared.ts';
import { message } from '../../messages/index.ts';

/** Detection: 85 with a voice command file in a run folder (nothing else is named like this), 40 with wake-word files only. */
const SCORE_COMMANDS = 85;
const SCORE_WAKE_ONLY = 40;

const STT_FILE = /^01_stt-(.+)\.wav$/i;
const WAKE_FILE = /^00_wake-(.+)\.wav$/i;
const RUN_FOLDER = /^\d+$/;
/** Home Assistant's device ids are uuid4 hex (helpers/device_registry.py). */
const DEVICE_ID = /^[0-9a-f]{32}$/i;
/** 16 kHz × 16-bit mono, after the 44-byte header Python's wave module writes. */
const BYTES_PER_MS = 32;
const WAV_HEADER_BYTES = 44;

interface Run {
  device: string | null;
  pipeline: string;
  run: string;
  commands: ExportEntry[];
  wake: ExportEntry[];
}

interface Located {
  entry: ExportEntry;
  kind: 'stt' | 'wake';
  device: string | null;
  pipeline: string;
  run: string;
}

/** Where a file sits in the layout above, or null when it is not one of Assist's recordings. */
function locate(entry: ExportEntry): Located | null {
  const kind = STT_FILE.test(entry.name) ? 'stt' : WAKE_FILE.test(entry.name) ? 'wake' : null;
  if (!kind) return null;
  // The dropped folder's own path counts too: the user may drop a device's or a pipeline's folder.
  const container = entry.container.split(/[\\/]/).filter((x) => x.length > 0);
  const segments = [...container, ...entry.path.split('/')];
  const run = segments[segments.length - 2];
  const pipeline = segments[segments.length - 3];
  if (!run || !RUN_FOLDER.test(run) || !pipeline) return null;
  const above = segments[segments.length - 4] ?? '';
  return { entry, kind, device: DEVICE_ID.test(above) ? above.toLowerCase() : null, pipeline, run };
}

function runsOf(files: ExportFiles): { runs: Run[]; others: ExportEntry[] } {
  const runs = new Map<string, Run>();
  const others: ExportEntry[] = [];
  for (const entry of files.entries) {
    const at = locate(entry);
    if (!at) {
      others.push(entry);
      continue;
    }
    const id = `${at.device ?? ''}/${at.pipeline}/${at.run}`;
    let run = runs.get(id);
    if (!run) runs.set(id, (run = { device: at.device, pipeline: at.pipeline, run: at.run, commands: [], wake: [] }));
    (at.kind === 'stt' ? run.commands : run.wake).push(entry);
  }
  // Runs in the order they happened: the counters grow, and have as many digits as they need.
  const order = (r: Run) => `${r.device ?? ''}\u0000${r.pipeline}\u0000${r.run.padStart(24, '0')}`;
  return { runs: [...runs.values()].sort((a, b) => (order(a) < order(b) ? -1 : 1)), others };
}

function detect(files: ExportFiles): Detection {
  let commands = 0;
  let wake = 0;
  for (const entry of files.entries) {
    const at = locate(entry);
    if (at?.kind === 'stt') commands++;
    else if (at?.kind === 'wake') wake++;
  }
  const score = commands > 0 ? SCORE_COMMANDS : wake > 0 ? SCORE_WAKE_ONLY : 0;
  return {
    kind: 'home-assistant-assist',
    score,
    recognised:
      score > 0 ? [message(commands > 0 ? 'homeAssistant.recognised' : 'homeAssistant.recognisedWakeOnly')] : [],
  };
}

/** When the command began: the file was last written when it ended. */
function commandTime(entry: ExportEntry): number | null {
  if (entry.modifiedMs === null || !Number.isFinite(entry.modifiedMs)) return null;
  const lengthMs = Math.max(0, Math.round((entry.size - WAV_HEADER_BYTES) / BYTES_PER_MS));
  return Math.round(entry.modifiedMs - lengthMs);
}

function commandRecording(run: Run, entry: ExportEntry): NewRecording {
  const timeUtc = commandTime(entry);
  const engine = STT_FILE.exec(entry.name)?.[1] ?? null;
  const wakeWord = run.wake.map((w) => WAKE_FILE.exec(w.name)?.[1]).find((x) => x) ?? null;
  return soundFileRecording(
    `home-assistant:${run.device ?? ''}/${run.pipeline}/${run.run}/${entry.name}`,
    'home-assistant',
    entry.path,
    {
      utc: timeUtc,
      original: entry.modifiedMs !== null ? new Date(entry.modifiedMs).toISOString() : null,
      zone: timeUtc !== null ? 'UTC' : null,
    },
    {
      device: run.device,
      vendorFlags: wakeWord ? ['Started by wake word'] : [],
      extra: compactExtra({
        pipeline: run.pipeline,
        run: run.run,
        speechToText: engine,
        wakeWord,
        wakeWordAudio: run.wake.map((w) => w.path),
        timeFrom: timeUtc !== null ? 'file modified time, less the length of the audio' : null,
      }),
    },
  );
}

async function run(files: ExportFiles, sink: ImportSink): Promise<void> {
  const { runs, others } = runsOf(files);
  for (const entry of others) sink.skip(entry.path, message('homeAssistant.skipOther'));
  let added = 0;
  let untimed = 0;
  let wakeOnly = 0;
  for (const r of runs) {
    sink.signal.throwIfAborted();
    // Listed, never opened: a wake-word file holds all the waiting, not a command.
    for (const w of r.wake) sink.skip(w.path, message('homeAssistant.skipWake'));
    if (r.commands.length === 0) wakeOnly++;
    for (const entry of r.commands) {
      const recording = commandRecording(r, entry);
      if (recording.timeUtc === null) untimed++;
      await sink.addRecording(recording, entry);
      sink.consumed(entry);
      added++;
    }
  }
  if (added > 0) sink.note(message('homeAssistant.noTranscripts', { count: added }));
  if (wakeOnly > 0) sink.note(message('homeAssistant.wakeOnlyRuns', { count: wakeOnly }));
  if (untimed > 0) sink.note(message('homeAssistant.untimed', { count: untimed }));
}

export const homeAssistantImporter: Importer = { detect, run };
