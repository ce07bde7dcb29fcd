/** What a search asks and answers, shared by the services, the contract and the renderer. */
import type { ReadingState } from '../reading';
import type { Snippet } from './snippet';

export const SEARCH_FIELDS = ['title', 'text', 'highlight', 'note'] as const;
/** Where a match is: the article's title or text, one of its highlights, or one of its notes. */
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** A search: the words typed and the filters combined with them (all optional but the query). */
export interface SearchQuery {
  query: string;
  section?: string | undefined;
  state?: ReadingState | undefined;
  /** Articles carrying every one of these tags. */
  tags?: string[] | undefined;
  /** Only articles with (true) or without (false) highlights or notes. */
  hasAnnotations?: boolean | undefined;
  /** At most this many articles (default 50). */
  limit?: number | undefined;
}

/** One place an article matched. */
export interface SearchMatch {
  field: SearchField;
  snippet: Snippet;
  /** The highlight that matched (its quote, or its note: `field` says which). */
  highlightId?: string;
  noteId?: string;
  /** For a text match: the offset of the first matched word in the article's body text. */
  start?: number;
}

/** An article that matched, best first. */
export interface SearchResult {
  id: string;
  title: string;
  section: string;
  score: number;
  matches: SearchMatch[];
}

/** An article close to another one (related coverage: "More on this"), closest first. */
export interface RelatedArticle {
  id: string;
  title: string;
  section: string;
  /** 1 for the closest, less for the next ones. */
  score: number;
}

/** How far an index build has gone (a rebuild when the index file is missing or damaged). */
export interface SearchIndexProgress {
  phase: 'loading' | 'building' | 'ready';
  done: number;
  total: number;
  /** Why the index is being built: 'missing', 'damaged', 'version' (made by another Gazette). */
  reason?: 'missing' | 'damaged' | 'version';
}

/** A named query with its filters, shown in the library's side list. */
export interface SavedView {
  name: string;
  query: string;
  section?: string | undefined;
  state?: ReadingState | undefined;
  tags?: string[] | undefined;
  hasAnnotations?: boolean | undefined;
}
