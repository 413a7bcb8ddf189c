// Voices: the recordings grouped by how the voice sounds ("Voice A — 1,203 recordings") with clips to
// listen to; the user says which group is them, a household member or someone else, or records a
// sample. Voice matching on short clips is uncertain, and everything here is worded to match.
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  AnalysisStatus,
  Profile,
  RecordingDetail,
  StoredWarning,
  VoiceGroupSummary,
} from '../../../electron/core/api/contract.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { formatDuration } from '../lib/format.ts';
import { personForMe, personRole } from '../lib/profile.ts';
import { MicrophoneProblem, startRecording, toVoiceWav, type Recording } from '../lib/sample.ts';
import { toBase64 } from '../lib/wav.ts';
import { byDecision, voiceLabel, voiceWarningFor } from '../lib/warnings.ts';
import { ClipButton, useClipPlayer, type ClipPlayer } from './Clip.tsx';
import { Dialog } from './Dialog.tsx';
import { Icon } from './Icon.tsx';
import { errorText } from '../lib/errors.ts';

const MAX_SECONDS = 30;

function confidenceWord(c: number): 'high' | 'medium' | 'low' {
  return c >= 0.85 ? 'high' : c >= 0.6 ? 'medium' : 'low';
}

export function VoicesView({
  status,
  statusError,
  profile,
  warnings,
  refreshToken,
  onChanged,
  onProfile,
}: {
  status: AnalysisStatus | null;
  statusError: string | null;
  profile: Profile | null;
  warnings: StoredWarning[];
  refreshToken: number;
  onChanged(): void;
  onProfile(p: Profile): void;
}) {
  const { t } = useI18n();
  const [groups, setGroups] = useState<VoiceGroupSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [household, setHousehold] = useState<VoiceGroupSummary | null>(null);
  const player = useClipPlayer();
  const running = status?.voices.running ?? false;
  const groupCount = status?.groups;

  const load = useCallback(() => {
    api.listVoiceGroups({}).then(
      (g) => {
        setGroups(g);
        setError(null);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, []);
  // Again whenever the library changes, or the analysis finishes a pass (the group count moves).
  useEffect(load, [load, refreshToken, running, groupCount]);

  // The core keeps "someone else" with the group (across regrouping), and raises its warning.
  const assign = async (g: VoiceGroupSummary, person: string | null, someoneElse = false) => {
    setBusy(g.id);
    setActionError(null);
    try {
      await api.assignVoiceGroup({ groupId: g.id, person, someoneElse });
      load();
      onChanged();
    } catch (e) {
      setActionError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const chooseHousehold = async (g: VoiceGroupSummary, name: string) => {
    setHousehold(null);
    if (profile && !profile.household.some((h) => h.toLowerCase() === name.toLowerCase())) {
      try {
        onProfile(await api.setProfile({ ...profile, household: [...profile.household, name] }));
      } catch (e) {
        setActionError(errorText(e));
        return;
      }
    }
    await assign(g, name);
  };

  const v = status?.voices;
  const { open } = byDecision(warnings);
  return (
    <section className="voices" aria-labelledby="voices-title" data-testid="voices">
      <header className="voices-head">
        <div>
          <h1 id="voices-title">{t('voices.title')}</h1>
          <p className="muted voices-intro">{t('voices.intro')}</p>
        </div>
      </header>

      {statusError ? (
        <p className="banner warn inline-banner" role="status">
          <Icon name="info" /> {t('voices.unavailable', { message: statusError })}
        </p>
      ) : null}
      {v && (v.running || v.total > 0) ? (
        <div className="analysis-status card" data-testid="analysis-status">
          {v.running ? (
            <>
              <p>
                <strong>{t('voices.analysing', { done: v.done, total: v.total })}</strong>
              </p>
              <div
                className="progress"
                role="progressbar"
                aria-label={t('voices.analysingLabel')}
                aria-valuemin={0}
                aria-valuemax={v.total}
                aria-valuenow={v.done}
              >
                <div className="progress-fill" style={{ width: `${v.total ? (100 * v.done) / v.total : 0}%` }} />
              </div>
              <p className="hint">{t('voices.analysingHint')}</p>
            </>
          ) : (
            <p>
              <Icon name="check" /> {t('voices.analysed', { done: v.done - v.withoutSignature, total: v.total })}
              {v.withoutSignature > 0 ? ` ${t('voices.unreadable', { count: v.withoutSignature })}` : ''}
            </p>
          )}
          {status && status.enrolled.length ? (
            <p className="hint">
              {t('voices.enrolled', {
                list: status.enrolled
                  .map((p) => t('voices.enrolledOne', { person: p.person, count: p.samples }))
                  .join(', '),
              })}
            </p>
          ) : null}
        </div>
      ) : null}

      <SampleRecorder profile={profile} onEnrolled={onChanged} />

      {actionError ? (
        <p className="error-text" role="alert">
          {t('error.generic', { message: actionError })}
        </p>
      ) : null}

      {error ? (
        <p className="banner warn inline-banner" role="status" data-testid="voices-error">
          <Icon name="info" /> {t('voices.unavailable', { message: error })}
        </p>
      ) : groups == null ? null : groups.length === 0 ? (
        <div className="empty-state voices-empty" data-testid="voices-empty">
          <Icon name="audio" size="2.5rem" />
          <p className="empty-title">{t('voices.empty.title')}</p>
          <p className="empty-body">
            {running
              ? t('voices.empty.running')
              : v && v.total === 0
                ? t('voices.empty.noAudio')
                : t('voices.empty.body')}
          </p>
        </div>
      ) : (
        <ul className="voice-groups" data-testid="voice-groups">
          {groups.map((g) => (
            <VoiceGroupCard
              key={g.id}
              group={g}
              profile={profile}
              warning={voiceWarningFor(g.label, open)}
              busy={busy === g.id}
              player={player}
              onMe={() => void assign(g, personForMe(profile))}
              onHousehold={() => setHousehold(g)}
              onSomeoneElse={() => void assign(g, null, true)}
              onNotSure={() => void assign(g, null)}
            />
          ))}
        </ul>
      )}
      {household ? (
        <HouseholdDialog
          group={household}
          names={profile?.household ?? []}
          onCancel={() => setHousehold(null)}
          onChoose={(name) => void chooseHousehold(household, name)}
        />
      ) : null}
    </section>
  );
}

function VoiceGroupCard({
  group: g,
  profile,
  warning,
  busy,
  player,
  onMe,
  onHousehold,
  onSomeoneElse,
  onNotSure,
}: {
  group: VoiceGroupSummary;
  profile: Profile | null;
  warning: StoredWarning | undefined;
  busy: boolean;
  player: ClipPlayer;
  onMe(): void;
  onHousehold(): void;
  onSomeoneElse(): void;
  onNotSure(): void;
}) {
  const { t, locale } = useI18n();
  const [samples, setSamples] = useState<(RecordingDetail | null)[]>([]);
  const sampleIds = g.sampleRecordingIds.slice(0, 4);
  const sampleKey = sampleIds.join(',');
  useEffect(() => {
    let live = true;
    Promise.all(sampleIds.map((id) => api.getRecording({ id }).catch(() => null))).then((r) => live && setSamples(r));
    return () => {
      live = false;
    };
    // The ids are in sampleKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sampleKey]);

  const role = g.person ? personRole(g.person, profile) : null;
  const state: 'me' | 'household' | 'other' | 'stranger' | 'none' = g.person
    ? role === 'me'
      ? 'me'
      : role === 'household'
        ? 'household'
        : 'other'
    : g.someoneElse
      ? 'stranger'
      : 'none';
  const badge =
    state === 'me'
      ? t('voices.state.me')
      : state === 'household'
        ? t('voices.state.household', { person: g.person! })
        : state === 'other'
          ? g.person!
          : state === 'stranger'
            ? t('voices.state.someoneElse')
            : g.soundsLike
              ? t('voices.state.soundsLike', {
                  person: personRole(g.soundsLike.person, profile) === 'me' ? t('voices.you') : g.soundsLike.person,
                  how: t(`voices.confidence.${confidenceWord(g.soundsLike.confidence)}`),
                })
              : t('voices.state.none');
  const nf = new Intl.NumberFormat(locale);

  return (
    <li
      className={`card voice-group state-${state}`}
      aria-labelledby={`voice-${g.id}-title`}
      aria-busy={busy}
      data-testid="voice-group"
      data-label={g.label}
    >
      <div className="voice-group-head">
        <h2 id={`voice-${g.id}-title`} className="voice-title">
          <Icon name="audio" /> {t('voices.groupTitle', { label: voiceLabel(g.label, t), count: g.size })}
        </h2>
        <span className={`voice-badge ${state}`} data-testid="voice-state">
          {badge}
        </span>
      </div>
      {g.exports.length ? (
        <p className="voice-exports hint">
          {g.exports.map((e) => `${e.label}: ${nf.format(e.recordings)}`).join(' · ')}
        </p>
      ) : null}
      {warning ? (
        <p className="voice-warning" data-testid="voice-warning">
          <Icon name="warning" /> {g.someoneElse ? t('voices.saidSomeoneElse') : t('voices.mayBeSomeoneElse')}
        </p>
      ) : null}
      {sampleIds.length ? (
        <ul className="voice-samples" aria-label={t('voices.samples')}>
          {sampleIds.map((id, i) => {
            const r = samples[i];
            const text = r?.transcript?.trim();
            return (
              <li key={id} className="clip-row">
                <ClipButton
                  player={player}
                  recordingId={id}
                  label={t('voices.clip', { n: i + 1, label: voiceLabel(g.label, t) })}
                  testId="voice-clip"
                />
                <span className="clip-text">{text ? text : <em className="state">{t('list.noTranscript')}</em>}</span>
                <span className="clip-duration">{formatDuration(r?.durationMs) ?? ''}</span>
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="voice-actions" role="group" aria-label={t('voices.whoIsThis', { label: voiceLabel(g.label, t) })}>
        <span className="voice-question">{t('voices.whoIsThis', { label: voiceLabel(g.label, t) })}</span>
        <button
          type="button"
          className={`button${state === 'me' ? ' primary' : ''}`}
          aria-pressed={state === 'me'}
          disabled={busy}
          onClick={onMe}
          data-testid="voice-me"
        >
          {t('voices.me')}
        </button>
        <button
          type="button"
          className={`button${state === 'household' ? ' primary' : ''}`}
          aria-pressed={state === 'household'}
          disabled={busy}
          onClick={onHousehold}
          data-testid="voice-household"
        >
          {t('voices.household')}
        </button>
        <button
          type="button"
          className={`button${state === 'stranger' ? ' primary' : ''}`}
          aria-pressed={state === 'stranger'}
          disabled={busy}
          onClick={onSomeoneElse}
          data-testid="voice-someone-else"
        >
          {t('voices.someoneElse')}
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={state === 'none'}
          disabled={busy}
          onClick={onNotSure}
          data-testid="voice-not-sure"
        >
          {t('voices.notSure')}
        </button>
      </div>
    </li>
  );
}

function HouseholdDialog({
  group,
  names,
  onCancel,
  onChoose,
}: {
  group: VoiceGroupSummary;
  names: string[];
  onCancel(): void;
  onChoose(name: string): void;
}) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<string>(names[0] ?? '');
  const [typed, setTyped] = useState('');
  const other = names.length === 0 || choice === '';
  const name = (other ? typed : choice).trim();
  return (
    <Dialog
      title={t('voices.householdTitle', { label: voiceLabel(group.label, t) })}
      onCancel={onCancel}
      testId="household-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('confirm.cancel')}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={!name || name.length > 200}
            onClick={() => onChoose(name)}
            data-testid="household-choose"
          >
            {t('voices.householdChoose')}
          </button>
        </>
      }
    >
      {names.length ? (
        <fieldset className="radio-list">
          <legend className="visually-hidden">
            {t('voices.householdTitle', { label: voiceLabel(group.label, t) })}
          </legend>
          {names.map((n) => (
            <label key={n} className="check">
              <input type="radio" name="household" checked={choice === n} onChange={() => setChoice(n)} />
              <span>{n}</span>
            </label>
          ))}
          <label className="check">
            <input type="radio" name="household" checked={choice === ''} onChange={() => setChoice('')} />
            <span>{t('voices.householdOther')}</span>
          </label>
        </fieldset>
      ) : (
        <p className="muted">{t('voices.householdNone')}</p>
      )}
      {other ? (
        <label className="field">
          {t('voices.householdName')}
          <input
            type="text"
            value={typed}
            autoFocus
            maxLength={200}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && name) onChoose(name);
            }}
            data-testid="household-name"
          />
        </label>
      ) : null}
      <p className="hint">{t('voices.householdHint')}</p>
    </Dialog>
  );
}

type SampleState =
  | { stage: 'idle' }
  | { stage: 'recording'; started: number }
  | { stage: 'working' }
  | { stage: 'done'; matchedGroup: string | null; samples: number; person: string }
  | { stage: 'error'; text: string };

/** Record a voice sample with the microphone, or choose an audio file, for the user or someone at home. */
function SampleRecorder({ profile, onEnrolled }: { profile: Profile | null; onEnrolled(): void }) {
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
        onEnrolled();
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
