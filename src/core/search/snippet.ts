/**
 * Snippets: a short passage of a text around the words a search matched, with the matched words'
 * places given as data (`marks`), so a view marks them as text and never injects HTML.
 */
import { tokenize, tokens, type Token } from './text';

/** A passage with the matched words at `marks`: [start, end) offsets in `text`. */
export interface Snippet {
  text: string;
  marks: Array<[number, number]>;
}

/** Where a snippet begins in its source text, with the snippet. */
export interface PlacedSnippet extends Snippet {
  /** Offset in the source text of the first mark (-1 when nothing matched). */
  firstMatch: number;
}

/** Characters around the first match: about two lines of the results list. */
export const SNIPPET_LENGTH = 160;

/**
 * A passage of `text` of about `length` characters around its first word for which `matches`
 * returns true (the start of the text if none does), cut at word boundaries with "…" where the
 * text goes on. Every matched word inside the passage is marked.
 */
export function makeSnippet(
  text: string,
  matches: (word: string) => boolean,
  length = SNIPPET_LENGTH,
): PlacedSnippet {
  // Words are read up to the first match and one passage beyond it, never the rest of a long
  // text: a results page makes a snippet for each of its articles while one types.
  const read: Token[] = [];
  let first: Token | undefined;
  for (const token of tokens(text)) {
    if (first && token.start >= first.start + length) break;
    read.push(token);
    if (!first && matches(token.word)) first = token;
  }
  let from = 0;
  if (first && text.length > length) {
    // Put the first match about a quarter into the passage, so it reads with what comes before.
    from = Math.max(0, Math.min(first.start - Math.floor(length / 4), text.length - length));
    const wordStart = read.find((token) => token.start >= from);
    from = wordStart && wordStart.start <= first.start ? wordStart.start : first.start;
  }
  let to = Math.min(text.length, from + length);
  if (to < text.length) {
    const last = read.filter((token) => token.end <= to && token.start >= from).at(-1);
    if (last) to = last.end;
  }
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  const body = text.slice(from, to).replace(/\s+/g, ' ');
  // Folding white space above never changes a word, but can shift offsets: compute marks on `body`.
  const marks: Array<[number, number]> = tokenize(body)
    .filter((token) => matches(token.word))
    .map((token) => [token.start + prefix.length, token.end + prefix.length]);
  return { text: `${prefix}${body}${suffix}`, marks, firstMatch: first ? first.start : -1 };
}

/** The snippet as one plain string with each mark between « and » (the command line's form). */
export function snippetToPlainText(snippet: Snippet, open = '«', close = '»'): string {
  let out = '';
  let at = 0;
  for (const [start, end] of snippet.marks) {
    out += `${snippet.text.slice(at, start)}${open}${snippet.text.slice(start, end)}${close}`;
    at = end;
  }
  return out + snippet.text.slice(at);
}
