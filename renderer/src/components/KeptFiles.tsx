// What the export itself carried besides recordings: files Earshot kept as they came (a transcripts
// PDF) to save again, and the names it mentions (contacts).
import { useEffect, useState } from 'react';
import type { KeptFile, MentionedName } from '../../../electron/core/api/contract.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { downloadBase64 } from '../lib/download.ts';
import { errorText } from '../lib/errors.ts';
import { formatBytes } from '../lib/format.ts';
import { Icon } from './Icon.tsx';

/**
 * Files Earshot kept from the export as they came (a transcripts PDF), each to save again, and the
 * names the export itself mentions (contacts), which can tell whose export it is.
 */
export function KeptFiles({ exportId }: { exportId: number }) {
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
