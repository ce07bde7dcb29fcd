/**
 * Issue 13's remaining specs: the reader's Tab order, French plurals, dates per locale, and the
 * reading page's Undo notice staying on the reading page.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SEED_TITLE, openArticle } from './app-actions';
import { launchApp } from './harness';
import { makeLibraryWithCli } from './library-fixture';

/** Calls the app's API from the page, as the renderer does. */
async function call<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([name, payload]) => {
      const gazette = (window as unknown as { gazette: Record<string, (input: unknown) => Promise<unknown>> })
        .gazette;
      return gazette[name as string]?.(payload);
    },
    [method, input] as const,
  ) as Promise<T>;
}

/** What the focused element is, for a person: its role-ish tag and accessible text. */
async function focusedDescription(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'body';
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? '';
    return `${element.tagName.toLowerCase()}${element.closest('header') ? ' (header)' : ''}: ${name}`;
  });
}

test('in the reader, tabbing through the page never marks the article finished', async () => {
  const dataDir = await makeLibraryWithCli(['seeds']);
  const app = await launchApp({ dataDir, viewport: { width: 1200, height: 820 } });
  const { page } = app;
  await openArticle(page, SEED_TITLE);
  for (let press = 0; press < 8; press += 1) await page.keyboard.press('Tab');
  await page.waitForTimeout(1500); // the reading position is saved about once a second
  const [entry] = await call<{ id: string; state: string }[]>(page, 'listArticles', {});
  expect(entry?.state).not.toBe('finished');
  await app.close();
});

// Found by this spec and NOT fixed in this branch (the reading page's files belong to another
// engineer this round): after an article opens, focus is on its title, so Tab goes to the tag
// field, the article text, then the notes composer at the very end; the header's controls are
// reached only with Shift+Tab. `test.fail` keeps the spec running: it will fail (and say so)
// once the order is fixed, so the mark can be removed.
test.fail('in the reader, Tab starts with the header controls and never jumps to the notes', async () => {
  const dataDir = await makeLibraryWithCli(['seeds']);
  const app = await launchApp({ dataDir, viewport: { width: 1200, height: 820 } });
  const { page } = app;
  await openArticle(page, SEED_TITLE);
  const notesBox = page.getByRole('textbox', { name: 'Write a note' });
  const seen: string[] = [];
  for (let press = 0; press < 8; press += 1) {
    await page.keyboard.press('Tab');
    seen.push(await focusedDescription(page));
    await expect(notesBox).not.toBeFocused({ timeout: 500 });
  }
  // The first stops are the reading page's header controls (back first).
  expect(seen[0]).toMatch(/\(header\).*Back to the library/);
  expect(seen.slice(0, 3).every((stop) => stop.includes('(header)'))).toBe(true);
  await app.close();
});

test('French plurals in the notebook: 0 entrée, 1 entrée, 2 entrées', async () => {
  const dataDir = await makeLibraryWithCli(['seeds']);
  const app = await launchApp({ dataDir, locale: 'fr-FR' });
  const { page } = app;
  await expect(page.getByRole('button', { name: SEED_TITLE, exact: true })).toBeVisible();
  const notebookButton = page.getByRole('button', { name: 'Carnet', exact: true });
  const libraryButton = page.getByRole('button', { name: 'Bibliothèque', exact: true });
  const [entry] = await call<{ id: string }[]>(page, 'listArticles', {});
  const id = entry?.id ?? '';

  await notebookButton.click();
  await expect(page.getByRole('main', { name: /^0 entrée\b/ })).toBeVisible();
  await expect(page.getByRole('main', { name: /1 entrée/ })).toHaveCount(0);

  await call(page, 'addNote', { id, text: 'Une première note' });
  await libraryButton.click();
  await notebookButton.click();
  await expect(page.getByRole('main', { name: /^1 entrée\b/ })).toBeVisible();

  await call(page, 'addNote', { id, text: 'Une seconde note' });
  await libraryButton.click();
  await notebookButton.click();
  await expect(page.getByRole('main', { name: /^2 entrées\b/ })).toBeVisible();
  await app.close();
});

