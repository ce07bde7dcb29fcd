/**
 * What reading one import file gives: articles (one for a text file or a web page, many for a
 * JSON Lines file or another reader's export), link-only entries, and failures, each with its
 * reason. Plain data: it crosses from the parse workers to the import as a structured clone.
 */
import type { ArticleMetadata, Encoding, ParsedArticle } from '../../core/article';
import type { Issue } from './issues';

/** How far the reader got in another reader app, as that app says it. */
export type ReadingState = 'unread' | 'reading' | 'finished';

/** A highlight from another reader's export: no position, so it is anchored by its quote. */
export interface CarriedHighlight {
  quote: string;
  note?: string;
  /** ISO 8601, when the export gives it. */
  createdAt?: string;
}

/**
 * The reader's own data that came with an article in another reader's export (Omnivore,
 * Wallabag): what the import hands to `ImportOptions.onReaderData` for the annotation, progress
 * and tag stores to take in.
 */
export interface ReaderData {
  state?: ReadingState;
  /** Fraction read, 0–1, when the export gives one. */
  progress?: number;
  starred?: boolean;
  /** The reader's own tags (labels), as written. */
  tags: string[];
  highlights: CarriedHighlight[];
  /** ISO 8601: when the reader saved the article in that app. */
  savedAt?: string;
}

/** One article read from a file. */
export interface ArticleOutcome {
  kind: 'article';
  /** Absolute path of the file it came from. */
  path: string;
  /**
   * The article's identity in the library: the file's path for a one-article file, the path
   * plus `#` and the record's key (its URL, or its index) for a record of a multi-record file.
   */
  source: string;
  encoding: Encoding;
  /** SHA-256 of the canonical text; see `fingerprint.ts`. */
  fingerprint: string;
  /** Name of the folder holding the file, e.g. `business`. */
  section: string;
  article: ParsedArticle;
  /** What the format told about the article (author, site, URL, dates...). */
  metadata: ArticleMetadata;
  readerData?: ReaderData;
}

/** A file, or one record of one, that gave no article; `path` names the record when it is one. */
export type FailedOutcome = { kind: 'failed'; path: string } & Issue;

/** A file of links without their text (Pocket, Instapaper): nothing to import offline. */
export interface LinkOnlyOutcome {
  kind: 'link-only';
  path: string;
  count: number;
}

export type FileOutcome = ArticleOutcome | FailedOutcome | LinkOnlyOutcome;
