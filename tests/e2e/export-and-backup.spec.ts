/**
 * Export, backup and restore from the app: the paths come from the system dialogs (the harness
 * answers for them), the files are written by the real services, and a restore into an empty
 * data folder brings back the articles, the highlight and its note.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { runGazette } from '../../src/cli/testing/run-gazette';
import { expectNoAxeViolations } from './axe';
import { launchApp } from './harness';
import { makeLibraryWithCli, makeTempDir } from './library-fixture';
import { SEED_TITLE, openArticle } from './app-actions';

const QUOTE = 'Washington n’a pas confirmé cette information.';
const NOTE = 'À vérifier dans la presse américaine.';

test('exports notes, backs up, and restores into an empty library', async () => {
  const dataDir = await makeLibraryWithCli(['seeds', 'tests/fixtures/bbc-news/business/001.txt']);
  const listed = JSON.parse((await runGazette(dataDir, 'list', '--json')).out) as Array<{
    id: string;
    title: string;
  }>;
  const seedId = listed.find((entry) => entry.title === SEED_TITLE)?.id ?? '';
  expect((await runGazette(dataDir, 'highlight', seedId, '--text', QUOTE, '--note', NOTE)).code).toBe(0);
  const outside = await makeTempDir('gazette-chosen-');
  const backupFile = join(outside, 'gazette-backup.json');

  let app = await launchApp({ dataDir });
  let { page } = app;
  await page.getByRole('button', { name: 'Export and backup' }).click();
  let dialog = page.getByRole('dialog', { name: 'Export and backup' });
  await expectNoAxeViolations(page, 'export and backup dialog');

  // Cancelling the system dialog says nothing and writes nothing.
  await dialog.getByRole('button', { name: 'Back up…' }).click();
  await expect(dialog.getByRole('status')).toHaveText('');
  expect(await readdir(outside)).toEqual([]);

  await app.setChosenFile(backupFile);
  await dialog.getByRole('button', { name: 'Back up…' }).click();
  await expect(dialog.getByRole('status')).toHaveText(
    `Backup saved: ${backupFile} (2 articles, 1 highlight, 0 notes).`,
  );
  expect(JSON.parse(await readFile(backupFile, 'utf8'))).toMatchObject({ format: 'gazette-backup' });

  // The library's highlights and notes as Markdown, one file per article, into a chosen folder.
  const notesFolder = join(outside, 'notes');
  await app.setChosenFile(notesFolder);
  await dialog.getByRole('radio', { name: /^Markdown/ }).check();
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByRole('status')).toHaveText(/^Saved 1 file: /);
  const [markdownName] = await readdir(notesFolder);
  await expect(dialog.getByRole('status')).toHaveText(
    `Saved 1 file: ${join(notesFolder, markdownName ?? '')}`,
  );
  await page.screenshot({ path: 'test-results/screenshots/export-and-backup-light-en.png' });
  const markdown = await readFile(join(notesFolder, markdownName ?? ''), 'utf8');
  expect(markdown).toContain(`> ${QUOTE}`);
  expect(markdown).toContain(NOTE);

  // Restoring a file that is not a backup is refused, with a clear message.
  await app.setChosenFile(join(notesFolder, markdownName ?? ''));
  await dialog.getByRole('button', { name: 'Restore from a backup…' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/not a Gazette backup|backup/i);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await app.close();

  // A new computer: an empty data folder, and the backup.
  const emptyDir = await makeTempDir('gazette-e2e-empty-');
  app = await launchApp({ dataDir: emptyDir, chosenFile: backupFile });
  page = app.page;
  await expect(page.getByText(/Your library is empty/)).toBeVisible();
  await page.getByRole('button', { name: 'Export and backup' }).click();
  dialog = page.getByRole('dialog', { name: 'Export and backup' });
  await dialog.getByRole('button', { name: 'Restore from a backup…' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Added from the backup: 2 articles, 1 highlight.');
  // Restoring the same backup again changes nothing, and says so.
  await dialog.getByRole('button', { name: 'Restore from a backup…' }).click();
  await expect(dialog.getByRole('status')).toHaveText(
    'This backup holds nothing that the library does not already have.',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('2 articles', { exact: true })).toBeVisible();

  await openArticle(page, SEED_TITLE);
  await page.getByRole('button', { name: /^Highlights and notes/ }).click();
  const panel = page.getByRole('complementary', { name: 'Highlights and notes' });
  await expect(panel.getByRole('button', { name: `Yellow highlight: ${QUOTE}` })).toBeVisible();
  await expect(panel.getByText(NOTE)).toBeVisible();

  // One article's notes from the side panel.
  const articleFile = join(outside, 'one-article.md');
  await app.setChosenFile(articleFile);
  await panel.getByRole('button', { name: 'Export as Markdown…' }).click();
  await expect(panel.getByRole('status')).toHaveText(`Saved 1 file: ${articleFile}`);
  expect(await readFile(articleFile, 'utf8')).toContain(NOTE);
  await app.close();
});
