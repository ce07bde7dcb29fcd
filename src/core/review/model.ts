/**
 * The daily review: highlights and notes coming back to the reader, a few a day, chosen by
 * spaced repetition (FSRS, scheduler.ts). Plain data and constants (no schema library, no Node,
 * no DOM), so the renderer imports the types without bundling zod or the scheduler.
 */
import type { HighlightColor } from '../annotations/model';

/** The grades, in the order of their keys 1–4. */
export const REVIEW_RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type ReviewRating = (typeof REVIEW_RATINGS)[number];

/**
 * How often an article's or a tag's highlights come back: `more` and `fewer` ask the scheduler
 * for a higher or lower recall target (scheduler.ts), `never` keeps them out of the review.
 */
export const REVIEW_FREQUENCIES = ['more', 'normal', 'fewer', 'never'] as const;
export type ReviewFrequency = (typeof REVIEW_FREQUENCIES)[number];

/** FSRS's card states, by name (ts-fsrs's `State` enum: New, Learning, Review, Relearning). */
export const CARD_STATES = ['new', 'learning', 'review', 'relearning'] as const;
export type CardState = (typeof CARD_STATES)[number];

/**
 * A highlight's or note's FSRS memory state, as stored: ts-fsrs's `Card` with ISO dates and the
 * state by name, so the file reads without the library.
 */
export interface StoredCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardState;
  lastReview?: string;
}

/** One grade given, kept so the reader's history survives any change of scheduler. */
export interface ReviewLogEntry {
  rating: ReviewRating;
  reviewedAt: string;
}

/**
 * The review state of one highlight or note, keyed by its annotation id (which a re-import and a
 * re-anchoring keep). Kept even while its annotation is missing (a detached highlight, an
 * article being re-imported): it is simply not shown until the annotation is back.
 */
export interface ReviewRecord {
  articleId: string;
  card: StoredCard;
  history: ReviewLogEntry[];
  /** Set when the reader retired it: never shown again (until un-retired). */
  retiredAt?: string;
}

/** The per-article and per-tag frequencies (tags by `tagKey`, lower case). */
export interface ReviewFrequencies {
  articles: Record<string, ReviewFrequency>;
  tags: Record<string, ReviewFrequency>;
}

/** Everything the review keeps: the content of `user/review.json`, and of its part of a backup. */
export interface ReviewState {
  schemaVersion: number;
  records: Record<string, ReviewRecord>;
  frequencies: ReviewFrequencies;
}

/** How many highlights and notes a day's review shows at most: "a few a day". */
export const DAILY_REVIEW_LIMIT = 10;

/** One highlight or note to review, with what the review card shows. */
export interface ReviewItem {
  annotationId: string;
  kind: 'highlight' | 'note';
  article: { id: string; title: string; language: string };
  /** A highlight's words as they are now (or its quote if they are gone); '' for a note. */
  quote: string;
  /** The highlight's note, or the note's text (light Markdown). */
  note: string;
  color?: HighlightColor;
  /** Never reviewed yet. */
  isNew: boolean;
  /** When it was due (ISO). */
  due: string;
  reps: number;
  frequency: ReviewFrequency;
}

/** Today's review: what is left to grade today, and how many were graded already. */
export interface ReviewSession {
  items: ReviewItem[];
  /** Graded today (local day). */
  reviewedToday: number;
  dailyLimit: number;
  /** Due today beyond the daily limit (shown another day). */
  waiting: number;
}
