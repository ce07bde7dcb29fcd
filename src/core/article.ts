/**
 * The article model shared by every layer: the importer produces it, the store keeps it,
 * the command line prints it and the renderer shows it. Plain data only (no Node, no DOM),
 * so it crosses the IPC boundary and JSON files unchanged.
 */

/** What a body block is, as the reader sees it. */
export const BLOCK_KINDS = ['lede', 'paragraph', 'heading', 'list-item', 'attribution'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** One block of the article's body, in reading order. */
export interface Block {
  kind: BlockKind;
  text: string;
}

/** Where in the file a removed run of site boilerplate stood. */
export type RemovedPosition = 'start' | 'end';

/** A block of site text the importer took out of the article; kept so nothing is lost. */
export interface RemovedBlock {
  text: string;
  /** Why it was removed, e.g. `comment-form`, `cookie-banner` (the rule's id). */
  reason: string;
  position: RemovedPosition;
}

/** How the file's bytes were decoded. */
export const ENCODINGS = ['utf-8', 'utf-8-bom', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** What the importer makes of one file's text, before it is given an identity in the store. */
export interface ParsedArticle {
  title: string;
  blocks: Block[];
  removed: RemovedBlock[];
  /** BCP 47 primary language subtag (`fr`, `en`), or `und` when it cannot be told. */
  language: string;
  wordCount: number;
  readingMinutes: number;
}

/**
 * What is known about an article beyond its text: found in its own lines (a date line, a byline,
 * a `Tags:` line), or given by the format it came in (an HTML page's meta tags, a scraper's JSON
 * fields, another reader's export). Every field is optional: show what is known.
 */
export interface ArticleMetadata {
  /** Author or authors as written, e.g. `Jane Smith` or `Jean Dupont et Marie Curie`. */
  author?: string;
  /** The site or publication's name or host, e.g. `BBC News` or `lemonde.fr`. */
  site?: string;
  /** The page's own address, when the source gives it (never fetched). */
  url?: string;
  /** When the article was first published: ISO 8601, a date (`2016-08-12`) or a time. */
  publishedAt?: string;
  /** When the site says it was last updated: ISO 8601. */
  modifiedAt?: string;
  /** Tags the source suggests (a `Tags:` line, categories, labels); not the reader's own tags. */
  suggestedTags?: string[];
  /** A one-line summary the source gives (an HTML description, a scraper's `description`). */
  description?: string;
}

/**
 * The metadata the library keeps for every article; small, read at start-up. The optional
 * `ArticleMetadata` fields are present when the source told them.
 */
export interface ArticleMeta extends ArticleMetadata {
  /** Stable id derived from the source path (see `articleIdForSource`). */
  id: string;
  title: string;
  language: string;
  /** The folder the file was imported from, e.g. `business`. */
  section: string;
  /** Absolute path of the file the article was imported from: its identity. */
  source: string;
  encoding: Encoding;
  wordCount: number;
  readingMinutes: number;
  /** SHA-256 (hex) of the NFC title and body blocks with white space folded. */
  fingerprint: string;
  /** The first words of the body, for the library list. */
  excerpt: string;
  /** ISO 8601 time of the first import. */
  importedAt: string;
  /** ISO 8601 time of the last import that changed the text. */
  updatedAt: string;
}

/** The body of an article, stored apart from the library and read on demand. */
export interface ArticleBody {
  blocks: Block[];
  removed: RemovedBlock[];
}

/** An article as shown: its metadata and its body. */
export interface Article extends ArticleMeta, ArticleBody {}

/** Characters of the body kept as the library's excerpt. */
export const EXCERPT_LENGTH = 200;
