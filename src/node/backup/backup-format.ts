/**
 * The backup file: ONE JSON file with everything needed to rebuild the library elsewhere.
 *
 *   { "format": "gazette-backup", "formatVersion": 2, "createdAt": "…",
 *     "articles":    [ article metadata + { blocks, removed } ],   as imported, site text removed included
 *     "progress":    { "<id>": ReadingProgress },
 *     "settings":    { …the settings the reader changed },
 *     "annotations": { "<id>": { "highlights": [Highlight], "notes": [Note] } },
 *     "tags":        { "<id>": ["tag", …] },
 *     "review":      { "schemaVersion": 1, "records": { "<annotation id>": ReviewRecord }, "frequencies": … } }
 *
 * The format is its OWN versioned schema, written out here field by field, not the library's
 * schema extended: the library's format may change (it did, to version 2) without changing what
 * a backup is. Versions: 1, the first; 2 adds the optional article metadata (author, site, url,
 * dates, suggested tags, description), the reader's `cleaningOverrides`, and `conflicts` on
 * highlights and notes, and the optional `review` (the daily review's state: grades, retired
 * highlights, frequencies; versioned by its own `schemaVersion`). A version-1 backup
 * is a valid version-2 one, so both are read; backups are written in version 2.
 *
 * Every article id follows THE id rule (src/core/article-id.ts), so a backup naming `toString`
 * or `constructor` is refused whole. Each article's text obeys the importer's size limit.
 * Articles the reader removed (and has not forgotten) are not in it: they are out of the library.
 * Highlights keep the selectors they were made with; the restore anchors them on the articles'
 * text. Written compact: at 20,000 articles it is about 60 MB.
 */
import { z } from 'zod';
import { highlightSchema, noteSchema } from '../../core/annotations/annotation-schemas';
import { BLOCK_KINDS, ENCODINGS } from '../../core/article';
import { articleIdSchema } from '../../core/article-id';
import { reviewStateSchema } from '../../core/review/review-schemas';
import { settingsPatchSchema } from '../../core/settings-schema';
import { TAG_MAX_LENGTH } from '../../core/tags';
import { MAX_ARTICLE_BYTES } from '../import/read-article-file';
import { readingProgressSchema } from '../reading';

export const BACKUP_FORMAT = 'gazette-backup';
/** Bump for any change to the shape below; an older Gazette then refuses the newer file. */
export const BACKUP_FORMAT_VERSION = 2;
/** The oldest format version this code restores. */
export const OLDEST_BACKUP_FORMAT_VERSION = 1;

const isoTime = z.iso.datetime({ offset: true });
const shortText = z.string().max(2_000);

const backupBlockSchema = z.object({ kind: z.enum(BLOCK_KINDS), text: z.string() }).strict();
const backupRemovedBlockSchema = z
  .object({ text: z.string(), reason: z.string().max(200), position: z.enum(['start', 'end']) })
  .strict();

export const backupArticleSchema = z
  .object({
    id: articleIdSchema,
    title: z.string().max(10_000),
    language: z.string().max(35),
    section: z.string().max(1_000),
    source: z.string().min(1).max(4_096),
    encoding: z.enum(ENCODINGS),
    wordCount: z.number().int().nonnegative(),
    readingMinutes: z.number().nonnegative(),
    fingerprint: z.string().max(200),
    excerpt: z.string().max(10_000),
    importedAt: isoTime,
    updatedAt: isoTime,
    // Format 2: the optional metadata.
    author: shortText.optional(),
    site: shortText.optional(),
    url: shortText.optional(),
    publishedAt: z.string().max(100).optional(),
    modifiedAt: z.string().max(100).optional(),
    suggestedTags: z.array(z.string().max(200)).max(100).optional(),
    description: z.string().max(10_000).optional(),
    /** Format 2: the reader's choices on cleaning the article (see the library's schemas.ts). */
    cleaningOverrides: z
      .object({
        keepRemoved: z.array(z.string().max(100_000)).max(1_000).optional(),
        removeBlocks: z.array(z.string().max(100_000)).max(1_000).optional(),
        disabledRules: z.array(z.string().min(1).max(100)).max(200).optional(),
      })
      .strict()
      .optional(),
    blocks: z.array(backupBlockSchema),
    removed: z.array(backupRemovedBlockSchema),
  })
  .strict()
  .refine((article) => articleBytes(article) <= MAX_ARTICLE_BYTES, {
    message: `the article's text is larger than an imported article may be (${MAX_ARTICLE_BYTES / (1024 * 1024)} MiB)`,
    path: ['blocks'],
  });

