/**
 * Reading position <-> scroll position. The position is anchored to the text (the block at
 * the top of the view and how far down it the view starts), not to pixels, so it is restored
 * after a resize or a change of text size, when the same text has moved.
 */
import type { ReadingPosition } from '../../../core/reading';

/** How far below the top edge the "reading line" sits, in CSS pixels. */
const READING_LINE = 16;

function topWithin(scroller: HTMLElement, element: HTMLElement): number {
  return element.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
}

/** The fraction of the article scrolled through, 0–1 (1 when it all fits). */
export function scrollFraction(scroller: HTMLElement): number {
  const scrollable = scroller.scrollHeight - scroller.clientHeight;
  return scrollable <= 1 ? 1 : Math.min(1, Math.max(0, scroller.scrollTop / scrollable));
}

/** The position at the top of the view. */
export function readPosition(scroller: HTMLElement, blocks: HTMLElement[]): ReadingPosition {
  const fraction = scrollFraction(scroller);
  const line = scroller.scrollTop + READING_LINE;
  // Blocks are in document order: the last one starting above the reading line holds it.
  let blockIndex = 0;
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index];
    if (block && topWithin(scroller, block) <= line) blockIndex = index;
    else break;
  }
  const block = blocks[blockIndex];
  if (!block) return { blockIndex: 0, blockOffset: 0, fraction };
  const offset = (line - topWithin(scroller, block)) / Math.max(1, block.offsetHeight);
  return { blockIndex, blockOffset: Math.min(1, Math.max(0, offset)), fraction };
}

/** Scrolls so that `position` is at the top of the view again. */
export function scrollToPosition(
  scroller: HTMLElement,
  blocks: HTMLElement[],
  position: ReadingPosition,
): void {
  const block = blocks[Math.min(position.blockIndex, blocks.length - 1)];
  // The start of the first block stands for "not started": show the title too.
  if (!block || (position.blockIndex === 0 && position.blockOffset === 0)) {
    scroller.scrollTop = 0;
    return;
  }
  const target = topWithin(scroller, block) + position.blockOffset * block.offsetHeight - READING_LINE;
  scroller.scrollTop = Math.max(0, target);
}

/** Scrolls so that `rect` (a viewport rectangle) stands a third of the way down the view: read with what comes before. */
export function scrollToUpperThird(scroller: HTMLElement, rect: DOMRect): void {
  const view = scroller.getBoundingClientRect();
  scroller.scrollBy({ top: rect.top - view.top - view.height / 3 });
}
