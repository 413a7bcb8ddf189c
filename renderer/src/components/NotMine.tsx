// "This is not my data": a guided page — what happened, what not to do, the evidence (file names
// and SHA-256 hashes, counts, dates, devices, the identity found; never recording content) to save,
// drafted messages to the company and to a data protection authority, and removing the export.
import { useEffect, useState } from 'react';
import type { Evidence } from '../../../electron/core/api/contract.ts';
import type { ChangeTopic } from '../../../electron/core/api/events.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { formatBytes, formatDate, formatExactTime } from '../lib/format.ts';
import { Dialog } from './Dialog.tsx';
import { Icon } from './Icon.tsx';
import { DraftEditor, fileSafe, SummaryActions } from './EvidenceActions.tsx';
import { RemovalRecord } from './RemovalRecord.tsx';
import { errorText } from '../lib/errors.ts';
import { KeptFiles } from './KeptFiles.tsx';

export type Removal = NonNullable<Evidence['removal']>;

export function NotMinePage({
  exportId,
  removal,
  onRemoved,
  onBack,
}: {
  exportId: number;
  removal: Removal | null;
  onRemoved(removal: Removal, changed: ChangeTopic[]): void;
  onBack(): void;
}) {
  const { t, lang, locale, localise, exportLabel } = useI18n();
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
        exportLabel: evidence ? exportLabel(evidence.label) : '',
        account: evidence?.account ?? null,
        summary: evidence?.summary ?? '',
      };
      onRemoved(record, result.changed);
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
                ? t('notMine.leadSelfHosted', { assistant: e.assistant, label: exportLabel(e.label) })
                : e.account
                  ? t('notMine.leadAccount', { company, identity, label: exportLabel(e.label) })
                  : t('notMine.lead', { company, label: exportLabel(e.label) })}
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
          title={t('notMine.remove.confirmTitle', { count: e.recordings, label: exportLabel(e.label) })}
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
