// "This is not my data": a guided page — what happened, what not to do, the evidence (file names
// and SHA-256 hashes, counts, dates, devices, the identity found; never recording content) to save,
// drafted messages to the company and to a data protection authority, and removing the export.
import { useEffect, useState } from 'react';
import type { Evidence, KeptFile, MentionedName } from '../../../electron/core/api/contract.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { downloadBase64, downloadText, escapeHtml } from '../lib/download.ts';
import { formatBytes, formatDate, formatExactTime } from '../lib/format.ts';
import { Dialog } from './Dialog.tsx';
import { Icon } from './Icon.tsx';
import { errorText } from '../lib/errors.ts';

export type Removal = NonNullable<Evidence['removal']>;

/** Copies text: the async clipboard where the window may use it, else the older copy command. */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'visually-hidden';
    document.body.append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

function fileSafe(label: string): string {
  return (
    label
      .normalize('NFKD')
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'export'
  );
}

export function NotMinePage({
  exportId,
  removal,
  onRemoved,
  onBack,
}: {
  exportId: number;
  removal: Removal | null;
  onRemoved(removal: Removal): void;
  onBack(): void;
}) {
  const { t, lang, locale, localise } = useI18n();
  // The evidence with the language it was written in (the drafts are, and follow the UI's).
  const [fetched, setFetched] = useState<{ evidence: Evidence; lang: string } | null>(null);
  const evidence = fetched?.evidence ?? null;
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);

  useEffect(() => {
    if (removal) return;
    let live = true;
    setError(null);
    api.getEvidence({ exportId, language: lang }).then(
      (e) => live && setFetched({ evidence: e, lang }),
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [exportId, lang, removal]);

  const remove = async () => {
    setRemoving(true);
    setRemoveError(null);
    try {
      const result = await api.removeExport({ exportId, notMine: true, language: lang });
      setConfirming(false);
      const record: Removal = result.removal ?? {
        removedAt: Date.now(),
        exportLabel: evidence?.label ?? '',
        account: evidence?.account ?? null,
        summary: evidence?.summary ?? '',
      };
      onRemoved(record);
    } catch (e) {
      setRemoveError(errorText(e));
    } finally {
      setRemoving(false);
    }
  };

  if (removal) return <RemovalRecord removal={removal} onBack={onBack} />;

  if (error) {
    return (
      <section className="pane-center empty-state" data-testid="not-mine">
        <p className="error-text" role="alert">
          {t('error.generic', { message: error })}
        </p>
        <button type="button" className="button" onClick={onBack}>
          {t('notMine.back')}
        </button>
      </section>
    );
  }
  if (!evidence) return <section className="guided" data-testid="not-mine" aria-busy="true" />;

  const e = evidence;
  // A self-hosted assistant (Home Assistant, OpenVoiceOS, Mycroft): no company sent this or holds it.
  const company = e.company;
  const identity = e.account ?? t('notMine.someoneElse');
  const period =
    e.firstTime != null && e.lastTime != null
      ? t('warnings.span', { first: formatDate(e.firstTime, locale), last: formatDate(e.lastTime, locale) })
      : t('notMine.noDates');

  return (
    <section className="guided" aria-labelledby="not-mine-title" data-testid="not-mine">
      <div className="guided-inner">
        <button type="button" className="button quiet back-link" onClick={onBack}>
          <Icon name="back" /> {t('notMine.back')}
        </button>
        <header className="guided-head">
          <Icon name="shield" size="2rem" />
          <div>
            <h1 id="not-mine-title">{t('notMine.title')}</h1>
            <p className="guided-lead">
              {company === null
                ? t('notMine.leadSelfHosted', { assistant: e.assistant, label: e.label })
                : e.account
                  ? t('notMine.leadAccount', { company, identity, label: e.label })
                  : t('notMine.lead', { company, label: e.label })}
            </p>
          </div>
        </header>

        <ol className="guided-steps">
          <li className="card guided-step">
            <h2>{t('notMine.happened.title')}</h2>
            <p>
              {company === null
                ? t('notMine.happened.selfHosted', { assistant: e.assistant, count: e.recordings, period })
                : t('notMine.happened.body', { company, count: e.recordings, period })}
            </p>
            <p>{t(company === null ? 'notMine.happened.notYouSelfHosted' : 'notMine.happened.notYou')}</p>
          </li>

          <li className="card guided-step">
            <h2>{t('notMine.dont.title')}</h2>
            <ul className="dont-list">
              <li>
                <Icon name="x" /> {t('notMine.dont.share')}
              </li>
              <li>
                <Icon name="x" /> {t('notMine.dont.listen')}
              </li>
              <li>
                <Icon name="x" /> {t(company === null ? 'notMine.dont.contactSelfHosted' : 'notMine.dont.contact')}
              </li>
              <li>
                <Icon name="check" /> {t(company === null ? 'notMine.dont.keepSelfHosted' : 'notMine.dont.keep')}
              </li>
            </ul>
          </li>

          <li className="card guided-step" data-testid="evidence">
            <div className="card-head">
              <h2>{t('notMine.evidence.title')}</h2>
              <SummaryActions
                summary={e.summary}
                html={e.html}
                fileName={`earshot-evidence-${fileSafe(e.label)}.html`}
                testIds={{ copy: 'copy-summary', save: 'save-evidence' }}
              />
            </div>
            <p className="hint">{t('notMine.evidence.hint')}</p>
            <dl className="meta evidence-facts">
              <div className="meta-row">
                <dt>{t('notMine.evidence.identity')}</dt>
                <dd data-testid="evidence-identity">
                  {e.account ?? t('notMine.evidence.noIdentity')}
                  {e.accountFoundIn ? (
                    <span className="muted"> · {t('notMine.evidence.foundIn', { file: e.accountFoundIn })}</span>
                  ) : null}
                </dd>
              </div>
              <div className="meta-row">
                <dt>{t('notMine.evidence.recordings')}</dt>
                <dd data-testid="evidence-counts">
                  {t('notMine.evidence.counts', {
                    count: e.recordings,
                    audio: e.withAudio,
                    transcripts: e.withTranscript,
                  })}
                </dd>
              </div>
              <div className="meta-row">
                <dt>{t('notMine.evidence.period')}</dt>
                <dd>{period}</dd>
              </div>
              <div className="meta-row">
                <dt>{t('notMine.evidence.imported')}</dt>
                <dd>{formatExactTime(e.importedAt, locale)}</dd>
              </div>
              <div className="meta-row">
                <dt>{t('notMine.evidence.devices')}</dt>
                <dd>
                  {e.devices.length || e.registeredDevices.length ? (
                    <ul className="plain-list">
                      {e.devices.map((d) => (
                        <li key={`d-${d.name}`}>
                          {t('notMine.evidence.device', {
                            name: localise(d.name),
                            count: d.recordings,
                          })}
                        </li>
                      ))}
                      {e.registeredDevices.map((d, i) => (
                        <li key={`r-${i}`}>{[d.name, d.model, d.serial].filter(Boolean).join(' · ')}</li>
                      ))}
                    </ul>
                  ) : (
                    '—'
                  )}
                </dd>
              </div>
              {e.reasons.length ? (
                <div className="meta-row">
                  <dt>{t('notMine.evidence.why')}</dt>
                  <dd>
                    <ul className="plain-list">
                      {e.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  </dd>
                </div>
              ) : null}
            </dl>
            <h3 className="section-title files-title">{t('notMine.evidence.files', { count: e.files.length })}</h3>
            <table className="files-table" data-testid="evidence-files">
              <thead>
                <tr>
                  <th scope="col">{t('notMine.evidence.file')}</th>
                  <th scope="col">{t('notMine.evidence.size')}</th>
                  <th scope="col">SHA-256</th>
                </tr>
              </thead>
              <tbody>
                {e.files.map((f) => (
                  <tr key={f.name}>
                    <td className="selectable file-name">{f.name}</td>
                    <td className="file-size">{formatBytes(f.size, locale)}</td>
                    <td>
                      <code className="hash selectable">{f.sha256 ?? t('notMine.evidence.folder')}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <KeptFiles exportId={exportId} />
          </li>

          {company !== null && e.drafts.company && e.drafts.authority ? (
            <li className="card guided-step">
              <h2>{t('notMine.tell.title')}</h2>
              <p>{t('notMine.tell.body', { company })}</p>
              <DraftEditor
                key={`company-${fetched!.lang}-${e.exportId}`}
                heading={t('notMine.tell.company', { company })}
                draft={e.drafts.company}
                testId="draft-company"
              />
              <p className="draft-between">{t('notMine.tell.authority')}</p>
              <DraftEditor
                key={`authority-${fetched!.lang}-${e.exportId}`}
                heading={t('notMine.tell.authorityHeading')}
                draft={e.drafts.authority}
                testId="draft-authority"
              />
            </li>
          ) : (
            <li className="card guided-step" data-testid="self-hosted">
              <h2>{t('notMine.selfHosted.title')}</h2>
              <p>{t('notMine.selfHosted.body', { assistant: e.assistant })}</p>
              <ol className="self-hosted-steps">
                <li>{t('notMine.selfHosted.whose')}</li>
                <li>{t('notMine.selfHosted.tell')}</li>
                <li>{t('notMine.selfHosted.ownSystem')}</li>
                <li>{t('notMine.selfHosted.authority')}</li>
              </ol>
            </li>
          )}

          <li className="card guided-step danger-step">
            <h2>{t('notMine.remove.title')}</h2>
            <p>{t('notMine.remove.body', { count: e.recordings })}</p>
            <button
              type="button"
              className="button danger"
              onClick={() => setConfirming(true)}
              data-testid="remove-export"
            >
              <Icon name="trash" /> {t('notMine.remove.button')}
            </button>
          </li>
        </ol>
      </div>
      {confirming ? (
        <Dialog
          title={t('notMine.remove.confirmTitle', { count: e.recordings, label: e.label })}
          onCancel={() => !removing && setConfirming(false)}
          testId="confirm-remove"
          actions={
            <>
              <button
                type="button"
                className="button"
                onClick={() => setConfirming(false)}
                disabled={removing}
                autoFocus
              >
                {t('confirm.cancel')}
              </button>
              <button
                type="button"
                className="button danger"
                onClick={() => void remove()}
                disabled={removing}
                data-testid="confirm-remove-button"
              >
                <Icon name="trash" /> {t('notMine.remove.confirm')}
              </button>
            </>
          }
        >
          <p>{t('notMine.remove.confirmBody')}</p>
          {removeError ? (
            <p className="error-text" role="alert">
              {t('error.generic', { message: removeError })}
            </p>
          ) : null}
        </Dialog>
      ) : null}
    </section>
  );
}

function DraftEditor({
  heading,
  draft,
  testId,
}: {
  heading: string;
  draft: { to: string; subject: string; body: string };
  testId: string;
}) {
  const { t } = useI18n();
  const [subject, setSubject] = useState(draft.subject);
  const [body, setBody] = useState(draft.body);
  const whole = `${subject}\n\n${body}`;
  return (
    <div className="draft" data-testid={testId}>
      <h3 className="draft-heading">{heading}</h3>
      <div className="draft-to">
        <span className="muted">{t('notMine.draft.to')}</span> <span className="selectable">{draft.to}</span>
        <CopyButton text={draft.to} label={t('notMine.draft.copyTo')} quiet />
      </div>
      <label className="field">
        {t('notMine.draft.subject')}
        <input
          type="text"
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          data-testid={`${testId}-subject`}
        />
      </label>
      <label className="field">
        {t('notMine.draft.body')}
        <textarea
          value={body}
          rows={12}
          onChange={(e) => setBody(e.target.value)}
          spellCheck
          data-testid={`${testId}-body`}
        />
      </label>
      <div className="draft-actions">
        <CopyButton text={body} label={t('notMine.draft.copyBody')} testId={`${testId}-copy`} />
        <CopyButton text={whole} label={t('notMine.draft.copyAll')} quiet />
      </div>
    </div>
  );
}

/** Copy the summary, or save it as an HTML page: for the evidence and for the record of a removal. */
/**
 * Files Earshot kept from the export as they came (a transcripts PDF), each to save again, and the
 * names the export itself mentions (contacts), which can tell whose export it is.
 */
function KeptFiles({ exportId }: { exportId: number }) {
  const { t, locale } = useI18n();
  const [files, setFiles] = useState<KeptFile[]>([]);
  const [names, setNames] = useState<MentionedName[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([api.listKeptFiles({ exportId }), api.listMentionedNames({ exportId })]).then(
      ([list, mentioned]) => {
        if (!live) return;
        setFiles(list);
        setNames(mentioned);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [exportId]);
  const save = async (file: KeptFile) => {
    setError(null);
    try {
      const got = await api.getKeptFile({ id: file.id });
      downloadBase64(got.base64, got.name, got.name.toLowerCase().endsWith('.pdf') ? 'application/pdf' : undefined);
    } catch (e) {
      setError(errorText(e));
    }
  };
  if (files.length === 0 && names.length === 0 && !error) return null;
  return (
    <div data-testid="kept-files">
      {names.length ? (
        <>
          <h3 className="section-title files-title">{t('notMine.evidence.names', { count: names.length })}</h3>
          <p className="hint">{t('notMine.evidence.namesHint')}</p>
          <p className="selectable" data-testid="mentioned-names">
            {names.map((n) => n.name).join(' · ')}
          </p>
        </>
      ) : null}
      {files.length ? (
        <h3 className="section-title files-title">{t('notMine.evidence.kept', { count: files.length })}</h3>
      ) : null}
      {files.length ? <p className="hint">{t('notMine.evidence.keptHint')}</p> : null}
      <ul className="plain-list">
        {files.map((f) => (
          <li key={f.id}>
            <span className="selectable file-name">{f.path}</span>{' '}
            <span className="muted">· {formatBytes(f.size, locale)}</span>{' '}
            <button type="button" className="button quiet" onClick={() => void save(f)}>
              <Icon name="download" /> {t('notMine.evidence.saveKept', { file: f.path.split('/').pop() ?? f.path })}
            </button>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="error-text" role="alert">
          {t('error.generic', { message: error })}
        </p>
      ) : null}
    </div>
  );
}

function SummaryActions({
  summary,
  html,
  fileName,
  testIds,
}: {
  summary: string;
  html: string;
  fileName: string;
  testIds: { copy: string; save: string };
}) {
  const { t } = useI18n();
  return (
    <div className="card-actions">
      <CopyButton text={summary} label={t('notMine.copySummary')} testId={testIds.copy} />
      <button
        type="button"
        className="button"
        onClick={() => downloadText(html, fileName, 'text/html;charset=utf-8')}
        data-testid={testIds.save}
      >
        <Icon name="download" /> {t('notMine.saveHtml')}
      </button>
    </div>
  );
}

function CopyButton({ text, label, testId, quiet }: { text: string; label: string; testId?: string; quiet?: boolean }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      className={`button${quiet ? ' quiet' : ''}`}
      onClick={() => void copy(text).then((ok) => setState(ok ? 'copied' : 'failed'))}
      data-testid={testId}
      aria-live="polite"
    >
      <Icon name={state === 'copied' ? 'check' : 'file'} />{' '}
      {state === 'copied' ? t('notMine.copied') : state === 'failed' ? t('notMine.copyFailed') : label}
    </button>
  );
}

/** After the removal: when, and what was removed (hashes, never content) — to copy or save. */
function RemovalRecord({ removal, onBack }: { removal: Removal; onBack(): void }) {
  const { t, lang, locale } = useI18n();
  const title = t('notMine.removed.htmlTitle');
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{font:14px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#111}
pre{white-space:pre-wrap;background:#f5f5f5;padding:1rem;border-radius:6px}</style></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(removal.exportLabel)}</p><pre>${escapeHtml(removal.summary)}</pre></body></html>
`;
  return (
    <section className="guided" aria-labelledby="removed-title" data-testid="removal-record">
      <div className="guided-inner">
        <header className="guided-head">
          <Icon name="check" size="2rem" className="done-icon" />
          <div>
            <h1 id="removed-title">{t('notMine.removed.title')}</h1>
            <p className="guided-lead" data-testid="removal-time">
              {t('notMine.removed.lead', {
                label: removal.exportLabel,
                time: formatExactTime(removal.removedAt, locale),
              })}
            </p>
          </div>
        </header>
        <div className="card guided-step">
          <div className="card-head">
            <h2>{t('notMine.removed.record')}</h2>
            <SummaryActions
              summary={removal.summary}
              html={html}
              fileName={`earshot-removal-${fileSafe(removal.exportLabel)}.html`}
              testIds={{ copy: 'copy-removal', save: 'save-removal' }}
            />
          </div>
          <p className="hint">{t('notMine.removed.hint')}</p>
          <pre className="summary-text selectable" data-testid="removal-summary">
            {removal.summary}
          </pre>
        </div>
        <p className="guided-next">{t('notMine.removed.next')}</p>
        <button type="button" className="button primary" onClick={onBack} data-testid="removal-done">
          {t('notMine.removed.done')}
        </button>
      </div>
    </section>
  );
}
