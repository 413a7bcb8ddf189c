// Text with the search's matched words marked.
import { useMemo } from 'react';
import { highlight } from '../lib/highlight.ts';

export function Highlighted({ text, terms }: { text: string; terms: string[] }) {
  const segments = useMemo(() => highlight(text, terms), [text, terms]);
  return <>{segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}
