/**
 * Finds a quote in a text, with no DOM: exactly when the words are still there, approximately
 * when they were lightly edited. The approximate search is approx-string-match (Myers' bit-parallel
 * edit-distance search), the library Hypothesis and Readium anchor with; candidates are ranked as
 * Hypothesis ranks them: by how well the quote, the text before it and the text after it match,
 * and, to break ties, by nearness to where the quote used to be.
 */
import approxSearch from 'approx-string-match';

/** A place the quote was found. `score` runs from 0 to 1 (a perfect match in its old context). */
export interface QuoteMatch {
  start: number;
  end: number;
  /** Edits (insertions, deletions, substitutions) between the quote and the text found. */
  errors: number;
  score: number;
}

/** What is known of the quote's old surroundings; each part helps pick among candidates. */
export interface QuoteContext {
  prefix?: string;
  suffix?: string;
  /** Where the quote started before. */
  hint?: number;
}

/*
 * Weights of the ranking (Hypothesis's): the quote itself matters most, the context on each side
 * next, and the old position only breaks ties, so a repeated phrase is told apart by its context.
 */
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/**
 * Edits allowed in an approximate match: a quarter of the quote, so "small edits" stay small for a
 * short phrase (a 12-character quote may differ by 3), capped at 64 characters, about a dozen words,
 * so a rewritten passage reads as detached rather than clinging to the half of it that is left.
 * The search costs O(maxErrors / 32 × text length).
 */
export function maxErrorsFor(quoteLength: number): number {
  return Math.min(64, Math.floor(quoteLength / 4));
}

/**
 * An approximate match must score at least this. The quote within its error budget in its old
 * context scores 0.85 or more; a look-alike in an unrelated sentence, whose prefix and suffix no
 * longer match, lands near 0.6. Exact matches need no threshold: the words do still exist.
 */
export const MIN_APPROXIMATE_SCORE = 0.75;

/** Every offset where `quote` occurs in `text`, overlapping occurrences included. */
export function exactOccurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  if (quote.length === 0) return found;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

/** How alike `actual` is to `expected`, 0 to 1: one minus their edit distance over the expected length. */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return 1;
  if (actual.length === 0) return 0;
  if (actual === expected) return 1;
  const [best] = approxSearch(actual, expected, expected.length);
  return best ? 1 - best.errors / expected.length : 0;
}

function scoreCandidate(
  text: string,
  quoteLength: number,
  candidate: { start: number; end: number; errors: number },
  context: QuoteContext,
): number {
  const quoteScore = 1 - candidate.errors / quoteLength;
  const prefix = context.prefix ?? '';
  const suffix = context.suffix ?? '';
  const prefixScore = similarity(
    text.slice(Math.max(0, candidate.start - prefix.length), candidate.start),
    prefix,
  );
  const suffixScore = similarity(text.slice(candidate.end, candidate.end + suffix.length), suffix);
  const positionScore =
    context.hint === undefined || text.length === 0
      ? 1
      : 1 - Math.min(1, Math.abs(candidate.start - context.hint) / text.length);
  return (
    (QUOTE_WEIGHT * quoteScore +
      PREFIX_WEIGHT * prefixScore +
      SUFFIX_WEIGHT * suffixScore +
      POSITION_WEIGHT * positionScore) /
    TOTAL_WEIGHT
  );
}

function best(
  text: string,
  quoteLength: number,
  candidates: Array<{ start: number; end: number; errors: number }>,
  context: QuoteContext,
): QuoteMatch | null {
  let chosen: QuoteMatch | null = null;
  for (const candidate of candidates) {
    const score = scoreCandidate(text, quoteLength, candidate, context);
    // Strictly greater: among equals the first (leftmost) wins, so the result is deterministic.
    if (!chosen || score > chosen.score) chosen = { ...candidate, score };
  }
  return chosen;
}

/**
 * The best place for `quote` in `text`, or null if it is not there. The cheap exact search comes
 * first (`indexOf`): if the words occur at all, the best-placed occurrence wins and no fuzzy search
 * is run. Otherwise an approximate search allows `maxErrorsFor(quote.length)` edits, and its best
 * candidate is taken if it scores at least `MIN_APPROXIMATE_SCORE`.
 */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}): QuoteMatch | null {
  if (quote.length === 0 || text.length === 0) return null;
  const exact = exactOccurrences(text, quote).map((start) => ({
    start,
    end: start + quote.length,
    errors: 0,
  }));
  if (exact.length > 0) return best(text, quote.length, exact, context);

  const maxErrors = maxErrorsFor(quote.length);
  if (maxErrors === 0) return null;
  const candidates = approxSearch(text, quote, maxErrors).filter((match) => match.end > match.start);
  const found = best(text, quote.length, candidates, context);
  return found && found.score >= MIN_APPROXIMATE_SCORE ? found : null;
}
