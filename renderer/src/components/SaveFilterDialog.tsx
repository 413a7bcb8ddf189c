// Names the current filter so it can be kept in the sidebar.
import { useState } from 'react';
import { useI18n } from '../i18n/index.ts';
import { Dialog } from './Dialog.tsx';

export function SaveFilterDialog({ onSave, onCancel }: { onSave(name: string): void; onCancel(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const save = () => {
    if (name.trim()) onSave(name.trim());
  };
  return (
    <Dialog
      title={t('confirm.saveTitle')}
      onCancel={onCancel}
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('confirm.cancel')}
          </button>
          <button type="button" className="button primary" disabled={!name.trim()} onClick={save}>
            {t('confirm.save')}
          </button>
        </>
      }
    >
      <label className="field">
        {t('filters.saveName')}
        <input
          type="text"
          autoFocus
          value={name}
          maxLength={80}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') save();
          }}
        />
      </label>
    </Dialog>
  );
}
