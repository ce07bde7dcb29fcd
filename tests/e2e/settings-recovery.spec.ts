/** A damaged settings file: the app says so in its language, offers a way out, and keeps the file. */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { launchApp } from './harness';
import { makeLibraryWithCli } from './library-fixture';
import { SEED_TITLE } from './app-actions';

test('a damaged settings file offers Reset settings in French, with no uncaught error before or after', async () => {
  const dataDir = await makeLibraryWithCli(['seeds']);
  const damaged = '{ "schemaVersion": 1, "settings": { "theme": "dark", ';
  await mkdir(join(dataDir, 'user'), { recursive: true });
  await writeFile(join(dataDir, 'user', 'settings.json'), damaged);
  const app = await launchApp({ dataDir, locale: 'fr-FR' });
  const { page } = app;

  const alert = page.getByRole('alert').filter({ hasText: 'fichier de réglages est endommagé' });
  await expect(alert).toBeVisible();
  // No path, no JSON parse column, no English.
  await expect(alert).not.toContainText('settings.json');
  await expect(alert).not.toContainText('JSON');
  // Shortcuts that change settings still work on screen, without throwing (the harness fails on page errors).
  await page.keyboard.press('t');
  await page.keyboard.press('+');
  await expect(page.getByRole('button', { name: SEED_TITLE, exact: true })).toBeVisible();

  await alert.getByRole('button', { name: 'Réinitialiser les réglages' }).click();
  await expect(alert).toBeHidden();
  await expect(page.getByText(/Réglages réinitialisés\. Le fichier endommagé a été conservé/)).toBeVisible();
  const kept = (await readdir(join(dataDir, 'user'))).filter((name) => name.startsWith('settings.damaged-'));
  expect(kept).toHaveLength(1);
  expect(await readFile(join(dataDir, 'user', kept[0] ?? ''), 'utf8')).toBe(damaged);

  // Saving works again.
  await page.keyboard.press('t');
  await expect
    .poll(async () => readFile(join(dataDir, 'user', 'settings.json'), 'utf8').catch(() => ''))
    .toContain('"theme"');
  await app.close();
});

test('after clicking a reading-state radio or the sort menu, j, / and ? still work; French key caps', async () => {
  const dataDir = await makeLibraryWithCli(['seeds', 'tests/fixtures/bbc-news/business/001.txt']);
  const app = await launchApp({ dataDir, locale: 'fr-FR' });
  const { page } = app;
  await page.getByRole('radio', { name: 'Non lus' }).click();
  await page.keyboard.press('j');
  await expect(page.getByRole('list', { name: 'Bibliothèque' }).getByRole('button').first()).toBeFocused();
  await page.getByRole('combobox', { name: 'Trier par' }).selectOption('title');
  await page.keyboard.press('?');
  const overlay = page.getByRole('dialog', { name: 'Raccourcis clavier' });
  await expect(overlay).toBeVisible();
  // The library's shortcuts only, with French key names and Ctrl (not ⌘) off macOS.
  await expect(overlay.locator('kbd kbd', { hasText: 'Entrée' })).toBeVisible();
  await expect(overlay.locator('kbd kbd', { hasText: 'Suppr' })).toBeVisible();
  await expect(overlay.locator('kbd kbd', { hasText: 'Ctrl' }).first()).toBeVisible();
  await expect(overlay).not.toContainText('⌘');
  await expect(overlay).not.toContainText('Enter');
  await expect(overlay).not.toContainText('Article suivant / précédent');
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Trier par' }).focus();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox')).toBeFocused();
  await app.close();
});