const DATED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour reopens after the storm</title>
<meta property="article:published_time" content="2016-08-12">
</head><body><article><h1>Harbour reopens after the storm</h1>
<p>The harbour reopened on Friday after a week of repairs to the sea wall, the port authority said.</p>
<p>Fishing boats were the first to leave, followed by the ferry to the islands, which had been cancelled since Monday.</p>
<p>Engineers said the wall would be inspected again in the spring, when the tides are at their highest.</p>
</article></body></html>`;

for (const [locale, shown] of [
  ['en-GB', '12 August 2016'],
  ['en-US', 'August 12, 2016'],
  ['fr-FR', '12 août 2016'],
] as const) {
  test(`dates follow the system's locale: ${locale} shows ${shown}`, async () => {
    const folder = await mkdtemp(join(tmpdir(), 'gazette-dated-'));
    const file = join(folder, 'harbour.html');
    await writeFile(file, DATED_PAGE);
    const dataDir = await makeLibraryWithCli([file]);
    const app = await launchApp({ dataDir, locale });
    const { page } = app;
    await openArticle(page, 'Harbour reopens after the storm');
    await expect(page.locator('time[datetime="2016-08-12"]')).toContainText(shown);
    await app.close();
  });
}

test('the "Highlight deleted — Undo" notice does not follow the reader back to the library', async () => {
  const dataDir = await makeLibraryWithCli(['seeds']);
  const app = await launchApp({ dataDir, viewport: { width: 1200, height: 820 } });
  const { page } = app;
  const [entry] = await call<{ id: string }[]>(page, 'listArticles', {});
  await call(page, 'addHighlight', { id: entry?.id, start: 0, end: 20 });
  await openArticle(page, SEED_TITLE);
  const toggle = page.getByRole('button', { name: /^Highlights and notes/ });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  const panel = page.getByRole('complementary', { name: 'Highlights and notes' });
  await panel
    .getByRole('button', { name: /highlight:/ })
    .first()
    .click();
  await page
    .getByRole('dialog', { name: 'Highlight' })
    .getByRole('button', { name: 'Delete highlight' })
    .click();
  await expect(page.getByText('Highlight deleted.')).toBeVisible();
  await page.getByRole('button', { name: 'Back to the library' }).click();
  await expect(page.getByRole('button', { name: SEED_TITLE, exact: true })).toBeVisible();
  await expect(page.getByText('Highlight deleted.')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await app.close();
});

test('the import summary words each reason in French, with no English sentence from the services', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'gazette-reasons-'));
  const empty = join(folder, 'vide.txt');
  const binary = join(folder, 'binaire.txt');
  const good = join(folder, 'bon.txt');
  await writeFile(empty, '');
  await writeFile(binary, Buffer.from([0x47, 0x61, 0x00, 0x7a, 0x00, 0x01, 0x02]));
  await writeFile(
    good,
    'Le port rouvre après la tempête\n\nLe port a rouvert vendredi après une semaine de travaux sur la digue, a indiqué la capitainerie.\n',
  );
  const dataDir = await makeLibraryWithCli(['seeds']);
  const app = await launchApp({ dataDir, locale: 'fr-FR', dialogPaths: [empty, binary, good] });
  const { page } = app;
  await page.getByRole('button', { name: 'Importer des fichiers…' }).first().click();
  const summary = page.getByRole('dialog', { name: 'Import terminé' });
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('1 article importé');
  await expect(summary).toContainText('2 fichiers en échec');
  await expect(summary).toContainText('vide.txt\u202f: fichier vide');
  await expect(summary).toContainText('binaire.txt\u202f: fichier binaire');
  for (const english of ['empty file', 'binary file', 'not an article']) {
    await expect(summary).not.toContainText(english);
  }
  await page.screenshot({ path: '/tmp/gazette-import-summary-fr.png' });
  await app.close();
});
