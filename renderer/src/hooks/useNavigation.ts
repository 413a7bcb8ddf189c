// Where the window is (library, insight, voices, warnings, "not my data") and the moves between
// places: showing a view in the library, opening an export's "not my data" page and leaving it.
import { useState } from 'react';
import type { Section } from '../components/Sidebar.tsx';
import type { Removal } from '../components/NotMine.tsx';
import type { ViewState } from '../lib/filters.ts';

export type NotMineState = { exportId: number; removal: Removal | null; back: Section };

export function useNavigation(setView: (v: ViewState) => void) {
  const [section, setSection] = useState<Section>('library');
  const [notMine, setNotMine] = useState<NotMineState | null>(null);
  return {
    section,
    setSection,
    notMine,
    showLibrary(v: ViewState) {
      setView(v);
      setSection('library');
    },
    openNotMine(exportId: number) {
      setNotMine({ exportId, removal: null, back: section === 'not-mine' ? 'library' : section });
      setSection('not-mine');
    },
    /** The export is gone: its removal record stays shown until the user goes back. */
    removed(removal: Removal) {
      setNotMine((n) => (n ? { ...n, removal } : n));
    },
    closeNotMine() {
      setSection(notMine?.removal ? 'library' : (notMine?.back ?? 'library'));
      setNotMine(null);
    },
  };
}
