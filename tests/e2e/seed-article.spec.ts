import { expect, test } from '@playwright/test';
import { launchApp } from './harness';
import { makeLibraryWithCli } from './library-fixture';
import { SEED_TITLE, openArticle } from './app-actions';

test('the seed article reads with its heading and attribution, and no site boilerplate', async () => {
  const dataDir = await makeLibraryWithCli(['seeds']);
  const app = await launchApp({ dataDir });
  const { page } = app;

  await openArticle(page, SEED_TITLE);

  const article = page.getByRole('article');
  await expect(article).toHaveAttribute('lang', 'fr');
  await expect(article.getByRole('heading', { level: 2 })).toHaveText('« Pause humanitaire » insuffisante');
  await expect(article.getByText('(Avec AFP)', { exact: true })).toBeVisible();
  await expect(article.getByText('Laisser un commentaire')).toBeHidden();
  await expect(article.getByText(/utilise des cookies/)).toBeHidden();

  // A quiet line says what was removed, and shows it on demand.
  const removed = article.getByText('3 blocks of site text were removed');
  await expect(removed).toBeVisible();
  await removed.click();
  await expect(article.getByText('Laisser un commentaire')).toBeVisible();

  await app.close();
});
