import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { launchApp } from './harness';
import { makeLibraryWithCli, makeTempDir } from './library-fixture';

test('importing from the app shows what happened to every file, and the library updates', async () => {
  const dataDir = await makeLibraryWithCli(['seeds']);
  const folder = await makeTempDir('gazette-import-');
  await writeFile(join(folder, 'empty.txt'), '');
  await writeFile(join(folder, 'photo.jpg'), 'not an article');
  const app = await launchApp({
    dataDir,
    // What the system's dialog returns when the reader picks these:
    dialogPaths: [
      resolve('tests/fixtures/bbc-news/business/001.txt'),
      resolve('tests/fixtures/bbc-news/business/002.txt'),
      resolve('seeds/000_fa55918c37a99e94.txt'),
      folder,
    ],
  });
  const { page } = app;

  await page.getByRole('button', { name: 'Import files…' }).click();
  const summary = page.getByRole('dialog', { name: 'Import finished' });
  await expect(summary).toBeVisible();
  await expect(summary.getByText('2 articles imported')).toBeVisible();
  await expect(summary.getByText('1 already in the library')).toBeVisible();
  await expect(summary.getByText('1 file skipped')).toBeVisible();
  await expect(summary.getByText('1 file failed')).toBeVisible();
  await expect(summary.getByText(/empty\.txt.*empty file/)).toBeVisible();
  await expect(summary.getByText(/photo\.jpg/)).toBeVisible();
  await summary.getByRole('button', { name: 'Close' }).click();

  await expect(
    page.getByRole('button', { name: 'Ad sales boost Time Warner profit', exact: true }),
  ).toBeVisible();
  await expect(page.getByText('3 articles', { exact: true })).toBeVisible();
  await app.close();
});
