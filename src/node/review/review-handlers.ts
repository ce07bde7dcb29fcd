/**
 * The contract's daily-review methods, over one `ReviewService`. Spread into the handler map by
 * gazette-handlers.ts; the stores are the ones the other handlers share (opened on first use).
 */
import type { GazetteHandlers } from '../../core/ipc/contract';
import type { AnnotationStore } from '../annotations';
import type { LibraryStore } from '../store';
import type { TagStore } from '../tags';
import { ReviewService } from './review-service';
import { ReviewStore } from './review-store';

type ReviewHandlers = Pick<
  GazetteHandlers,
  'reviewSession' | 'gradeReview' | 'retireReview' | 'setReviewFrequency'
>;

export interface ReviewHandlerParts {
  store: LibraryStore;
  annotations: () => Promise<AnnotationStore>;
  tags: () => Promise<TagStore>;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
}

/**
 * The review handlers. `user/review.json` is opened at the first review call; a damaged one fails
 * these methods only (kept as it is, never overwritten), and the next call reads it again.
 */
export function createReviewHandlers(parts: ReviewHandlerParts): ReviewHandlers {
  let opening: Promise<ReviewService> | undefined;
  const service = (): Promise<ReviewService> => {
    opening ??= (async () =>
      new ReviewService({
        store: parts.store,
        annotations: await parts.annotations(),
        tags: await parts.tags(),
        reviews: await ReviewStore.open(parts.store),
        now: parts.now,
      }))().catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
    return opening;
  };
  return {
    reviewSession: async () => (await service()).session(),
    gradeReview: async ({ annotationId, rating }) => (await service()).grade(annotationId, rating),
    retireReview: async ({ annotationId, retired }) => (await service()).retire(annotationId, retired),
    setReviewFrequency: async ({ articleId, tag, frequency }) => {
      const target = articleId !== undefined ? { articleId } : { tag: tag ?? '' };
      await (await service()).setFrequency(target, frequency);
      return { frequency };
    },
  };
}
