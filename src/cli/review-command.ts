/**
 * `gazette review`: the daily review from the command line, on the same service as the app.
 * - `gazette review [--json]` lists today's highlights and notes to review.
 * - `gazette review grade <id> again|hard|good|easy [--json]` grades one (an id may be shortened
 *   if unique) and prints when it comes back.
 */
import { REVIEW_RATINGS, type ReviewItem, type ReviewRating } from '../core/review/model';
import { AnnotationStore } from '../node/annotations';
import { ReviewService, ReviewStore, UnknownReviewItemError } from '../node/review';
import { LibraryStore, StoreLockedError } from '../node/store';
import { TagStore } from '../node/tags';
import type { CommandContext } from './commands';
import { UsageError } from './usage';

async function openService(store: LibraryStore): Promise<ReviewService> {
  return new ReviewService({
    store,
    annotations: await AnnotationStore.open(store),
    tags: await TagStore.open(store),
    reviews: await ReviewStore.open(store),
  });
}

/** One line of the list: id, what it is, the words (or note) cut to fit, the article. */
function itemLine(item: ReviewItem): string {
  const text = (item.kind === 'highlight' ? `“${item.quote}”` : item.note).replace(/\s+/g, ' ');
  const cut = text.length > 90 ? `${text.slice(0, 89)}…` : text;
  const mark = item.isNew ? 'new ' : `×${item.reps}`.padEnd(4);
  return `${item.annotationId.slice(0, 8)}  ${mark} ${item.kind === 'highlight' ? 'highlight' : 'note     '}  ${cut}  — ${item.article.title}`;
}

export async function reviewCommand(context: CommandContext): Promise<number> {
  const [sub, ...rest] = context.args;
  if (sub === undefined) return listDue(context);
  if (sub === 'grade') return grade(context, rest);
  throw new UsageError(`review takes no argument, or "grade <id> <rating>" (got "${sub}").`);
}

async function listDue(context: CommandContext): Promise<number> {
  let store: LibraryStore;
  try {
    store = await LibraryStore.open(context.dataDir);
  } catch (error) {
    // The app holds the library: listing only reads, so read-only is enough.
    if (!(error instanceof StoreLockedError)) throw error;
    store = await LibraryStore.open(context.dataDir, { readOnly: true });
  }
  try {
    const session = await (await openService(store)).session();
    if (context.json) {
      context.out(JSON.stringify(session, null, 2));
    } else if (session.items.length === 0) {
      context.out(
        session.reviewedToday > 0
          ? `Nothing left to review today (${session.reviewedToday} reviewed).`
          : 'Nothing to review today: highlights and notes you make come back here.',
      );
    } else {
      context.out(`${session.items.length} to review today (${session.reviewedToday} done):`);
      for (const item of session.items) context.out(itemLine(item));
    }
    return 0;
  } finally {
    await store.close();
  }
}

async function grade(context: CommandContext, args: string[]): Promise<number> {
  const [id, rating, ...extra] = args;
  if (id === undefined || rating === undefined || extra.length > 0) {
    throw new UsageError('review grade takes an id and a rating: gazette review grade <id> good');
  }
  if (!(REVIEW_RATINGS as readonly string[]).includes(rating)) {
    throw new UsageError(`The rating is one of ${REVIEW_RATINGS.join(', ')} (got "${rating}").`);
  }
  const store = await LibraryStore.open(context.dataDir);
  try {
    let result;
    try {
      result = await (await openService(store)).grade(id, rating as ReviewRating);
    } catch (error) {
      if (error instanceof UnknownReviewItemError) throw new UsageError(error.message);
      throw error;
    }
    const { annotationId, record } = result;
    if (context.json) {
      context.out(
        JSON.stringify({ annotationId, rating, due: record.card.due, reps: record.card.reps }, null, 2),
      );
    } else {
      context.out(`${annotationId.slice(0, 8)}  ${rating}: back on ${record.card.due.slice(0, 10)}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
