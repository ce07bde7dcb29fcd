import { describe, expect, it } from 'vitest';
import { anchorSelectors, reanchorHighlight, selectorsFor } from './anchor';
import { exactOccurrences, matchQuote, maxErrorsFor, MIN_APPROXIMATE_SCORE } from './match-quote';
import { currentQuote, inReadingOrder, type Highlight } from './model';

const TEXT = [
  'Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three months to December.',
  'The firm, which is now one of the biggest investors in Google, benefited from sales of high-speed internet connections.',
  'Time Warner said on Friday that it now owns 8% of search-engine Google, the firm said.',
].join('\n\n');

function highlightOn(text: string, quote: string, occurrence = 0): Highlight {
  const start = exactOccurrences(text, quote)[occurrence] ?? -1;
  return {
    id: 'h1',
    articleId: 'aaaaaaaaaaaa',
    color: 'yellow',
    note: 'my note',
    createdAt: '2024-06-01T12:00:00.000Z',
    updatedAt: '2024-06-01T12:00:00.000Z',
    selectors: selectorsFor(text, start, start + quote.length),
    anchor: { status: 'anchored', start, end: start + quote.length },
  };
}

describe('selectorsFor', () => {
  it('keeps the quote, 32 characters on each side and the position', () => {
    const start = TEXT.indexOf('biggest investors');
    const [quote, position] = selectorsFor(TEXT, start, start + 17);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'biggest investors',
      prefix: TEXT.slice(start - 32, start),
      suffix: TEXT.slice(start + 17, start + 49),
    });
    expect(quote.prefix).toHaveLength(32);
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 17 });
  });

  it('takes what there is at the edges of the text, and refuses empty or outside ranges', () => {
    const [atStart] = selectorsFor(TEXT, 0, 9);
    expect(atStart.prefix).toBe('');
    const [atEnd] = selectorsFor(TEXT, TEXT.length - 5, TEXT.length);
    expect(atEnd.suffix).toBe('');
    expect(() => selectorsFor(TEXT, 5, 5)).toThrow(RangeError);
    expect(() => selectorsFor(TEXT, -1, 5)).toThrow(RangeError);
    expect(() => selectorsFor(TEXT, 0, TEXT.length + 1)).toThrow(/not a range of the article's text/);
  });
});

