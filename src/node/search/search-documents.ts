/**
 * What goes into the search index, and how its text is processed, shared by the thread that builds
 * the index (search-build-worker.ts) and the one that queries it (search-index.ts): both must
 * process text the same way, or a loaded index would not answer its own queries.
 *
 * The index itself is FlexSearch (full-text-index.ts), fed with the terms made here. It was
 * MiniSearch until its per-result objects made a query for a common word take 20 ms at 20,000
 * articles; MiniSearch's radix tree (SearchableMap) still finds the completions and typos.
 */
import type { ArticleAnnotations } from '../../core/annotations/model';
import {
  foldWord,
  isStopWord,
  queryTermsOf,
  stem,
  stemLanguageOf,
  words,
  type StemLanguage,
} from '../../core/search/text';

/**
 * Bump when the documents, the text processing or the snapshot's shape change: an index of
 * another version is rebuilt. 2: full-text-index.ts's own snapshot form instead of MiniSearch's,
 * annotations' own text kept for snippets, the letters an apostrophe leaves alone as stop words.
 * 3: FlexSearch's export. 4: highlights' colours kept (for `color:` in the search language).
 */
export const SEARCH_INDEX_VERSION = 4;

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
  /** A highlight's colour. */
  color?: string;
}

/**
 * Typo tolerance: one edit from 5 letters (0.2 × length, rounded), two from 8, never more (a
 * distance of 3 on a long word walks much of the vocabulary for little gain).
 */
export const FUZZY = 0.2;
export const MAX_FUZZY = 2;
export const FUZZY_MIN_LENGTH = 5;
/** Prefix matching from 2 letters (as one types); one letter would match half the vocabulary. */
export const PREFIX_MIN_LENGTH = 2;

/**
 * The index terms of a document's field: its words folded, stop words left out, each stemmed by
 * the document's own language (a document is indexed once, in its language).
 */
export function documentTerms(text: string, language: StemLanguage): string[] {
  const terms: string[] = [];
  for (const word of words(text)) {
    const folded = foldWord(word);
    if (!isStopWord(folded)) terms.push(stem(folded, language));
  }
  return terms;
}

/**
 * The terms a query searches, in order, each once: every word stemmed by each language's rules
 * (`queryTermsOf`), since the query's language is not known.
 */
export function queryTerms(query: string): string[] {
  return [...new Set(words(query).flatMap((word) => queryTermsOf(word)))];
}

export const articleDocId = (articleId: string): string => `a:${articleId}`;

/** The article and annotation of a document id (see `SearchDocument`); article ids hold no colon. */
export function parseDocId(id: string): {
  kind: SearchDocumentKind;
  articleId: string;
  annotationId?: string;
} {
  const kinds: Record<string, SearchDocumentKind> = { a: 'article', h: 'highlight', n: 'note' };
  const kind = kinds[id.slice(0, 1)];
  if (!kind || id[1] !== ':') throw new Error(`Not a search document id: ${id}`);
  if (kind === 'article') return { kind, articleId: id.slice(2) };
  const colon = id.indexOf(':', 2);
  if (colon < 0) throw new Error(`Not a search document id: ${id}`);
  return { kind, articleId: id.slice(2, colon), annotationId: id.slice(colon + 1) };
}

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
      color: highlight.color,
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
