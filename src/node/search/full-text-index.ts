/**
 * The full-text index: FlexSearch (flexsearch on npm) indexes and ranks the documents of
 * search-documents.ts (articles, highlights, notes); this file feeds it our own index terms and
 * groups its answers by article.
 *
 * - Text processing stays ours: a field is turned into index terms by `documentTerms` (folded,
 *   stop words out, stemmed in the document's language) and handed to FlexSearch already encoded
 *   (its encoder only splits on spaces), so a query term, processed by the same rules, meets
 *   exactly the terms indexed.
 * - Three FlexSearch indexes share one id space (document slots, numbers, as FlexSearch advises):
 *   titles (tokenized "forward": the word being typed finds the titles it begins a word of),
 *   body texts, and annotations (a highlight's quote and note, or a note). Annotations change at
 *   every save, so they are indexed with `fastupdate` (a removal touches only the document's own
 *   lists) and indexed again from their text at load; titles and bodies are FlexSearch's export.
 * - Ranking is FlexSearch's: a document scores by where the words stand (a title first, then
 *   the body text in 9 slots, earlier better), and a query of several words by how many of them
 *   a document holds (`suggest`: a word missing is not fatal), then by those slots. Each query
 *   word searches its stems in both languages, plus, in bodies and annotations, for the word
 *   being typed, the most frequent words it begins, and for an unknown word, near spellings
 *   (from a vocabulary in MiniSearch's radix tree, `SearchableMap`): a word's alternatives are
 *   joined with FlexSearch's `or`, the words with its `and` (suggest), which stops at `limit`.
 *   When the filters turn too many articles down, the search is asked again for more.
 * - An article discarded (re-imported, removed) is only marked dead: FlexSearch's removal without
 *   `fastupdate` (the case after an import) walks the whole index. Dead slots are left out of
 *   answers and of the snapshot's document table; the worker's next snapshot (built from the
 *   files) holds none.
 */
import { Index, Resolver, type Id } from 'flexsearch';
import SearchableMap from 'minisearch/SearchableMap';
import { SEARCH_FIELDS, type SearchField } from '../../core/search/model';
import { queryTermsOf, words, type StemLanguage } from '../../core/search/text';
import {
  documentTerms,
  FUZZY,
  FUZZY_MIN_LENGTH,
  MAX_FUZZY,
  parseDocId,
  PREFIX_MIN_LENGTH,
  queryTerms,
  type SearchDocument,
  type SearchDocumentKind,
} from './search-documents';

/** Completions of the word being typed searched at most, the most frequent first. */
const MAX_COMPLETIONS = 12;

/** Documents asked of FlexSearch for `limit` articles at first (more if filters turn many down). */
const OVERFETCH = 3;

/** Chunks of the articles' index restored between two pauses when loading a snapshot. */
const LOAD_BATCH = 2;

/** A document as the index keeps it besides its words: annotations keep their text, for snippets. */
export interface IndexedDocument {
  id: string;
  articleId: string;
  kind: SearchDocumentKind;
  language: StemLanguage;
  annotationId?: string;
  highlight?: string;
  note?: string;
  /** A highlight's colour. */
  color?: string;
}

/** How a search looks words up (see `FullTextIndex.searchWords`). */
export interface WordSearchOptions {
  /** Every word must match (the search language's AND); otherwise a word missing is not fatal. */
  strict?: boolean;
  /** Where words may match; all four fields by default. */
  fields?: readonly SearchField[];
}

/** A document that matched, and the index terms of the query that may have matched in each field. */
export interface DocumentHit {
  document: IndexedDocument;
  /** The query's index terms (all of them for an article's title and text: snippets mark those present). */
  terms: Partial<Record<SearchField, string[]>>;
}

/** An article that matched. */
export interface ArticleHit<T> {
  articleId: string;
  /** What `select` returned for the article. */
  article: T;
  /** FlexSearch's order: 0 for the best. */
  rank: number;
  /** Best first. */
  documents: DocumentHit[];
}

