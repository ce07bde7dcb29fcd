import { expect, test } from '@playwright/test';
import { launchApp } from './harness';
import { makeLibraryWithCli } from './library-fixture';

test('coming back from an article finds the library as it was left: section, sort and scroll', async () => {
  const dataDir = await makeLibraryWithCli([
    'seeds',
    'tests/fixtures/bbc-news/politics',
    'tests/fixtures/bbc-news/sport',
  ]);
  const app = await launchApp({ dataDir });
  const { page } = app;

  await page.getByRole('button', { name: /^sport/i }).click();
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('title');
  const list = page.getByRole('list', { name: 'Library' });
  // Scroll well down the list, then open the first article in view.
  await list.evaluate((element) => {
    const viewport = element.parentElement;
    if (viewport) viewport.scrollTop = 104 * 120;
  });
  const rows = list.getByRole('listitem');
  await expect(rows.first()).toHaveAttribute('aria-posinset', /^1[01]\d$/);
  const scrolled = await list.evaluate((element) => element.parentElement?.scrollTop ?? 0);
  const inView = list.getByRole('button', { name: /^(?!Remove|Tags of)/ }).nth(8);
  const title = (await inView.textContent())?.trim() ?? '';
  await inView.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  await page.getByRole('button', { name: 'Back to the library' }).click();
  await expect(page.getByRole('button', { name: title, exact: true })).toBeFocused();
  await expect(page.getByRole('button', { name: /^sport/i })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('title');
  expect(await list.evaluate((element) => element.parentElement?.scrollTop ?? 0)).toBeCloseTo(scrolled, -2);
  await app.close();
});
