/**
 * The daily review, end to end on the French seed: highlights and a note made with the command
 * line come back in the review; the reader opens one in its article and comes back, grades from
 * the keyboard (3 good, 1 again), edits a note, retires one; after a restart the grades, the
 * retirement and the edited note are all there and nothing is due again today.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { runCli } from '../../src/cli/run-cli';
import { articleIdForSource } from '../../src/node/store';
import { launchApp } from './harness';
import { makeLibraryWithCli } from './library-fixture';
import { SEED_TITLE } from './app-actions';

const SEED = articleIdForSource(join(process.cwd(), 'seeds', '000_fa55918c37a99e94.txt'));

async function gazette(dataDir: string, ...argv: string[]): Promise<void> {
  const errors: string[] = [];
  const code = await runCli([...argv, '--data', dataDir], {
    out: () => {},
    err: (text) => errors.push(text),
    env: {},
    terminal: false,
  });
  if (code !== 0) throw new Error(`gazette ${argv[0]} failed (${code}): ${errors.join('\n')}`);
}

test('a review session graded from the keyboard survives a restart', async () => {
  test.setTimeout(90_000);
  const dataDir = await makeLibraryWithCli(['seeds']);
  await gazette(dataDir, 'highlight', SEED, '--text', 'Nous avançons étape par étape', '--note', 'Le cœur.');
  await gazette(dataDir, 'highlight', SEED, '--text', 'la plus importante depuis le début du conflit');
  await gazette(dataDir, 'note', SEED, '--text', 'Relire la partie sur les négociations.');

  let app = await launchApp({ dataDir });
  let { page } = app;
  // The number due is shown in the library.
  await expect(page.getByRole('button', { name: 'Daily review (3)' })).toBeVisible();
  await page.keyboard.press('v');
  await expect(page.getByRole('heading', { level: 1, name: 'Daily review' })).toBeVisible();
  const review = page.getByRole('main');
  await expect(review.getByText('1 of 3')).toBeVisible();
  await expect(review.locator('blockquote')).toHaveText('Nous avançons étape par étape');
  await expect(review.getByText('Le cœur.')).toBeVisible();

  // Open it in its article (o), and come back to the same card.
  await page.keyboard.press('o');
  await expect(page.getByRole('heading', { level: 1, name: SEED_TITLE })).toBeVisible();
  // The article opens with the highlight's editor open, as from the notebook: Escape closes it, then goes back.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(review.getByText('1 of 3')).toBeVisible();

  // 3: good.
  await page.keyboard.press('3');
  await expect(review.getByText('2 of 3')).toBeVisible();
  await expect(review.locator('blockquote')).toHaveText('la plus importante depuis le début du conflit');
  // e: edit the note, then 1: again.
  await page.keyboard.press('e');
  const textarea = review.getByLabel('Your note');
  await expect(textarea).toBeFocused();
  await textarea.fill('À suivre de près.');
  await review.getByRole('button', { name: 'Save the note' }).click();
  await expect(review.getByText('À suivre de près.')).toBeVisible();
  await page.keyboard.press('1');
  await expect(review.getByText('3 of 3')).toBeVisible();
  await expect(review.getByText('Relire la partie sur les négociations.')).toBeVisible();
  // x: retire the note.
  await page.keyboard.press('x');
  await expect(review.getByText(/Done for today/)).toBeVisible();
  await app.close();

  // The grades are on disk, in the review file, keyed by annotation id.
  const saved = JSON.parse(await readFile(join(dataDir, 'user', 'review.json'), 'utf8')) as {
    records: Record<string, { history: Array<{ rating: string }>; retiredAt?: string }>;
  };
  const records = Object.values(saved.records);
  expect(records.map((record) => record.history.map((entry) => entry.rating)).sort()).toEqual([
    [],
    ['again'],
    ['good'],
  ]);
  expect(records.filter((record) => record.retiredAt !== undefined)).toHaveLength(1);

  // Restart: nothing is due again today, the two grades count as today's reviews, the note is kept.
  app = await launchApp({ dataDir });
  page = app.page;
  await expect(page.getByRole('button', { name: 'Daily review', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Daily review', exact: true }).click();
  await expect(page.getByRole('main').getByText('Done for today: 2 reviewed.')).toBeVisible();
  // The edited note is the highlight's, as the command line lists it.
  const listed: string[] = [];
  await runCli(['annotations', SEED, '--json', '--data', dataDir], {
    out: (text) => listed.push(text),
    err: () => {},
    env: {},
    terminal: false,
  });
  expect(listed.join('\n')).toContain('À suivre de près.');
  await app.close();
});
