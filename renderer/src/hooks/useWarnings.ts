// Every warning, open and dealt with, loaded again when warnings change; deciding and undoing,
// with a toast that offers the undo. A decision refetches warnings and what it taught, nothing else.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Decision, StoredWarning } from '../../../electron/core/api/contract.ts';
import type { ChangeTopic } from '../../../electron/core/api/events.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/index.ts';
import { errorText } from '../lib/errors.ts';
import { byDecision, exportMarks, foreignExports } from '../lib/warnings.ts';
import type { Versions } from '../state/changes.ts';
import { decisionToast } from '../state/warnings.ts';
import type { Toast } from './useToast.ts';

export function useWarnings(
  versions: Versions,
  invalidate: (what: readonly ChangeTopic[]) => void,
  toast: (t: Toast) => void,
) {
  const { t } = useI18n();
  const [warnings, setWarnings] = useState<StoredWarning[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.listWarnings({ includeDecided: true }).then(
      (w) => {
        if (!live) return;
        setWarnings(w);
        setError(null);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [versions.warnings]);

  // Undo takes the decision back in the core, with whatever "this is me" taught it.
  const undo = useCallback(
    async (w: Pick<StoredWarning, 'id'>) => {
      try {
        invalidate((await api.undoWarningDecision({ id: w.id })).changed);
        toast({ text: t('warnings.toast.undone') });
      } catch (e) {
        toast({ text: t('error.generic', { message: errorText(e) }), error: true });
        invalidate(['warnings']);
      }
    },
    [invalidate, t, toast],
  );

  const decide = useCallback(
    async (w: Pick<StoredWarning, 'id'>, decision: Decision) => {
      try {
        invalidate((await api.decideWarning({ id: w.id, decision })).changed);
        const { key, params } = decisionToast(w, decision);
        toast({ text: t(key, params), action: { label: t('warnings.undo'), run: () => void undo(w) } });
      } catch (e) {
        toast({ text: t('error.generic', { message: errorText(e) }), error: true });
        invalidate(['warnings']);
      }
    },
    [invalidate, t, toast, undo],
  );

  // Which exports the sidebar marks, and which may be someone else's (the library's banner).
  const { marks, foreign } = useMemo(() => {
    const { open } = byDecision(warnings ?? []);
    return { marks: exportMarks(open), foreign: foreignExports(open) };
  }, [warnings]);

  return { warnings, error, decide, undo, marks, foreign };
}
