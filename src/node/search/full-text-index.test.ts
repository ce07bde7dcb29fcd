/**
 * The full-text index on its own: ranking (checked against MiniSearch, whose scores it keeps, on
 * the BBC corpus), documents added and discarded, grouping by article, the lazy filter, and the
 * snapshot form.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryTermsOf, words } from '../../core/search/text';
import { FullTextIndex } from './full-text-index';
import {
  articleDocument,
  documentTerms,
  FIELD_BOOSTS,
  FUZZY,
  FUZZY_MIN_LENGTH,
  INDEXED_FIELDS,
  MAX_FUZZY,
  PREFIX_MIN_LENGTH,
  type SearchDocument,
} from './search-documents';

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

describe('ranking, as MiniSearch ranked before', () => {
  let documents: SearchDocument[];
  let index: FullTextIndex;
  let mini: MiniSearch<SearchDocument>;
  let vocabulary: SearchableMap<true>;

  beforeAll(async () => {
    documents = [];
    for (const section of (await readdir(FIXTURES)).sort()) {
      for (const name of (await readdir(path.join(FIXTURES, section))).sort()) {
        const [title = '', ...rest] = (await readFile(path.join(FIXTURES, section, name), 'utf8')).split(
          '\n',
        );
        documents.push(article(`${section}-${name.slice(0, 3)}`, title, rest.join('\n')));
      }
    }
    index = new FullTextIndex();
    index.addAll(documents);
    // MiniSearch set up as search-documents.ts did when the index was MiniSearch's own.
    mini = new MiniSearch<SearchDocument>({
      idField: 'id',
      fields: [...INDEXED_FIELDS],
      storeFields: ['articleId'],
      extractField: (document, field) => {
        const value = document[field as keyof SearchDocument];
        if (field === 'id' || field === 'articleId') return value;
        return typeof value === 'string' ? documentTerms(value, document.language).join(' ') : '';
      },
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term || null,
    });
    mini.addAll(documents);
    vocabulary = new SearchableMap<true>();
    for (const document of documents) {
      for (const term of documentTerms(`${document.title} ${document.text}`, 'en'))
        vocabulary.set(term, true);
    }
  }, 60_000);

  const miniSearch = (query: string): Map<string, number> => {
    const hasCompletions = (term: string): boolean => vocabulary.atPrefix(term).keys().next().done !== true;
    const results = mini.search(query, {
      boost: FIELD_BOOSTS,
      tokenize: (text) => words(text),
      processTerm: (term) => queryTermsOf(term),
      prefix: (term, i, terms) => i === terms.length - 1 && term.length >= PREFIX_MIN_LENGTH,
      fuzzy: (term, i, terms) =>
        term.length >= FUZZY_MIN_LENGTH &&
        !vocabulary.has(term) &&
        !(i === terms.length - 1 && hasCompletions(term))
          ? FUZZY
          : false,
      maxFuzzy: MAX_FUZZY,
      combineWith: 'OR',
    });
    return new Map(results.map((result) => [result.articleId as string, result.score]));
  };

  const queries = [
    'interest rates',
    'Blair election',
    'Chelsea Mourinho',
    'oil prices',
    'markets',
    'econ',
    'gov',
    'year',
    'Mourihno',
    'electon',
    'Greek sprinters suspended',
    'Time Warner profit',
    'tobacco lawsuit',
    'Domecqq',
  ];
  for (const query of queries) {
    it(`scores "${query}" as MiniSearch did`, () => {
      const expected = miniSearch(query);
      expect(expected.size).toBeGreaterThan(0);
      const hits = index.search(query, 10, (articleId) => articleId);
      expect(hits.length).toBe(Math.min(10, expected.size));
      const best = [...expected.values()].sort((a, b) => b - a).slice(0, 10);
      hits.forEach((hit, rank) => {
        // The same scores in the same order (articles of equal score may come in another order).
        expect(hit.score).toBeCloseTo(best[rank] as number, 9);
        expect(expected.get(hit.articleId)).toBeCloseTo(hit.score, 9);
      });
    });
  }
});

describe('prefixes', () => {
  it('takes only the most frequent completions of a prefix that begins too many words', () => {
    const index = new FullTextIndex();
    // 45 words beginning with "co", each in 1,000 articles: 45,000 postings, over the budget.
    const common = Array.from({ length: 45 }, (_, n) => `coa${n}x`);
    for (let n = 0; n < 1000; n += 1) index.add(article(`a${n}`, `Story ${n}`, common.join(' ')));
    index.add(article('rare', 'Rare', 'corare'));
    expect(ids(index, 'co', 2000)).not.toContain('rare');
    expect(ids(index, 'co', 2000)).toHaveLength(1000);
    // Typed further, the prefix begins few words: all are taken.
    expect(ids(index, 'cor')).toEqual(['rare']);
  });
});

describe('keeping documents', () => {
  it('finds a document once added, never once discarded, and its new version once re-added', () => {
    const index = new FullTextIndex();
    index.add(article('a1', 'Markets rally', 'Shares rose in London.'));
    index.add(article('a2', 'Rugby', 'Wales beat England at the stadium.'));
    expect(index.documentCount).toBe(2);
    expect(ids(index, 'market')).toEqual(['a1']);
    expect(() => index.add(article('a1', 'Again', 'Twice.'))).toThrow();

    index.discard('a:a1');
    expect(index.has('a:a1')).toBe(false);
    expect(index.documentCount).toBe(1);
    expect(ids(index, 'market')).toEqual([]);
    index.add(article('a1', 'Bonds slump', 'Gilts fell.'));
    expect(ids(index, 'market')).toEqual([]);
    expect(ids(index, 'gilts')).toEqual(['a1']);
    // Discarding what is not there is no error (a removed article may have no document).
    index.discard('a:nothing');
  });

  it('sweeps discarded postings, and forgets terms left with none', () => {
    const index = new FullTextIndex();
    index.add(article('a1', 'Platypus', 'The platypus lays eggs.'));
    index.add(article('a2', 'Echidna', 'The echidna lays eggs too.'));
    index.discard('a:a1');
    index.vacuum();
    // "platyp" would be a prefix of "platypus" if the term were still held.
    expect(ids(index, 'platyp')).toEqual([]);
    expect(ids(index, 'eggs')).toEqual(['a2']);
  });

  it('forgets a discarded note’s words, not those of the article’s other notes', () => {
    const index = new FullTextIndex();
    index.add(article('a1', 'Zoo', 'The zoo opened.'));
    index.add(note('a1', 'n1', 'gnus and wombats'));
    index.add(note('a1', 'n2', 'wombats again'));
    index.discard('n:a1:n1');
    const terms = index.toJSON().terms.map(([term]) => term);
    expect(terms).not.toContain('gnus');
    expect(terms).toContain('wombat');
    expect(ids(index, 'gnus')).toEqual([]);
    expect(index.search('wombat', 10, (id) => id)[0]?.documents.map((hit) => hit.document.id)).toEqual([
      'n:a1:n2',
    ]);
  });

  it('groups an article with its notes, and finds an article by its notes alone', () => {
    const index = new FullTextIndex();
    index.add(article('a1', 'Budget', 'The chancellor spoke about the axolotl fund.'));
    index.add(note('a1', 'n1', 'axolotl figures to check'));
    index.add(article('a2', 'Weather', 'Rain all week.'));
    index.add(note('a2', 'n2', 'an axolotl in the pond'));
    index.add(note('gone', 'n3', 'axolotl without an article document'));
    const hits = index.search('axolotl', 10, (articleId) => articleId);
    expect(hits.map((hit) => hit.articleId).sort()).toEqual(['a1', 'a2', 'gone']);
    const first = hits.find((hit) => hit.articleId === 'a1');
    expect(first?.documents.map((hit) => hit.document.id).sort()).toEqual(['a:a1', 'n:a1:n1']);
    expect(first?.score).toBeCloseTo(first?.documents.reduce((sum, hit) => sum + hit.score, 0) ?? 0, 9);
    const second = hits.find((hit) => hit.articleId === 'a2');
    expect(second?.documents.map((hit) => hit.document.id)).toEqual(['n:a2:n2']);
    expect(second?.documents[0]?.terms).toEqual({ note: ['axolotl'] });
    expect(second?.documents[0]?.document.note).toBe('an axolotl in the pond');
  });

  it('asks the filter in ranking order, only until it has enough articles', () => {
    const index = new FullTextIndex();
    for (let n = 0; n < 50; n += 1) {
      index.add(article(`a${String(n).padStart(2, '0')}`, `Report ${n}`, 'harvest '.repeat(1 + (n % 7))));
    }
    const asked: string[] = [];
    const hits = index.search('harvest', 3, (articleId) => {
      asked.push(articleId);
      return articleId.endsWith('3') ? undefined : articleId.toUpperCase();
    });
    expect(hits).toHaveLength(3);
    expect(hits.every((hit) => hit.article === hit.articleId.toUpperCase())).toBe(true);
    expect(asked.length).toBeLessThan(10);
    // Best first, and ties in article id order.
    const scores = hits.map((hit) => hit.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // A second search starts from zero: nothing of the first one's scores is left over.
    expect(index.search('harvest', 3, (articleId) => articleId).map((hit) => hit.score)).toEqual(
      index.search('harvest', 3, (articleId) => articleId).map((hit) => hit.score),
    );
  });
});

describe('the snapshot form', () => {
  const sample = (): FullTextIndex => {
    const index = new FullTextIndex();
    index.add(article('a1', 'Économie : la croissance', 'Les négociations reprennent à Genève.', 'fr'));
    index.add(article('a2', 'Markets rally', 'Shares rose in London and markets closed higher.'));
    index.add(article('a3', 'Old', 'Discarded before the snapshot.'));
    index.add(note('a2', 'n1', 'Ask about the Genève talks'));
    index.discard('a:a3');
    return index;
  };

  it('loads back into an index that answers as the original', async () => {
    const original = sample();
    const loaded = await FullTextIndex.load(JSON.stringify(original));
    expect(loaded.documentCount).toBe(3);
    for (const query of ['négociation', 'geneve', 'market', 'econ', 'discarded', 'marketts']) {
      expect(loaded.search(query, 10, (id) => id)).toEqual(original.search(query, 10, (id) => id));
    }
    expect(ids(loaded, 'discarded')).toEqual([]);
    // New documents take new slots after the loaded ones.
    loaded.add(article('a4', 'Genève', 'Talks in Genève.'));
    expect(ids(loaded, 'geneve').sort()).toEqual(['a1', 'a2', 'a4']);
  });

  it('writes postings as steps, a count of 1 as the step negated', () => {
    const index = new FullTextIndex();
    index.add(article('a1', 'Tea', 'tea tea'));
    index.add(article('a2', 'Coffee', 'coffee'));
    index.add(article('a3', 'Tea', 'tea'));
    const { terms } = index.toJSON();
    // Slot 0: "tea" twice in its text; slot 2: once.
    expect(terms.find(([term]) => term === 'tea')).toEqual(['tea', [-1, -2], [1, 2, -2]]);
  });

  it('is refused when damaged', async () => {
    const good = JSON.parse(JSON.stringify(sample())) as { documents: unknown[]; terms: unknown[][] };
    const damaged = [
      '{"documents":',
      '[]',
      JSON.stringify({ documents: good.documents }),
      JSON.stringify({ ...good, documents: [...good.documents, good.documents[0]] }),
      JSON.stringify({ ...good, terms: [...good.terms, ['zebra', [0, 1]]] }),
      JSON.stringify({ ...good, terms: [...good.terms, ['zebra', [99, 1]]] }),
      JSON.stringify({ ...good, terms: [...good.terms, ['zebra', [1, 1.5]]] }),
      JSON.stringify({ ...good, terms: [...good.terms, ['zebra', [-1, 2]]] }),
      JSON.stringify({ ...good, terms: [...good.terms, ['zebra', [-1, -1, -2]]] }),
      JSON.stringify({ ...good, documents: [['x:1', 'en', [1, 1, 0, 0]]] }),
    ];
    for (const text of damaged) await expect(FullTextIndex.load(text)).rejects.toThrow();
  });
});
