import { expect, test } from '@playwright/test';
import { launchApp } from './harness';
import { makeLibraryWithCli } from './library-fixture';
import { SEED_TITLE, shownProgress } from './app-actions';

test('an article can be found, read and left with the keyboard alone', async () => {
  const dataDir = await makeLibraryWithCli(['seeds', 'tests/fixtures/bbc-news/business/001.txt']);
  const app = await launchApp({ dataDir, viewport: { width: 1000, height: 600 } });
  const { page } = app;
  const keys = page.keyboard;

  // Sorted by title, "Ad sales…" comes before "Alep…". j moves into the list and down, k up.
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('title');
  await page.getByRole('combobox', { name: 'Sort by' }).blur();
  const seedRow = page.getByRole('button', { name: SEED_TITLE, exact: true });
  const otherRow = page.getByRole('button', { name: 'Ad sales boost Time Warner profit', exact: true });
  await keys.press('j');
  await expect(otherRow).toBeFocused();
  await keys.press('j');
  await expect(seedRow).toBeFocused();
  await keys.press('k');
  await expect(otherRow).toBeFocused();
  await keys.press('ArrowDown');
  await expect(seedRow).toBeFocused();

  // Enter opens it, with the focus on its title.
  await keys.press('Enter');
  const title = page.getByRole('heading', { level: 1, name: SEED_TITLE });
  await expect(title).toBeFocused();

  // Space pages down; the progress follows.
  await keys.press('Space');
  await expect.poll(() => shownProgress(page)).toBeGreaterThan(0);
  await keys.press('Space');
  const afterTwoPages = await shownProgress(page);
  await keys.press('Shift+Space');
  await expect.poll(() => shownProgress(page)).toBeLessThan(afterTwoPages);

  // p goes to the previous article in the library's order, n to the next.
  await keys.press('p');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Ad sales boost Time Warner profit' }),
  ).toBeFocused();
  await keys.press('n');
  await expect(title).toBeFocused();

  // ? lists the shortcuts; Escape closes the list, then goes back to the library.
  await keys.press('?');
  const overlay = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(overlay).toBeVisible();
  await expect(overlay.getByText('Next / previous article')).toBeVisible();
  await keys.press('Escape');
  await expect(overlay).toBeHidden();
  await keys.press('Escape');
  await expect(seedRow).toBeFocused();

  await app.close();
});

test('removing an article can be undone', async () => {
  const dataDir = await makeLibraryWithCli(['seeds']);
  const app = await launchApp({ dataDir });
  const { page } = app;

  await page.getByRole('button', { name: `Remove “${SEED_TITLE}”` }).click();
  await expect(page.getByText('Article removed from the library.')).toBeVisible();
  await expect(page.getByRole('button', { name: SEED_TITLE, exact: true })).toBeHidden();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: SEED_TITLE, exact: true })).toBeFocused();
  await app.close();
});