/** The UTF-8 bytes of an article's text: title, blocks and removed site text. */
export function articleBytes(article: {
  title: string;
  blocks: ReadonlyArray<{ text: string }>;
  removed: ReadonlyArray<{ text: string }>;
}): number {
  let bytes = Buffer.byteLength(article.title, 'utf8');
  for (const block of article.blocks) bytes += Buffer.byteLength(block.text, 'utf8') + 1;
  for (const block of article.removed) bytes += Buffer.byteLength(block.text, 'utf8') + 1;
  return bytes;
}

const articleAnnotationsSchema = z
  .object({ highlights: z.array(highlightSchema), notes: z.array(noteSchema) })
  .strict();

export const backupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.number().int().min(OLDEST_BACKUP_FORMAT_VERSION).max(BACKUP_FORMAT_VERSION),
    createdAt: z.iso.datetime({ offset: true }),
    articles: z.array(backupArticleSchema),
    progress: z.record(articleIdSchema, readingProgressSchema),
    settings: settingsPatchSchema,
    annotations: z.record(articleIdSchema, articleAnnotationsSchema),
    /**
     * The reader's tags by article id (src/node/tags). Optional, so backups written before tags
     * existed still restore (an older Gazette refuses the field, as its schema is strict, rather
     * than drop it silently).
     */
    tags: z.record(articleIdSchema, z.array(z.string().min(1).max(TAG_MAX_LENGTH))).optional(),
    /**
     * Format 2: the daily review's state (`user/review.json`: records keyed by annotation id, and
     * frequencies), with its own `schemaVersion`. Optional: backups without it still restore, and
     * a library never reviewed writes none.
     */
    review: reviewStateSchema.optional(),
  })
  .strict()
  .superRefine((backup, context) => {
    // What the schema alone cannot see: the parts must agree with each other.
    const ids = new Set<string>();
    const sources = new Set<string>();
    backup.articles.forEach((article, index) => {
      if (ids.has(article.id))
        context.addIssue({
          code: 'custom',
          path: ['articles', index, 'id'],
          message: `the article id "${article.id}" appears twice`,
        });
      if (sources.has(article.source))
        context.addIssue({
          code: 'custom',
          path: ['articles', index, 'source'],
          message: `the source ${article.source} appears twice`,
        });
      ids.add(article.id);
      sources.add(article.source);
    });
    for (const id of Object.keys(backup.progress)) {
      if (!ids.has(id))
        context.addIssue({
          code: 'custom',
          path: ['progress', id],
          message: 'progress of an article the backup does not hold',
        });
    }
    for (const id of Object.keys(backup.tags ?? {})) {
      if (!ids.has(id))
        context.addIssue({
          code: 'custom',
          path: ['tags', id],
          message: 'tags of an article the backup does not hold',
        });
    }
    if (backup.formatVersion < 2 && backup.review !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['review'],
        message: 'review state is not part of backup format 1',
      });
    }
    if (backup.review) {
      for (const [key, record] of Object.entries(backup.review.records)) {
        if (!ids.has(record.articleId))
          context.addIssue({
            code: 'custom',
            path: ['review', 'records', key],
            message: 'review of an article the backup does not hold',
          });
      }
    }
    for (const [id, { highlights, notes }] of Object.entries(backup.annotations)) {
      if (
        backup.formatVersion < 2 &&
        [...highlights, ...notes].some((item) => item.conflicts !== undefined)
      ) {
        context.addIssue({
          code: 'custom',
          path: ['annotations', id],
          message: 'conflicts are not part of backup format 1',
        });
      }
      if (!ids.has(id))
        context.addIssue({
          code: 'custom',
          path: ['annotations', id],
          message: 'annotations of an article the backup does not hold',
        });
      if ([...highlights, ...notes].some((annotation) => annotation.articleId !== id)) {
        context.addIssue({
          code: 'custom',
          path: ['annotations', id],
          message: 'an annotation names another article',
        });
      }
    }
  });
export type Backup = z.infer<typeof backupSchema>;
export type BackupArticle = z.infer<typeof backupArticleSchema>;

/** A backup file that cannot be restored: not JSON, not a backup, a newer format, or bad data. */
export class BackupError extends Error {
  override name = 'BackupError';
}
