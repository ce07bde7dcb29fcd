/**
 * The full-text index on its own (FlexSearch fed with our terms): ranking on the BBC corpus,
 * prefixes and typos, documents added and discarded, grouping by article, the lazy filter, and
 * the snapshot form.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { FullTextIndex } from './full-text-index';
import { articleDocument, type SearchDocument } from './search-documents';

const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/bbc-news', import.meta.url));

const article = (id: string, title: string, text: string, language = 'en'): SearchDocument =>
  articleDocument({ id, title, language }, text);
const note = (articleId: string, noteId: string, text: string): SearchDocument => ({
  id: `n:${articleId}:${noteId}`,
  articleId,
  kind: 'note',
  language: 'en',
  annotationId: noteId,
  note: text,
});
const ids = (index: FullTextIndex, query: string, limit = 10): string[] =>
  index.search(query, limit, (articleId) => articleId).map((hit) => hit.articleId);

describe('ranking on the BBC corpus', () => {
  let index: FullTextIndex;
  beforeAll(async () => {
    index = new FullTextIndex();
    for (const section of (await readdir(FIXTURES)).sort()) {
      for (const name of (await readdir(path.join(FIXTURES, section))).sort()) {
        const [title = '', ...rest] = (await readFile(path.join(FIXTURES, section, name), 'utf8')).split(
          '\n',
        );
        index.add(article(`${section}-${name.slice(0, 3)}`, title, rest.join('\n')));
      }
    }
  });

  it.each([
    ['Metlife Citigroup', 'business-088'],
    ['super casino', 'politics-010'],
    ['Ryan', 'business-047'],
    ['Domecqq', 'business-005'],
  ])('"%s" finds %s first', (query, expected) => {
    expect(ids(index, query)[0]).toBe(expected);
  });

  it('stops at the limit, and reloads from its snapshot with the same answers', async () => {
    expect(ids(index, 'year', 5)).toHaveLength(5);
    const loaded = await FullTextIndex.load(index.serialize());
    expect(loaded.documentCount).toBe(index.documentCount);
    for (const query of ['Ryanair Boeing', 'econ', 'Mourihno'])
      expect(ids(loaded, query)).toEqual(ids(index, query));
  });
});

describe('documents added and discarded', () => {
  it('groups an article with its notes, and forgets a discarded note or article', async () => {
    const index = new FullTextIndex();
    index.addAll([
      article('a1', 'Harbour dredging plan', 'The council will dredge the harbour next spring.'),
      article('a2', 'Lighthouse restored', 'Volunteers restored the old lighthouse.'),
      note('a2', 'n1', 'Ask about the harbour pilots'),
    ]);
    const hits = index.search('harbour', 10, (id) => id);
    expect(hits.map((hit) => hit.articleId).sort()).toEqual(['a1', 'a2']);
    const a2 = hits.find((hit) => hit.articleId === 'a2');
    expect(a2?.documents.map((hit) => [hit.document.kind, hit.terms])).toEqual([
      ['note', { note: ['harbour'] }],
    ]);

    index.discard('n:a2:n1');
    expect(ids(index, 'harbour')).toEqual(['a1']);
    expect(ids(index, 'pilots')).toEqual([]);
    index.discard('a:a1');
    expect(ids(index, 'harbour')).toEqual([]);
    index.add(article('a1', 'Harbour dredging delayed', 'The dredging waits for funds.'));
    expect(ids(index, 'dredging')).toEqual(['a1']);
    const loaded = await FullTextIndex.load(index.serialize());
    expect(ids(loaded, 'dredging')).toEqual(['a1']);
    expect(ids(loaded, 'lighthouse')).toEqual(['a2']);
  });

  it('asks the filter in ranking order, only until the limit', () => {
    const index = new FullTextIndex();
    for (let n = 0; n < 30; n += 1) index.add(article(`a${n}`, `Quarry report ${n}`, 'The quarry.'));
    const asked: string[] = [];
    const hits = index.search('quarry', 3, (id) => {
      asked.push(id);
      return id.endsWith('5') ? undefined : id;
    });
    expect(hits).toHaveLength(3);
    expect(asked.length).toBeLessThan(30);
  });

  it('rejects a damaged snapshot', async () => {
    await expect(FullTextIndex.load('{"broken":')).rejects.toThrow(/damaged/);
    await expect(FullTextIndex.load('{"documents":[],"vocabulary":[]}\nx.1.map\t[')).rejects.toThrow(
      /damaged/,
    );
  });
});
