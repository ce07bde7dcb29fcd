import { expect, type Page } from '@playwright/test';

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
