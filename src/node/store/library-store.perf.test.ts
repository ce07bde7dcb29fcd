/**
 * Timings of the store on realistic sizes, printed for the record and checked against generous
 * ceilings (the targets are far lower; the ceilings only catch an accidental quadratic or a
 * pretty-printed 12 MB file, without failing on a slow CI machine).
 */
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article, Block } from '../../core/article';
import { articleIdForSource } from './article-id';
import { LibraryStore } from './library-store';
import { makeArticle } from './testing/articles';

const FIXTURES = path.resolve(import.meta.dirname, '../../../tests/fixtures/bbc-news');

/** The BBC fixtures as articles, with a plain paragraph split standing in for the importer. */
async function bbcArticles(limit: number): Promise<Article[]> {
  const articles: Article[] = [];
  for (const section of (await readdir(FIXTURES)).sort()) {
    for (const name of (await readdir(path.join(FIXTURES, section))).sort()) {
      if (articles.length >= limit) return articles;
      const source = path.join(FIXTURES, section, name);
      const [title = '', ...paragraphs] = (await readFile(source, 'latin1'))
        .split(/\n\s*\n/)
        .map((p) => p.trim());
      const blocks: Block[] = paragraphs
        .filter(Boolean)
        .map((text, index) => ({ kind: index === 0 ? 'lede' : 'paragraph', text }));
      const words = blocks.reduce((sum, block) => sum + block.text.split(/\s+/).length, 0);
      const time = new Date(Date.UTC(2024, 0, 1, 0, 0, articles.length)).toISOString();
      articles.push({
        id: articleIdForSource(source),
        title,
        language: 'en',
        section,
        source,
        encoding: 'utf-8',
        wordCount: words,
        readingMinutes: Math.max(1, Math.round(words / 230)),
        fingerprint: articleIdForSource(title + source).padEnd(64, '0'),
        excerpt: (blocks[0]?.text ?? '').slice(0, 200),
        importedAt: time,
        updatedAt: time,
        blocks,
        removed: [],
      });
    }
  }
  return articles;
}

function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  return fn().then((value) => [value, performance.now() - start]);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gazette-perf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('store timings', () => {
  it('commits the 1,410 BBC articles in one batch quickly', async () => {
    const articles = await bbcArticles(1_410);
    expect(articles.length).toBeGreaterThanOrEqual(1_400);
    const store = await LibraryStore.open(path.join(dir, 'bbc'));
    try {
      const [, ms] = await time(() => store.commit({ added: articles, updated: [] }));
      console.log(`commit of ${articles.length} BBC articles: ${ms.toFixed(1)} ms`);
      expect(ms).toBeLessThan(1_000);
      const [body, readMs] = await time(() => store.readBody(articles[700]!.id));
      console.log(`readBody: ${readMs.toFixed(2)} ms`);
      expect(body.blocks).toEqual(articles[700]!.blocks);
    } finally {
      await store.close();
    }
  });

  it('commits and opens a 20,000-article library (~100 MB of text)', async () => {
    const dataDir = path.join(dir, 'big');
    // About 5 KB of text each, as the 20,000 articles / 100 MB.
    const articles = Array.from({ length: 20_000 }, (_, n) =>
      makeArticle(n, {
        paragraphs: 12,
        words: 55,
        importedAt: new Date(Date.UTC(2024, 0, 1, 0, 0, n)).toISOString(),
      }),
    );
    const store = await LibraryStore.open(dataDir);
    let commitMs: number;
    let oneMoreMs: number;
    try {
      [, commitMs] = await time(() => store.commit({ added: articles, updated: [] }));
      [, oneMoreMs] = await time(() =>
        store.commit({ added: [makeArticle(20_001)], updated: [{ ...articles[5]!, title: 'Changed' }] }),
      );
    } finally {
      await store.close();
    }
    const [reopened, openMs] = await time(() => LibraryStore.open(dataDir));
    try {
      const listStart = performance.now();
      const list = reopened.list();
      const listMs = performance.now() - listStart;
      const [, readMs] = await time(() => reopened.readArticle(articles[12_345]!.id));
      const packBytes = (await readFile(path.join(dataDir, 'bodies', 'pack-000001.jsonl'))).length;
      const libraryBytes = (await readFile(path.join(dataDir, 'library.json'))).length;
      console.log(
        [
          `commit of 20,000 articles: ${commitMs.toFixed(1)} ms (pack ${(packBytes / 1e6).toFixed(1)} MB, library.json ${(libraryBytes / 1e6).toFixed(1)} MB)`,
          `commit of 2 articles into 20,000: ${oneMoreMs.toFixed(1)} ms`,
          `open of 20,000: ${openMs.toFixed(1)} ms; first list(): ${listMs.toFixed(1)} ms; readArticle: ${readMs.toFixed(2)} ms`,
        ].join('\n'),
      );
      expect(list).toHaveLength(20_001);
      expect(commitMs).toBeLessThan(10_000);
      expect(openMs).toBeLessThan(5_000);
    } finally {
      await reopened.close();
    }
  }, 60_000);
});
