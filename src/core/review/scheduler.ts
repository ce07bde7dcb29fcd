/**
 * Spaced repetition for the daily review, on ts-fsrs (FSRS, the scheduler Anki uses): what
 * comes back today, and when a graded highlight comes back next. Pure functions over plain data
 * and an explicit clock, so a test runs 60 days of reviews in milliseconds.
 */
import { createEmptyCard, fsrs, Rating, State, type Card, type FSRS, type Grade } from 'ts-fsrs';
import { tagKey } from '../tags';
import {
  CARD_STATES,
  DAILY_REVIEW_LIMIT,
  type ReviewFrequency,
  type ReviewFrequencies,
  type ReviewRating,
  type ReviewRecord,
  type StoredCard,
} from './model';

/**
 * The recall probability FSRS aims at when it picks the next date, per frequency. FSRS's default
 * is 0.9; asking for 0.95 brings a highlight back about twice as often, 0.8 about half as often
 * (intervals scale with ln(retention) on FSRS's forgetting curve).
 */
const RETENTION: Record<Exclude<ReviewFrequency, 'never'>, number> = {
  more: 0.95,
  normal: 0.9,
  fewer: 0.8,
};

/**
 * One scheduler per frequency. Short-term (minutes-long) learning steps are off: this is a daily
 * review of one's reading, not flash cards drilled in a sitting, so "again" means tomorrow.
 * No fuzz, so the same grades give the same dates (tests, and two devices agreeing). A year at
 * most between two reviews: a highlight one kept should still come back.
 */
const schedulers = new Map<string, FSRS>();
function schedulerFor(frequency: Exclude<ReviewFrequency, 'never'>): FSRS {
  let found = schedulers.get(frequency);
  if (!found) {
    found = fsrs({
      request_retention: RETENTION[frequency],
      enable_short_term: false,
      enable_fuzz: false,
      maximum_interval: 365,
    });
    schedulers.set(frequency, found);
  }
  return found;
}

const GRADES: Record<ReviewRating, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

function toStored(card: Card): StoredCard {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: CARD_STATES[card.state] ?? 'new',
    ...(card.last_review ? { lastReview: card.last_review.toISOString() } : {}),
  };
}

function fromStored(card: StoredCard): Card {
  const state = [State.New, State.Learning, State.Review, State.Relearning][CARD_STATES.indexOf(card.state)];
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: state ?? State.New,
    ...(card.lastReview ? { last_review: new Date(card.lastReview) } : {}),
  };
}

/** A fresh record for a highlight or note never reviewed: due at once. */
export function newReviewRecord(articleId: string, now: Date): ReviewRecord {
  return { articleId, card: toStored(createEmptyCard(now)), history: [] };
}

/**
 * The record after the reader grades it `rating` at `now`: FSRS's next state and date, at the
 * recall target of `frequency` (`never` grades as `normal`: a grade given is never refused).
 */
export function gradeRecord(
  record: ReviewRecord,
  rating: ReviewRating,
  frequency: ReviewFrequency,
  now: Date,
): ReviewRecord {
  const scheduler = schedulerFor(frequency === 'never' ? 'normal' : frequency);
  const next = scheduler.next(fromStored(record.card), now, GRADES[rating]);
  return {
    ...record,
    card: toStored(next.card),
    history: [...record.history, { rating, reviewedAt: now.toISOString() }],
  };
}

/**
 * The frequency of an annotation from its article's and its tags' settings: the article's own
 * setting wins; else a tag set to `never` keeps it out (the reader asked not to see that topic);
 * else the most frequent of its tags' settings; else `normal`.
 */
export function effectiveFrequency(
  frequencies: ReviewFrequencies,
  articleId: string,
  articleTags: readonly string[],
): ReviewFrequency {
  const own = frequencies.articles[articleId];
  if (own) return own;
  const fromTags = articleTags
    .map((tag) => frequencies.tags[tagKey(tag)])
    .filter((value): value is ReviewFrequency => value !== undefined);
  if (fromTags.includes('never')) return 'never';
  for (const frequency of ['more', 'normal', 'fewer'] as const)
    if (fromTags.includes(frequency)) return frequency;
  return 'normal';
}

/** Midnight starting the local day after `now`'s: a card due before it is due "today". */
export function endOfDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
}

/** True if `iso` falls on the local day of `now`. */
export function isSameDay(iso: string, now: Date): boolean {
  const day = new Date(iso);
  return (
    day.getFullYear() === now.getFullYear() &&
    day.getMonth() === now.getMonth() &&
    day.getDate() === now.getDate()
  );
}

/** A highlight or note that may be reviewed, with its record (if it was ever reviewed). */
export interface ReviewCandidate {
  annotationId: string;
  articleId: string;
  /** When it was made: new ones come in this order, oldest first. */
  createdAt: string;
  frequency: ReviewFrequency;
  record: ReviewRecord | undefined;
}

/** Which candidates today's review shows, and how many due ones wait for another day. */
export interface SessionPlan {
  chosen: ReviewCandidate[];
  reviewedToday: number;
  waiting: number;
}

/**
 * Today's review: candidates not retired, not `never`, and due by the end of the local day,
 * reviewed ones first (most overdue first), then new ones (oldest first, so old reading comes
 * back), up to `limit` minus those already graded today.
 */
export function planSession(
  candidates: readonly ReviewCandidate[],
  now: Date,
  limit: number = DAILY_REVIEW_LIMIT,
): SessionPlan {
  const dayEnd = endOfDay(now).getTime();
  let reviewedToday = 0;
  const due: ReviewCandidate[] = [];
  const fresh: ReviewCandidate[] = [];
  for (const candidate of candidates) {
    const { record } = candidate;
    const last = record?.history.at(-1);
    if (last && isSameDay(last.reviewedAt, now)) reviewedToday += 1;
    if (record?.retiredAt !== undefined || candidate.frequency === 'never') continue;
    if (!record || record.history.length === 0) fresh.push(candidate);
    else if (new Date(record.card.due).getTime() < dayEnd) due.push(candidate);
  }
  due.sort((a, b) => (a.record?.card.due ?? '').localeCompare(b.record?.card.due ?? ''));
  fresh.sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.annotationId.localeCompare(b.annotationId),
  );
  const room = Math.max(0, limit - reviewedToday);
  const all = [...due, ...fresh];
  return { chosen: all.slice(0, room), reviewedToday, waiting: Math.max(0, all.length - room) };
}
