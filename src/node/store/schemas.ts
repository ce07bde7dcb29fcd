import { z } from 'zod';
import { BLOCK_KINDS, ENCODINGS } from '../../core/article';
import type { ArticleMeta, ArticleMetadata, Block, RemovedBlock } from '../../core/article';
import { articleIdSchema } from '../../core/article-id';
import type { MigrationStep } from './json-codec';

/**
 * The on-disk shapes of the library, checked with zod whenever a file is read. Any change to
 * them bumps `LIBRARY_SCHEMA_VERSION` (see README.md): objects are not loose, so a field this
 * version does not know would be dropped on the next write.
 */

/**
 * The version of `library.json` this code reads and writes.
 * 1: the first format. 2: the optional `ArticleMetadata` fields (author, site, url, dates,
 * suggested tags, description) and the reader's `cleaningOverrides` on each article.
 */
export const LIBRARY_SCHEMA_VERSION = 2;

/**
 * The steps from older versions of `library.json` (see json-codec.ts). 1 → 2 only adds optional
 * fields, so a version-1 document is a valid version-2 one as it is; the step is still a step, so
 * the old file is kept beside the new one (`library.v1.json`) and the version is written.
 */
export const LIBRARY_MIGRATIONS: Readonly<Record<number, MigrationStep>> = {
  1: (document) => document,
};

export const blockSchema = z.object({
  kind: z.enum(BLOCK_KINDS),
  text: z.string(),
}) satisfies z.ZodType<Block>;

export const removedBlockSchema = z.object({
  text: z.string(),
  reason: z.string(),
  position: z.enum(['start', 'end']),
}) satisfies z.ZodType<RemovedBlock>;

const isoTime = z.iso.datetime({ offset: true });

/** Ids follow THE rule (src/core/article-id.ts): 12 lowercase hex digits, nothing else. */
const articleId = articleIdSchema;

/** Bounds on metadata a file or a page gives: generous for real values, a wall against junk. */
const metadataText = z.string().max(2_000);

/** The optional metadata fields (src/core/article.ts), as stored. */
export const articleMetadataSchema = z.object({
  author: metadataText.optional(),
  site: metadataText.optional(),
  url: metadataText.optional(),
  publishedAt: z.string().max(100).optional(),
  modifiedAt: z.string().max(100).optional(),
  suggestedTags: z.array(z.string().max(200)).max(100).optional(),
  description: z.string().max(10_000).optional(),
}) satisfies z.ZodType<ArticleMetadata>;

/**
 * The reader's choices on how an article is cleaned, kept across re-imports (the importer's rules
 * may change; the reader's word on this article stands):
 * - `keepRemoved`: texts of removed site blocks the reader put back into the article;
 * - `removeBlocks`: texts of body blocks the reader took out as site text;
 * - `disabledRules`: cleaning rules (their ids, e.g. `share-links`) not to apply to this article.
 * Texts, not indexes, so a choice still points at the right words after a re-import.
 */
export const cleaningOverridesSchema = z.object({
  keepRemoved: z.array(z.string().max(100_000)).max(1_000).optional(),
  removeBlocks: z.array(z.string().max(100_000)).max(1_000).optional(),
  disabledRules: z.array(z.string().min(1).max(100)).max(200).optional(),
});
export type CleaningOverrides = z.infer<typeof cleaningOverridesSchema>;

export const articleMetaSchema = articleMetadataSchema.extend({
  id: articleId,
  title: z.string(),
  language: z.string(),
  section: z.string(),
  source: z.string().min(1),
  encoding: z.enum(ENCODINGS),
  wordCount: z.number().int().nonnegative(),
  readingMinutes: z.number().nonnegative(),
  fingerprint: z.string(),
  excerpt: z.string(),
  importedAt: isoTime,
  updatedAt: isoTime,
}) satisfies z.ZodType<ArticleMeta>;

/** Where an article's body is: a byte range of one pack file. */
export const bodyLocatorSchema = z.object({
  /** The pack's sequence number: `bodies/pack-<pack, 6 digits>.jsonl`. */
  pack: z.number().int().positive(),
  /** Byte offset of the body's line in the pack. */
  offset: z.number().int().nonnegative(),
  /** Byte length of the line, without its newline. */
  length: z.number().int().positive(),
});
export type BodyLocator = z.infer<typeof bodyLocatorSchema>;

export const storedArticleSchema = articleMetaSchema.extend({
  body: bodyLocatorSchema,
  /**
   * When the reader removed the article (ISO 8601); absent while it is in the library. A removed
   * article keeps its record, body and user data until it is forgotten. Optional, so files
   * written before removal existed still read, and the schema version stays 1 (see README.md).
   */
  removedAt: isoTime.optional(),
  /** The reader's choices on cleaning this article (version 2); absent when there are none. */
  cleaningOverrides: cleaningOverridesSchema.optional(),
});
/** An article's record in `library.json`: its metadata, where its body is, and whether it was removed. */
export type StoredArticle = z.infer<typeof storedArticleSchema>;

export const libraryFileSchema = z.object({
  schemaVersion: z.literal(LIBRARY_SCHEMA_VERSION),
  articles: z.record(articleId, storedArticleSchema),
});
/** The whole of `library.json`. */
export type LibraryFile = z.infer<typeof libraryFileSchema>;

/**
 * One line of a body pack. From library version 2 a line also carries the article's metadata as
 * it was committed (`meta`), so the library can be rebuilt from the packs alone (`repairLibrary`);
 * lines written before have none.
 */
export const packedBodySchema = z.object({
  id: articleId,
  blocks: z.array(blockSchema),
  removed: z.array(removedBlockSchema),
  meta: articleMetaSchema.optional(),
});
export type PackedBody = z.infer<typeof packedBodySchema>;
