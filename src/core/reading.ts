/**
 * Reading progress: where the reader is in an article, anchored to the text (a block and an
 * offset within it) so it survives a resize or a change of text size, plus the fraction read.
 */
import type { ArticleMeta } from './article';

/** A place in the article's text: block `blockIndex`, `blockOffset` (0–1) of the way down it. */
export interface ReadingPosition {
  blockIndex: number;
  blockOffset: number;
  /** The fraction of the article read at that place, 0–1. */
  fraction: number;
}

/** What the store keeps per article. */
export interface ReadingProgress {
  position: ReadingPosition | null;
  /** The furthest fraction reached, 0–1 (1 once finished). */
  fraction: number;
  finished: boolean;
  /** ISO 8601 time of the last change. */
  updatedAt: string;
}

export const READING_STATES = ['unread', 'reading', 'finished'] as const;
export type ReadingState = (typeof READING_STATES)[number];

/** The state shown in the library: unread until the reader has moved into the text. */
export function readingState(progress: ReadingProgress | null | undefined): ReadingState {
  if (!progress) return 'unread';
  if (progress.finished) return 'finished';
  return progress.fraction > 0 ? 'reading' : 'unread';
}

/**
 * Reading this far counts as finished: the last lines of an article often sit above the
 * bottom of the window, so the exact end cannot always be scrolled to.
 */
export const FINISHED_FRACTION = 0.98;

/** An article as the library lists it: its metadata, with the reader's progress and annotation counts. */
export interface LibraryEntry extends ArticleMeta {
  /** Fraction read, 0–1. */
  progress: number;
  state: ReadingState;
  /** How many highlights and personal notes the reader made on it. */
  highlights: number;
  notes: number;
  /** The reader's tags on it (src/core/tags.ts), in the order they were added. */
  tags: string[];
}

/** Minutes left to read, rounded up; 0 once finished. */
export function minutesLeft(readingMinutes: number, fraction: number): number {
  if (fraction >= FINISHED_FRACTION) return 0;
  return Math.max(1, Math.ceil(readingMinutes * (1 - Math.min(Math.max(fraction, 0), 1))));
}
