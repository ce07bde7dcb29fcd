import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importIntoLibrary } from '../library/import-into-library';
import { LibraryStore } from '../store';
import { ParsePool } from './parse-pool';
import { readArticleFile } from './read-article-file';

const ROOT = resolve(import.meta.dirname, '../../..');
const pool = ParsePool.forSources();
afterAll(() => pool.close());

describe('ParsePool', () => {
  it('gives the same outcome on its workers as readArticleFile on this thread, in order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gazette-pool-'));
    await writeFile(join(dir, 'empty.txt'), '');
    const paths = [
      join(ROOT, 'seeds/000_fa55918c37a99e94.txt'),
      join(dir, 'empty.txt'),
      join(ROOT, 'tests/fixtures/bbc-news/sport/101.txt'),
      join(dir, 'missing.txt'),
    ];
    const fromWorkers = await pool.parseMany(paths);
    const here = await Promise.all(paths.map((path) => readArticleFile(path)));
    expect(fromWorkers).toEqual(here);
  });

  it('imports the BBC corpus to the same library and report as the single-thread import', async () => {
    const corpus = join(ROOT, 'tests/fixtures/bbc-news');
    const libraries = await Promise.all(
      [undefined, pool].map(async (parsePool) => {
        const store = await LibraryStore.open(await mkdtemp(join(tmpdir(), 'gazette-pool-')));
        const report = await importIntoLibrary(store, [corpus], { parsePool, now: () => new Date(0) });
        const articles = store
          .list()
          .map(({ id, fingerprint, title, wordCount }) => ({ id, fingerprint, title, wordCount }));
        await store.close();
        return { report, articles };
      }),
    );
    expect(libraries[1]).toEqual(libraries[0]);
    expect(libraries[1]?.report.imported).toBe(1_409);
    expect(libraries[1]?.report.duplicates).toHaveLength(29);
  });
});
