// Linking Amazon's audio to Amazon's transcripts. The transcript tables (`Intent-*.csv`) name no audio
// file and no device, so the only link is time.
//
// Tolerance: ±2 seconds, inclusive. Why: the table's `Utterance Creation Date` and a time in the audio
// file's name come from the same server event and agree to the millisecond when both exist; the
// slack covers the wake word and end-of-speech detection (the audio starts up to about a second before
// the utterance is created) and ZIP modification times, which have 2-second resolution when a file's
// name carries no time. It stays below the time it takes to say two separate requests, so two
// utterances are not confused: Alexa needs a wake word and a full request (rarely under 2 s) between them.
// Nearest wins: all candidate pairs within the tolerance are taken in order of their distance, and
// each audio file and each transcript is used at most once. Anything left over stays on its own.

export const LINK_TOLERANCE_MS = 2000;

export interface Timed {
  time: number | null;
}

/** Pairs `audio` with `texts` by time (see above). Returns, for each audio index, the text index it was paired with. */
export function linkByTime(audio: Timed[], texts: Timed[], toleranceMs = LINK_TOLERANCE_MS): Map<number, number> {
  const order = texts
    .map((t, i) => ({ time: t.time, i }))
    .filter((t): t is { time: number; i: number } => t.time !== null)
    .sort((a, b) => a.time - b.time || a.i - b.i);
  const pairs: { d: number; a: number; t: number }[] = [];
  for (const [a, item] of audio.entries()) {
    if (item.time === null) continue;
    const at = item.time;
    // First text not earlier than at − tolerance.
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order[mid]!.time < at - toleranceMs) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < order.length && order[k]!.time <= at + toleranceMs; k++) {
      pairs.push({ d: Math.abs(order[k]!.time - at), a, t: order[k]!.i });
    }
  }
  pairs.sort((x, y) => x.d - y.d || x.a - y.a || x.t - y.t);
  const byAudio = new Map<number, number>();
  const usedTexts = new Set<number>();
  for (const p of pairs) {
    if (byAudio.has(p.a) || usedTexts.has(p.t)) continue;
    byAudio.set(p.a, p.t);
    usedTexts.add(p.t);
  }
  return byAudio;
}

/** A transcript's time and how exactly it was written: to the second, to the minute, or only the day. */
export interface TimedText extends Timed {
  precision?: 'second' | 'minute' | 'day';
}

/**
 * As linkByTime, for transcripts of mixed precision (a PDF may write `04:02` without seconds): those
 * to the second first (±2 s); then those to the minute, with the audio left over, anywhere in their
 * minute (±2 s); those with only a day are never linked.
 */
export function linkByTimeAndPrecision(audio: Timed[], texts: TimedText[]): Map<number, number> {
  const exact = linkByTime(
    audio,
    texts.map((t) => ({ time: (t.precision ?? 'second') === 'second' ? t.time : null })),
  );
  if (!texts.some((t) => t.precision === 'minute')) return exact;
  const usedTexts = new Set(exact.values());
  const minuteLinks = linkByTime(
    audio.map((a, i) => ({ time: exact.has(i) ? null : a.time })),
    texts.map((t, i) => ({
      time: t.precision === 'minute' && t.time !== null && !usedTexts.has(i) ? t.time + 30_000 : null,
    })),
    30_000 + LINK_TOLERANCE_MS,
  );
  for (const [a, t] of minuteLinks) exact.set(a, t);
  return exact;
}
