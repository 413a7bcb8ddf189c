// Voices: the recordings grouped by how the voice sounds ("Voice A — 1,203 recordings") with clips to
// listen to; the user says which group is them, a household member or someone else, or records a
// sample. Voice matching on short clips is uncertain, and everything here is worded to match.
import { useCallback, useEffect, useState } from 'react';
import type {
  AnalysisStatus,
  Profile,
  RecordingDetail,
  StoredWarning,
  VoiceGroupSummary,
} from '../../../electron/core/api/contract.ts';
import type { ChangeTopic } from '../../../electron/core/api/events.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { formatDuration } from '../lib/format.ts';
import { personForMe, personRole } from '../lib/profile.ts';
import { byDecision, voiceLabel, voiceWarningFor } from '../lib/warnings.ts';
import { ClipButton, useClipPlayer, type ClipPlayer } from './Clip.tsx';
import { HouseholdDialog } from './HouseholdDialog.tsx';
import { Icon } from './Icon.tsx';
import { SampleRecorder } from './SampleRecorder.tsx';
import { errorText } from '../lib/errors.ts';

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
  onChanged(changed: ChangeTopic[]): void;
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
      const { changed } = await api.assignVoiceGroup({ groupId: g.id, person, someoneElse });
      load();
      onChanged(changed);
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
              warning={voiceWarningFor(g.label, open, g.id)}
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
  const { t, locale, exportLabel } = useI18n();
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
          {g.exports.map((e) => `${exportLabel(e.label)}: ${nf.format(e.recordings)}`).join(' · ')}
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
