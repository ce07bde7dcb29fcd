/**
 * Finding things: search from the keyboard and land on the marked match; tags from the reading
 * page and the library, the tag filter, renaming a tag; a saved view that survives a restart.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { launchApp } from './harness';
import { makeLibraryWithCli } from './library-fixture';
import { SEED_TITLE, openArticle } from './app-actions';

const TIME_WARNER = 'Ad sales boost Time Warner profit';

function searchBox(page: Page) {
  return page.getByRole('searchbox', { name: 'Search articles, highlights and notes' });
}

/** The words the reading page marks as the search match (the CSS Custom Highlight API's ranges). */
function markedMatch(page: Page): Promise<{ text: string; top: number; bottom: number } | null> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('gazette-search');
    const [range] = highlight ? [...highlight] : [];
    if (!(range instanceof Range)) return null;
    const rect = range.getBoundingClientRect();
    return { text: range.toString(), top: rect.top, bottom: rect.bottom };
  });
}

test('search from the keyboard, open a result, land on the marked match', async () => {
  const dataDir = await makeLibraryWithCli(['seeds', 'tests/fixtures/bbc-news/business']);
  const app = await launchApp({ dataDir, viewport: { width: 1200, height: 640 } });
  const { page } = app;

  // `/` puts the focus in the search box from anywhere in the library: here, from the list.
  await page.keyboard.press('j');
  await expect(page.locator('.entry button.open:focus')).toHaveCount(1);
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();

  // A plural in French: "négociation" finds the seed's "négociations", marked in the snippet.
  await page.keyboard.type('négociation');
  const results = page.getByRole('region', { name: /found for “négociation”/ });
  await expect(results.getByRole('heading', { level: 2 })).toHaveText(
    /^\d+ articles? found for “négociation”$/,
  );
  const seedResult = results
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: SEED_TITLE }) });
  await expect(seedResult.locator('mark').first()).toHaveText('négociations');
  await expectNoAxeViolations(page, 'search results');

  // A common word: a first page of results, and more on demand.
  await searchBox(page).fill('year');
  await expect(page.getByRole('heading', { name: '20 articles found for “year”' })).toBeVisible();
  await page.getByRole('button', { name: 'Show more results' }).click();
  await expect(page.getByRole('heading', { name: '40 articles found for “year”' })).toBeVisible();
  await expect(page.locator('.results .result')).toHaveCount(40);
  await searchBox(page).focus();

  // Ctrl+K goes back to the box with the words selected; a name deep in the article replaces them.
  await page.keyboard.press('Escape');
  await expect(searchBox(page)).toHaveValue('');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+k');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('lavrov');
  await expect(page.getByRole('heading', { name: '1 article found for “lavrov”' })).toBeVisible();
  // ↓ from the box reaches the results: the title, then the match in the text.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: SEED_TITLE })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const match = page.getByRole('button', { name: /^Text .*Lavrov/ });
  await expect(match).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Showing the match' })).toHaveText(
    'Showing the match for “Lavrov”.',
  );
  await expect.poll(() => markedMatch(page).then((marked) => marked?.text)).toBe('Lavrov');
  const marked = await markedMatch(page);
  const viewport = page.viewportSize();
  expect(marked?.top).toBeGreaterThan(0);
  expect(marked?.bottom).toBeLessThan(viewport?.height ?? 0);
  await page.screenshot({ path: 'test-results/screenshots/search-match-light-en.png' });

  // Back in the library, the results are still there.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: '1 article found for “lavrov”' })).toBeVisible();
  await expect(searchBox(page)).toHaveValue('lavrov');
  await app.close();
});

