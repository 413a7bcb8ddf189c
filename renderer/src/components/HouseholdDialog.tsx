// Asks which person at home a voice group is: one of the household's names, or a new one.
import { useState } from 'react';
import type { VoiceGroupSummary } from '../../../electron/core/api/contract.ts';
import { useI18n } from '../i18n/index.ts';
import { voiceLabel } from '../lib/warnings.ts';
import { Dialog } from './Dialog.tsx';

export function HouseholdDialog({
  group,
  names,
  onCancel,
  onChoose,
}: {
  group: VoiceGroupSummary;
  names: string[];
  onCancel(): void;
  onChoose(name: string): void;
}) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<string>(names[0] ?? '');
  const [typed, setTyped] = useState('');
  const other = names.length === 0 || choice === '';
  const name = (other ? typed : choice).trim();
  return (
    <Dialog
      title={t('voices.householdTitle', { label: voiceLabel(group.label, t) })}
      onCancel={onCancel}
      testId="household-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            {t('confirm.cancel')}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={!name || name.length > 200}
            onClick={() => onChoose(name)}
            data-testid="household-choose"
          >
            {t('voices.householdChoose')}
          </button>
        </>
      }
    >
      {names.length ? (
        <fieldset className="radio-list">
          <legend className="visually-hidden">
            {t('voices.householdTitle', { label: voiceLabel(group.label, t) })}
          </legend>
          {names.map((n) => (
            <label key={n} className="check">
              <input type="radio" name="household" checked={choice === n} onChange={() => setChoice(n)} />
              <span>{n}</span>
            </label>
          ))}
          <label className="check">
            <input type="radio" name="household" checked={choice === ''} onChange={() => setChoice('')} />
            <span>{t('voices.householdOther')}</span>
          </label>
        </fieldset>
      ) : (
        <p className="muted">{t('voices.householdNone')}</p>
      )}
      {other ? (
        <label className="field">
          {t('voices.householdName')}
          <input
            type="text"
            value={typed}
            autoFocus
            maxLength={200}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && name) onChoose(name);
            }}
            data-testid="household-name"
          />
        </label>
      ) : null}
      <p className="hint">{t('voices.householdHint')}</p>
    </Dialog>
  );
}
