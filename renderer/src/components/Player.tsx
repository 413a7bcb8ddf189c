// The player: a wavesurfer.js waveform drawn from the peaks the core stores (never decoded to draw),
// over an <audio> element that streams from the app's own protocol. The waveform is a slider. Peaks
// may arrive after the recording is listed (they are prepared in the background after an import):
// until then the audio plays over an empty waveform that says so, which is drawn once they come.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { errorText } from '../lib/errors.ts';
import WaveSurfer from 'wavesurfer.js';
import type { RecordingDetail } from '../../../electron/core/api/contract.ts';
import { audioUrl } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { formatSeconds } from '../lib/format.ts';
import { peaksToChannel, waveformPending } from '../lib/waveform.ts';
import { Icon } from './Icon.tsx';

export const speeds = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];

export interface PlayerControls {
  toggle(): void;
  play(): void;
  seekBy(seconds: number): void;
}

export interface PlayerSettings {
  rate: number;
  volume: number;
  continuous: boolean;
}

/** A colour variable resolved for this element (the variables hold light-dark() pairs, which a canvas can't read). */
function cssColor(el: Element, name: string, fallback: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${name}, ${fallback})`;
  el.appendChild(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour || fallback;
}

/**
 * Runs `create` while shadow roots drop <style> elements from innerHTML. wavesurfer.js writes its
 * rules as an inline <style> into its shadow root, which the window's CSP (style-src 'self') blocks
 * with a console error; the same rules come from a linked file instead (see wavesurfer-shadow.css).
 */
function withoutInlineStyles<T>(create: () => T): T {
  const descriptor = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'innerHTML');
  if (!descriptor?.set) return create();
  const set = descriptor.set;
  Object.defineProperty(ShadowRoot.prototype, 'innerHTML', {
    ...descriptor,
    set(this: ShadowRoot, html: string) {
      set.call(this, String(html).replace(/<style[^>]*>[\s\S]*?<\/style>/gi, ''));
    },
  });
  try {
    return create();
  } finally {
    Object.defineProperty(ShadowRoot.prototype, 'innerHTML', descriptor);
  }
}

export function Player({
  recording,
  autoplay,
  settings,
  onSettings,
  controls,
  onEnded,
}: {
  recording: RecordingDetail;
  autoplay: boolean;
  settings: PlayerSettings;
  onSettings(s: PlayerSettings): void;
  controls: { current: PlayerControls | null };
  onEnded(): void;
}) {
  const { t, localise } = useI18n();
  const audioRef = useRef<HTMLAudioElement>(null);
  const waveRef = useRef<HTMLDivElement>(null);
  const ws = useRef<WaveSurfer | null>(null);
  const [position, setPosition] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const duration = (recording.durationMs ?? 0) / 1000;
  const endedRef = useRef(onEnded);
  endedRef.current = onEnded;
  const pending = waveformPending(recording);
  const hasPeaks = recording.peaks.length > 0;
  const latest = useRef(recording);
  latest.current = recording;
  /** Which recording the waveform was loaded for, and whether with its peaks. */
  const loaded = useRef<{ id: number; peaks: boolean } | null>(null);
  /** Play once loaded (Enter, double-click, continuous play), even if the peaks arrive meanwhile. */
  const wantPlay = useRef(false);

  useEffect(() => {
    const audio = audioRef.current!;
    const container = waveRef.current!;
    const instance = withoutInlineStyles(() =>
      WaveSurfer.create({
        container,
        media: audio,
        height: 72,
        barWidth: 2,
        barGap: 1,
        barRadius: 2,
        normalize: true,
        dragToSeek: true,
        cursorWidth: 2,
        waveColor: cssColor(container, '--wave', '#999'),
        progressColor: cssColor(container, '--wave-progress', '#06c'),
        cursorColor: cssColor(container, '--wave-progress', '#06c'),
      }),
    );
    // The CSP refuses wavesurfer's inline <style>; link the same rules from a file instead.
    const root = instance.getWrapper().getRootNode();
    if (root instanceof ShadowRoot) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL('wavesurfer-shadow.css', document.baseURI).href;
      root.prepend(link);
    }
    instance.on('timeupdate', (time) => setPosition(time));
    instance.on('play', () => setPlaying(true));
    instance.on('pause', () => setPlaying(false));
    instance.on('finish', () => {
      setPlaying(false);
      endedRef.current();
    });
    ws.current = instance;
    // Colours follow the theme: redraw when the OS or the forced theme changes.
    const recolour = () =>
      instance.setOptions({
        waveColor: cssColor(container, '--wave', '#999'),
        progressColor: cssColor(container, '--wave-progress', '#06c'),
        cursorColor: cssColor(container, '--wave-progress', '#06c'),
      });
    const media = matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', recolour);
    const observer = new MutationObserver(recolour);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      media.removeEventListener('change', recolour);
      observer.disconnect();
      instance.destroy();
      ws.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = ws.current;
    const audio = audioRef.current!;
    const r = latest.current;
    const again = loaded.current?.id === r.id;
    if (again && !loaded.current!.peaks && !hasPeaks) return;
    loaded.current = { id: r.id, peaks: hasPeaks };
    if (!again) {
      setPosition(0);
      setError(null);
      wantPlay.current = autoplay;
    }
    if (!instance) return;
    if (!r.hasAudio) {
      audio.pause();
      audio.removeAttribute('src');
      return;
    }
    // An absolute address: loading the same one again (when the peaks arrive) keeps the audio
    // element as it is, so playback goes on undisturbed while the waveform is drawn.
    const src = new URL(audioUrl(r.id), document.baseURI).href;
    const peaks = hasPeaks ? peaksToChannel(r.peaks) : new Float32Array(64);
    let live = true;
    instance
      .load(src, [peaks], r.durationMs ? r.durationMs / 1000 : undefined)
      .then(() => {
        if (!live || !wantPlay.current) return;
        wantPlay.current = false;
        void instance.play().catch(() => {});
      })
      .catch((e: unknown) => {
        if (live && !(e instanceof DOMException && e.name === 'AbortError')) setError(errorText(e));
      });
    return () => {
      live = false;
    };
    // autoplay is read when the recording changes, not watched; the rest comes through `latest`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [recording.id, hasPeaks]);

  useEffect(() => {
    const audio = audioRef.current!;
    audio.playbackRate = settings.rate;
    audio.preservesPitch = true;
    audio.volume = settings.volume;
  }, [settings.rate, settings.volume, recording.id]);

  controls.current = {
    toggle: () => {
      if (recording.hasAudio) void ws.current?.playPause().catch(() => {});
    },
    play: () => {
      if (recording.hasAudio) void ws.current?.play().catch(() => {});
    },
    seekBy: (s) => {
      const audio = audioRef.current;
      if (!audio || !recording.hasAudio) return;
      const end = Number.isFinite(audio.duration) ? audio.duration : duration;
      ws.current?.setTime(Math.min(Math.max(0, audio.currentTime + s), end));
    },
  };

  const onSliderKey = (e: KeyboardEvent) => {
    if (e.key === 'Home') ws.current?.setTime(0);
    else if (e.key === 'End') ws.current?.setTime(duration);
    else return;
    e.preventDefault();
  };

  const total =
    duration || (audioRef.current && Number.isFinite(audioRef.current.duration) ? audioRef.current.duration : 0);
  const positionText = t('detail.positionText', { position: formatSeconds(position), duration: formatSeconds(total) });

  return (
    <section
      className={`player${recording.hasAudio ? '' : ' no-audio'}${pending ? ' wave-pending' : ''}`}
      aria-label={t('detail.audio')}
    >
      <audio
        ref={audioRef}
        preload="metadata"
        data-testid="audio"
        onError={() =>
          recording.hasAudio &&
          setError(recording.audioError ? localise(recording.audioError) : (audioRef.current?.error?.message ?? ''))
        }
      />
      <div className="wave-row">
        <div className="wave-box">
          <div
            className="wave"
            ref={waveRef}
            role="slider"
            tabIndex={recording.hasAudio ? 0 : -1}
            aria-label={t('detail.waveform')}
            aria-valuemin={0}
            aria-valuemax={Math.round(total * 10) / 10}
            aria-valuenow={Math.round(position * 10) / 10}
            aria-valuetext={positionText}
            aria-disabled={!recording.hasAudio}
            onKeyDown={onSliderKey}
            data-testid="waveform"
            data-pending={pending || undefined}
          />
          {pending ? (
            <span className="wave-note" role="status" data-testid="waveform-pending">
              <span>{t('detail.wavePending')}</span>
            </span>
          ) : null}
        </div>
        <span className="time" aria-hidden="true">
          <span className="time-now">{formatSeconds(position)}</span>
          <span className="time-sep">/</span>
          <span>{formatSeconds(total)}</span>
        </span>
      </div>
      {!recording.hasAudio ? <p className="player-note">{t('detail.noAudio')}</p> : null}
      {error != null ? (
        <p className="player-note error" role="alert">
          {t('detail.audioError', {
            reason: error || (recording.audioError ? localise(recording.audioError) : '—'),
          })}
        </p>
      ) : null}
      <div className="controls">
        <button
          type="button"
          className="icon-button"
          onClick={() => controls.current?.seekBy(-5)}
          aria-label={t('detail.back5')}
          title={t('detail.back5')}
          disabled={!recording.hasAudio}
        >
          <Icon name="back" />
        </button>
        <button
          type="button"
          className="play-button"
          onClick={() => controls.current?.toggle()}
          aria-label={playing ? t('detail.pause') : t('detail.play')}
          title={t('detail.withSpaceKey', { action: playing ? t('detail.pause') : t('detail.play') })}
          disabled={!recording.hasAudio}
          data-testid="play"
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => controls.current?.seekBy(5)}
          aria-label={t('detail.forward5')}
          title={t('detail.forward5')}
          disabled={!recording.hasAudio}
        >
          <Icon name="forward" />
        </button>
        <label className="speed" title={`${t('detail.speed')} ([ ] 0)`}>
          <span className="visually-hidden">{t('detail.speed')}</span>
          <select
            value={settings.rate}
            onChange={(e) => onSettings({ ...settings, rate: Number(e.target.value) })}
            data-testid="speed"
          >
            {speeds.map((s) => (
              <option key={s} value={s}>
                {t('detail.speedValue', { speed: s })}
              </option>
            ))}
          </select>
        </label>
        <label className="volume" title={t('detail.volume')}>
          <Icon name={settings.volume === 0 ? 'mute' : 'volume'} />
          <span className="visually-hidden">{t('detail.volume')}</span>
          <input
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={settings.volume}
            onChange={(e) => onSettings({ ...settings, volume: Number(e.target.value) })}
          />
        </label>
        <label className="continuous toggle" title={t('detail.continuous')}>
          <input
            type="checkbox"
            checked={settings.continuous}
            onChange={(e) => onSettings({ ...settings, continuous: e.target.checked })}
          />
          <Icon name="repeat" />
          <span>{t('detail.continuous')}</span>
        </label>
      </div>
    </section>
  );
}
