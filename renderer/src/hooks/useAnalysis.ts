// The background voice analysis: its status, loaded when the voices change, moved on in between by
// the core's pushed progress. When a pass ends the core says "voices, warnings changed".
import { useEffect, useState } from 'react';
import type { AnalysisStatus } from '../../../electron/core/api/contract.ts';
import { api } from '../api.ts';
import { errorText } from '../lib/errors.ts';
import { withVoicesProgress } from '../state/analysis.ts';
import type { Versions } from '../state/changes.ts';
import { useEvents } from './useEvents.ts';

export function useAnalysis(versions: Versions): { status: AnalysisStatus | null; error: string | null } {
  const [status, setStatus] = useState<AnalysisStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.getAnalysisStatus({}).then(
      (s) => {
        if (!live) return;
        setStatus(s);
        setError(null);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [versions.voices, versions.recordings]);
  useEvents((e) => {
    if (e.type === 'analysis') setStatus((s) => withVoicesProgress(s, e.voices));
  });
  return { status, error };
}
