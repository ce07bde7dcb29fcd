/**
 * The window can never name a path (issue 9 §2): paths reach the services from the main
 * process's dialogs, or as one-time tokens for files dropped on the window. A page script trying
 * every way through `window.gazette` to read /etc/hostname is refused, and nothing is imported;
 * a real drop imports.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { GazetteApi } from '../../src/core/ipc/contract';
import { launchApp } from './harness';
import { makeLibraryWithCli } from './library-fixture';

const HOSTNAME = '/etc/hostname';

/** The page's `window`, as the preload (or the test bridge) made it. */
type AppWindow = Window & { gazette: GazetteApi };

/** How many articles the library holds, asked through the page's own API. */
async function librarySize(page: Page): Promise<number> {
  return page.evaluate(async () => (await (window as unknown as AppWindow).gazette.listArticles({})).length);
}

test('a page script cannot make Gazette read /etc/hostname', async () => {
  const app = await launchApp({ dataDir: await makeLibraryWithCli(['seeds']) });
  const { page } = app;
  const before = await librarySize(page);

  const attempts = await page.evaluate(async (path) => {
    const api = (window as unknown as AppWindow).gazette as unknown as Record<string, unknown>;
    const outcome = async (attempt: () => Promise<unknown>): Promise<string> => {
      try {
        return `accepted: ${JSON.stringify(await attempt())}`;
      } catch (error) {
        return `refused: ${error instanceof Error ? `${error.name} ${error.message}` : String(error)}`;
      }
    };
    const call = (method: string, input: unknown) => async () =>
      (api[method] as (input: unknown) => Promise<unknown>)(input);
    return {
      importPathsExposed: typeof api['importPaths'],
      importPaths: await outcome(call('importPaths', { paths: [path] })),
      pathAsToken: await outcome(call('importDropped', { tokens: [path] })),
      madeUpToken: await outcome(call('importDropped', { tokens: ['0f0e0d0c-0b0a-4908-8706-050403020100'] })),
      // A File a script makes has no path, whatever its name: no token is given for it.
      scriptFile: await outcome(() =>
        (window as unknown as AppWindow).gazette.dropTokens([
          new File(['x'], path),
          new File(['x'], 'hostname'),
        ]),
      ),
      notAFile: await outcome(() =>
        (window as unknown as AppWindow).gazette.dropTokens([path] as unknown as Blob[]),
      ),
      // Paths are never an input of the dialogs' methods either.
      restoreWithPath: await outcome(call('restoreLibrary', { path })),
      exportWithPath: await outcome(call('saveExport', { format: 'json', path })),
    };
  }, HOSTNAME);

  expect(attempts.importPathsExposed).toBe('undefined');
  expect(attempts.importPaths).toMatch(/^refused/);
  expect(attempts.pathAsToken).toMatch(/^refused: InvalidInput .*not a drop token/);
  expect(attempts.madeUpToken).toMatch(/^refused: DropRefused/);
  expect(attempts.scriptFile).toBe('accepted: []');
  expect(attempts.notAFile).toBe('accepted: []');
  expect(attempts.restoreWithPath).toMatch(/^refused: InvalidInput/);
  expect(attempts.exportWithPath).toMatch(/^refused: InvalidInput/);

  if (test.info().project.metadata['target'] !== 'electron') {
    // Under the page's API, the bridge itself (standing for ipcRenderer, which a page cannot
    // reach in the app) carries neither importPaths nor a path the system did not drop.
    const raw = await page.evaluate(async (path) => {
      const bridge = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .find((name) => /\/__bridge\/\d+$/.test(name));
      const post = async (url: string, body: unknown) =>
        (await (await fetch(url, { method: 'POST', body: JSON.stringify(body) })).json()) as {
          ok: boolean;
          error?: { code: string };
        };
      return {
        importPaths: await post(bridge ?? '', { method: 'importPaths', payload: { paths: [path] } }),
        grant: await post(`${bridge}/drop`, { paths: [path] }),
      };
    }, HOSTNAME);
    expect(raw.importPaths).toMatchObject({ ok: false, error: { code: 'UnknownMethod' } });
    expect(raw.grant).toMatchObject({ ok: false, error: { code: 'DropRefused' } });
  }

  // Nothing was imported: the same articles, none of them the host's name.
  expect(await librarySize(page)).toBe(before);
  const hostname = readFileSync(HOSTNAME, 'utf8').trim();
  const titles = await page.evaluate(async () =>
    (await (window as unknown as AppWindow).gazette.listArticles({})).map((entry) => entry.title),
  );
  if (hostname) expect(titles).not.toContain(hostname);
  await app.close();
});

test('files dropped on the window are imported', async () => {
  const app = await launchApp({ dataDir: await makeLibraryWithCli(['seeds']) });
  const { page } = app;
  await expect(page.getByText('1 article', { exact: true })).toBeVisible();

  await app.dropFiles([
    resolve('tests/fixtures/bbc-news/business/001.txt'),
    resolve('tests/fixtures/bbc-news/business/002.txt'),
  ]);
  const summary = page.getByRole('dialog', { name: 'Import finished' });
  await expect(summary.getByText('2 articles imported')).toBeVisible();
  await summary.getByRole('button', { name: 'Close' }).click();
  await expect(
    page.getByRole('button', { name: 'Ad sales boost Time Warner profit', exact: true }),
  ).toBeVisible();
  await expect(page.getByText('3 articles', { exact: true })).toBeVisible();
  await app.close();
});
