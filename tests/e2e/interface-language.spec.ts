import { expect, test } from '@playwright/test';
import { launchApp } from './harness';
import { makeLibraryWithCli } from './library-fixture';
import { SEED_TITLE, openArticle } from './app-actions';

test('the interface is in French on a French system, and the article keeps its own language', async () => {
  const dataDir = await makeLibraryWithCli(['seeds']);
  const app = await launchApp({ dataDir, locale: 'fr-FR' });
  const { page } = app;

  await expect(page.getByRole('heading', { level: 1, name: 'Bibliothèque' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importer des fichiers…' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Non lus' })).toBeVisible();
  await expect(page.getByText('1 article', { exact: true })).toBeVisible();

  await openArticle(page, SEED_TITLE);
  await expect(page.getByRole('button', { name: 'Retour à la bibliothèque' })).toBeVisible();
  // At the top the header says the reading time once (no "Encore 3 min" beside "3 min").
  await expect(page.getByRole('group', { name: 'À propos de cet article' })).toContainText('3 min');
  await expect(page.getByText('Encore 3 min')).toBeHidden();
  await expect(page.getByRole('article')).toHaveAttribute('lang', 'fr');
  await app.close();
});

test('the interface is in English on an English system, and follows an override in the settings', async () => {
  const dataDir = await makeLibraryWithCli(['seeds', 'tests/fixtures/bbc-news/sport']);
  const app = await launchApp({ dataDir, locale: 'en-US' });
  const { page } = app;

  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeVisible();
  await expect(page.getByText(/^\d{3} articles$/)).toBeVisible();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('combobox', { name: 'Interface language' }).selectOption('fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Bibliothèque' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByRole('button', { name: 'Fermer' }).click();

  await expect(page.getByRole('radio', { name: 'Non lus' })).toBeVisible();
  await page.waitForTimeout(500); // the settings are saved a moment after the last change
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Bibliothèque' })).toBeVisible();
  await app.close();
});
