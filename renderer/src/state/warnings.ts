// Warning decisions as the window reports them: which sentence the toast says after a decision.
import type { Decision, StoredWarning } from '../../../electron/core/api/contract.ts';
import type { MessageKey } from '../i18n/index.ts';

/** The toast's message key and parameters after `decision` on `w`. */
export function decisionToast(
  w: Pick<StoredWarning, 'id'> & { subject?: unknown },
  decision: Decision,
): { key: MessageKey; params?: Record<string, string> } {
  switch (decision) {
    case 'mine':
      return { key: 'warnings.toast.mine' };
    case 'dismissed':
      return { key: 'warnings.toast.dismissed' };
    case 'not-a-person':
      return { key: 'warnings.toast.notAPerson', params: { name: w.subject == null ? '' : String(w.subject) } };
    case 'not-mine':
      return { key: 'warnings.toast.notMine' };
  }
}
