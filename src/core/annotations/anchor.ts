/**
 * Selectors from a range of the article's text, and a range from selectors: the pair that lets a
 * highlight survive a change of the text (Hypothesis's `types.ts` model, without the DOM).
 *
 * Anchoring tries the cheap paths first:
 * 1. the position selector still holds the quote, in its old context: `anchored`;
 * 2. the quote occurs exactly somewhere (`indexOf`): the occurrence best placed by its context and
 *    nearness to the old position (`anchored` if that is the old place, else `moved`);
 * 3. an approximate match within a small edit budget (match-quote.ts): `moved`;
 * 4. otherwise `detached`. A detached highlight is never dropped here or anywhere else.
 */
import { matchQuote } from './match-quote';
import { QUOTE_CONTEXT_LENGTH, type Anchor, type Highlight, type HighlightSelectors } from './model';

/**
 * The selectors of `text.slice(start, end)`: the quote with up to 32 characters of context on each
 * side, and the position.
 * @throws RangeError unless 0 ≤ start < end ≤ text.length.
 */
export function selectorsFor(text: string, start: number, end: number): HighlightSelectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) {
    throw new RangeError(`${start}–${end} is not a range of the article's text (0–${text.length}).`);
  }
  return [
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT_LENGTH),
    },
    { type: 'TextPositionSelector', start, end },
  ];
}

/** Where the words `selectors` describe are in `text` now (see the module comment). */
export function anchorSelectors(text: string, selectors: HighlightSelectors): Anchor {
  const [quote, position] = selectors;
  const { exact, prefix, suffix } = quote;
  const { start, end } = position;
  // 1. Nothing moved: the same words at the same place, between the same neighbours.
  if (
    text.slice(start, end) === exact &&
    text.slice(Math.max(0, start - prefix.length), start) === prefix &&
    text.slice(end, end + suffix.length) === suffix
  ) {
    return { status: 'anchored', start, end };
  }
  // 2 and 3. Search, exact first; the old position breaks ties between look-alikes.
  const found = matchQuote(text, exact, { prefix, suffix, hint: start });
  if (!found) return { status: 'detached' };
  const status = found.start === start && found.end === end ? 'anchored' : 'moved';
  return { status, start: found.start, end: found.end };
}

/**
 * `highlight` anchored on `text`. Its selectors and `updatedAt` stay as they are: re-anchoring is
 * not an edit by the reader, and the words they chose are what later re-anchoring looks for.
 */
export function reanchorHighlight(highlight: Highlight, text: string): Highlight {
  return { ...highlight, anchor: anchorSelectors(text, highlight.selectors) };
}
