/**
 * Ranking quality: known-item queries over the BBC corpus, for Gazette's search and for SQLite
 * FTS5 ranked by bm25 on the same articles and the same queries.
 *
 * A known-item query is what a reader types to find an article they remember: four words of one
 * of its sentences (in the sentence's order, stop words and words of fewer than three letters
 * left out), as written, with a typo in one word, with one word's plural changed, or all in lower
 * case. The articles and sentences are drawn by a seeded generator, the same in every run; a hit
 * is the article in the top 10.
 *
 * FTS5 (unicode61 tokenizer, accents folded) is asked two ways: all four words (its default AND)
 * and any of them (OR, bm25 ranking those with more words first); the better of the two is the
 * baseline, so Gazette is compared with FTS5 at its best on each kind of query.
 */
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleText } from '../../src/core/annotations/article-text';
import { foldWord, isStopWord, words } from '../../src/core/search/text';
import { AnnotationStore } from '../../src/node/annotations';
import { importIntoLibrary } from '../../src/node/library/import-into-library';
import { SearchIndex } from '../../src/node/search';
import { LibraryStore } from '../../src/node/store';
import type { BenchResult } from './stats';

const CORPUS = 'tests/fixtures/bbc-news';
/** Articles drawn; each gives one query of each kind. */
const SAMPLE = 300;
const TOP = 10;
const KINDS = ['as written', 'typo', 'plural changed', 'lower case'] as const;
type Kind = (typeof KINDS)[number];

/** A seeded generator (mulberry32): the same queries in every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface KnownItem {
  id: string;
  kind: Kind;
  words: string[];
}

/** Four words of one sentence of `text`, or undefined when no sentence has four usable words. */
function fourWords(text: string, next: () => number): string[] | undefined {
  const sentences = text
    .split(/(?<=[.!?])\s+|\n+/u)
    .map((sentence) => words(sentence).filter((word) => word.length >= 3 && !isStopWord(foldWord(word))))
    .filter((usable) => usable.length >= 4);
  if (sentences.length === 0) return undefined;
  const sentence = sentences[Math.floor(next() * sentences.length)] as string[];
  const start = Math.floor(next() * (sentence.length - 3));
  return sentence.slice(start, start + 4);
}

/** One edit in a word of five letters or more: two letters swapped, or one dropped. */
function withTypo(query: string[], next: () => number): string[] {
  const candidates = query.map((word, i) => [word, i] as const).filter(([word]) => word.length >= 5);
  if (candidates.length === 0) return query;
  const [word, i] = candidates[Math.floor(next() * candidates.length)] as readonly [string, number];
  const at = 1 + Math.floor(next() * (word.length - 2));
  const typo =
    next() < 0.5
      ? word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2)
      : word.slice(0, at) + word.slice(at + 1);
  return query.map((w, j) => (j === i ? typo : w));
}

/** One word's number changed: "markets" → "market", "market" → "markets". */
function withPluralChanged(query: string[], next: () => number): string[] {
  const i = Math.floor(next() * query.length);
  return query.map((word, j) => {
    if (j !== i || /\d/.test(word)) return word;
    return /[^s]s$/i.test(word) ? word.slice(0, -1) : `${word}s`;
  });
}

