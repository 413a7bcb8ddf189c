// The first screen: what Earshot does, how to get your data from Amazon or Google or find what your
// own assistant saved (offline steps),
// and one large place to drop or open the export.
import { useEffect, useState } from 'react';
import { useI18n, type MessageKey } from '../i18n/index.ts';
import { AppearanceFields } from './Appearance.tsx';
import { Icon } from './Icon.tsx';

const guides: { id: string; title: MessageKey; steps: MessageKey[]; url: string; source: string }[] = [
  {
    id: 'amazon',
    title: 'welcome.amazon.title',
    steps: ['welcome.amazon.step1', 'welcome.amazon.step2', 'welcome.amazon.step3'],
    url: 'https://www.amazon.com/hz/privacy-central/data-requests/preview.html',
    source: 'alexa',
  },
  {
    id: 'google',
    title: 'welcome.google.title',
    steps: ['welcome.google.step1', 'welcome.google.step2', 'welcome.google.step3', 'welcome.google.step4'],
    url: 'https://takeout.google.com/',
    source: 'google-assistant',
  },
  {
    // Assistants people run themselves keep recordings only when told to, in a folder on that computer.
    id: 'self-hosted',
    title: 'welcome.selfHosted.title',
    steps: ['welcome.selfHosted.step1', 'welcome.selfHosted.step2', 'welcome.selfHosted.step3'],
    url: 'https://www.home-assistant.io/integrations/assist_pipeline/',
    source: 'home-assistant',
  },
];

export function Welcome({
  count,
  onOpen,
  onOpenFolder,
  onAboutYou,
  error,
}: {
  count: number | null;
  onOpen(): void;
  onOpenFolder(): void;
  onAboutYou?(): void;
  error: string | null;
}) {
  const { t } = useI18n();
  const bridge = typeof window === 'undefined' ? undefined : window.earshot;
  // The window opens no web pages by itself: each address is there to copy into a browser.
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async (id: string, url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(id);
    } catch {
      setCopied(`${id}:failed`);
    }
  };
  return (
    <div className="welcome" data-testid="welcome">
      <header className="welcome-head">
        <div className="brand">
          <Icon name="ear" size="1.5rem" />
          <h1>{t('app.name')}</h1>
        </div>
        <span className="welcome-count" data-testid="recording-count">
          {count == null ? '…' : t('count.recordings', { count })}
        </span>
      </header>
      <main className="welcome-body">
        <p className="tagline">{t('app.tagline')}</p>
        <section className="dropzone" aria-label={t('drop.title')} data-testid="dropzone">
          <Icon name="upload" size="2.5rem" />
          <p className="dropzone-title">{t('drop.title')}</p>
          <p className="dropzone-sub">{t('drop.subtitle')}</p>
          <div className="dropzone-actions">
            <button type="button" className="button primary" onClick={onOpen} data-testid="open-export">
              <Icon name="file" /> {t('drop.open')}
            </button>
            <button type="button" className="button" onClick={onOpenFolder}>
              <Icon name="folder" /> {t('drop.openFolder')}
            </button>
          </div>
          <p className="dropzone-explain">{t('welcome.exportExplained')}</p>
          {error ? (
            <p className="error-text" role="alert">
              {error}
            </p>
          ) : null}
        </section>
        <div className="guides">
          {guides.map((g) => (
            <section key={g.id} className={`card guide guide-${g.id}`} aria-labelledby={`guide-${g.id}`}>
              <h2 id={`guide-${g.id}`}>
                <span className={`source-dot ${g.source}`} aria-hidden="true" /> {t(g.title)}
              </h2>
              <ol>
                {g.steps.map((s) => (
                  <li key={s}>{t(s)}</li>
                ))}
              </ol>
              <p className="link-text">
                <Icon name="link" /> <span className="selectable">{g.url}</span>
              </p>
              <div className="guide-actions">
                <button
                  type="button"
                  className="button quiet"
                  onClick={() => void copy(g.id, g.url)}
                  data-testid={`copy-${g.id}`}
                  aria-live="polite"
                >
                  <Icon name={copied === g.id ? 'check' : 'copy'} />{' '}
                  {copied === g.id
                    ? t('welcome.copied')
                    : copied === `${g.id}:failed`
                      ? t('welcome.copyFailed')
                      : t('welcome.copyLink')}
                </button>
                {bridge ? (
                  <button
                    type="button"
                    className="button quiet"
                    onClick={() => void bridge.openHelpLink(g.url)}
                    title={t('welcome.linkConfirm', { url: g.url })}
                  >
                    {t('welcome.openLink')}
                  </button>
                ) : null}
              </div>
            </section>
          ))}
        </div>
        <p className="privacy">
          <Icon name="shield" /> {t('welcome.privacy')}
        </p>
        <details className="welcome-settings" data-testid="welcome-settings">
          <summary>{t('welcome.settings')}</summary>
          <div className="welcome-settings-fields">
            <AppearanceFields testIdPrefix="welcome-" />
          </div>
        </details>
        {onAboutYou ? (
          <p className="welcome-about">
            <button type="button" className="button quiet" onClick={onAboutYou} data-testid="welcome-about-you">
              <Icon name="userQuestion" /> {t('welcome.aboutYou')}
            </button>
          </p>
        ) : null}
      </main>
    </div>
  );
}
