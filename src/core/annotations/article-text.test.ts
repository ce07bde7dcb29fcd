import { describe, expect, it } from 'vitest';
import { articleText, blockSegments, fromBlockPoint, toBlockPoint } from './article-text';

const blocks = [{ text: 'First block.' }, { text: 'Second one.' }, { text: 'Third.' }];
const body = articleText(blocks);

describe('articleText', () => {
  it('joins the blocks with a blank line and knows where each starts', () => {
    expect(body.text).toBe('First block.\n\nSecond one.\n\nThird.');
    expect(body.starts).toEqual([0, 14, 27]);
    expect(body.lengths).toEqual([12, 11, 6]);
    expect(articleText([]).text).toBe('');
  });

  it('maps every offset inside a block to its block point and back', () => {
    blocks.forEach((block, blockIndex) => {
      for (let offset = 0; offset < block.text.length; offset += 1) {
        const at = fromBlockPoint(body, { blockIndex, offset });
        expect(body.text[at]).toBe(block.text[offset]);
        expect(toBlockPoint(body, at)).toEqual({ blockIndex, offset });
      }
    });
  });

  it('puts offsets on a boundary or in a separator in the next block, or the previous one when asked', () => {
    // 12 and 13 are the end of the first block and the separator; 14 starts the second.
    for (const offset of [12, 13, 14]) {
      expect(toBlockPoint(body, offset)).toEqual({ blockIndex: 1, offset: 0 });
      expect(toBlockPoint(body, offset, 'previous')).toEqual({ blockIndex: 0, offset: 12 });
    }
    expect(toBlockPoint(body, body.text.length)).toEqual({ blockIndex: 2, offset: 6 });
    expect(toBlockPoint(body, 0, 'previous')).toEqual({ blockIndex: 0, offset: 0 });
  });

  it('refuses offsets and points that are not in the text', () => {
    expect(() => toBlockPoint(body, -1)).toThrow(RangeError);
    expect(() => toBlockPoint(body, body.text.length + 1)).toThrow(/outside the article's text/);
    expect(() => toBlockPoint(body, 1.5)).toThrow(RangeError);
    expect(() => toBlockPoint(articleText([]), 0)).toThrow(RangeError);
    expect(() => fromBlockPoint(body, { blockIndex: 3, offset: 0 })).toThrow(/not in the article's 3 blocks/);
    expect(() => fromBlockPoint(body, { blockIndex: 0, offset: 13 })).toThrow(RangeError);
  });

  it('splits a range over several blocks into one segment per block', () => {
    const start = body.text.indexOf('block.');
    const end = body.text.indexOf('.', body.text.indexOf('Third'));
    expect(blockSegments(body, start, end)).toEqual([
      { blockIndex: 0, start: 6, end: 12 },
      { blockIndex: 1, start: 0, end: 11 },
      { blockIndex: 2, start: 0, end: 5 },
    ]);
    // A range that ends on a block boundary or starts in a separator touches no extra block.
    expect(blockSegments(body, 0, 14)).toEqual([{ blockIndex: 0, start: 0, end: 12 }]);
    expect(blockSegments(body, 13, 20)).toEqual([{ blockIndex: 1, start: 0, end: 6 }]);
    expect(blockSegments(body, 5, 5)).toEqual([]);
  });
});
