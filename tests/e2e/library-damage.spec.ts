/** Damage is named, not hidden (issue 9 §4): a damaged progress file, the library still lists, a notice names the file. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { SEED_TITLE } from './app-actions';
import { expectNoAxeViolations } from './axe';
import { launchApp } from './harness';
import { makeLibraryWithCli } from './library-fixture';

const BBC = 'tests/fixtures/bbc-news/business/001.txt';

for (const locale of ['en-GB', 'fr-FR'] as const) {
  test(`a damaged progress.json: the library still lists and a notice names the file (${locale})`, async () => {
    const dataDir = await makeLibraryWithCli(['seeds', BBC]);
    const progressFile = join(dataDir, 'user', 'progress.json');
    const damaged = '{ "schemaVersion": 1, "progress": { "abc';
    await mkdir(join(dataDir, 'user'), { recursive: true });
    await writeFile(progressFile, damaged);
    const app = await launchApp({ dataDir, locale });
    const { page } = app;

    // The library still lists every article.
    await expect(page.getByRole('button', { name: SEED_TITLE, exact: true })).toBeVisible();
    const library = page.getByRole('list', { name: locale === 'fr-FR' ? 'Bibliothèque' : 'Library' });
    await expect(library.getByRole('listitem')).toHaveCount(2);

    // A calm notice (not an alert) says what happened, what it means and what to do, and names the file.
    const notice = page.getByRole('region', {
      name: locale === 'fr-FR' ? 'À propos de votre bibliothèque' : 'About your library',
    });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(progressFile);
    if (locale === 'fr-FR') {
      await expect(notice).toContainText('progression de lecture est endommagé');
      await expect(notice).toContainText('Restaurez-le depuis une sauvegarde');
      await expect(notice).not.toContainText('damaged');
    } else {
      await expect(notice).toContainText('reading progress file is damaged');
      await expect(notice).toContainText('Restore it from a backup');
    }
    // Calm and readable in each theme: axe-clean, and looked at (screenshots in /tmp).
    for (const theme of ['light', 'sepia', 'dark'] as const) {
      await page.evaluate(async (chosen) => {
        const gazette = (
          window as unknown as { gazette: { updateSettings(input: unknown): Promise<unknown> } }
        ).gazette;
        await gazette.updateSettings({ patch: { theme: chosen } });
      }, theme);
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(notice).toBeVisible();
      await expectNoAxeViolations(page, `the library-status notice (${locale}, ${theme})`);
      await page.screenshot({ path: `/tmp/gazette-library-status-${locale}-${theme}.png` });
    }
    // The file is kept as it was.
    expect(await readFile(progressFile, 'utf8')).toBe(damaged);

    // Dismissible; the library goes on.
    await notice.getByRole('button', { name: locale === 'fr-FR' ? 'Fermer' : 'Dismiss' }).click();
    await expect(notice).toBeHidden();
    await expect(library.getByRole('listitem')).toHaveCount(2);
    await app.close();
  });
}

test('a sound library shows no notice', async () => {
  const dataDir = await makeLibraryWithCli(['seeds']);
  const app = await launchApp({ dataDir });
  await expect(app.page.getByRole('button', { name: SEED_TITLE, exact: true })).toBeVisible();
  await expect(app.page.getByRole('region', { name: 'About your library' })).toHaveCount(0);
  await app.close();
});
