/**
 * The search index of a data folder: titles, article text, highlights and notes, held in memory
 * (full-text-index.ts) and kept in `<dataDir>/search-index.json` (search-snapshot.ts).
 *
 * Keeping it current:
 * - Every change is applied to the in-memory index at once, so a search right after a save finds
 *   it: `articlesChanged` (import, re-import, restore), `articlesRemoved`, `articlesForgotten`, and
 *   `annotationsChanged` after every highlight or note change.
 * - Writing the snapshot is the expensive part (the whole index, about 16 MB at 20,000
 *   articles; with a worker builder it is made on the worker from the files), so it is debounced
 *   (`persistDelayMs`, 5 s by default, and on `close`), and an annotation change alone never
 *   schedules it: the annotation files are already durable, so they serve as the index's journal.
 *   Each annotation file's signature (mtime and size) and each article's text fingerprint are in
 *   the snapshot's header; at open, whatever differs from the library and the annotation folder is
 *   indexed again, and whatever is gone is dropped.
 * - Crash behaviour: a crash loses at most the changes since the last snapshot write; they are
 *   replayed from the library and annotation files at the next open (`reconcile`), before the
 *   first search is answered, so a stale snapshot never hides an article, a highlight or a note.
 *   Removed articles are also filtered out at query time against the library.
 * - A snapshot missing, damaged (not readable, bad header, index that fails to load) or of
 *   another version is rebuilt from the files, by a `SnapshotBuilder` (a worker thread in the app),
 *   with progress reported through `onProgress`.
 */
import { articleText } from '../../core/annotations/article-text';
import type { ArticleAnnotations } from '../../core/annotations/model';
import type { Article, ArticleMeta } from '../../core/article';
import type { RelatedArticle, SearchIndexProgress, SearchMatch, SearchResult } from '../../core/search/model';
import type { PhraseNode, QueryError, QueryNode } from '../../core/search/query/ast';
import type { QueryEntry } from '../../core/search/query/match-entry';
import { parseQuery } from '../../core/search/query/parse';
import { queryPlan } from '../../core/search/query/plan';
import { makeSnippet } from '../../core/search/snippet';
import { stemLanguageOf, termMatcher } from '../../core/search/text';
import { annotationFilePath } from '../annotations/annotation-file';
import type { AnnotationStore } from '../annotations/annotation-store';
import type { LibraryStore } from '../store';
import { annotatedIds, buildSearchSnapshot } from './build-search-index';
import type { SnapshotBuilder } from './build-in-worker';
import { FullTextIndex, type DocumentHit } from './full-text-index';
import {
  containsPhrase,
  evaluate,
  phraseWords,
  withoutEmptyWords,
  type EvaluationContext,
  type Truth,
} from './query-evaluation';
import {
  annotationDocuments,
  articleDocId,
  articleDocument,
  documentTerms,
  SEARCH_INDEX_VERSION,
} from './search-documents';
import {
  fileSignature,
  readSnapshot,
  snapshotText,
  writeSnapshot,
  type SnapshotHeader,
} from './search-snapshot';

export interface SearchIndexOptions {
  /** The annotation store, for the text of changed annotations when reconciling. */
  annotations: () => Promise<AnnotationStore>;
  /** Builds a full snapshot; on the calling thread by default, a worker thread in the app. */
  builder?: SnapshotBuilder;
  /** Loading and rebuilding progress, for the UI's indicator. */
  onProgress?: (progress: SearchIndexProgress) => void;
  /** Delay before the snapshot is written after a change of articles (ms); 0 writes at once. */
  persistDelayMs?: number;
}

export interface SearchOptions {
  query: string;
  /** At most this many articles. */
  limit: number;
  /** Keeps an article (the filters: section, reading state, tags, annotations). */
  accept?: (meta: ArticleMeta) => boolean;
}

export interface QuerySearchOptions {
  /** At most this many articles. */
  limit: number;
  /** Skips this many matching articles first (the next page). */
  offset?: number;
  /**
   * An article's library entry (reading state and progress, tags, annotation counts, triage):
   * what field terms test; `undefined` leaves the article out. Called only for articles the
   * words did not already turn down.
   */
  entry: (meta: ArticleMeta) => QueryEntry | undefined;
}

