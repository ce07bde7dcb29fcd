import { expect, test } from '@playwright/test';
import { launchApp } from './harness';
import { makeLibraryWithCli } from './library-fixture';
import { SEED_TITLE, blockAtTop, openArticle, scrollReaderTo, shownProgress } from './app-actions';

/** Saving waits for a second of stillness; this is comfortably more. */
const AFTER_SAVE_MS = 1_500;

test('the reading position is restored after a reload, a resize, a text-size change and a restart', async () => {
  const dataDir = await makeLibraryWithCli(['seeds']);
  let app = await launchApp({ dataDir, viewport: { width: 1100, height: 700 } });
  let { page } = app;

  await openArticle(page, SEED_TITLE);
  expect(await shownProgress(page)).toBe(0);
  await scrollReaderTo(page, 0.5);
  await expect.poll(() => shownProgress(page)).toBe(50);
  const anchor = await blockAtTop(page);
  expect(anchor).toBeGreaterThan(0);
  await page.waitForTimeout(AFTER_SAVE_MS);

  // Reload: the library shows it in progress, and the article opens where it was left.
  await page.reload();
  await expect(page.getByRole('button', { name: SEED_TITLE, exact: true })).toBeVisible();
  await expect(page.getByText('50% read')).toBeVisible();
  await openArticle(page, SEED_TITLE);
  await expect.poll(() => blockAtTop(page)).toBe(anchor);
  expect(Math.abs((await shownProgress(page)) - 50)).toBeLessThanOrEqual(2);

  // Resize: the text reflows, the same block stays at the top.
  await page.setViewportSize({ width: 720, height: 640 });
  await expect.poll(() => blockAtTop(page)).toBe(anchor);

  // Larger text, from the keyboard: still the same block.
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect.poll(() => blockAtTop(page)).toBe(anchor);
  await page.waitForTimeout(AFTER_SAVE_MS);

  // Restart the app on the same data folder.
  await app.close();
  app = await launchApp({ dataDir, viewport: { width: 1100, height: 700 } });
  page = app.page;
  await openArticle(page, SEED_TITLE);
  await expect.poll(() => blockAtTop(page)).toBe(anchor);

  await app.close();
});

test('reaching the end marks the article finished, and it can be marked unread again', async () => {
  const dataDir = await makeLibraryWithCli(['seeds']);
  const app = await launchApp({ dataDir });
  const { page } = app;

  await openArticle(page, SEED_TITLE);
  await scrollReaderTo(page, 1);
  await expect(page.getByText('You have finished this article.')).toBeVisible();
  await expect.poll(() => shownProgress(page)).toBe(100);
  await expect(page.getByText('Finished', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Back to the library' }).click();
  const row = page.getByRole('listitem').filter({ hasText: SEED_TITLE });
  await expect(row.getByText('Finished')).toBeVisible();
  await page.getByRole('radio', { name: 'Finished' }).check();
  await expect(page.getByRole('button', { name: SEED_TITLE, exact: true })).toBeVisible();
  await page.getByRole('radio', { name: 'Unread' }).check();
  await expect(page.getByText('No article matches these filters.')).toBeVisible();
  await page.getByRole('radio', { name: 'Any state' }).check();

  await openArticle(page, SEED_TITLE);
  await page.getByRole('button', { name: 'Mark as unread' }).click();
  await expect.poll(() => shownProgress(page)).toBe(0);
  await page.getByRole('button', { name: 'Back to the library' }).click();
  await expect(row.getByText('Unread')).toBeVisible();

  await app.close();
});
