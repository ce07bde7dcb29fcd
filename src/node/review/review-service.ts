/**
 * The daily review over the library: which highlights and notes are due today (scheduler.ts over
 * the notebook's entries, the reader's tags and frequencies), grading, retiring and frequencies.
 * The app's handlers and the `gazette review` command both call this one object.
 */
import type { NotebookEntry } from '../../core/annotations/model';
import type {
  ReviewFrequency,
  ReviewItem,
  ReviewRating,
  ReviewRecord,
  ReviewSession,
} from '../../core/review/model';
import { DAILY_REVIEW_LIMIT } from '../../core/review/model';
import {
  effectiveFrequency,
  gradeRecord,
  newReviewRecord,
  planSession,
  type ReviewCandidate,
} from '../../core/review/scheduler';
import { listNotebook, type AnnotationStore } from '../annotations';
import type { LibraryStore } from '../store';
import type { TagStore } from '../tags';
import type { FrequencyTarget, ReviewStore } from './review-store';

/** No highlight or note of the library has this id (or the prefix fits none, or several). */
export class UnknownReviewItemError extends Error {
  override name = 'UnknownReviewItemError';
}

export interface ReviewServiceParts {
  store: LibraryStore;
  annotations: AnnotationStore;
  tags: TagStore;
  reviews: ReviewStore;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** Highlights and notes a day; `DAILY_REVIEW_LIMIT` by default. */
  dailyLimit?: number;
}

interface Entry {
  entry: NotebookEntry;
  candidate: ReviewCandidate;
}

export class ReviewService {
  readonly #parts: ReviewServiceParts;
  readonly #now: () => Date;

  constructor(parts: ReviewServiceParts) {
    this.#parts = parts;
    this.#now = parts.now ?? (() => new Date());
  }

  /** Today's review: the highlights and notes to grade now, reviewed ones first. */
  async session(): Promise<ReviewSession> {
    const now = this.#now();
    const entries = await this.#entries();
    const byId = new Map(entries.map((entry) => [entry.candidate.annotationId, entry]));
    const limit = this.#parts.dailyLimit ?? DAILY_REVIEW_LIMIT;
    const plan = planSession(
      entries.map((entry) => entry.candidate),
      now,
      limit,
    );
    const items = plan.chosen.map((candidate) => toItem(byId.get(candidate.annotationId)!, now));
    return { items, reviewedToday: plan.reviewedToday, dailyLimit: limit, waiting: plan.waiting };
  }

  /**
   * Grades highlight or note `id` (a unique prefix will do) and returns its record, with the date
   * it comes back.
   * @throws UnknownReviewItemError when no highlight or note of the library has that id.
   */
  async grade(id: string, rating: ReviewRating): Promise<{ annotationId: string; record: ReviewRecord }> {
    const now = this.#now();
    const { candidate } = await this.#find(id);
    const record = candidate.record ?? newReviewRecord(candidate.articleId, now);
    const next = gradeRecord(record, rating, candidate.frequency, now);
    await this.#parts.reviews.putRecord(candidate.annotationId, next);
    return { annotationId: candidate.annotationId, record: next };
  }

  /**
   * Retires highlight or note `id` from the review (or brings it back with `retired` false).
   * @throws UnknownReviewItemError as `grade`.
   */
  async retire(id: string, retired: boolean): Promise<{ annotationId: string; record: ReviewRecord }> {
    const now = this.#now();
    const { candidate } = await this.#find(id);
    const base = candidate.record ?? newReviewRecord(candidate.articleId, now);
    const { retiredAt: _dropped, ...rest } = base;
    const next: ReviewRecord = retired ? { ...rest, retiredAt: now.toISOString() } : rest;
    await this.#parts.reviews.putRecord(candidate.annotationId, next);
    return { annotationId: candidate.annotationId, record: next };
  }

  /** Sets how often an article's or a tag's highlights come back. */
  setFrequency(target: FrequencyTarget, frequency: ReviewFrequency): Promise<void> {
    return this.#parts.reviews.setFrequency(target, frequency);
  }

  async #find(id: string): Promise<Entry> {
    const entries = await this.#entries();
    const exact = entries.find((entry) => entry.candidate.annotationId === id);
    if (exact) return exact;
    const matches = entries.filter((entry) => entry.candidate.annotationId.startsWith(id));
    if (matches.length === 1 && matches[0]) return matches[0];
    throw new UnknownReviewItemError(
      matches.length > 1
        ? `"${id}" fits ${matches.length} highlights and notes; give more of the id.`
        : `There is no highlight or note with id "${id}" in the library.`,
    );
  }

  /** Every highlight and note of the library with its review record and frequency. */
  async #entries(): Promise<Entry[]> {
    const { store, annotations, tags, reviews } = this.#parts;
    await reviews.refresh();
    const notebook = await listNotebook(store, annotations);
    const allTags = tags.all();
    const { frequencies } = reviews.state();
    return notebook.map((entry) => {
      const annotation = entry.kind === 'highlight' ? entry.highlight : entry.note;
      return {
        entry,
        candidate: {
          annotationId: annotation.id,
          articleId: entry.article.id,
          createdAt: annotation.createdAt,
          frequency: effectiveFrequency(frequencies, entry.article.id, allTags[entry.article.id] ?? []),
          record: reviews.record(annotation.id),
        },
      };
    });
  }
}

function toItem({ entry, candidate }: Entry, now: Date): ReviewItem {
  const common = {
    annotationId: candidate.annotationId,
    article: { id: entry.article.id, title: entry.article.title, language: entry.article.language },
    isNew: !candidate.record || candidate.record.history.length === 0,
    due: candidate.record?.card.due ?? now.toISOString(),
    reps: candidate.record?.card.reps ?? 0,
    frequency: candidate.frequency,
  };
  return entry.kind === 'highlight'
    ? {
        ...common,
        kind: 'highlight',
        quote: entry.quote,
        note: entry.highlight.note,
        color: entry.highlight.color,
      }
    : { ...common, kind: 'note', quote: '', note: entry.note.text };
}
