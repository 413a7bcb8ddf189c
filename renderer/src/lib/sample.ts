// Voice samples in the window: recording from the microphone (MediaRecorder, whatever format the
// browser records) or reading a chosen file, then decoding it here and sending a 16 kHz mono WAV.
import { downmix, encodeWav, level, sampleRateForVoice, voicedSeconds } from './wav.ts';

export interface Sample {
  wav: Uint8Array;
  seconds: number;
  voiced: number;
}

/** Decodes any audio the browser can read into a 16 kHz mono WAV; null when it cannot read it. */
export async function toVoiceWav(bytes: ArrayBuffer): Promise<Sample | null> {
  const context = new AudioContext();
  let decoded: AudioBuffer;
  try {
    decoded = await context.decodeAudioData(bytes.slice(0));
  } catch {
    return null;
  } finally {
    void context.close().catch(() => {});
  }
  const frames = Math.max(1, Math.ceil(decoded.duration * sampleRateForVoice));
  const offline = new OfflineAudioContext(1, frames, sampleRateForVoice);
  const source = offline.createBufferSource();
  source.buffer = decoded;
  source.connect(offline.destination);
  source.start();
  const rendered = await offline.startRendering();
  const mono = downmix([rendered.getChannelData(0)]);
  return {
    wav: encodeWav(mono, sampleRateForVoice),
    seconds: mono.length / sampleRateForVoice,
    voiced: voicedSeconds(mono, sampleRateForVoice),
  };
}

export interface Recording {
  /** Stops and resolves to what was recorded. */
  stop(): Promise<Blob>;
  /** Stops without keeping anything. */
  cancel(): void;
}

export type MicrophoneError = 'denied' | 'none' | 'unsupported' | 'failed';

export class MicrophoneProblem extends Error {
  constructor(readonly kind: MicrophoneError) {
    super(kind);
  }
}

/** Starts recording from the microphone; `onLevel` hears the loudness about 30 times a second. */
export async function startRecording(onLevel: (value: number) => void): Promise<Recording> {
  if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') {
    throw new MicrophoneProblem('unsupported');
  }
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: true },
    });
  } catch (e) {
    const name = e instanceof DOMException ? e.name : '';
    throw new MicrophoneProblem(
      name === 'NotAllowedError' || name === 'SecurityError'
        ? 'denied'
        : name === 'NotFoundError' || name === 'OverconstrainedError'
          ? 'none'
          : 'failed',
    );
  }
  const preferred = ['audio/ogg;codecs=opus', 'audio/webm;codecs=opus', 'audio/webm'];
  const mimeType = preferred.find((m) => MediaRecorder.isTypeSupported(m));
  const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size) chunks.push(e.data);
  };

  // The level meter: an analyser on the same stream.
  const meter = new AudioContext();
  const analyser = meter.createAnalyser();
  analyser.fftSize = 1024;
  meter.createMediaStreamSource(stream).connect(analyser);
  const block = new Uint8Array(analyser.fftSize);
  let frame = 0;
  const tick = () => {
    analyser.getByteTimeDomainData(block);
    onLevel(level(block));
    frame = requestAnimationFrame(tick);
  };
  frame = requestAnimationFrame(tick);

  const release = () => {
    cancelAnimationFrame(frame);
    for (const track of stream.getTracks()) track.stop();
    void meter.close().catch(() => {});
    onLevel(0);
  };
  recorder.start(250);
  return {
    stop: () =>
      new Promise<Blob>((resolve) => {
        recorder.onstop = () => {
          release();
          resolve(new Blob(chunks, { type: recorder.mimeType || mimeType || 'audio/webm' }));
        };
        if (recorder.state === 'inactive') recorder.onstop(new Event('stop'));
        else recorder.stop();
      }),
    cancel: () => {
      recorder.onstop = null;
      if (recorder.state !== 'inactive') recorder.stop();
      release();
    },
  };
}
