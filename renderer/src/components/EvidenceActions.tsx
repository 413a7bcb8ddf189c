// What the user does with Earshot's evidence: copy a letter's parts, save or copy the summary.
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/index.ts';
import { downloadText } from '../lib/download.ts';
import { Icon } from './Icon.tsx';

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

export function DraftEditor({
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
export function SummaryActions({
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

/** An export's label as a piece of a file name. */
export function fileSafe(label: string): string {
  return (
    label
      .normalize('NFKD')
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'export'
  );
}