/** What a query of the search language found, and what of it was not understood. */
export interface QuerySearchAnswer {
  results: SearchResult[];
  /** Parts of the query not understood (left out of the search), with their positions. */
  errors: QueryError[];
  /** True when more articles match after this page. */
  more: boolean;
}

/** A matching article, with its documents when words found it (for snippets). */
interface QueryHit {
  meta: ArticleMeta;
  documents: DocumentHit[];
  rank: number;
}

/** How the index was opened: loaded from its file, or built because the file was not usable. */
export type SearchIndexOrigin = 'loaded' | 'missing' | 'damaged' | 'version';

/**
 * Article texts kept for snippets, least recently used dropped first: while one types, each query
 * reads much the same articles as the one before, and a results page shows up to 100 of them.
 * About 1 to 3 MB.
 */
const TEXT_CACHE_SIZE = 512;

/**
 * Distinctive terms of an article searched for related coverage: enough to name a story (people,
 * places, the subject) without drifting to the section's common vocabulary.
 */
const RELATED_TERMS = 12;

/** The phrases of a query (negated ones too: they are decided the same way). */
function phrasesOf(node: QueryNode | null): PhraseNode[] {
  if (!node) return [];
  switch (node.type) {
    case 'and':
    case 'or':
      return node.children.flatMap(phrasesOf);
    case 'not':
      return phrasesOf(node.child);
    case 'phrase':
      return [node];
    default:
      return [];
  }
}

export class SearchIndex {
  readonly #store: LibraryStore;
  readonly #options: SearchIndexOptions;
  #index: FullTextIndex;
  #header: SnapshotHeader;
  readonly origin: SearchIndexOrigin;
  #queue: Promise<void> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #dirty = false;
  #closed = false;
  readonly #texts = new Map<string, string>();

  private constructor(
    store: LibraryStore,
    options: SearchIndexOptions,
    index: FullTextIndex,
    header: SnapshotHeader,
    origin: SearchIndexOrigin,
  ) {
    this.#store = store;
    this.#options = options;
    this.#index = index;
    this.#header = header;
    this.origin = origin;
  }

  /**
   * Loads the index of `store`'s data folder, or builds it when its file is missing, damaged or
   * of another version, then brings it up to date with the library and annotation files.
   * Resolves once searches see everything on disk.
   */
  static async open(store: LibraryStore, options: SearchIndexOptions): Promise<SearchIndex> {
    const report = options.onProgress ?? (() => undefined);
    report({ phase: 'loading', done: 0, total: 1 });
    const read = await readSnapshot(store.dataDir);
    let loaded: { index: FullTextIndex; header: SnapshotHeader } | undefined;
    let origin: SearchIndexOrigin = read.status === 'ok' ? 'loaded' : read.status;
    if (read.status === 'ok') {
      try {
        // Loads in batches with pauses, so the main process keeps answering while it loads.
        const index = await FullTextIndex.load(read.indexJson);
        loaded = { index, header: read.header };
      } catch {
        origin = 'damaged';
      }
    }
    if (!loaded) {
      const reason = origin === 'loaded' ? 'damaged' : origin;
      const builder = options.builder ?? buildSearchSnapshot;
      report({ phase: 'building', done: 0, total: 0, reason });
      const text = await builder(store.dataDir, (done, total) =>
        report({ phase: 'building', done, total, reason }),
      );
      if (!store.readOnly) await writeSnapshot(store.dataDir, text);
      const newline = text.indexOf('\n');
      const header = JSON.parse(text.slice(0, newline)) as SnapshotHeader;
      const index = await FullTextIndex.load(text.slice(newline + 1));
      loaded = { index, header };
    }
    const search = new SearchIndex(store, options, loaded.index, loaded.header, origin);
    await search.#enqueue(() => search.#reconcile());
    report({ phase: 'ready', done: 1, total: 1 });
    return search;
  }

  /** The benchmark's floor for `query`: the index library's bare lookup of its terms (see FullTextIndex). */
  bareLookup(query: string, limit: number): number {
    return this.#index.bareLookup(query, limit);
  }

  /** How many documents (articles, highlights, notes) the index holds. */
  get documentCount(): number {
    return this.#index.documentCount;
  }

