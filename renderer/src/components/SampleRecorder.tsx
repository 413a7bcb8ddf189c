// Records a voice sample with the microphone (with a level meter and a time limit), or takes an
// audio file, and enrolls it for the user or someone at home.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Profile } from '../../../electron/core/api/contract.ts';
import type { ChangeTopic } from '../../../electron/core/api/events.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { personForMe } from '../lib/profile.ts';
import { MicrophoneProblem, startRecording, toVoiceWav, type Recording } from '../lib/sample.ts';
import { toBase64 } from '../lib/wav.ts';
import { voiceLabel } from '../lib/warnings.ts';
import { Icon } from './Icon.tsx';
import { errorText } from '../lib/errors.ts';

const MAX_SECONDS = 30;

type SampleState =
  | { stage: 'idle' }
  | { stage: 'recording'; started: number }
  | { stage: 'working' }
  | { stage: 'done'; matchedGroup: string | null; samples: number; person: string }
  | { stage: 'error'; text: string };

/** Record a voice sample with the microphone, or choose an audio file, for the user or someone at home. */
export function SampleRecorder({
  profile,
  onEnrolled,
}: {
  profile: Profile | null;
  onEnrolled(changed: ChangeTopic[]): void;
}) {
  const { t } = useI18n();
  const me = personForMe(profile);
  const people = [me, ...(profile?.household ?? [])];
  const [person, setPerson] = useState(me);
  const [state, setState] = useState<SampleState>({ stage: 'idle' });
  const [levelValue, setLevel] = useState(0);
  const [elapsed, setElapsed] = useState(0);
  const recording = useRef<Recording | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const who = people.includes(person) ? person : me;

  useEffect(() => () => recording.current?.cancel(), []);

  const send = useCallback(
    async (bytes: Uint8Array) => {
      setState({ stage: 'working' });
      try {
        const result = await api.enrollVoice({ person: who, audioBase64: toBase64(bytes) });
        setState({ stage: 'done', matchedGroup: result.matchedGroup, samples: result.samples, person: who });
        onEnrolled(result.changed);
      } catch (e) {
        setState({ stage: 'error', text: errorText(e) });
      }
    },
    [who, onEnrolled],
  );

  const stop = useCallback(async () => {
    const r = recording.current;
    if (!r) return;
    recording.current = null;
    setState({ stage: 'working' });
    const blob = await r.stop();
    const sample = await toVoiceWav(await blob.arrayBuffer());
    if (!sample) {
      setState({ stage: 'error', text: t('voices.sample.unreadable') });
      return;
    }
    if (sample.seconds < 2) {
      setState({ stage: 'error', text: t('voices.sample.tooShort') });
      return;
    }
    await send(sample.wav);
  }, [send, t]);

  // The timer, and the automatic stop after MAX_SECONDS.
  useEffect(() => {
    if (state.stage !== 'recording') return;
    const timer = setInterval(() => {
      const s = (Date.now() - state.started) / 1000;
      setElapsed(s);
      if (s >= MAX_SECONDS) void stop();
    }, 200);
    return () => clearInterval(timer);
  }, [state, stop]);

  const record = async () => {
    setState({ stage: 'working' });
    setElapsed(0);
    try {
      recording.current = await startRecording(setLevel);
      setState({ stage: 'recording', started: Date.now() });
    } catch (e) {
      const kind = e instanceof MicrophoneProblem ? e.kind : 'failed';
      setState({ stage: 'error', text: t(`voices.mic.${kind}`) });
    }
  };

  const fromFile = async (file: File) => {
    setState({ stage: 'working' });
    const bytes = await file.arrayBuffer();
    const sample = await toVoiceWav(bytes);
    // What the browser cannot decode goes as it is: the core reads WAV, MP3 and Ogg Opus itself.
    await send(sample ? sample.wav : new Uint8Array(bytes));
  };

  const personLabel = (p: string) =>
    p !== me ? p : profile?.names[0] ? t('voices.sample.me', { name: profile.names[0] }) : t('voices.sample.meOnly');

  return (
    <section className="card sample-card" aria-labelledby="sample-title" data-testid="sample">
      <div className="card-head">
        <h2 id="sample-title">
          <Icon name="device" /> {t('voices.sample.title')}
        </h2>
      </div>
      <p className="hint">{t('voices.sample.intro')}</p>
      <div className="sample-row">
        <label className="sample-who">
          {t('voices.sample.who')}
          <select
            value={who}
            onChange={(e) => setPerson(e.target.value)}
            disabled={state.stage === 'recording' || state.stage === 'working'}
            data-testid="sample-person"
          >
            {people.map((p) => (
              <option key={p} value={p}>
                {personLabel(p)}
              </option>
            ))}
          </select>
        </label>
        {state.stage === 'recording' ? (
          <button type="button" className="button danger" onClick={() => void stop()} data-testid="sample-stop">
            <span className="rec-dot" aria-hidden="true" /> {t('voices.sample.stop')}
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            onClick={() => void record()}
            disabled={state.stage === 'working'}
            data-testid="sample-record"
          >
            <Icon name="device" /> {t('voices.sample.record')}
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => fileInput.current?.click()}
          disabled={state.stage === 'recording' || state.stage === 'working'}
          data-testid="sample-file"
        >
          <Icon name="file" /> {t('voices.sample.file')}
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept="audio/*,.wav,.mp3,.ogg,.opus,.m4a,.webm"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void fromFile(f);
          }}
          data-testid="sample-file-input"
        />
      </div>
      {state.stage === 'recording' ? (
        <div className="sample-live" data-testid="sample-recording">
          <div className="meter" aria-hidden="true">
            <span style={{ width: `${Math.round(levelValue * 100)}%` }} />
          </div>
          <span className="sample-time" role="timer">
            {t('voices.sample.elapsed', { seconds: Math.floor(elapsed), max: MAX_SECONDS })}
          </span>
          <p className="read-aloud">
            <span className="muted">{t('voices.sample.readThis')}</span> {t('voices.sample.text')}
          </p>
        </div>
      ) : null}
      <div aria-live="polite" data-testid="sample-result">
        {state.stage === 'working' ? <p className="muted">{t('voices.sample.working')}</p> : null}
        {state.stage === 'done' ? (
          <p className="sample-result">
            <Icon name="check" />{' '}
            {state.matchedGroup
              ? t('voices.sample.matched', { label: voiceLabel(state.matchedGroup, t) })
              : t('voices.sample.noMatch')}{' '}
            <span className="muted">{t('voices.sample.count', { count: state.samples })}</span>
          </p>
        ) : null}
        {state.stage === 'error' ? (
          <p className="error-text" role="alert">
            {state.text}
          </p>
        ) : null}
      </div>
    </section>
  );
}
