// Waveforms that are still being prepared. MP3 peaks are computed in the background after an import
// commits, so a recording can be listed (and played) before its waveform exists.
import type { RecordingDetail } from '../../../electron/core/api/contract.ts';

/** Audio that plays, whose waveform the core has not drawn yet (it will, or it will say why not). */
export function waveformPending(r: Pick<RecordingDetail, 'hasAudio' | 'peaks' | 'audioError'>): boolean {
  return r.hasAudio && r.peaks.length === 0 && !r.audioError;
}

/** The stored envelope (0–255) as the 0–1 channel data the waveform draws. */
export function peaksToChannel(peaks: readonly number[]): Float32Array {
  return Float32Array.from(peaks, (p) => Math.max(0, Math.min(255, p)) / 255);
}