  /**
   * The articles matching `query`, best first: each with its score and where it matched (title,
   * text, highlights, notes), with snippets. Removed articles never appear.
   */
  async search({ query, limit, accept }: SearchOptions): Promise<SearchResult[]> {
    await this.#queue;
    // The filters are asked in ranking order, only until `limit` articles are kept.
    const hits = this.#index.search(query, limit, (articleId) => {
      const meta = this.#store.get(articleId);
      return meta && (!accept || accept(meta)) ? meta : undefined;
    });
    return Promise.all(
      hits.map(async ({ article: meta, rank, documents }) => ({
        id: meta.id,
        title: meta.title,
        section: meta.section,
        // FlexSearch ranks without scores: 1 for its best answer, less for the next ones.
        score: Math.round(1000 / (1 + rank)) / 1000,
        matches: await this.#matches(meta, documents),
      })),
    );
  }

  /**
   * The articles matching `query`, a query of the search language (src/core/search/query): words
   * and phrases through the full-text index (best first), field terms tested on each article's
   * entry, `OR`, parentheses and negation. An article that matches by its field terms alone (a
   * query without words, `tag:x OR brexit`) comes after those found by words, in library order.
   * A malformed query searches what was understood and says what was not (`errors`).
   */
  async searchQuery(query: string, options: QuerySearchOptions): Promise<QuerySearchAnswer> {
    await this.#queue;
    const offset = Math.max(0, options.offset ?? 0);
    const limit = Math.max(0, options.limit);
    const { ast, errors } = parseQuery(query);
    const hits = await this.#evaluate(ast, offset + limit + 1, options.entry);
    const page = hits.slice(offset, offset + limit);
    const results = await Promise.all(
      page.map(async ({ meta, documents, rank }) => ({
        id: meta.id,
        title: meta.title,
        section: meta.section,
        score: Math.round(1000 / (1 + rank)) / 1000,
        matches: documents.length > 0 ? await this.#matches(meta, documents) : [],
      })),
    );
    return { results, errors, more: hits.length > offset + limit };
  }

  /** Every article matching `query`, best first, without snippets ("select all results"). */
  async queryIds(
    query: string,
    entry: QuerySearchOptions['entry'],
  ): Promise<{ ids: string[]; errors: QueryError[] }> {
    await this.#queue;
    const { ast, errors } = parseQuery(query);
    const hits = await this.#evaluate(ast, Number.POSITIVE_INFINITY, entry);
    return { ids: hits.map((hit) => hit.meta.id), errors };
  }

  /**
   * The first `want` matching articles. Candidates come from the index when the query has words
   * (every word required at the top level: the index's strict AND, which is best ranked and
   * smallest; otherwise any of its words), else, or after them when an article may match without
   * words, from the library in its order. Each candidate is tested on the whole query.
   */
  async #evaluate(
    parsed: QueryNode | null,
    want: number,
    entryOf: QuerySearchOptions['entry'],
  ): Promise<QueryHit[]> {
    const ast = withoutEmptyWords(parsed);
    const plan = queryPlan(ast);
    const usesColor = ast !== null && JSON.stringify(ast).includes('"key":"color"');
    const wordSets = new Map<string, Set<string> | undefined>();
    const phraseChecked = new Map<string, boolean>();
    const rankWords = plan.required.length > 0 ? plan.required : plan.positive;
    const strict = plan.required.length > 0;
    // Words the strict AND already guarantees for every candidate it gives.
    const guaranteed = new Set(strict ? plan.required : []);
    const entryFor = (meta: ArticleMeta): QueryEntry | undefined => {
      const entry = entryOf(meta);
      return entry && usesColor ? { ...entry, highlightColors: this.#index.colorsOf(meta.id) } : entry;
    };
    // One context, pointed at each article in turn: no closures made per article (a scan of
    // 100,000 entries would make 200,000).
    let current = '';
    const context: EvaluationContext = {
      entry: undefined as unknown as QueryEntry,
      holds: (word) => {
        if (guaranteed.has(word)) return true;
        if (!wordSets.has(word)) wordSets.set(word, this.#index.articlesWith(word, plan.scope));
        const set = wordSets.get(word);
        return set === undefined || set.has(current);
      },
      phrase: (node) => phraseChecked.get(`${current}\u0000${node.text}`),
    };
    const truthOf = (id: string, entry: QueryEntry): Truth => {
      current = id;
      context.entry = entry;
      return ast ? evaluate(ast, context) : true;
    };
    const test = (meta: ArticleMeta): { entry: QueryEntry; truth: Truth } | undefined => {
      const entry = entryFor(meta);
      if (!entry) return undefined;
      const truth = truthOf(meta.id, entry);
      return truth === false ? undefined : { entry, truth };
    };
    /** Decides the phrases of an article the first pass left undecided. */
    const decide = async (meta: ArticleMeta, entry: QueryEntry): Promise<boolean> => {
      for (const phrase of phrasesOf(ast)) {
        const key = `${meta.id}\u0000${phrase.text}`;
        if (!phraseChecked.has(key))
          phraseChecked.set(key, await this.#holdsPhrase(meta, phrase, plan.scope));
      }
      return truthOf(meta.id, entry) === true;
    };

    const found: QueryHit[] = [];
    const seen = new Set<string>();
    if (rankWords.length > 0) {
      let ask = Math.min(want, this.#store.list().length + 1);
      for (;;) {
        found.length = 0;
        seen.clear();
        const hits = this.#index.search(
          rankWords.join(' '),
          ask,
          (articleId) => {
            const meta = this.#store.get(articleId);
            const tested = meta && test(meta);
            return meta && tested ? { meta, ...tested } : undefined;
          },
          { strict, fields: plan.scope },
        );
        for (const { article, documents, rank } of hits) {
          if (article.truth === undefined && !(await decide(article.meta, article.entry))) continue;
          found.push({ meta: article.meta, documents, rank });
          seen.add(article.meta.id);
          if (found.length >= want) return found;
        }
        if (hits.length < ask) break;
        ask *= 4;
      }
    }
    if (!plan.matchesWithoutWords) return found;
    for (const meta of this.#store.list()) {
      if (seen.has(meta.id)) continue;
      const tested = test(meta);
      if (!tested) continue;
      if (tested.truth === undefined && !(await decide(meta, tested.entry))) continue;
      found.push({ meta, documents: [], rank: found.length });
      if (found.length >= want) break;
    }
    return found;
  }

  /** Whether an article holds a phrase, word for word, in one of `fields`. */
  async #holdsPhrase(meta: ArticleMeta, phrase: PhraseNode, fields: readonly string[]): Promise<boolean> {
    const wanted = phraseWords(phrase.text);
    if (fields.includes('title') && containsPhrase(meta.title, wanted)) return true;
    for (const document of this.#index.annotationsOf(meta.id)) {
      if (fields.includes('highlight') && document.highlight && containsPhrase(document.highlight, wanted))
        return true;
      if (fields.includes('note') && document.note && containsPhrase(document.note, wanted)) return true;
    }
    if (!fields.includes('text')) return false;
    const body = await this.#text(meta.id);
    return body !== undefined && containsPhrase(body, wanted);
  }

  /**
   * The `count` articles closest to article `id` by shared distinctive terms: its terms with the
   * highest tf-idf (title words counted twice, as a reader names a story by its headline) are
   * searched as one query, any of them counting, more of them first. `[]` for an unknown article.
   */
  async relatedArticles(id: string, count: number): Promise<RelatedArticle[]> {
    await this.#queue;
    const meta = this.#store.get(id);
    const body = meta && (await this.#text(id));
    if (!meta || body === undefined) return [];
    const language = stemLanguageOf(meta.language);
    const frequency = new Map<string, number>();
    const title = documentTerms(meta.title, language);
    for (const term of [...title, ...title, ...documentTerms(body, language)])
      frequency.set(term, (frequency.get(term) ?? 0) + 1);
    const documents = Math.max(1, this.#index.documentCount);
    const weighted: Array<[term: string, weight: number]> = [];
    for (const [term, tf] of frequency) {
      const df = this.#index.documentFrequency(term);
      // A term of this article alone links it to nothing; numbers and short words rarely name a story.
      if (df < 2 || term.length < 3 || /^\d+$/.test(term)) continue;
      weighted.push([term, (1 + Math.log(tf)) * Math.log(documents / df)]);
    }
    weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const terms = weighted.slice(0, RELATED_TERMS).map(([term]) => term);
    const hits = this.#index.searchTerms(terms, count, (articleId) =>
      articleId === id ? undefined : this.#store.get(articleId),
    );
    return hits.map(({ article, rank }) => ({
      id: article.id,
      title: article.title,
      section: article.section,
      score: Math.round(1000 / (1 + rank)) / 1000,
    }));
  }

  async #matches(meta: ArticleMeta, hits: DocumentHit[]): Promise<SearchMatch[]> {
    const language = stemLanguageOf(meta.language);
    const matches: SearchMatch[] = [];
    let textTerms: string[] | undefined;
    for (const { document, terms } of hits) {
      if (document.kind === 'article') {
        if (terms.title) {
          const { text, marks } = makeSnippet(meta.title, termMatcher(terms.title, language), 400);
          if (marks.length > 0) matches.push({ field: 'title', snippet: { text, marks } });
        }
        textTerms = terms.text;
        continue;
      }
      for (const field of ['highlight', 'note'] as const) {
        const value = document[field];
        if (!terms[field] || !value) continue;
        const { text, marks } = makeSnippet(value, termMatcher(terms[field], document.language));
        const id = document.annotationId;
        // A highlight's own note matches as a note of that highlight.
        matches.push(
          document.kind === 'highlight'
            ? { field, snippet: { text, marks }, ...(id ? { highlightId: id } : {}) }
            : { field: 'note', snippet: { text, marks }, ...(id ? { noteId: id } : {}) },
        );
      }
    }
    if (textTerms) {
      const body = await this.#text(meta.id);
      if (body !== undefined) {
        const { text, marks, firstMatch } = makeSnippet(body, termMatcher(textTerms, language));
        if (marks.length > 0)
          matches.push({ field: 'text', snippet: { text, marks }, start: Math.max(0, firstMatch) });
      }
    }
    return matches;
  }

  async #text(id: string): Promise<string | undefined> {
    const cached = this.#texts.get(id);
    if (cached !== undefined) {
      // Moved to the end: the map's order is the order of use.
      this.#texts.delete(id);
      this.#texts.set(id, cached);
      return cached;
    }
    try {
      const text = articleText((await this.#store.readArticle(id)).blocks).text;
      this.#texts.set(id, text);
      if (this.#texts.size > TEXT_CACHE_SIZE) this.#texts.delete(this.#texts.keys().next().value as string);
      return text;
    } catch {
      return undefined;
    }
  }

  /** Indexes articles again (imported, updated by a re-import, or restored). */
  articlesChanged(ids: readonly string[]): Promise<void> {
    return this.#enqueue(async () => {
      for (const id of ids) await this.#indexArticle(id);
      this.#schedulePersist();
    });
  }

  /**
   * Indexes articles just committed by an import (added, or updated by a re-import), from the
   * articles themselves: no body is read again.
   */
  articlesImported(articles: readonly Article[]): Promise<void> {
    return this.#enqueue(async () => {
      for (const article of articles) {
        if (!this.#store.get(article.id)) continue;
        this.#putArticle(article, articleText(article.blocks).text);
      }
      if (articles.length > 0) this.#schedulePersist();
    });
  }

  /** Takes removed articles' text out of the index (their annotations stay until forgotten). */
  articlesRemoved(ids: readonly string[]): Promise<void> {
    return this.#enqueue(async () => {
      for (const id of ids) this.#dropArticle(id);
      this.#schedulePersist();
    });
  }

  /** Takes forgotten articles out of the index entirely, annotations included. */
  articlesForgotten(ids: readonly string[]): Promise<void> {
    return this.#enqueue(async () => {
      for (const id of ids) {
        this.#dropArticle(id);
        this.#dropAnnotations(id);
      }
      this.#schedulePersist();
    });
  }

  /**
   * Replaces article `id`'s highlights and notes in the index with `annotations` (as just saved).
   * In memory at once; nothing is written (the annotation file is the journal: see the top).
   */
  annotationsChanged(id: string, annotations: ArticleAnnotations): Promise<void> {
    return this.#enqueue(async () => {
      this.#setAnnotations(id, annotations);
      const signature = await fileSignature(annotationFilePath(this.#store.dataDir, id));
      if (signature) this.#header.annotations[id] = signature;
      else delete this.#header.annotations[id];
    });
  }

  /** Compares the index with the library and annotation files again (after a backup is restored). */
  refresh(): Promise<void> {
    return this.#enqueue(() => this.#reconcile());
  }

  /** Writes the snapshot now if anything changed since the last write. */
  flush(): Promise<void> {
    return this.#enqueue(() => this.#persist());
  }

  /** Writes pending changes and stops the debounce timer. */
  async close(): Promise<void> {
    await this.flush();
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
  }

  async #reconcile(): Promise<void> {
    const metas = this.#store.list();
    const inLibrary = new Set(metas.map((meta) => meta.id));
    let changed = false;
    for (const meta of metas) {
      if (this.#header.articles[meta.id] !== meta.fingerprint) {
        await this.#indexArticle(meta.id);
        changed = true;
      }
    }
    for (const id of Object.keys(this.#header.articles)) {
      if (!inLibrary.has(id)) {
        this.#dropArticle(id);
        changed = true;
      }
    }
    const onDisk = new Set(await annotatedIds(this.#store.dataDir));
    const indexed = new Set([
      ...Object.keys(this.#header.annotationDocs),
      ...Object.keys(this.#header.annotations),
    ]);
    for (const id of indexed) {
      if (!onDisk.has(id)) {
        this.#dropAnnotations(id);
        changed = true;
      }
    }
    for (const id of onDisk) {
      const signature = await fileSignature(annotationFilePath(this.#store.dataDir, id));
      if (signature === this.#header.annotations[id]) continue;
      changed = true;
      try {
        const annotations = await (await this.#options.annotations()).list(id);
        this.#setAnnotations(id, annotations);
        // Read after the list: listing may re-anchor and save the file.
        const after = await fileSignature(annotationFilePath(this.#store.dataDir, id));
        if (after) this.#header.annotations[id] = after;
      } catch {
        // A damaged file: its annotations cannot be searched until it is repaired (it is reported
        // where they are listed). No signature is kept, so the next open tries again.
        this.#dropAnnotations(id);
      }
    }
    if (changed) this.#schedulePersist();
  }

  async #indexArticle(id: string): Promise<void> {
    this.#texts.delete(id);
    const meta = this.#store.get(id);
    if (!meta) {
      this.#dropArticle(id);
      return;
    }
    let text: string;
    try {
      text = articleText((await this.#store.readArticle(id)).blocks).text;
    } catch {
      this.#dropArticle(id);
      return;
    }
    this.#putArticle(meta, text);
  }

  #putArticle(meta: ArticleMeta, text: string): void {
    this.#texts.delete(meta.id);
    const document = articleDocument(meta, text);
    this.#index.discard(document.id);
    this.#index.add(document);
    this.#header.articles[meta.id] = meta.fingerprint;
  }

  #dropArticle(id: string): void {
    this.#texts.delete(id);
    this.#index.discard(articleDocId(id));
    delete this.#header.articles[id];
  }

  #setAnnotations(id: string, annotations: ArticleAnnotations): void {
    this.#dropAnnotations(id);
    const language = this.#store.getIncludingRemoved(id)?.language ?? 'und';
    const documents = annotationDocuments(annotations, language);
    this.#index.addAll(documents);
    if (documents.length > 0) this.#header.annotationDocs[id] = documents.map((document) => document.id);
  }

  #dropAnnotations(id: string): void {
    for (const docId of this.#header.annotationDocs[id] ?? []) this.#index.discard(docId);
    delete this.#header.annotationDocs[id];
    delete this.#header.annotations[id];
  }

  #schedulePersist(): void {
    this.#dirty = true;
    if (this.#store.readOnly || this.#closed) return;
    const delay = this.#options.persistDelayMs ?? 5_000;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      // A failed write is retried at the next change or at close; the files remain the truth.
      void this.flush().catch(() => undefined);
    }, delay);
    this.#timer.unref();
  }

  async #persist(): Promise<void> {
    if (!this.#dirty || this.#store.readOnly) return;
    this.#dirty = false;
    try {
      // Serializing the whole index takes seconds at 20,000 articles: with a worker builder (the
      // app), the worker writes a fresh snapshot from the files instead, and this thread never
      // stringifies. The snapshot then matches the files as the worker read them; anything later
      // is caught up at the next open, as after a crash.
      const text = this.#options.builder
        ? await this.#options.builder(this.#store.dataDir, () => undefined)
        : snapshotText({ ...this.#header, version: SEARCH_INDEX_VERSION }, this.#index.serialize());
      await writeSnapshot(this.#store.dataDir, text);
    } catch (error) {
      this.#dirty = true;
      throw error;
    }
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task);
    this.#queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}
