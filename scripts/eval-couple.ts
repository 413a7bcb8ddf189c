// The couple trial: an export in which two strangers speak (a couple), against a user who enrolled
// their voice, must be called foreign; the user's own export with an unenrolled partner must not.
// Real speakers from Debian's sound packages and espeak-ng's voices (the c't generator's German man
// and woman among them); each trial takes a user, a partner and a couple. The shipped model was
// trained on the Debian speakers, so these numbers are optimistic for real strangers.
import { computeSignature, exportVerdict } from '../electron/core/analysis/voices/index.ts';
import { loadDebianSpeakers } from '../test/fixtures/voices.ts';
import { speechPool } from './generator/clips.ts';

interface Voice {
  id: string;
  vectors: Float32Array[];
}

export interface CoupleStats {
  speakers: number;
  foreignTrials: number;
  foreignDetected: number;
  ownTrials: number;
  ownFalseAlarms: number;
  misses: string[];
}

const ENROL = Number(process.env.COUPLE_ENROL ?? 6);
const PER_VOICE = 10;

/** Signatures per real speaker, for those with enough clips for enrolment plus an export's share. */
export async function coupleVoices(): Promise<Voice[]> {
  const speakers = await loadDebianSpeakers();
  const out: Voice[] = [];
  for (const s of speakers) {
    const vectors: Float32Array[] = [];
    for (const c of s.clips) {
      const sig = computeSignature(c.samples, c.sampleRate);
      if (sig.ok) vectors.push(sig.vector);
    }
    if (vectors.length >= ENROL + PER_VOICE) out.push({ id: s.id, vectors });
  }
  // espeak-ng's voices (the c't generator's German man and woman among them): synthetic, but stable.
  const byVoice = new Map<string, Float32Array[]>();
  for (const c of speechPool()) {
    const samples = Float32Array.from(c.pcm, (x) => x / 32768);
    const sig = computeSignature(samples, 16_000);
    if (sig.ok) byVoice.set(c.voice, [...(byVoice.get(c.voice) ?? []), sig.vector]);
  }
  for (const [voice, vectors] of byVoice)
    if (vectors.length >= ENROL + PER_VOICE) out.push({ id: `espeak:${voice}`, vectors });
  return out;
}

const synthetic = (v: Voice) => v.id.startsWith('espeak:');
const refs = (label: string, vs: Float32Array[]) => vs.map((vector, i) => ({ id: `${label}${i}`, vector }));

/** Every user against couples of two other speakers, and with every other speaker as unenrolled partner. */
export function coupleTrials(voices: Voice[], maxCouples = 30): CoupleStats {
  const st: CoupleStats = {
    speakers: voices.length,
    foreignTrials: 0,
    foreignDetected: 0,
    ownTrials: 0,
    ownFalseAlarms: 0,
    misses: [],
  };
  for (const user of voices) {
    const enrolled = [{ person: 'me', vectors: user.vectors.slice(0, ENROL) }];
    const mine = user.vectors.slice(ENROL, ENROL + PER_VOICE);
    const others = voices.filter((v) => v !== user);
    let couples = 0;
    for (let i = 0; i < others.length && couples < maxCouples; i++)
      for (let j = i + 1; j < others.length && couples < maxCouples; j++, couples++) {
        const [a, b] = [others[i]!, others[j]!];
        // espeak-ng's voices are one synthesiser with other pitches: not different people from each other.
        if (synthetic(user) && (synthetic(a) || synthetic(b))) continue;
        const v = exportVerdict(
          [...refs('a', a.vectors.slice(0, PER_VOICE)), ...refs('b', b.vectors.slice(0, PER_VOICE))],
          enrolled,
        );
        st.foreignTrials++;
        if (v.foreign) st.foreignDetected++;
        else st.misses.push(`couple ${a.id} + ${b.id} vs ${user.id}: ${v.status} — ${v.reason}`);
      }
    for (const partner of others) {
      if (synthetic(user) && synthetic(partner)) continue;
      const v = exportVerdict([...refs('me', mine), ...refs('p', partner.vectors.slice(0, PER_VOICE))], enrolled);
      st.ownTrials++;
      if (v.foreign) {
        st.ownFalseAlarms++;
        st.misses.push(`FALSE ALARM ${user.id} + partner ${partner.id}: ${v.reason}`);
      }
    }
  }
  return st;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const voices = await coupleVoices();
  const st = coupleTrials(voices);
  if (process.argv.includes('--json')) console.log(JSON.stringify(st, null, 2));
  else {
    const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : 'n/a');
    console.log(
      `${st.speakers} real and espeak-ng voices, ${ENROL} enrolment clips for the user, ${PER_VOICE} per voice`,
    );
    console.log(
      `stranger couple vs enrolled user: ${st.foreignDetected}/${st.foreignTrials} called foreign (${pct(st.foreignDetected, st.foreignTrials)})`,
    );
    console.log(
      `user + unenrolled partner: ${st.ownFalseAlarms}/${st.ownTrials} false alarms (${pct(st.ownFalseAlarms, st.ownTrials)})`,
    );
    for (const m of st.misses.slice(0, 10)) console.log(`  ${m}`);
  }
}
