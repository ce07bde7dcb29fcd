import { expect, type Locator, type Page } from '@playwright/test';

export const SEED_TITLE = 'Alep : vers un accord militaire entre les États-Unis et la Russie';

/** Opens an article from the library by its title, as a reader would (one click). */
export async function openArticle(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** The reading progress the page shows, in percent. */
export async function shownProgress(page: Page): Promise<number> {
  return Number(await page.getByRole('progressbar').getAttribute('aria-valuenow'));
}

/** Index of the block at the top of the reading view (the anchor the position is saved to). */
export async function blockAtTop(page: Page): Promise<number> {
  return page.getByRole('main').evaluate((main) => {
    const top = main.getBoundingClientRect().top + 16;
    const blocks = [...main.querySelectorAll<HTMLElement>('[data-block]')];
    const atTop = blocks.filter((block) => block.getBoundingClientRect().top <= top).pop();
    return Number(atTop?.dataset['block'] ?? -1);
  });
}

/** Scrolls the reading view to `fraction` of its height, as a scroll wheel would. */
export async function scrollReaderTo(page: Page, fraction: number): Promise<void> {
  await page.getByRole('main').evaluate((main, value) => {
    main.scrollTop = (main.scrollHeight - main.clientHeight) * value;
  }, fraction);
}

/** The viewport rectangle of the first occurrence of `phrase` in `element`'s text. */
export async function phraseRect(
  element: Locator,
  phrase: string,
): Promise<{ left: number; right: number; top: number; bottom: number }> {
  return element.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const rects = [...range.getClientRects()];
      const first = rects[0];
      const last = rects[rects.length - 1];
      if (!first || !last) break;
      return { left: first.left, top: first.top, right: last.right, bottom: last.bottom };
    }
    throw new Error(`"${wanted}" is not in the element's text`);
  }, phrase);
}

/** Selects `phrase` in `element` by dragging the mouse across it, as a reader would. */
export async function selectWithMouse(page: Page, element: Locator, phrase: string): Promise<void> {
  await element.scrollIntoViewIfNeeded();
  const box = await phraseRect(element, phrase);
  const firstLineY = box.top + 6;
  const lastLineY = box.bottom - 6;
  await page.mouse.move(box.left + 1, firstLineY);
  await page.mouse.down();
  await page.mouse.move((box.left + box.right) / 2, lastLineY, { steps: 5 });
  await page.mouse.move(box.right - 1, lastLineY, { steps: 5 });
  await page.mouse.up();
}

/** The text of the page's current selection ('' when there is none). */
export async function selectedText(page: Page): Promise<string> {
  return page.evaluate(() => getSelection()?.toString() ?? '');
}

/**
 * WCAG 1.4.10 (reflow) on the page as shown: the window does not scroll sideways, no scrolling
 * box (the list, the article, the panel, a dialog) holds content wider than itself, and no
 * visible element outside such a box reaches past the window's edges. Returns what failed.
 */
export async function reflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) {
      problems.push(`the window scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
    }
    const name = (element: Element): string =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')}`;
    const width = window.innerWidth;
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      if (element.closest('.visually-hidden')) continue;
      const scrolls = ['auto', 'scroll'].includes(style.overflowX);
      if (scrolls && element.scrollWidth > element.clientWidth + 1) {
        problems.push(`${name(element)} scrolls sideways (${element.scrollWidth} > ${element.clientWidth})`);
      }
      // Inside a box that clips or scrolls, that box answers for it (checked above).
      let clipped = false;
      for (
        let parent = element.parentElement;
        parent && parent !== document.body;
        parent = parent.parentElement
      ) {
        if (getComputedStyle(parent).overflowX !== 'visible') {
          clipped = true;
          break;
        }
      }
      if (clipped) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width > 0 && (rect.right > width + 1 || rect.left < -1)) {
        problems.push(
          `${name(element)} reaches past the window (${Math.round(rect.left)}–${Math.round(rect.right)} of ${width})`,
        );
      }
    }
    return problems;
  });
}
