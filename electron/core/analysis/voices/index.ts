// Voice signatures, grouping, matching and the "is this export someone else's?" verdict.
// Pure and runtime-neutral (no Node or Electron APIs): feed it decoded audio or bytes.
//
// Method (chosen by scripts/eval-voices.ts, see the numbers there): 8 kHz MFCC (20) + Δ over
// energy-detected speech → 59 statistics (means of c1..c19, spreads of c0..c19 and their Δ) →
// z-normalisation, PCA whitening and within-speaker whitening (WCCN) trained on Debian-package
// voices → unit-length 59-float signature, compared by cosine. The model is the 20 KB
// resources/voices/voice-model.json, made by `npx tsx scripts/eval-voices.ts --train`.

import modelJson from '../../../../resources/voices/voice-model.json' with { type: 'json' };
import { decodeMono } from '../../audio/index.ts';
import { message } from '../../messages/index.ts';
import { groupVoices as groupWith, type GroupOptions, type SignatureRef, type VoiceGroup } from './grouping.ts';
import { modelFromJson, type VoiceModel, type VoiceModelJson } from './model.ts';
import { matchAgainst as matchWith, probabilitySame, similarity, type EnrolledPerson, type Match } from './scoring.ts';
import { decodeSignature, encodeSignature } from './serialize.ts';
import { signatureOf, type SignatureResult } from './signature.ts';
import { exportVerdict as verdictWith, type ExportVerdict, type VerdictOptions } from './verdict.ts';

export type {
  EnrolledPerson,
  ExportVerdict,
  GroupOptions,
  Match,
  SignatureRef,
  SignatureResult,
  VerdictOptions,
  VoiceGroup,
  VoiceModel,
};
export type { NoSignatureReason } from './features.ts';
export { similarity };

let cached: VoiceModel | null = null;

/** The shipped voice model (parsed once). */
export function defaultVoiceModel(): VoiceModel {
  cached ??= modelFromJson(modelJson as VoiceModelJson);
  return cached;
}

/** Version of the signatures this model makes; stored signatures of another version must be recomputed. */
export function signatureVersion(model = defaultVoiceModel()): number {
  return model.version;
}

/** Voice signature of decoded mono audio (any sample rate); `ok: false` with a reason for silence or < 0.5 s of speech. */
export function computeSignature(
  samples: Float32Array,
  sampleRate: number,
  model = defaultVoiceModel(),
): SignatureResult {
  return signatureOf(model, samples, sampleRate);
}

/** Voice signature straight from a file's bytes (WAV, MP3, Ogg Opus, gzipped or not). */
export async function signatureFromAudio(bytes: Uint8Array, model = defaultVoiceModel()): Promise<SignatureResult> {
  const decoded = await decodeMono(bytes);
  if (!decoded) return { ok: false, reason: 'invalid', message: message('voices.undecodable') };
  return signatureOf(model, decoded.samples, decoded.sampleRate);
}

/** Whether two recordings are likely the same voice: cosine similarity, the model's threshold and a calibrated probability. */
export function compareVoices(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  model = defaultVoiceModel(),
): { similarity: number; same: boolean; probability: number } {
  const s = similarity(a, b);
  // Pairwise scores are relative to a single other recording: normalise by the typical same-voice similarity.
  const probability = probabilitySame(s / model.typicalSelf, model);
  return { similarity: s, same: s >= model.threshold, probability };
}

/** Groups recordings by voice (scales to 10,000+ signatures; see grouping.ts). */
export function groupVoices(
  signatures: SignatureRef[],
  opts: GroupOptions = {},
  model = defaultVoiceModel(),
): VoiceGroup[] {
  return groupWith(signatures, model, opts);
}

/** Which enrolled person (user or household member), if any, a recording's voice matches, with a confidence. */
export function matchAgainst(
  enrolled: EnrolledPerson[],
  signature: ArrayLike<number>,
  model = defaultVoiceModel(),
): Match {
  return matchWith(enrolled, signature, model);
}

/** Whether no voice in an export matches the user or their household (strong warning) — see verdict.ts. */
export function exportVerdict(
  signatures: SignatureRef[],
  enrolled: EnrolledPerson[],
  opts: VerdictOptions = {},
  model = defaultVoiceModel(),
): ExportVerdict {
  return verdictWith(signatures, enrolled, model, opts);
}

/** Signature → bytes for a BLOB column (a Buffer under Node). */
export function signatureToBytes(vector: Float32Array, model = defaultVoiceModel()): Uint8Array {
  return encodeSignature(vector, model.version);
}

/** Bytes → signature; null when they are not a signature of the current model (recompute it then). */
export function signatureFromBytes(bytes: Uint8Array, model = defaultVoiceModel()): Float32Array | null {
  return decodeSignature(bytes, model.version, model.outDims);
}
