/**
 * What goes into the search index, and the MiniSearch options shared by the thread that builds
 * the index (search-build-worker.ts) and the one that queries it (search-index.ts): both must
 * process text the same way, or a loaded index would not answer its own queries.
 *
 * Why MiniSearch (minisearch on npm): a small, dependency-free, well-kept full-text index with
 * BM25 ranking, per-field boosts, prefix and fuzzy (edit distance) search, a custom tokenizer and
 * term processing (our accent folding and stemming), documents added and discarded one at a time
 * (incremental updates), and an index that serializes to JSON and loads back, asynchronously too.
 * FlexSearch is faster on huge corpora but its persistence is per-key export callbacks and its
 * typings are loose; Orama is larger and built around its own schema and plugins.
 */
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { ArticleAnnotations } from '../../core/annotations/model';
import {
  foldWord,
  isStopWord,
  queryTermsOf,
  stem,
  stemLanguageOf,
  tokenize,
  type StemLanguage,
} from '../../core/search/text';

/** Bump when the documents or the text processing change: an index of another version is rebuilt. */
export const SEARCH_INDEX_VERSION = 1;

export type SearchDocumentKind = 'article' | 'highlight' | 'note';

/**
 * One document of the index: an article (its title and body text), one highlight (its quote, and
 * its note), or one note. Ids: `a:<articleId>`, `h:<articleId>:<highlightId>`, `n:<articleId>:<noteId>`.
 */
export interface SearchDocument {
  id: string;
  articleId: string;
  kind: SearchDocumentKind;
  language: StemLanguage;
  annotationId?: string;
  title?: string;
  text?: string;
  highlight?: string;
  note?: string;
}

/** The fields stored with each document (returned with results; body text is not, it is large). */
export interface StoredSearchFields {
  articleId: string;
  kind: SearchDocumentKind;
  annotationId?: string;
  language: StemLanguage;
  highlight?: string;
  note?: string;
}

const INDEXED_FIELDS = ['title', 'text', 'highlight', 'note'] as const;
type IndexedField = (typeof INDEXED_FIELDS)[number];

/*
 * Boosts: a word in the title says most about what the article is about; the reader's own
 * highlights and notes say what mattered to them; the body text counts least (it is also the
 * longest field, which BM25 already discounts).
 */
export const FIELD_BOOSTS: Record<IndexedField, number> = { title: 3, highlight: 2, note: 2, text: 1 };

/**
 * Typo tolerance: one edit from 5 letters (0.2 × length, rounded), two from 8, never more (a
 * distance of 3 on a long word walks much of the vocabulary for little gain).
 */
export const FUZZY = 0.2;
export const MAX_FUZZY = 2;
export const FUZZY_MIN_LENGTH = 5;
/** Prefix matching from 2 letters (as one types); one letter would match half the vocabulary. */
export const PREFIX_MIN_LENGTH = 2;

/*
 * Each document's words are stemmed by its own language's rules when it is indexed: extractField
 * hands MiniSearch words already folded and stemmed (joined by spaces), so the index-time
 * `processTerm` has nothing left to do. The query is stemmed by every language's rules
 * (`queryTermsOf`) since its language is not known.
 */
export const SEARCH_OPTIONS: Options<SearchDocument> = {
  idField: 'id',
  fields: [...INDEXED_FIELDS],
  storeFields: ['articleId', 'kind', 'annotationId', 'language', 'highlight', 'note'],
  extractField: (document, field) => {
    const value = document[field as keyof SearchDocument];
    if (!INDEXED_FIELDS.includes(field as IndexedField)) return value;
    if (typeof value !== 'string') return '';
    const terms: string[] = [];
    for (const token of tokenize(value)) {
      const folded = foldWord(token.word);
      if (!isStopWord(folded)) terms.push(stem(folded, document.language));
    }
    return terms.join(' ');
  },
  tokenize: (text) => text.split(' '),
  processTerm: (term) => term || null,
  searchOptions: {
    boost: FIELD_BOOSTS,
    tokenize: (text) => tokenize(text).map((token) => token.word),
    processTerm: (term) => queryTermsOf(term),
    // The defaults; SearchIndex.search narrows them per query (see there).
    prefix: (term) => term.length >= PREFIX_MIN_LENGTH,
    fuzzy: (term) => (term.length >= FUZZY_MIN_LENGTH ? FUZZY : false),
    maxFuzzy: MAX_FUZZY,
    combineWith: 'OR',
  } satisfies SearchOptions,
  // Discarded documents are cleaned up in small batches between other work (MiniSearch's default).
  autoVacuum: true,
};

/** A new, empty index. */
export function createIndex(): MiniSearch<SearchDocument> {
  return new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
}

export const articleDocId = (articleId: string): string => `a:${articleId}`;

/** The document of an article: its title and body text (blocks joined by blank lines). */
export function articleDocument(
  article: { id: string; title: string; language: string },
  text: string,
): SearchDocument {
  return {
    id: articleDocId(article.id),
    articleId: article.id,
    kind: 'article',
    language: stemLanguageOf(article.language),
    title: article.title,
    text,
  };
}

/** One document per highlight (quote and note) and per note of an article. */
export function annotationDocuments(annotations: ArticleAnnotations, language: string): SearchDocument[] {
  const lang = stemLanguageOf(language);
  const { articleId } = annotations;
  return [
    ...annotations.highlights.map((highlight): SearchDocument => ({
      id: `h:${articleId}:${highlight.id}`,
      articleId,
      kind: 'highlight',
      language: lang,
      annotationId: highlight.id,
      highlight: highlight.selectors[0].exact,
      note: highlight.note,
    })),
    ...annotations.notes.map((note): SearchDocument => ({
      id: `n:${articleId}:${note.id}`,
      articleId,
      kind: 'note',
      language: lang,
      annotationId: note.id,
      note: note.text,
    })),
  ];
}
