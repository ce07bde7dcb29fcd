/**
 * The annotation model's zod schemas: the contract validates what the renderer sends with them,
 * and the store, the backup and the restore validate what they read from disk.
 */
import { z } from 'zod';
import { articleIdSchema } from '../article-id';
import {
  HIGHLIGHT_COLORS,
  NOTE_MAX_LENGTH,
  type Anchor,
  type AnnotationConflict,
  type Highlight,
  type HighlightSelectors,
  type Note,
} from './model';

/** Ids the store makes (UUIDs), or any short word-like id an import or a backup carries. */
export const annotationIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'not an annotation id');

/** Article ids: THE rule (src/core/article-id.ts), the same on disk, in backups and in the contract. */
export const storedArticleIdSchema = articleIdSchema;

export const highlightColorSchema = z.enum(HIGHLIGHT_COLORS);
export const noteTextSchema = z.string().max(NOTE_MAX_LENGTH);
const isoTime = z.iso.datetime({ offset: true });
const offset = z.number().int().nonnegative();

export const highlightSelectorsSchema = z
  .tuple([
    z
      .object({
        type: z.literal('TextQuoteSelector'),
        exact: z.string().min(1),
        prefix: z.string(),
        suffix: z.string(),
      })
      .strict(),
    z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset }).strict(),
  ])
  .refine(([, position]) => position.start < position.end, 'a position must end after it starts')
  .refine(
    ([quote, position]) => position.end - position.start === quote.exact.length,
    'the position must span the quote',
  ) satisfies z.ZodType<HighlightSelectors>;

export const anchorSchema = z
  .discriminatedUnion('status', [
    z.object({ status: z.enum(['anchored', 'moved']), start: offset, end: offset }).strict(),
    z.object({ status: z.literal('detached') }).strict(),
  ])
  .refine((anchor) => anchor.status === 'detached' || anchor.start < anchor.end, {
    message: 'an anchor must end after it starts',
  }) satisfies z.ZodType<Anchor>;

/** How many other versions one annotation keeps: a bound on what a hostile backup can pile up. */
export const MAX_CONFLICTS = 20;

export const annotationConflictSchema = z
  .object({
    text: noteTextSchema,
    from: z.literal('backup'),
    at: isoTime,
    updatedAt: isoTime,
  })
  .strict() satisfies z.ZodType<AnnotationConflict>;

const conflictsSchema = z.array(annotationConflictSchema).max(MAX_CONFLICTS).optional();

export const highlightSchema = z
  .object({
    id: annotationIdSchema,
    articleId: storedArticleIdSchema,
    color: highlightColorSchema,
    note: noteTextSchema,
    createdAt: isoTime,
    updatedAt: isoTime,
    selectors: highlightSelectorsSchema,
    anchor: anchorSchema,
    conflicts: conflictsSchema,
  })
  .strict() satisfies z.ZodType<Highlight>;

export const noteSchema = z
  .object({
    id: annotationIdSchema,
    articleId: storedArticleIdSchema,
    text: noteTextSchema,
    createdAt: isoTime,
    updatedAt: isoTime,
    conflicts: conflictsSchema,
  })
  .strict() satisfies z.ZodType<Note>;
