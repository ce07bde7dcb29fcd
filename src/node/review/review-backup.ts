/**
 * The review state in backups and exports. The backup format is owned elsewhere
 * (src/node/backup): it calls these two functions to put the review state in a backup and to
 * merge one back, so grades travel with the highlights they belong to.
 */
import type { ReviewState } from '../../core/review/model';
import { reviewStateSchema } from '../../core/review/review-schemas';
import type { LibraryStore } from '../store';
import { ReviewStore } from './review-store';

/**
 * The whole review state of `store`'s data folder (records keyed by annotation id, and
 * frequencies), as plain JSON-ready data.
 * @throws StoreCorruptError when `user/review.json` is damaged (nothing is made up in its place).
 */
export async function exportReviewState(store: LibraryStore): Promise<ReviewState> {
  return (await ReviewStore.open(store)).state();
}

/** What `restoreReviewState` did. */
export interface ReviewRestoreReport {
  /** Records added or replaced by newer ones from the backup. */
  records: number;
}

/**
 * Merges a backup's review state into `store`'s (see `ReviewStore.merge`: the side with more
 * grades wins; the reader's own frequencies are kept). `data` is checked whole first: a bad one
 * is refused with nothing changed.
 * @throws Error naming the first problem when `data` is not a review state.
 */
export async function restoreReviewState(store: LibraryStore, data: unknown): Promise<ReviewRestoreReport> {
  const parsed = reviewStateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `The backup's review state is not valid (${issue ? `${issue.path.join('.') || 'top'}: ${issue.message}` : 'unknown problem'}); nothing was restored from it.`,
    );
  }
  return { records: await (await ReviewStore.open(store)).merge(parsed.data) };
}
