import { describe, expect, it } from 'vitest';
import { snippetSegments } from './snippet-segments';

describe('snippetSegments', () => {
  it('cuts a snippet into plain and marked runs that join back into its text', () => {
    const snippet = {
      text: '…the stock markets fell as markets opened',
      marks: [
        [11, 18],
        [27, 34],
      ] as Array<[number, number]>,
    };
    const segments = snippetSegments(snippet);
    expect(segments).toEqual([
      { text: '…the stock ', marked: false },
      { text: 'markets', marked: true },
      { text: ' fell as ', marked: false },
      { text: 'markets', marked: true },
      { text: ' opened', marked: false },
    ]);
    expect(segments.map((segment) => segment.text).join('')).toBe(snippet.text);
  });

  it('keeps markup-looking text as text and skips marks that overlap or overrun', () => {
    const snippet = {
      text: '<b>été</b> à Paris',
      marks: [
        [3, 6],
        [4, 5],
        [15, 40],
      ] as Array<[number, number]>,
    };
    expect(snippetSegments(snippet)).toEqual([
      { text: '<b>', marked: false },
      { text: 'été', marked: true },
      { text: '</b> à Paris', marked: false },
    ]);
  });

  it('gives the whole text unmarked when nothing matched', () => {
    expect(snippetSegments({ text: 'Ad sales boost', marks: [] })).toEqual([
      { text: 'Ad sales boost', marked: false },
    ]);
  });
});
