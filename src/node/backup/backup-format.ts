/**
 * The backup file: ONE JSON file with everything needed to rebuild the library elsewhere.
 *
 *   { "format": "gazette-backup", "formatVersion": 1, "createdAt": "…",
 *     "articles":    [ ArticleMeta + { blocks, removed } ],   as imported, site text removed included
 *     "progress":    { "<id>": ReadingProgress },
 *     "settings":    { …the settings the reader changed },
 *     "annotations": { "<id>": { "highlights": [Highlight], "notes": [Note] } } }
 *
 * Articles the reader removed (and has not forgotten) are not in it: they are out of the library.
 * Highlights keep the selectors they were made with; the restore anchors them on the articles'
 * text. Written compact: at 20,000 articles it is about 60 MB.
 */
import { z } from 'zod';
import { highlightSchema, noteSchema } from '../../core/annotations/annotation-schemas';
import { settingsPatchSchema } from '../../core/settings-schema';
import { readingProgressSchema } from '../reading';
import { articleMetaSchema, blockSchema, removedBlockSchema } from '../store/schemas';

export const BACKUP_FORMAT = 'gazette-backup';
/** Bump for any change to the shape below; an older Gazette then refuses the newer file. */
export const BACKUP_FORMAT_VERSION = 1;

export const backupArticleSchema = articleMetaSchema
  .extend({ blocks: z.array(blockSchema), removed: z.array(removedBlockSchema) })
  .strict();

const articleAnnotationsSchema = z
  .object({ highlights: z.array(highlightSchema), notes: z.array(noteSchema) })
  .strict();

export const backupSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    createdAt: z.iso.datetime({ offset: true }),
    articles: z.array(backupArticleSchema),
    progress: z.record(z.string(), readingProgressSchema),
    settings: settingsPatchSchema,
    annotations: z.record(z.string(), articleAnnotationsSchema),
    /**
     * The reader's tags by article id (src/node/tags). Optional, so backups written before tags
     * existed still restore; the format version stays 1 (an older Gazette refuses the field, as its
     * schema is strict, rather than drop it silently).
     */
    tags: z.record(z.string(), z.array(z.string().min(1).max(64))).optional(),
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
    for (const [id, { highlights, notes }] of Object.entries(backup.annotations)) {
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
