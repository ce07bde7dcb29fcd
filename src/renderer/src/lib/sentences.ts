/**
 * Sentences of the article's body text, for selecting from the keyboard (`s` / Shift+S on the
 * reading page): each block is split with `Intl.Segmenter` in the article's language, and a
 * sentence is its `start`–`end` in the body text (core/annotations/article-text.ts), without the
 * white space around it. No DOM: the page turns these offsets into a selection.
 */
import type { ArticleText } from '../../../core/annotations/article-text';

/** A sentence: offsets in the body text, `end` exclusive. */
export interface Sentence {
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(language: string): Intl.Segmenter {
  let found = segmenters.get(language);
  if (!found) {
    // An unknown or empty language tag falls back to the default locale's rules.
    const locales = language && Intl.Segmenter.supportedLocalesOf([language]).length > 0 ? [language] : [];
    found = new Intl.Segmenter(locales, { granularity: 'sentence' });
    segmenters.set(language, found);
  }
  return found;
}

/** The sentences of block `blockIndex`, in order. */
export function blockSentences(body: ArticleText, blockIndex: number, language: string): Sentence[] {
  const start = body.starts[blockIndex];
  const length = body.lengths[blockIndex];
  if (start === undefined || length === undefined) return [];
  const sentences: Sentence[] = [];
  for (const { segment, index } of segmenter(language).segment(body.text.slice(start, start + length))) {
    const trimmed = segment.trim();
    if (trimmed === '') continue;
    const from = start + index + (segment.length - segment.trimStart().length);
    sentences.push({ start: from, end: from + trimmed.length });
  }
  return sentences;
}

/** The block holding `offset` (the last one starting at or before it). */
function blockAt(body: ArticleText, offset: number): number {
  let low = 0;
  let high = body.starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((body.starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The first sentence, from the block holding `offset` on, that `accept`s. */
function findForward(
  body: ArticleText,
  offset: number,
  language: string,
  accept: (sentence: Sentence) => boolean,
): Sentence | null {
  for (let block = blockAt(body, offset); block < body.starts.length; block += 1) {
    const found = blockSentences(body, block, language).find(accept);
    if (found) return found;
  }
  return null;
}

/** The sentence holding `offset`, or the next one when `offset` is between sentences. */
export function sentenceFrom(body: ArticleText, offset: number, language: string): Sentence | null {
  return findForward(body, offset, language, (sentence) => sentence.end > offset);
}

/** The first sentence starting at or after `offset`. */
export function sentenceAfter(body: ArticleText, offset: number, language: string): Sentence | null {
  return findForward(body, offset, language, (sentence) => sentence.start >= offset);
}

/** The last sentence ending at or before `offset`. */
export function sentenceBefore(body: ArticleText, offset: number, language: string): Sentence | null {
  for (let block = blockAt(body, offset); block >= 0; block -= 1) {
    const found = blockSentences(body, block, language).findLast((sentence) => sentence.end <= offset);
    if (found) return found;
  }
  return null;
}
