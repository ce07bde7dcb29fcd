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
export const ENCODINGS = ['utf-8', 'utf-8-bom', 'windows-1252'] as const;
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

/** The metadata the library keeps for every article; small, read at start-up. */
export interface ArticleMeta {
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
