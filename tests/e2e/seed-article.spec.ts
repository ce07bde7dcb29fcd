import { expect, test } from '@playwright/test';
import { launchApp } from './harness';
import { makeLibraryWithCli } from './library-fixture';

test('the seed article reads with its heading and attribution, and no site boilerplate', async () => {
  const dataDir = await makeLibraryWithCli(['seeds']);
  const app = await launchApp({ dataDir });
  const { page } = app;

  await page.getByRole('button', { name: /Alep : vers un accord militaire/ }).click();

  const article = page.getByRole('article');
  await expect(article).toHaveAttribute('lang', 'fr');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(
    'Alep : vers un accord militaire entre les États-Unis et la Russie',
  );
  await expect(article.getByRole('heading', { level: 2 })).toHaveText('« Pause humanitaire » insuffisante');
  await expect(article.getByText('(Avec AFP)', { exact: true })).toBeVisible();
  await expect(article.getByText('Laisser un commentaire')).toHaveCount(0);
  await expect(article.getByText(/utilise des cookies/)).toHaveCount(0);

  await app.close();
});
