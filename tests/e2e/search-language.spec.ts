/**
 * The search language in the app: a query typed with field terms, an error shown inline for a
 * malformed one, the query saved as a view that survives a restart, and "More on this" opened
 * from the reading page.
 */
import { expect, test, type Page } from '@playwright/test';
import { openArticle } from './app-actions';
import { launchApp } from './harness';
import { makeLibraryWithCli } from './library-fixture';

const TIME_WARNER = 'Ad sales boost Time Warner profit';

function searchBox(page: Page) {
  return page.getByRole('searchbox', { name: 'Search articles, highlights and notes' });
}

test('field terms, an inline error, a view after a restart, and More on this', async () => {
  const business = Array.from(
    { length: 12 },
    (_, i) => `tests/fixtures/bbc-news/business/${String(i + 1).padStart(3, '0')}.txt`,
  );
  const dataDir = await makeLibraryWithCli(business);
  let app = await launchApp({ dataDir });
  let { page } = app;

  // Words and field terms together: the results, and the sidebar shows the reading state.
  await searchBox(page).fill('profit is:unread -tag:later');
  const heading = page.getByRole('heading', { name: /articles? found for “profit is:unread -tag:later”/ });
  await expect(heading).toBeVisible();
  await expect(page.getByRole('button', { name: TIME_WARNER })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Unread' })).toBeChecked();

  // A malformed date: said inline, in words, and the rest still searched.
  await searchBox(page).fill('profit published:>soon');
  await expect(page.locator('#query-errors')).toContainText('“published:>soon” needs a date written 2024');
  await expect(searchBox(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: TIME_WARNER })).toBeVisible();

  // Saved as a named query; after a restart it is there and brings the query back.
  await searchBox(page).fill('profit is:unread');
  await expect(page.getByRole('heading', { name: /found for “profit is:unread”/ })).toBeVisible();
  await page.getByRole('button', { name: 'Save as view…' }).click();
  await page.getByRole('textbox', { name: 'Name of the view' }).fill('Unread profits');
  await page.getByRole('button', { name: 'Save view' }).click();
  await app.close();
  app = await launchApp({ dataDir });
  page = app.page;
  await page
    .getByRole('navigation', { name: 'Saved views' })
    .getByRole('button', { name: 'Unread profits', exact: true })
    .click();
  await expect(searchBox(page)).toHaveValue('profit is:unread');
  await expect(page.getByRole('button', { name: TIME_WARNER })).toBeVisible();

  // More on this: five related articles, reached by keyboard, one opened.
  await openArticle(page, TIME_WARNER);
  const more = page.getByRole('navigation', { name: 'More on this' });
  await expect(more.getByRole('button')).toHaveCount(5);
  const first = more.getByRole('button').first();
  const title = (await first.locator('.title').textContent()) ?? '';
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await app.close();
});
