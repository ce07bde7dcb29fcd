import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { launchApp } from './harness';
import { makeLibraryWithCli } from './library-fixture';
import { SEED_TITLE, openArticle } from './app-actions';

const SHOTS = 'test-results/screenshots';

const LANGUAGES = [
  {
    locale: 'en-GB',
    lang: 'en',
    settings: 'Settings',
    theme: { light: 'Light', sepia: 'Sepia', dark: 'Dark' },
    close: 'Close',
    back: 'Back to the library',
  },
  {
    locale: 'fr-FR',
    lang: 'fr',
    settings: 'Réglages',
    theme: { light: 'Clair', sepia: 'Sépia', dark: 'Sombre' },
    close: 'Fermer',
    back: 'Retour à la bibliothèque',
  },
] as const;

async function chooseTheme(
  page: Page,
  language: (typeof LANGUAGES)[number],
  theme: 'light' | 'sepia' | 'dark',
) {
  await page.getByRole('button', { name: language.settings, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('radio', { name: language.theme[theme] }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await expectNoAxeViolations(page, `the settings (${theme}, ${language.lang})`);
  await dialog.getByRole('button', { name: language.close }).click();
  await expect(dialog).toBeHidden();
}

for (const language of LANGUAGES) {
  for (const theme of ['light', 'sepia', 'dark'] as const) {
    test(`${theme} theme in ${language.lang}: library, reading page and settings pass axe-core`, async () => {
      const dataDir = await makeLibraryWithCli(['seeds', 'tests/fixtures/bbc-news/politics']);
      const app = await launchApp({ dataDir, locale: language.locale });
      const { page } = app;
      await expect(page.locator('html')).toHaveAttribute('lang', language.lang);

      await chooseTheme(page, language, theme);
      await expectNoAxeViolations(page, `the library (${theme}, ${language.lang})`);
      await page.screenshot({ path: `${SHOTS}/library-${theme}-${language.lang}.png` });

      await page.getByRole('button', { name: /^(Samples|Exemples)/ }).click();
      await openArticle(page, SEED_TITLE);
      await expectNoAxeViolations(page, `the reading page (${theme}, ${language.lang})`);
      await page.screenshot({ path: `${SHOTS}/reader-${theme}-${language.lang}.png` });

      // The choice is saved: it is still there after a reload.
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await app.close();
    });
  }
}

test('the theme follows the system by default', async () => {
  const dataDir = await makeLibraryWithCli(['seeds']);
  const dark = await launchApp({ dataDir, colorScheme: 'dark' });
  await expect(dark.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await dark.close();
  const light = await launchApp({ dataDir, colorScheme: 'light' });
  await expect(light.page.locator('html')).toHaveAttribute('data-theme', 'light');
  await light.close();
});
