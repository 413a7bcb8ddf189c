// The reading pane: when and where, the player, what was said (large) and answered (smaller),
// then every fact the export gave about the recording.
import { useEffect, useState, type ReactNode } from 'react';
import type { RecordingDetail } from '../../../electron/core/api/contract.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { formatBytes, formatExactTime, knownTimeZone } from '../lib/format.ts';
import { Highlighted } from './Highlighted.tsx';
import { Icon } from './Icon.tsx';
import { Player, type PlayerControls, type PlayerSettings } from './Player.tsx';

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
}) {
  const { t, locale } = useI18n();
  const [recording, setRecording] = useState<RecordingDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setError(null);
    if (recordingId == null) {
      setRecording(null);
      return;
    }
    let live = true;
    api.getRecording({ id: recordingId }).then(
      (r) => live && setRecording(r),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [recordingId, refreshToken]);

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
  const zone = knownTimeZone(r.timeZone);
  const assistant = t(`detail.assistant.${r.source}`);
  const text = r.transcript?.trim();
  const rows: [string, ReactNode][] = [];
  if (r.timeUtc != null) rows.push([t('detail.time'), formatExactTime(r.timeUtc, locale, zone)]);
  if (r.timeOriginal) rows.push([t('detail.timeOriginal'), <code>{r.timeOriginal}</code>]);
  rows.push([t('detail.zone'), r.timeZone ?? t('detail.zoneUnknown')]);
  rows.push([t('detail.device'), r.device ?? t('list.unknownDevice')]);
  if (r.deviceSerial) rows.push([t('detail.serial'), <code>{r.deviceSerial}</code>]);
  rows.push([t('detail.source'), t(`source.${r.source}`)]);
  rows.push([t('detail.export'), r.exportLabel]);
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

  return (
    <aside className="detail" aria-label={t('detail.details')} data-testid="detail">
      <header className="detail-head">
        <h2 className="detail-when">
          {r.timeUtc != null ? formatExactTime(r.timeUtc, locale, zone) : t('list.unknownDay')}
        </h2>
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
