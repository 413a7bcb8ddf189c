// The search field's text. Typing stays instant in the field; the query follows after a pause just
// long enough to skip keystrokes typed in a burst (search itself takes ~10 ms at 100,000 recordings).
// The field only takes the view's search when it changed from elsewhere (a saved filter, "clear"):
// the echo of what the field itself sent arrives a render later, and by then the user may have typed
// on, so treating the echo as news would put back text they had already changed.
import { useCallback, useEffect, useRef, useState } from 'react';

export const SEARCH_PAUSE_MS = 30;

export function useSearchText(
  search: string,
  onSearch: (text: string) => void,
): { text: string; setText(text: string): void; sendNow(text: string): void } {
  const [text, setText] = useState(search);
  // The search the view has or will have: the last one sent from here, or the last one it showed.
  const sent = useRef(search);
  useEffect(() => {
    if (search === sent.current) return;
    sent.current = search;
    setText(search);
  }, [search]);

  const sendNow = useCallback(
    (next: string) => {
      setText(next);
      if (next === sent.current) return;
      sent.current = next;
      onSearch(next);
    },
    [onSearch],
  );

  useEffect(() => {
    if (text === sent.current) return;
    const timer = setTimeout(() => sendNow(text), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, sendNow]);

  return { text, setText, sendNow };
}
