// The reading pane: when and where, the player, what was said (large) and answered (smaller),
// then every fact the export gave about the recording.
import { useEffect, useState, type ReactNode } from 'react';
import { errorText } from '../lib/errors.ts';
import type { Profile, RecordingDetail, StoredWarning } from '../../../electron/core/api/contract.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { formatBytes } from '../lib/format.ts';
import { epochOf, exactTime, exportZoneTime } from '../lib/when.ts';
import { personRole } from '../lib/profile.ts';
import { useEvents } from '../hooks/useEvents.ts';
import { waveformPending } from '../lib/waveform.ts';
import { certainty, isExportWide, voiceLabel, warningTitle } from '../lib/warnings.ts';
import { Highlighted } from './Highlighted.tsx';
import { Icon } from './Icon.tsx';
import { Player, type PlayerControls, type PlayerSettings } from './Player.tsx';
import type { WarningActions } from './Warnings.tsx';

export function Detail({
  recordingId,
  refreshToken,
  terms,
  autoplay,
  settings,
  onSettings,
  controls,
  onEnded,
  onDelete,
  warnings,
  profile,
  warningActions,
  markMine,
}: {
  recordingId: number | null;
  refreshToken: number;
  terms: string[];
  autoplay: boolean;
  settings: PlayerSettings;
  onSettings(s: PlayerSettings): void;
  controls: { current: PlayerControls | null };
  onEnded(): void;
  onDelete(id: number): void;
  /** Every warning, to word this recording's ones fully. */
  warnings: StoredWarning[];
  profile: Profile | null;
  warningActions: WarningActions;
  /** Set to "mark this recording's first warning as mine" (the M key), or null. */
  markMine: { current: (() => void) | null };
}) {
  const { t, locale, localise, exportLabel } = useI18n();
  const [recording, setRecording] = useState<RecordingDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [waveformsSeen, setWaveformsSeen] = useState(0);

  useEffect(() => {
    setError(null);
    if (recordingId == null) {
      setRecording(null);
      return;
    }
    let live = true;
    api.getRecording({ id: recordingId }).then(
      (r) => live && setRecording(r),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [recordingId, refreshToken, waveformsSeen]);

  // A waveform still being prepared in the background: the core says when more have been stored,
  // and the recording is read again then, for as long as it is selected and still waiting.
  const pending = recording != null && recording.id === recordingId && waveformPending(recording);
  useEvents((e) => {
    if (pending && e.type === 'changed' && e.what.includes('waveforms')) setWaveformsSeen((n) => n + 1);
  });

  const firstWarning = recording && recording.id === recordingId ? recording.warnings[0] : undefined;
  markMine.current = firstWarning ? () => warningActions.onDecide(firstWarning, 'mine') : null;

  if (recordingId == null) {
    controls.current = null;
    return (
      <aside className="detail empty-state" aria-label={t('detail.details')}>
        <Icon name="ear" size="2.5rem" />
        <p className="empty-title">{t('detail.none')}</p>
        <p className="empty-body">{t('detail.noneHint')}</p>
      </aside>
    );
  }
  if (error) {
    return (
      <aside className="detail empty-state" aria-label={t('detail.details')}>
        <p className="error-text" role="alert">
          {t('error.generic', { message: error })}
        </p>
      </aside>
    );
  }
  // While the next recording loads, the previous one stays (the player keeps its place in the DOM).
  if (!recording) {
    return (
      <aside className="detail" aria-label={t('detail.details')} aria-busy="true">
        <p className="muted">{t('detail.loading')}</p>
      </aside>
    );
  }

  const r = recording;
  // Local time, as in the list; the export's own zone, when it differs, as a second line.
  const inZone = r.timeUtc != null ? exportZoneTime(r.timeUtc, r.timeZone, r.timeZoneOffsetMinutes, locale) : null;
  const originalMs = epochOf(r.timeOriginal);
  const assistant = t(`detail.assistant.${r.source}`);
  const text = r.transcript?.trim();
  const rows: [string, ReactNode][] = [];
  if (r.timeUtc != null)
    rows.push([
      t('detail.time'),
      <>
        {exactTime(r.timeUtc, locale)}
        {inZone ? (
          <span className="meta-second" data-testid="detail-export-zone">
            {t('detail.inExportZone', { time: inZone.time, zone: inZone.zone })}
          </span>
        ) : null}
      </>,
    ]);
  if (r.timeOriginal)
    rows.push([
      t('detail.timeOriginal'),
      originalMs != null ? (
        // A raw epoch number is read as a date; the number itself stays, as written.
        <>
          <span title={r.timeOriginal}>{exactTime(originalMs, locale)}</span>
          <code className="meta-second">{r.timeOriginal}</code>
        </>
      ) : (
        <code>{r.timeOriginal}</code>
      ),
    ]);
  if (!inZone)
    rows.push([
      t('detail.zone'),
      r.timeZone == null
        ? t('detail.zoneUnknown')
        : r.timeZoneOffsetMinutes == null
          ? t('detail.zoneUnread', { zone: r.timeZone })
          : t('detail.zoneSame', { zone: r.timeZone }),
    ]);
  rows.push([t('detail.device'), r.device ?? t('list.unknownDevice')]);
  if (r.deviceSerial) rows.push([t('detail.serial'), <code>{r.deviceSerial}</code>]);
  rows.push([t('detail.source'), t(`source.${r.source}`)]);
  rows.push([t('detail.export'), exportLabel(r.exportLabel)]);
  if (r.title && r.title !== r.transcript) rows.push([t('detail.title'), r.title]);
  if (r.audioPath) rows.push([t('detail.file'), <code className="path">{r.audioPath}</code>]);
  if (r.codec)
    rows.push([
      t('detail.audio'),
      t('detail.audioFormat', {
        codec: r.codec.toUpperCase(),
        rate: r.sampleRate ?? 0,
        channels: t('detail.channels', { count: r.channels ?? 0 }),
      }),
    ]);
  if (r.audioSize != null) rows.push([t('detail.size'), formatBytes(r.audioSize, locale)]);
  if (r.vendorFlags.length) rows.push([t('detail.flags'), r.vendorFlags.join(' · ')]);
  if (r.speakerLabel) rows.push([t('detail.speaker'), r.speakerLabel]);
  if (r.voice) {
    const role = r.voice.person ? personRole(r.voice.person, profile) : null;
    rows.push([
      t('detail.voice'),
      r.voice.person
        ? t('detail.voiceOf', {
            label: voiceLabel(r.voice.label, t),
            person: role === 'me' ? t('voices.you') : r.voice.person,
          })
        : t('detail.voiceUnnamed', { label: voiceLabel(r.voice.label, t) }),
    ]);
  }

  return (
    <aside className="detail" aria-label={t('detail.details')} data-testid="detail">
      <header className="detail-head">
        <h2 className="detail-when">{r.timeUtc != null ? exactTime(r.timeUtc, locale) : t('list.unknownDay')}</h2>
        <p className="detail-where">
          {r.device ?? t('list.unknownDevice')} · {t(`source.${r.source}`)}
        </p>
      </header>
      <Player
        recording={r}
        autoplay={autoplay}
        settings={settings}
        onSettings={onSettings}
        controls={controls}
        onEnded={onEnded}
      />
      <div className="transcript-block">
        {text ? (
          <p className="transcript" data-testid="transcript">
            {t('quote.open')}
            <Highlighted text={text} terms={terms} />
            {t('quote.close')}
          </p>
        ) : (
          <p className="transcript state">
            {r.notIntended
              ? t('list.notIntended')
              : r.unrecognizedSpeaker
                ? t('list.unrecognizedSpeaker')
                : t('list.noTranscript')}
          </p>
        )}
        {r.response ? (
          <p className="response">
            <span className="response-who">{t('detail.response', { assistant })}</span>
            <Highlighted text={r.response} terms={terms} />
          </p>
        ) : null}
        {(r.notIntended || r.unrecognizedSpeaker) && text ? (
          <p className="flags-line">
            {r.notIntended ? (
              <span className="pill warn">
                <Icon name="mutedEar" /> {t('list.notIntended')}
              </span>
            ) : null}
            {r.unrecognizedSpeaker ? (
              <span className="pill warn">
                <Icon name="userQuestion" /> {t('list.unrecognizedSpeaker')}
              </span>
            ) : null}
          </p>
        ) : null}
      </div>
      {r.warnings.length ? (
        <section className="detail-warnings" aria-label={t('detail.warnings')} data-testid="detail-warnings">
          {r.warnings.map((w) => {
            const full = warnings.find((x) => x.id === w.id);
            return (
              <div key={w.id} className={`detail-warning ${w.severity}`} data-testid="detail-warning">
                <Icon name={w.severity === 'notice' ? 'info' : 'warning'} className="warning-icon" />
                <div className="detail-warning-body">
                  <p className="detail-warning-title">{full ? warningTitle(full, t) : localise(w.reason)}</p>
                  {full ? <p className="hint">{certainty(full, t)}</p> : null}
                  <div className="detail-warning-actions">
                    <button
                      type="button"
                      className="button"
                      onClick={() => warningActions.onDecide(w, 'mine')}
                      title={`${t('warnings.mine')} (M)`}
                      data-testid="detail-warning-mine"
                    >
                      <Icon name="check" /> {t('warnings.mine')}
                    </button>
                    <button
                      type="button"
                      className="button quiet"
                      onClick={() => warningActions.onDecide(w, 'dismissed')}
                    >
                      {t('warnings.dismiss')}
                    </button>
                    {full && isExportWide(full) && full.exportId != null ? (
                      <button
                        type="button"
                        className="button quiet"
                        onClick={() => warningActions.onNotMine(full.exportId!)}
                      >
                        {t('warnings.notMine')}
                      </button>
                    ) : null}
                    {full ? (
                      <button
                        type="button"
                        className="button quiet"
                        onClick={() => warningActions.onShowRecordings(full)}
                      >
                        {t('warnings.showAll')}
                      </button>
                    ) : null}
                  </div>
                </div>
              </div>
            );
          })}
        </section>
      ) : null}
      <h3 className="section-title">{t('detail.details')}</h3>
      <dl className="meta">
        {rows.map(([k, v]) => (
          <div key={k} className="meta-row">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div className="detail-actions">
        <button type="button" className="button danger-quiet" onClick={() => onDelete(r.id)}>
          <Icon name="trash" /> {t('detail.delete')}
        </button>
      </div>
    </aside>
  );
}
