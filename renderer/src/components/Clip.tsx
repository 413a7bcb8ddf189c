// Small inline players for sample clips (voice groups, a warning's recordings): one <audio> per
// view, so starting one clip stops the other, and a round play button per clip.
import { useCallback, useEffect, useRef, useState } from 'react';
import { audioUrl } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { Icon } from './Icon.tsx';

export interface ClipPlayer {
  playing: number | null;
  failed: number | null;
  toggle(recordingId: number): void;
  stop(): void;
}

export function useClipPlayer(): ClipPlayer {
  const audio = useRef<HTMLAudioElement | null>(null);
  const [playing, setPlaying] = useState<number | null>(null);
  const [failed, setFailed] = useState<number | null>(null);
  const current = useRef<number | null>(null);

  const stop = useCallback(() => {
    audio.current?.pause();
    current.current = null;
    setPlaying(null);
  }, []);

  const toggle = useCallback((id: number) => {
    if (!audio.current) {
      const a = new Audio();
      a.preload = 'none';
      a.addEventListener('ended', () => {
        current.current = null;
        setPlaying(null);
      });
      a.addEventListener('error', () => {
        if (current.current != null) setFailed(current.current);
        current.current = null;
        setPlaying(null);
      });
      audio.current = a;
    }
    const a = audio.current;
    if (current.current === id) {
      a.pause();
      current.current = null;
      setPlaying(null);
      return;
    }
    a.pause();
    a.src = audioUrl(id);
    current.current = id;
    setPlaying(id);
    setFailed(null);
    void a.play().catch((e: unknown) => {
      if (e instanceof DOMException && e.name === 'AbortError') return;
      if (current.current === id) {
        setFailed(id);
        current.current = null;
        setPlaying(null);
      }
    });
  }, []);

  useEffect(
    () => () => {
      audio.current?.pause();
      audio.current = null;
    },
    [],
  );
  return { playing, failed, toggle, stop };
}

export function ClipButton({
  player,
  recordingId,
  label,
  testId,
}: {
  player: ClipPlayer;
  recordingId: number;
  label: string;
  testId?: string;
}) {
  const { t } = useI18n();
  const on = player.playing === recordingId;
  const name = on ? t('clip.stop', { label }) : t('clip.play', { label });
  return (
    <button
      type="button"
      className={`clip-button${on ? ' on' : ''}${player.failed === recordingId ? ' failed' : ''}`}
      onClick={() => player.toggle(recordingId)}
      aria-label={name}
      aria-pressed={on}
      title={player.failed === recordingId ? t('clip.failed') : name}
      data-testid={testId}
      data-recording-id={recordingId}
    >
      <Icon name={on ? 'pause' : 'play'} />
    </button>
  );
}
