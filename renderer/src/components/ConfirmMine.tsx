// What the user can do about a warning, and the one question asked before "It is mine" silences a
// warning that a whole export is someone else's.
import { useCallback, useState, type ReactNode } from 'react';
import type { Decision, StoredWarning } from '../../../electron/core/api/contract.ts';
import { useI18n } from '../i18n/index.ts';
import { isExportWide } from '../lib/warnings.ts';
import { Dialog } from './Dialog.tsx';

/**
 * "It is mine" on a warning that says a whole export is someone else's asks once: one click must
 * not silence the strongest warning Earshot has.
 */
export function useConfirmMine(onDecide: WarningActions['onDecide']): {
  decide(w: StoredWarning, decision: Decision): void;
  dialog: ReactNode;
} {
  const { t, exportLabel } = useI18n();
  const [asking, setAsking] = useState<StoredWarning | null>(null);
  const decide = useCallback(
    (w: StoredWarning, decision: Decision) => {
      if (decision === 'mine' && isExportWide(w)) setAsking(w);
      else onDecide(w, decision);
    },
    [onDecide],
  );
  const dialog = asking ? (
    <Dialog
      title={t('warnings.confirmMine.title')}
      onCancel={() => setAsking(null)}
      testId="confirm-mine"
      labelledBy="confirm-mine-title"
      actions={
        <>
          <button
            type="button"
            className="button primary"
            onClick={() => setAsking(null)}
            data-testid="confirm-mine-cancel"
          >
            {t('warnings.confirmMine.cancel')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              onDecide(asking, 'mine');
              setAsking(null);
            }}
            data-testid="confirm-mine-yes"
          >
            {t('warnings.confirmMine.confirm')}
          </button>
        </>
      }
    >
      <p>
        {t('warnings.confirmMine.body', {
          label: asking.exportLabel ? exportLabel(asking.exportLabel) : asking.subject,
        })}
      </p>
    </Dialog>
  ) : null;
  return { decide, dialog };
}

export interface WarningActions {
  /** Decides about a warning by its id (ids stay the same while the warning does). */
  onDecide(w: Pick<StoredWarning, 'id'>, decision: Decision): void;
  /** Takes the decision back, and what "this is me" taught with it. */
  onUndo(w: Pick<StoredWarning, 'id'>): void;
  onShowRecordings(w: StoredWarning): void;
  onNotMine(exportId: number): void;
}