test('tags from the reading page and the library, the tag filter, and a saved view after a restart', async () => {
  const business = ['001', '002', '003'].map((name) => `tests/fixtures/bbc-news/business/${name}.txt`);
  const dataDir = await makeLibraryWithCli(['seeds', ...business]);
  let app = await launchApp({ dataDir });
  let { page } = app;

  // Tag the seed on its reading page.
  await openArticle(page, SEED_TITLE);
  const tagField = page.getByRole('combobox', { name: 'Add a tag' });
  await tagField.fill('syrie');
  await tagField.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove the tag syrie' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page
    .getByRole('button', { name: 'Back to the library' })
    .click()
    .catch(() => undefined);

  // Tag another article from the library.
  await page.getByRole('button', { name: `Tags of “${TIME_WARNER}”` }).click();
  const dialog = page.getByRole('dialog', { name: `Tags of “${TIME_WARNER}”` });
  await dialog.getByRole('combobox', { name: 'Add a tag' }).fill('syrie, media');
  await dialog.getByRole('combobox', { name: 'Add a tag' }).press('Enter');
  await expect(dialog.getByRole('button', { name: 'Remove the tag media' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Filter by a tag from the side list.
  const tags = page.getByRole('group', { name: 'Tags' });
  await tags.getByRole('button', { name: /syrie/ }).click();
  await expect(page.getByText('2 articles', { exact: true })).toBeVisible();
  await tags.getByRole('button', { name: /media/ }).click();
  await expect(page.getByText('1 article', { exact: true })).toBeVisible();
  await tags.getByRole('button', { name: /media/ }).click();

  // The tag chosen in the side list is a field term in the box; words and the tag, saved as a view.
  await expect(searchBox(page)).toHaveValue('tag:syrie');
  await searchBox(page).fill('profit tag:syrie');
  await expect(page.getByRole('heading', { name: '1 article found for “profit tag:syrie”' })).toBeVisible();
  await page.getByRole('button', { name: 'Save as view…' }).click();
  await page.getByRole('textbox', { name: 'Name of the view' }).fill('Syria and profits');
  await page.getByRole('button', { name: 'Save view' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'Saved views' })
      .getByRole('button', { name: 'Syria and profits', exact: true }),
  ).toBeVisible();
  await app.close();

  // After a restart the view is there; choosing it brings back its words and its tag.
  app = await launchApp({ dataDir });
  page = app.page;
  const views = page.getByRole('navigation', { name: 'Saved views' });
  await views.getByRole('button', { name: 'Syria and profits', exact: true }).click();
  await expect(searchBox(page)).toHaveValue('profit tag:syrie');
  await expect(
    page.getByRole('group', { name: 'Tags' }).getByRole('button', { name: /syrie/ }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { name: '1 article found for “profit tag:syrie”' })).toBeVisible();
  await expect(page.getByRole('button', { name: TIME_WARNER })).toBeVisible();
  await expectNoAxeViolations(page, 'library with a saved view and a tag filter');
  await page.screenshot({ path: 'test-results/screenshots/search-view-light-en.png' });

  // Renaming a tag changes it everywhere, including the saved view.
  await page.getByRole('button', { name: 'Manage tags…' }).click();
  const manage = page.getByRole('dialog', { name: 'Tags' });
  await manage.getByRole('button', { name: 'Rename the tag syrie' }).click();
  await manage.getByRole('textbox', { name: 'New name for syrie' }).fill('syria');
  await manage.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(manage.getByRole('status')).toHaveText('syrie is now syria on 2 articles.');
  await manage.getByRole('button', { name: 'Close' }).click();
  await expect(
    page.getByRole('group', { name: 'Tags' }).getByRole('button', { name: /syria/ }),
  ).toHaveAttribute('aria-pressed', 'true');
  await expect(searchBox(page)).toHaveValue('profit tag:syria');
  await expect(views.getByRole('button', { name: 'Syria and profits', exact: true })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await app.close();
});

test('a missing search index is rebuilt with visible progress, then the search answers', async () => {
  // The whole BBC corpus and no index file yet: the first search builds it on a worker thread.
  const dataDir = await makeLibraryWithCli(['seeds', 'tests/fixtures/bbc-news']);
  const app = await launchApp({ dataDir });
  const { page } = app;
  // Everything the window says about the index while it is built, however briefly it shows.
  await page.evaluate(() => {
    const seen: string[] = [];
    (globalThis as unknown as { indexMessages: string[] }).indexMessages = seen;
    new MutationObserver(() => {
      for (const element of document.querySelectorAll('.index-progress, .masthead .status')) {
        const text = element.textContent?.trim() ?? '';
        if (text !== '' && !seen.includes(text)) seen.push(text);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await searchBox(page).fill('Kenteris');
  await expect(page.getByRole('heading', { name: /articles? found for “Kenteris”/ })).toBeVisible({
    timeout: 20_000,
  });
  const messages = await page.evaluate(
    () => (globalThis as unknown as { indexMessages: string[] }).indexMessages,
  );
  expect(messages.some((message) => /^Building the search index/.test(message))).toBe(true);
  // Once built, the indicator is gone.
  await expect(page.locator('.index-progress')).toHaveCount(0);
  await app.close();
});
