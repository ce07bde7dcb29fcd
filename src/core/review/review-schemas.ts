/** Zod schemas of the review state: checked when `user/review.json` or a backup's part is read. */
import { z } from 'zod';
import { CARD_STATES, REVIEW_FREQUENCIES, REVIEW_RATINGS, type ReviewState } from './model';

const isoTime = z.iso.datetime({ offset: true });

export const reviewRatingSchema = z.enum(REVIEW_RATINGS);
export const reviewFrequencySchema = z.enum(REVIEW_FREQUENCIES);

export const storedCardSchema = z
  .object({
    due: isoTime,
    stability: z.number().finite().min(0),
    difficulty: z.number().finite().min(0),
    elapsedDays: z.number().finite().min(0),
    scheduledDays: z.number().finite().min(0),
    learningSteps: z.number().int().min(0),
    reps: z.number().int().min(0),
    lapses: z.number().int().min(0),
    state: z.enum(CARD_STATES),
    lastReview: isoTime.optional(),
  })
  .strict();

export const reviewRecordSchema = z
  .object({
    articleId: z.string().regex(/^[0-9a-f]{12}$/),
    card: storedCardSchema,
    history: z.array(z.object({ rating: reviewRatingSchema, reviewedAt: isoTime }).strict()),
    retiredAt: isoTime.optional(),
  })
  .strict();

const annotationKey = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);

export const reviewStateSchema: z.ZodType<ReviewState> = z
  .object({
    schemaVersion: z.number().int().min(1),
    records: z.record(annotationKey, reviewRecordSchema),
    frequencies: z
      .object({
        articles: z.record(z.string().regex(/^[0-9a-f]{12}$/), reviewFrequencySchema),
        tags: z.record(z.string().min(1).max(64), reviewFrequencySchema),
      })
      .strict(),
  })
  .strict();