/** The snapshot's first line (after the header): the document table and the vocabulary. */
interface SnapshotTable {
  /** Documents by slot: [id, language] or, for an annotation, [id, language, highlight, note]; 0 when dead. */
  documents: Array<SerializedDocument | 0>;
  vocabulary: Array<[term: string, count: number]>;
}
type SerializedDocument =
  | [id: string, language: StemLanguage]
  | [id: string, language: StemLanguage, highlight: string | null, note: string | null, color?: string];

/** Our terms arrive encoded, joined by spaces. */
const split = (content: string): string[] => (content ? content.split(' ') : []);

/*
 * Body texts: FlexSearch's default scoring (9 slots along the text, earlier better). Titles: one
 * slot, indexed forward (every start of every word, so the word being typed finds them).
 * Annotations: one slot (any word of a note counts), and `fastupdate`, for removals.
 */
const newBodyIndex = (): Index => new Index({ tokenize: 'strict', encode: split });
const newTitleIndex = (): Index => new Index({ tokenize: 'forward', resolution: 1, encode: split });
const newAnnotationIndex = (): Index =>
  new Index({ tokenize: 'strict', resolution: 1, encode: split, fastupdate: true });

/** A query word: its stems (searched everywhere), and words it may stand for (not in titles). */
interface QueryWord {
  stems: string[];
  more: string[];
}

export class FullTextIndex {
  #titles = newTitleIndex();
  #bodies = newBodyIndex();
  readonly #annotations = newAnnotationIndex();
  /** Documents by slot; a discarded one leaves `undefined`. */
  readonly #documents: Array<IndexedDocument | undefined> = [];
  readonly #slots = new Map<string, number>();
  /** Every index term with the number of documents it was added for, for completions and typos. */
  readonly #vocabulary = new SearchableMap<number>();
  /** The slots of each article's highlights and notes (for colours and phrases). */
  readonly #annotationSlots = new Map<string, Set<number>>();

  /** How many documents the index holds. */
  get documentCount(): number {
    return this.#slots.size;
  }

  has(id: string): boolean {
    return this.#slots.has(id);
  }

  /** Indexes a document; one with the same id must be discarded first. */
  add(document: SearchDocument): void {
    if (this.#slots.has(document.id)) throw new Error(`The search index already holds ${document.id}.`);
    const slot = this.#documents.length;
    const { kind, articleId, annotationId, language, highlight, note, color } = document;
    this.#documents.push(
      kind === 'article'
        ? { id: document.id, articleId, kind, language }
        : {
            id: document.id,
            articleId,
            kind,
            language,
            annotationId,
            highlight,
            note,
            ...(color ? { color } : {}),
          },
    );
    this.#slots.set(document.id, slot);
    if (kind === 'article') {
      const title = document.title ? documentTerms(document.title, language) : [];
      const text = document.text ? documentTerms(document.text, language) : [];
      this.#count(title, text);
      this.#titles.add(slot, title.join(' '));
      this.#bodies.add(slot, text.join(' '));
    } else this.#addAnnotation(slot, document, true);
  }