/** Top-10 hit rates of Gazette's search and of SQLite FTS5 (bm25) on known-item queries. */
export async function benchKnownItems(): Promise<BenchResult[]> {
  const root = await mkdtemp(join(tmpdir(), 'gazette-known-'));
  const store = await LibraryStore.open(join(root, 'data'));
  const database = new Database(':memory:');
  try {
    await importIntoLibrary(store, [CORPUS], {});
    const index = await SearchIndex.open(store, {
      annotations: () => AnnotationStore.open(store),
      persistDelayMs: 60_000,
    });
    database.exec(
      "CREATE VIRTUAL TABLE articles USING fts5(id UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2')",
    );
    const insert = database.prepare('INSERT INTO articles (id, title, body) VALUES (?, ?, ?)');
    const bodies = new Map<string, string>();
    // By source path: the library's order follows import times, which differ from run to run.
    const metas = [...store.list()].sort((a, b) => (a.source < b.source ? -1 : 1));
    for (const meta of metas) {
      const body = articleText((await store.readArticle(meta.id)).blocks).text;
      bodies.set(meta.id, body);
      insert.run(meta.id, meta.title, body);
    }

    const next = random(15);
    const items: KnownItem[] = [];
    while (items.length < SAMPLE * KINDS.length) {
      const meta = metas[Math.floor(next() * metas.length)];
      if (!meta) break;
      const base = fourWords(bodies.get(meta.id) ?? '', next);
      if (!base) continue;
      items.push({ id: meta.id, kind: 'as written', words: base });
      items.push({ id: meta.id, kind: 'typo', words: withTypo(base, next) });
      items.push({ id: meta.id, kind: 'plural changed', words: withPluralChanged(base, next) });
      items.push({ id: meta.id, kind: 'lower case', words: base.map((word) => word.toLowerCase()) });
    }

    const ftsQuery = (query: string[], join: ' AND ' | ' OR '): string =>
      query.map((word) => `"${word.replace(/"/g, '')}"`).join(join);
    const fts = database.prepare(
      `SELECT id FROM articles WHERE articles MATCH ? ORDER BY bm25(articles) LIMIT ${TOP}`,
    );
    const ftsTop = (query: string): string[] =>
      (fts.all(query) as Array<{ id: string }>).map((row) => row.id);

    const hits = {
      gazette: new Map<Kind, number>(),
      ftsAnd: new Map<Kind, number>(),
      ftsOr: new Map<Kind, number>(),
    };
    const count = (map: Map<Kind, number>, kind: Kind, hit: boolean): void => {
      map.set(kind, (map.get(kind) ?? 0) + (hit ? 1 : 0));
    };
    for (const item of items) {
      const gazette = await index.search({ query: item.words.join(' '), limit: TOP });
      count(
        hits.gazette,
        item.kind,
        gazette.some((result) => result.id === item.id),
      );
      // GAZETTE_BENCH_MISSES=1 lists the queries Gazette misses, to study the ranking (not to tune to them).
      if (process.env.GAZETTE_BENCH_MISSES && !gazette.some((result) => result.id === item.id))
        console.log(
          `miss (${item.kind}): "${item.words.join(' ')}" for "${store.get(item.id)?.title ?? ''}"`,
        );
      count(hits.ftsAnd, item.kind, ftsTop(ftsQuery(item.words, ' AND ')).includes(item.id));
      count(hits.ftsOr, item.kind, ftsTop(ftsQuery(item.words, ' OR ')).includes(item.id));
    }
    await index.close();

    const perKind = SAMPLE;
    const rate = (map: Map<Kind, number>, kind?: Kind): number =>
      kind ? (map.get(kind) ?? 0) / perKind : [...map.values()].reduce((a, b) => a + b, 0) / items.length;
    const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;
    const results: BenchResult[] = [];
    for (const kind of [...KINDS, undefined]) {
      const gazette = rate(hits.gazette, kind);
      const and = rate(hits.ftsAnd, kind);
      const or = rate(hits.ftsOr, kind);
      const best = Math.max(and, or);
      results.push({
        name: `Known-item top-10, ${kind ?? 'all kinds'}`,
        value: `Gazette ${percent(gazette)}, FTS5 bm25 ${percent(best)} (AND ${percent(and)}, OR ${percent(or)})`,
        ...(kind === undefined && {
          detail: `${items.length} queries: ${SAMPLE} articles of the BBC corpus × ${KINDS.length} kinds, 4 words of one sentence each (seeded)`,
        }),
        goal: '≥ 95 % and ≥ FTS5',
        met: gazette >= 0.95 && gazette >= best,
      });
    }
    return results;
  } finally {
    database.close();
    await store.close();
    await rm(root, { recursive: true, force: true });
  }
}

// `npx tsx tests/bench/known-item.ts` runs this benchmark alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const result of await benchKnownItems()) {
    const verdict = result.met === undefined ? '' : result.met ? '  [goal met]' : '  [goal NOT met]';
    console.log(`${result.name}: ${result.value}${result.goal ? `  (goal ${result.goal})` : ''}${verdict}`);
    if (result.detail) console.log(`    ${result.detail}`);
  }
}