describe('anchorSelectors', () => {
  it('is anchored when the words are where they were', () => {
    const highlight = highlightOn(TEXT, 'jumped 76%');
    expect(anchorSelectors(TEXT, highlight.selectors)).toEqual(highlight.anchor);
  });

  it('moves with the words when text is inserted before them', () => {
    const highlight = highlightOn(TEXT, 'biggest investors in Google');
    const inserted = 'A new opening paragraph.\n\n' + TEXT;
    const anchor = anchorSelectors(inserted, highlight.selectors);
    expect(anchor).toEqual({
      status: 'moved',
      start: inserted.indexOf('biggest investors'),
      end: inserted.indexOf('biggest investors') + 27,
    });
  });

  it('tells a repeated phrase apart by its context, not by where it was', () => {
    const text = 'Sales rose, the firm said on Monday. Profits fell, the firm said in a statement.';
    const second = text.lastIndexOf('the firm said');
    const [quote] = selectorsFor(text, second, second + 13);
    // The first occurrence is now exactly where the second one was.
    const changed = text.replace('Sales rose, ', 'Sales rose sharply across all of the regions, ').slice(35);
    const first = changed.indexOf('the firm said');
    const anchor = anchorSelectors(changed, [
      quote,
      { type: 'TextPositionSelector', start: first, end: first + 13 },
    ]);
    expect(anchor).toEqual({
      status: 'moved',
      start: changed.lastIndexOf('the firm said'),
      end: changed.lastIndexOf('the firm said') + 13,
    });
  });

  it('follows words edited a little, fuzzily', () => {
    const highlight = highlightOn(TEXT, 'benefited from sales of high-speed internet connections');
    const edited = TEXT.replace('high-speed internet', 'fast broadband internet');
    const anchor = anchorSelectors(edited, highlight.selectors);
    expect(anchor.status).toBe('moved');
    if (anchor.status === 'detached') return;
    expect(edited.slice(anchor.start, anchor.end)).toBe(
      'benefited from sales of fast broadband internet connections',
    );
  });

  it('is detached when the words are gone, and does not cling to a look-alike', () => {
    const highlight = highlightOn(TEXT, 'it now owns 8% of search-engine Google');
    const [first, second] = TEXT.split('\n\n');
    expect(anchorSelectors(`${first}\n\n${second}`, highlight.selectors)).toEqual({ status: 'detached' });
    expect(anchorSelectors('', highlight.selectors)).toEqual({ status: 'detached' });
    // The same sentence with most of it rewritten is too far from the quote.
    const rewritten = TEXT.replace(
      'it now owns 8% of search-engine Google',
      'its stake in a search firm is small',
    );
    expect(anchorSelectors(rewritten, highlight.selectors)).toEqual({ status: 'detached' });
  });

  it('re-anchors a highlight without touching what the reader made', () => {
    const highlight = highlightOn(TEXT, 'jumped 76%');
    const moved = reanchorHighlight(highlight, `Intro.\n\n${TEXT}`);
    expect(moved.anchor).toMatchObject({
      status: 'moved',
      start: highlight.anchor.status === 'detached' ? 0 : highlight.anchor.start + 8,
    });
    expect(moved.selectors).toEqual(highlight.selectors);
    expect(moved.updatedAt).toBe(highlight.updatedAt);
    expect(moved.note).toBe('my note');
    expect(currentQuote(moved, `Intro.\n\n${TEXT}`)).toBe('jumped 76%');
    expect(currentQuote(reanchorHighlight(highlight, 'nothing'), 'nothing')).toBe('jumped 76%');
  });
});

describe('matchQuote', () => {
  it('tries indexOf before any fuzzy search, and finds every exact occurrence', () => {
    expect(exactOccurrences('aaa', 'aa')).toEqual([0, 1]);
    expect(exactOccurrences('abc', '')).toEqual([]);
    const match = matchQuote(TEXT, 'Google');
    expect(match).toMatchObject({ start: TEXT.indexOf('Google'), errors: 0 });
  });

  it('uses the old position to break a tie between identical contexts', () => {
    const text = 'one two one two one two';
    expect(matchQuote(text, 'two', { hint: 12 })?.start).toBe(12);
    expect(matchQuote(text, 'two', { hint: 0 })?.start).toBe(4);
  });

  it('allows a quarter of the quote in edits, at most 64, and none for very short quotes', () => {
    expect(maxErrorsFor(3)).toBe(0);
    expect(maxErrorsFor(12)).toBe(3);
    expect(maxErrorsFor(1000)).toBe(64);
    expect(matchQuote('the cat sat', 'cot')).toBeNull();
    const found = matchQuote(TEXT, 'Quarterly profit at US media gaint', {
      prefix: '',
      suffix: ' TimeWarner',
    });
    expect(found).toMatchObject({ start: 0, errors: 3 });
    expect(found?.score).toBeGreaterThanOrEqual(MIN_APPROXIMATE_SCORE);
  });
});

describe('inReadingOrder', () => {
  it('orders by place in the text, detached last', () => {
    const at = (id: string, start: number | null, createdAt: string): Highlight => ({
      ...highlightOn(TEXT, 'Google'),
      id,
      createdAt,
      anchor: start === null ? { status: 'detached' } : { status: 'moved', start, end: start + 1 },
    });
    const ordered = inReadingOrder([
      at('d2', null, '2024-02-01T00:00:00.000Z'),
      at('late', 90, '2024-01-01T00:00:00.000Z'),
      at('d1', null, '2024-01-01T00:00:00.000Z'),
      at('early', 10, '2024-03-01T00:00:00.000Z'),
    ]);
    expect(ordered.map((highlight) => highlight.id)).toEqual(['early', 'late', 'd1', 'd2']);
  });
});
