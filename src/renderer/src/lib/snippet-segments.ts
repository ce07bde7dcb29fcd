/** A search snippet cut into plain and marked runs of text, for a view to render as text nodes. */
import type { Snippet } from '../../../core/search/snippet';

export interface SnippetSegment {
  text: string;
  marked: boolean;
}

export function snippetSegments(snippet: Snippet): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let at = 0;
  for (const [start, end] of snippet.marks) {
    if (start < at || end > snippet.text.length) continue; // never trust overlapping or stray marks
    if (start > at) segments.push({ text: snippet.text.slice(at, start), marked: false });
    segments.push({ text: snippet.text.slice(start, end), marked: true });
    at = end;
  }
  if (at < snippet.text.length) segments.push({ text: snippet.text.slice(at), marked: false });
  return segments;
}
