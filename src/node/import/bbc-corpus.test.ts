/**
 * The importer against the 1,438 real BBC articles: every title and every line kept whole,
 * everything read as English, nothing taken for boilerplate, and the corpus's duplicates found.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectImportFiles } from './collect-files';
import { readArticleFile, type FileOutcome } from './read-article-file';

const BBC = fileURLToPath(new URL('../../../tests/fixtures/bbc-news', import.meta.url));
const SEED = fileURLToPath(new URL('../../../seeds/000_fa55918c37a99e94.txt', import.meta.url));
const LIST_MARKER = /^(?:[-*–]\s+|•\s*)(?=\S)/u;

type Article = Extract<FileOutcome, { kind: 'article' }>;

describe('the BBC corpus', () => {
  let articles: Article[];
  const raw = new Map<string, string>();

  beforeAll(async () => {
    const { files } = await collectImportFiles([BBC]);
    const outcomes = await Promise.all(files.map((file) => readArticleFile(file)));
    const failed = outcomes.filter((outcome) => outcome.kind === 'failed');
    expect(failed).toEqual([]);
    articles = outcomes as Article[];
    await Promise.all(files.map(async (file) => raw.set(file, await readFile(file, 'utf8'))));
  });

  it('has 1,438 articles in business, politics and sport', () => {
    expect(articles).toHaveLength(1438);
    expect(new Set(articles.map((article) => article.section))).toEqual(
      new Set(['business', 'politics', 'sport']),
    );
  });

  it('takes the first line of each file as its title', () => {
    for (const { path, article } of articles) {
      expect(article.title, path).toBe(raw.get(path)!.split('\n')[0]!.trim());
    }
  });

  it('keeps every body line whole and in order, one block each, and removes nothing', () => {
    for (const { path, article } of articles) {
      const lines = raw
        .get(path)!
        .split('\n')
        .slice(1)
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .map((line) => line.replace(LIST_MARKER, ''));
      expect(
        article.blocks.map((block) => block.text),
        path,
      ).toEqual(lines);
      expect(article.removed, path).toEqual([]);
    }
  });

  it('keeps the Python code appended to business/001.txt', () => {
    const first = articles.find(({ path }) => path.endsWith('business/001.txt'))!;
    expect(first.article.blocks.at(-1)!.text).toBe("print('Shape of testing data: ',ytest.shape");
  });

  it('reads every article as English UTF-8, with a lede first in almost all', () => {
    for (const { path, article, encoding } of articles) {
      expect(article.language, path).toBe('en');
      expect(encoding, path).toBe('utf-8');
      expect(article.wordCount, path).toBeGreaterThan(0);
    }
    const withLede = articles.filter(({ article }) => article.blocks[0]!.kind === 'lede');
    expect(withLede.length).toBeGreaterThan(1400);
  });

  it('finds 29 duplicates: 1,409 distinct texts, 1,410 with the seed', async () => {
    const fingerprints = articles.map((article) => article.fingerprint);
    const distinct = new Set(fingerprints);
    expect(fingerprints.length - distinct.size).toBe(29);
    expect(distinct.size).toBe(1409);

    const seed = await readArticleFile(SEED);
    if (seed.kind !== 'article') throw new Error(seed.error);
    expect(distinct.has(seed.fingerprint)).toBe(false);
  });
});
