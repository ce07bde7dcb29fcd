/**
 * The article's body as one string: what highlight offsets count. It is the text `gazette show`
 * gives: the blocks' text joined by a blank line ("\n\n"), without the title. The renderer shows
 * one element per block, so it needs offsets in that string turned into (block, offset in block)
 * and back; both directions are here, in pairs, with no DOM.
 */
import type { Block } from '../article';

/** What joins two blocks in the body text. */
export const BLOCK_SEPARATOR = '\n\n';

/** The body text and where each block starts in it. */
export interface ArticleText {
  readonly text: string;
  /** Offset in `text` of the first character of each block. */
  readonly starts: readonly number[];
  /** Length of each block's text. */
  readonly lengths: readonly number[];
}

/** A place in one block: `offset` characters into block `blockIndex` (0 to its length). */
export interface BlockPoint {
  blockIndex: number;
  offset: number;
}

/** The part of a range that falls in one block, as offsets within that block. */
export interface BlockSegment {
  blockIndex: number;
  start: number;
  end: number;
}

/** Builds the body text of `blocks`. */
export function articleText(blocks: readonly Pick<Block, 'text'>[]): ArticleText {
  const starts: number[] = [];
  const lengths: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    starts.push(offset);
    lengths.push(block.text.length);
    offset += block.text.length + BLOCK_SEPARATOR.length;
  }
  return { text: blocks.map((block) => block.text).join(BLOCK_SEPARATOR), starts, lengths };
}

/**
 * The block point of offset `offset` (0 to the text's length). An offset inside a separator, or
 * on a boundary, belongs to the block after it by default (`toward: 'next'`, right for the start of
 * a range) or to the end of the block before it (`toward: 'previous'`, right for the end of a range).
 * @throws RangeError for an offset outside the text, or a text with no blocks.
 */
export function toBlockPoint(
  body: ArticleText,
  offset: number,
  toward: 'next' | 'previous' = 'next',
): BlockPoint {
  const count = body.starts.length;
  if (count === 0 || !Number.isInteger(offset) || offset < 0 || offset > body.text.length) {
    throw new RangeError(`Offset ${offset} is outside the article's text (0–${body.text.length}).`);
  }
  // The last block starting at or before `offset` (binary search: 20,000 blocks stay quick).
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((body.starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  const start = body.starts[low] ?? 0;
  const length = body.lengths[low] ?? 0;
  const inBlock = offset - start;
  if (toward === 'previous' && inBlock === 0 && low > 0) {
    return { blockIndex: low - 1, offset: body.lengths[low - 1] ?? 0 };
  }
  if (inBlock <= length) {
    if (toward === 'next' && inBlock === length && low < count - 1 && length > 0) {
      return { blockIndex: low + 1, offset: 0 };
    }
    return { blockIndex: low, offset: inBlock };
  }
  // Inside the separator after block `low`.
  return toward === 'next' && low < count - 1
    ? { blockIndex: low + 1, offset: 0 }
    : { blockIndex: low, offset: length };
}

/**
 * The offset in the body text of a block point; the inverse of `toBlockPoint`.
 * @throws RangeError for a block or an offset that does not exist.
 */
export function fromBlockPoint(body: ArticleText, point: BlockPoint): number {
  const start = body.starts[point.blockIndex];
  const length = body.lengths[point.blockIndex];
  if (
    start === undefined ||
    length === undefined ||
    !Number.isInteger(point.offset) ||
    point.offset < 0 ||
    point.offset > length
  ) {
    throw new RangeError(
      `Block ${point.blockIndex}, offset ${point.offset} is not in the article's ${body.starts.length} blocks.`,
    );
  }
  return start + point.offset;
}

/**
 * The pieces of the range `start`–`end` in each block it touches, in order: what the renderer
 * paints for a highlight spanning several paragraphs. Separators are skipped, and so are blocks
 * the range only touches at an edge.
 */
export function blockSegments(body: ArticleText, start: number, end: number): BlockSegment[] {
  if (end <= start) return [];
  const first = toBlockPoint(body, start, 'next');
  const last = toBlockPoint(body, end, 'previous');
  const segments: BlockSegment[] = [];
  for (let index = first.blockIndex; index <= last.blockIndex; index += 1) {
    const from = index === first.blockIndex ? first.offset : 0;
    const to = index === last.blockIndex ? last.offset : (body.lengths[index] ?? 0);
    if (to > from) segments.push({ blockIndex: index, start: from, end: to });
  }
  return segments;
}
