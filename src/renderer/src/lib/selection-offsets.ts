/**
 * The DOM side of highlight offsets: a DOM selection becomes `start`–`end` in the article's body
 * text (core/annotations/article-text.ts, blocks joined by "\n\n"), and offsets become DOM ranges
 * to paint. Blocks are the page's `[data-block]` elements, whose text is exactly the block's text;
 * everything block-related that needs no DOM (the joining, the segments) stays in core.
 */
import {
  blockSegments,
  fromBlockPoint,
  type ArticleText,
  type BlockPoint,
} from '../../../core/annotations/article-text';

/** The block elements of the page, indexed by their `data-block` number. */
export function blockElements(root: ParentNode): Map<number, HTMLElement> {
  const blocks = new Map<number, HTMLElement>();
  for (const element of root.querySelectorAll<HTMLElement>('[data-block]')) {
    blocks.set(Number(element.dataset['block']), element);
  }
  return blocks;
}

/** Characters of `block`'s text before the DOM point (`node`, `offset`) inside it. */
function offsetInBlock(block: HTMLElement, node: Node, offset: number): number {
  const before = document.createRange();
  before.selectNodeContents(block);
  before.setEnd(node, offset);
  return before.toString().length;
}

/**
 * The body-text offsets a DOM range covers, or null when it touches no block. A range that starts
 * or ends outside the blocks (in the title, the footer) is clipped to the blocks it crosses.
 */
export function rangeToOffsets(
  range: Range,
  root: ParentNode,
  body: ArticleText,
): { start: number; end: number } | null {
  const crossed = [...blockElements(root)].filter(([, element]) => range.intersectsNode(element));
  const first = crossed[0];
  const last = crossed[crossed.length - 1];
  if (!first || !last) return null;
  const point = ([index, element]: [number, HTMLElement], at: 'start' | 'end'): BlockPoint => {
    const node = at === 'start' ? range.startContainer : range.endContainer;
    const offset = at === 'start' ? range.startOffset : range.endOffset;
    if (element.contains(node)) return { blockIndex: index, offset: offsetInBlock(element, node, offset) };
    return { blockIndex: index, offset: at === 'start' ? 0 : (body.lengths[index] ?? 0) };
  };
  const start = fromBlockPoint(body, point(first, 'start'));
  const end = fromBlockPoint(body, point(last, 'end'));
  return end > start ? { start, end } : null;
}

/** The body-text offset of the DOM point (`node`, `offset`), or null when it is in no block. */
export function pointToOffset(
  root: ParentNode,
  body: ArticleText,
  node: Node,
  offset: number,
): number | null {
  for (const [index, element] of blockElements(root)) {
    if (element.contains(node)) {
      return fromBlockPoint(body, { blockIndex: index, offset: offsetInBlock(element, node, offset) });
    }
  }
  return null;
}

/** The DOM point `offset` characters into `block`'s text (walking its text nodes). */
function domPoint(block: HTMLElement, offset: number): { node: Node; offset: number } {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let left = offset;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (left <= node.data.length) return { node, offset: left };
    left -= node.data.length;
    last = node;
  }
  return last ? { node: last, offset: last.data.length } : { node: block, offset: 0 };
}

/**
 * DOM ranges for `start`–`end` of the body text: one per block it covers, so a highlight across
 * paragraphs paints each paragraph's part and never the gap between them.
 */
export function offsetsToRanges(root: ParentNode, body: ArticleText, start: number, end: number): Range[] {
  const blocks = blockElements(root);
  const ranges: Range[] = [];
  for (const segment of blockSegments(body, start, end)) {
    const block = blocks.get(segment.blockIndex);
    if (!block) continue;
    const from = domPoint(block, segment.start);
    const to = domPoint(block, segment.end);
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    ranges.push(range);
  }
  return ranges;
}

/** True when the viewport point (`x`, `y`) falls on the painted text of one of `ranges`. */
export function rangesContainPoint(ranges: readonly Range[], x: number, y: number): boolean {
  return ranges.some((range) =>
    [...range.getClientRects()].some(
      (rect) => x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom,
    ),
  );
}

/** Selects the text from the start of `first` to the end of `last` (a highlight's or a sentence's ranges). */
export function selectAcross(first: Range, last: Range): Range {
  const whole = document.createRange();
  whole.setStart(first.startContainer, first.startOffset);
  whole.setEnd(last.endContainer, last.endOffset);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(whole);
  return whole;
}
