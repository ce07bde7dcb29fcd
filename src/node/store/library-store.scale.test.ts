/**
 * The store at realistic sizes: the whole BBC corpus in one commit, and a 20,000-article
 * library (~100 MB of text) committed, grown and reopened. Behaviour only: the timings are
 * measured by `npm run bench`, not asserted here.
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

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gazette-perf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the store at scale', () => {
  it('commits the 1,410 BBC articles in one batch and reads any back', async () => {
    const articles = await bbcArticles(1_410);
    expect(articles.length).toBeGreaterThanOrEqual(1_400);
    const store = await LibraryStore.open(path.join(dir, 'bbc'));
    try {
      await store.commit({ added: articles, updated: [] });
      expect(store.list()).toHaveLength(articles.length);
      const body = await store.readBody(articles[700]!.id);
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
    try {
      await store.commit({ added: articles, updated: [] });
      await store.commit({ added: [makeArticle(20_001)], updated: [{ ...articles[5]!, title: 'Changed' }] });
    } finally {
      await store.close();
    }
    const reopened = await LibraryStore.open(dataDir);
    try {
      expect(reopened.list()).toHaveLength(20_001);
      expect(reopened.get(articles[5]!.id)?.title).toBe('Changed');
      const article = await reopened.readArticle(articles[12_345]!.id);
      expect(article.blocks).toEqual(articles[12_345]!.blocks);
      const packs = await readdir(path.join(dataDir, 'bodies'));
      expect(packs).toHaveLength(2); // one pack per commit, never one file per article
    } finally {
      await reopened.close();
    }
  }, 60_000);
});
