import { z } from 'zod';
import { BLOCK_KINDS, ENCODINGS } from '../../core/article';
import type { ArticleMeta, Block, RemovedBlock } from '../../core/article';

/**
 * The on-disk shapes of the library, checked with zod whenever a file is read. Any change to
 * them bumps `LIBRARY_SCHEMA_VERSION` (see README.md): objects are not loose, so a field this
 * version does not know would be dropped on the next write.
 */

/** The version of `library.json` and of the body packs this code reads and writes. */
export const LIBRARY_SCHEMA_VERSION = 1;

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

/** Ids are `articleIdForSource`'s 12 hex characters; any short word-like id is accepted. */
const articleId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'not a valid article id');

export const articleMetaSchema = z.object({
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
});
/** An article's record in `library.json`: its metadata, where its body is, and whether it was removed. */
export type StoredArticle = z.infer<typeof storedArticleSchema>;

export const libraryFileSchema = z.object({
  schemaVersion: z.literal(LIBRARY_SCHEMA_VERSION),
  articles: z.record(z.string(), storedArticleSchema),
});
/** The whole of `library.json`. */
export type LibraryFile = z.infer<typeof libraryFileSchema>;

/** One line of a body pack. */
export const packedBodySchema = z.object({
  id: articleId,
  blocks: z.array(blockSchema),
  removed: z.array(removedBlockSchema),
});
export type PackedBody = z.infer<typeof packedBodySchema>;
