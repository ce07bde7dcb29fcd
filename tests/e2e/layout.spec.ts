/**
 * The app at home in any window (issue 13): at 320, 600 and 1200 CSS px wide, and at 200 % zoom
 * (a 1280×820 window at 200 % is a 640×410 CSS px viewport), the library, the reading page with
 * its panel open, the settings and the notebook reflow (no sideways scrolling, nothing past the
 * window's edge) and pass axe-core. Themes and languages rotate over the sizes so each theme and
 * both languages are checked; the screenshots go to docs/screenshots (the README shows them).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { launchApp } from './harness';
import { makeLibraryWithCli, makeTempDir } from './library-fixture';
import { reflowProblems, SEED_TITLE, openArticle } from './app-actions';
import { expectNoAxeViolations } from './axe';

const SHOTS = 'docs/screenshots';
const LONG_TOKEN = `https://example.org/${'a1b2c3d4e5'.repeat(20)}`;

const SIZES = [
  { name: '320', viewport: { width: 320, height: 640 }, theme: 'light', locale: 'en-GB', lang: 'en' },
  { name: '600', viewport: { width: 600, height: 800 }, theme: 'sepia', locale: 'fr-FR', lang: 'fr' },
  { name: '1200', viewport: { width: 1200, height: 820 }, theme: 'dark', locale: 'en-GB', lang: 'en' },
  { name: 'zoom200', viewport: { width: 640, height: 410 }, theme: 'dark', locale: 'fr-FR', lang: 'fr' },
] as const;

const STRINGS = {
  en: {
    panel: /^Highlights and notes/,
    settings: 'Settings',
    notebook: 'Notebook',
    more: 'More actions',
    filters: 'Filters',
  },
  fr: {
    panel: /^Surlignages et notes/,
    settings: 'Réglages',
    notebook: 'Carnet',
    more: 'Plus d’actions',
    filters: 'Filtres',
  },
} as const;

/** A library with the French seed, a few BBC articles and one article holding a very long unbroken token. */
async function makeLibrary(theme: string): Promise<string> {
  const folder = await makeTempDir('gazette-layout-src-');
  const section = join(folder, 'long-words');
  await mkdir(section);
  await writeFile(
    join(section, 'token.txt'),
    `A pasted address that never breaks\n\nSomeone pasted ${LONG_TOKEN} into this paragraph, which must wrap rather than widen the page.\n\nA second paragraph follows it.\n`,
  );
  const dataDir = await makeLibraryWithCli([
    'seeds',
    'tests/fixtures/bbc-news/politics/001.txt',
    'tests/fixtures/bbc-news/politics/002.txt',
    section,
  ]);
  await mkdir(join(dataDir, 'user'), { recursive: true });
  await writeFile(
    join(dataDir, 'user', 'settings.json'),
    JSON.stringify({ schemaVersion: 1, settings: { theme } }),
  );
  return dataDir;
}

async function check(page: Page, what: string): Promise<void> {
  expect(await reflowProblems(page), what).toEqual([]);
  await expectNoAxeViolations(page, what);
}

/** Clicks an action of the top bar, opening the "More" menu first when the window is narrow. */
async function barAction(page: Page, name: string, more: string): Promise<void> {
  const direct = page.getByRole('button', { name, exact: true });
  if (!(await direct.isVisible())) await page.getByRole('button', { name: more }).click();
  await direct.click();
}

for (const size of SIZES) {
  test(`at ${size.name} (${size.theme}, ${size.lang}): library, reading page with the panel, settings and notebook reflow and pass axe`, async () => {
    test.setTimeout(120_000);
    const strings = STRINGS[size.lang];
    const dataDir = await makeLibrary(size.theme);
    const app = await launchApp({ dataDir, viewport: size.viewport, locale: size.locale });
    const { page } = app;
    await expect(page.locator('html')).toHaveAttribute('data-theme', size.theme);
    const narrow = size.viewport.width < 1000;

    // The library; on a narrow window the filters fold behind a button and open over the list.
    await expect(page.getByRole('button', { name: SEED_TITLE, exact: true })).toBeVisible();
    await check(page, `the library at ${size.name}`);
    await page.screenshot({ path: `${SHOTS}/library-${size.name}-${size.theme}-${size.lang}.png` });
    if (narrow) {
      await page.getByRole('button', { name: strings.filters, exact: true }).click();
      // Open, it says "Hide filters".
      const toggle = page.locator('[aria-controls="library-filters"]');
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      await check(page, `the library's filters at ${size.name}`);
      await page.keyboard.press('Escape');
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    }

    // The article with a very long token: it wraps.
    await openArticle(page, 'A pasted address that never breaks');
    expect(await reflowProblems(page), 'an article with a long unbroken token').toEqual([]);
    await page
      .getByRole('button', { name: size.lang === 'fr' ? 'Retour à la bibliothèque' : 'Back to the library' })
      .click();

    // The reading page with the panel open, a highlight and a note with a long address in it.
    await openArticle(page, SEED_TITLE);
    await page.keyboard.press('s');
    await page.keyboard.press('h');
    await page.locator('#note-composer').fill(`To read again: ${LONG_TOKEN} **soon**`);
    await page.getByRole('heading', { level: 1 }).focus();
    const toggle = page.getByRole('button', { name: strings.panel });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('#annotations-panel strong')).toHaveText('soon');
    await check(page, `the reading page with the panel at ${size.name}`);
    await page.screenshot({ path: `${SHOTS}/reader-${size.name}-${size.theme}-${size.lang}.png` });

    // Settings.
    await barAction(page, strings.settings, strings.more);
    await expect(page.getByRole('dialog')).toBeVisible();
    await check(page, `the settings at ${size.name}`);
    await page.screenshot({ path: `${SHOTS}/settings-${size.name}-${size.theme}-${size.lang}.png` });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();

    // The notebook.
    await page.keyboard.press('Escape');
    await barAction(page, strings.notebook, strings.more);
    await expect(page.getByRole('heading', { level: 2, name: SEED_TITLE })).toBeVisible();
    await check(page, `the notebook at ${size.name}`);
    await page.screenshot({ path: `${SHOTS}/notebook-${size.name}-${size.theme}-${size.lang}.png` });
    await app.close();
  });
}