  #trackAnnotation(articleId: string, slot: number, add: boolean): void {
    const slots = this.#annotationSlots.get(articleId) ?? new Set<number>();
    if (add) slots.add(slot);
    else slots.delete(slot);
    if (slots.size > 0) this.#annotationSlots.set(articleId, slots);
    else this.#annotationSlots.delete(articleId);
  }

  /** An article's highlights and notes as indexed (their text and colours). */
  annotationsOf(articleId: string): IndexedDocument[] {
    return [...(this.#annotationSlots.get(articleId) ?? [])].flatMap((slot) => this.#documents[slot] ?? []);
  }

  /** The colours of an article's highlights. */
  colorsOf(articleId: string): string[] {
    const colors = new Set<string>();
    for (const document of this.annotationsOf(articleId)) if (document.color) colors.add(document.color);
    return [...colors];
  }

  /** How many documents hold `term` (an index term): the "document frequency" of tf-idf. */
  documentFrequency(term: string): number {
    return this.#vocabulary.get(term) ?? 0;
  }

  addAll(documents: readonly SearchDocument[]): void {
    for (const document of documents) this.add(document);
  }

  #addAnnotation(
    slot: number,
    document: {
      articleId: string;
      language: StemLanguage;
      highlight?: string | undefined;
      note?: string | undefined;
    },
    count: boolean,
  ): void {
    this.#trackAnnotation(document.articleId, slot, true);
    const terms = [document.highlight, document.note].flatMap((text) =>
      text ? documentTerms(text, document.language) : [],
    );
    if (count) this.#count(terms);
    this.#annotations.add(slot, terms.join(' '));
  }

  /** Counts a document's distinct terms in the vocabulary. */
  #count(...fields: string[][]): void {
    for (const term of new Set(fields.flat())) this.#vocabulary.update(term, (count = 0) => count + 1);
  }

  /** Takes a document out of searches at once (see the top about articles). */
  discard(id: string): void {
    const slot = this.#slots.get(id);
    if (slot === undefined) return;
    const document = this.#documents[slot] as IndexedDocument;
    this.#slots.delete(id);
    this.#documents[slot] = undefined;
    if (document.kind === 'article') return;
    this.#trackAnnotation(document.articleId, slot, false);
    this.#annotations.remove(slot);
    const terms = [document.highlight, document.note].flatMap((text) =>
      text ? documentTerms(text, document.language) : [],
    );
    for (const term of new Set(terms)) {
      const count = (this.#vocabulary.get(term) ?? 1) - 1;
      if (count > 0) this.#vocabulary.set(term, count);
      else this.#vocabulary.delete(term);
    }
  }

  /**
   * The best `limit` articles for `query`, best first, each with its matching documents. `select`
   * says whether an article may be shown (undefined: no) and what to return with it; it is asked
   * in ranking order, only until `limit` articles are accepted.
   */
  search<T>(
    query: string,
    limit: number,
    select: (articleId: string) => T | undefined,
    options: WordSearchOptions = {},
  ): Array<ArticleHit<T>> {
    return this.#search(this.#queryGroups(query, true), limit, select, options);
  }

  /**
   * The floor a query is measured against in the benchmark: FlexSearch's own lookup of the
   * query's stems in titles and bodies, `limit` each, with no completions, typos, grouping,
   * filters or snippets. Returns how many slots it found.
   */
  bareLookup(query: string, limit: number): number {
    let found = 0;
    for (const term of queryTerms(query)) {
      found += (this.#titles.search(term, { limit, offset: 0 }) as number[]).length;
      found += (this.#bodies.search(term, { limit, offset: 0 }) as number[]).length;
    }
    return found;
  }

  /**
   * Like `search`, for index terms already made (no stemming, completion or typos): what
   * related coverage asks with an article's most distinctive terms.
   */
  searchTerms<T>(
    terms: readonly string[],
    limit: number,
    select: (articleId: string) => T | undefined,
  ): Array<ArticleHit<T>> {
    return this.#search(
      terms.map((term) => ({ stems: [term], more: [] })),
      limit,
      select,
      { fields: ['title', 'text'] },
    );
  }

  #search<T>(
    groups: QueryWord[],
    limit: number,
    select: (articleId: string) => T | undefined,
    options: WordSearchOptions,
  ): Array<ArticleHit<T>> {
    if (groups.length === 0 || limit <= 0) return [];
    const fields = new Set(options.fields ?? SEARCH_FIELDS);
    const strict = options.strict ?? false;
    const terms = [...new Set(groups.flatMap(({ stems, more }) => [...stems, ...more]))];
    let want = Math.min(limit * OVERFETCH + 10, this.#documents.length + 1);
    for (;;) {
      const slots = this.#ranked(groups, want, fields, strict);
      const hits = this.#group(slots, terms, limit, select, fields);
      if (hits.length >= limit || slots.length < want) return hits;
      want *= 4;
    }
  }

  /**
   * The articles holding `word` (any of the index terms it may stand for, typos included, but
   * no completions) in one of `fields`; a word of several (`state-owned`) needs all of them.
   * `undefined` for a word with no index term (a stop word): it asks nothing.
   */
  articlesWith(word: string, fields: readonly SearchField[]): Set<string> | undefined {
    const groups = this.#queryGroups(word, false);
    if (groups.length === 0) return undefined;
    const wanted = new Set(fields);
    let found: Set<string> | undefined;
    for (const { stems, more } of groups) {
      const articles = new Set<string>();
      const all = [...stems, ...more];
      const lookups: Array<[Index, string[]]> = [];
      if (wanted.has('title')) lookups.push([this.#titles, stems]);
      if (wanted.has('text')) lookups.push([this.#bodies, all]);
      if (wanted.has('highlight') || wanted.has('note')) lookups.push([this.#annotations, all]);
      const termSet = new Set(all);
      for (const [index, queries] of lookups) {
        for (const query of queries) {
          const slots = index.search(query, { limit: this.#documents.length + 1, offset: 0 }) as number[];
          for (const slot of slots) {
            const document = this.#documents[slot];
            if (!document || articles.has(document.articleId)) continue;
            if (index === this.#annotations && !inFields(document, termSet, all, wanted)) continue;
            articles.add(document.articleId);
          }
        }
      }
      found = found ? new Set([...found].filter((id) => articles.has(id))) : articles;
    }
    return found;
  }

  /**
   * A query's words, each as the index terms it may stand for: its stems in both languages; for
   * the last word (being typed), the words it begins; for a word the index does not hold, near
   * spellings. Known terms only (FlexSearch would find nothing for the others).
   */
  #queryGroups(query: string, typing: boolean): QueryWord[] {
    const all = words(query);
    const groups: QueryWord[] = [];
    all.forEach((word, i) => {
      const stems = queryTermsOf(word);
      if (stems.length === 0) return;
      const last = typing && i === all.length - 1;
      const more = new Set<string>();
      for (const stem of stems) {
        if (last && stem.length >= PREFIX_MIN_LENGTH)
          for (const longer of this.#completions(stem)) more.add(longer);
        const edits = this.#typoTolerance(stem, last);
        if (edits > 0) {
          for (const near of this.#vocabulary.fuzzyGet(stem, edits).keys()) more.add(near);
          // Two letters swapped ("wolrd", "selilng"), the commonest typo, is two edits for the
          // radix tree's Levenshtein distance: out of reach of a five-letter word's one edit.
          for (let i = 0; i + 1 < stem.length; i += 1) {
            const swapped = stem.slice(0, i) + stem[i + 1] + stem[i] + stem.slice(i + 2);
            if (swapped !== stem && this.#vocabulary.has(swapped)) more.add(swapped);
          }
        }
      }
      for (const stem of stems) more.delete(stem);
      groups.push({ stems, more: [...more] });
    });
    return groups;
  }

  /** The most frequent words `prefix` begins (as many as MAX_COMPLETIONS). */
  #completions(prefix: string): string[] {
    const found: Array<[term: string, count: number]> = [];
    for (const [term, count] of this.#vocabulary.atPrefix(prefix))
      if (term !== prefix) found.push([term, count]);
    if (found.length > MAX_COMPLETIONS) found.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    return found.slice(0, MAX_COMPLETIONS).map(([term]) => term);
  }

  /*
   * A word the index holds is not a typo; nor is the start of a known word, for the last word
   * (probably not finished), which has completions then.
   */
  #typoTolerance(term: string, last: boolean): number {
    if (term.length < FUZZY_MIN_LENGTH || this.#vocabulary.has(term)) return 0;
    if (last && this.#vocabulary.atPrefix(term).size > 0) return 0;
    return Math.min(MAX_FUZZY, Math.round(term.length * FUZZY));
  }

  /**
   * The best `limit` document slots for the query words, in FlexSearch's order: each word's
   * stems in titles (as prefixes), then its stems and the words it may stand for in body texts
   * and annotations, joined with `or`; the words with `and` (suggest: a word missing is not
   * fatal). Words that find nothing are left out first (FlexSearch's `and` would stop at an empty
   * first one).
   */
  #ranked(groups: QueryWord[], limit: number, fields: ReadonlySet<SearchField>, strict: boolean): number[] {
    const resolvers = groups.map(({ stems, more }) => {
      const lookups: Array<{ query: string; index: Index }> = [];
      if (fields.has('title')) lookups.push(...stems.map((query) => ({ query, index: this.#titles })));
      for (const query of [...stems, ...more]) {
        if (fields.has('text')) lookups.push({ query, index: this.#bodies });
        if (fields.has('highlight') || fields.has('note')) lookups.push({ query, index: this.#annotations });
      }
      const [first, ...others] = lookups;
      if (!first) return undefined;
      // FlexSearch's `or()` with no argument throws.
      return others.length > 0 ? new Resolver(first).or(...others) : new Resolver(first);
    });
    // Strict: a word that finds nothing leaves nothing. Otherwise it is left out first
    // (FlexSearch's `and` would stop at an empty first one).
    if (strict && resolvers.some((resolver) => !resolver || resolver.result.length === 0)) return [];
    type Found = NonNullable<(typeof resolvers)[number]>;
    const found = resolvers.filter(
      (resolver): resolver is Found => resolver !== undefined && resolver.result.length > 0,
    );
    const [first, ...others] = found;
    if (!first) return [];
    // `offset: 0` said, or FlexSearch 0.8.212 answers [] when one slot holds more than `limit` ids.
    if (others.length === 0) return first.resolve({ limit, offset: 0 }) as number[];
    return first.and(...others, { suggest: !strict, limit, resolve: true }) as number[];
  }

  /** Groups ranked document slots by article, keeping the accepted articles, up to `limit`. */
  #group<T>(
    slots: readonly Id[],
    terms: string[],
    limit: number,
    select: (articleId: string) => T | undefined,
    fields: ReadonlySet<SearchField>,
  ): Array<ArticleHit<T>> {
    const byArticle = new Map<string, { documents: IndexedDocument[]; rank: number }>();
    const scoped = fields.size < SEARCH_FIELDS.length;
    const termSet = scoped ? new Set(terms) : undefined;
    slots.forEach((slot, rank) => {
      const document = this.#documents[slot as number];
      if (!document) return;
      // `in:highlight` or `in:note`: an annotation counts only where the words are in that field.
      if (termSet && document.kind !== 'article' && !inFields(document, termSet, terms, fields)) return;
      const group = byArticle.get(document.articleId);
      if (group) group.documents.push(document);
      else byArticle.set(document.articleId, { documents: [document], rank });
    });
    const hits: Array<ArticleHit<T>> = [];
    const wanted = new Set(terms);
    for (const [articleId, { documents, rank }] of byArticle) {
      const article = select(articleId);
      if (article === undefined) continue;
      hits.push({
        articleId,
        article,
        rank,
        documents: documents.map((document) => ({
          document,
          terms: scopedTerms(termsIn(document, wanted, terms), fields),
        })),
      });
      if (hits.length === limit) break;
    }
    return hits;
  }

  /**
   * The snapshot form: a line of JSON (`SnapshotTable`: documents and vocabulary), then the
   * articles' index as FlexSearch exports it, a line per chunk: its key, a tab, its data.
   */
  serialize(): string {
    const documents = this.#documents.map((document): SerializedDocument | 0 => {
      if (!document) return 0;
      const { id, language, kind, highlight, note, color } = document;
      if (kind === 'article') return [id, language];
      return color
        ? [id, language, highlight ?? null, note ?? null, color]
        : [id, language, highlight ?? null, note ?? null];
    });
    const table: SnapshotTable = { documents, vocabulary: [...this.#vocabulary] };
    const lines = [JSON.stringify(table)];
    this.#titles.export((key, data) => {
      lines.push(`t.${key}\t${data}`);
    });
    this.#bodies.export((key, data) => {
      lines.push(`b.${key}\t${data}`);
    });
    return lines.join('\n');
  }

  /**
   * The index of a snapshot (`serialize`); throws if the text is not one. Pauses between chunks,
   * so the thread keeps answering while a large index loads.
   */
  static async load(text: string): Promise<FullTextIndex> {
    const lines = text.split('\n');
    const index = new FullTextIndex();
    let table: unknown;
    try {
      table = JSON.parse(lines[0] ?? '');
    } catch {
      throw damaged('the document table is not JSON');
    }
    if (typeof table !== 'object' || table === null) throw damaged('no document table');
    const { documents, vocabulary } = table as { documents?: unknown; vocabulary?: unknown };
    if (!Array.isArray(documents) || !Array.isArray(vocabulary)) throw damaged('no documents or vocabulary');
    (documents as unknown[]).forEach((row, slot) => index.#restoreDocument(row, slot));
    for (const entry of vocabulary as unknown[]) {
      const [term, count] = Array.isArray(entry) ? (entry as unknown[]) : [];
      if (typeof term !== 'string' || !Number.isInteger(count)) throw damaged('bad vocabulary');
      index.#vocabulary.set(term, count as number);
    }
    const titles = newTitleIndex();
    const bodies = newBodyIndex();
    for (let i = 1; i < lines.length; i += 1) {
      const line = lines[i] as string;
      const tab = line.indexOf('\t');
      if (tab < 0) throw damaged('bad index chunk');
      try {
        const [which, ...key] = line.slice(0, tab).split('.');
        const target = which === 't' ? titles : which === 'b' ? bodies : undefined;
        if (!target) throw damaged('an index chunk of no index');
        target.import(key.join('.'), line.slice(tab + 1));
      } catch {
        throw damaged('an index chunk is not JSON');
      }
      if (i % LOAD_BATCH === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    index.#titles = titles;
    index.#bodies = bodies;
    return index;
  }

  #restoreDocument(row: unknown, slot: number): void {
    this.#documents[slot] = undefined;
    if (row === 0) return;
    if (!Array.isArray(row)) throw damaged('a document is not a list');
    const [id, language, highlight, note, color] = row as unknown[];
    if (typeof id !== 'string' || this.#slots.has(id)) throw damaged('a document id is missing or repeated');
    if (language !== 'en' && language !== 'fr' && language !== 'other')
      throw damaged(`bad language in ${id}`);
    const { kind, articleId, annotationId } = parseDocId(id);
    this.#slots.set(id, slot);
    if (kind === 'article') {
      this.#documents[slot] = { id, articleId, kind, language };
      return;
    }
    if ((highlight !== null && typeof highlight !== 'string') || (note !== null && typeof note !== 'string'))
      throw damaged(`bad annotation text in ${id}`);
    if (color !== undefined && typeof color !== 'string') throw damaged(`bad colour in ${id}`);
    const document: IndexedDocument = {
      id,
      articleId,
      kind,
      language,
      annotationId,
      highlight: highlight ?? undefined,
      note: note ?? undefined,
      ...(color ? { color } : {}),
    };
    this.#documents[slot] = document;
    this.#addAnnotation(slot, document, false);
  }
}

/**
 * The query terms a document may show, by field: for an article, all of them for title and text
 * (its words are not kept here: a snippet marks those present); for an annotation, those its text holds.
 */
function termsIn(
  document: IndexedDocument,
  wanted: Set<string>,
  terms: string[],
): Partial<Record<SearchField, string[]>> {
  if (document.kind === 'article') return { title: terms, text: terms };
  const found: Partial<Record<SearchField, string[]>> = {};
  for (const field of ['highlight', 'note'] as const) {
    const text = document[field];
    const present = text
      ? [...new Set(documentTerms(text, document.language))].filter((t) => wanted.has(t))
      : [];
    if (present.length > 0) found[field] = present;
  }
  return found;
}

/** Whether an annotation holds one of `wanted` in one of `fields` (a highlight's quote, or a note). */
function inFields(
  document: IndexedDocument,
  wanted: Set<string>,
  terms: string[],
  fields: ReadonlySet<SearchField>,
): boolean {
  const found = termsIn(document, wanted, terms);
  return (
    (fields.has('highlight') && found.highlight !== undefined) ||
    (fields.has('note') && found.note !== undefined)
  );
}

/** Only the fields searched (`in:`): a title-only search shows no text snippet. */
function scopedTerms(
  terms: Partial<Record<SearchField, string[]>>,
  fields: ReadonlySet<SearchField>,
): Partial<Record<SearchField, string[]>> {
  if (fields.size === SEARCH_FIELDS.length) return terms;
  const kept: Partial<Record<SearchField, string[]>> = {};
  for (const field of SEARCH_FIELDS) if (fields.has(field) && terms[field]) kept[field] = terms[field];
  return kept;
}

const damaged = (detail: string): Error => new Error(`The search index snapshot is damaged: ${detail}.`);
