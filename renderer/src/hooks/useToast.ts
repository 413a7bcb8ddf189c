// The one toast at the bottom of the window; it goes by itself after a while (longer with an action).
import { useEffect, useState } from 'react';

export type Toast = { text: string; error?: boolean; action?: { label: string; run(): void } };

export function useToast(): [Toast | null, (t: Toast | null) => void] {
  const [toast, setToast] = useState<Toast | null>(null);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), toast.action ? 8000 : 5000);
    return () => clearTimeout(timer);
  }, [toast]);
  return [toast, setToast];
}
