/**
 * An article as the library lists it (the app's `listArticles` and `gazette list`): its metadata,
 * the fraction read and its reading state.
 */
import type { ArticleMeta } from '../../core/article';
import { readingState, type LibraryEntry, type ReadingProgress } from '../../core/reading';

/** `meta` with its progress; no progress (never opened) is unread, 0. */
export function toLibraryEntry(
  meta: ArticleMeta,
  progress: ReadingProgress | null | undefined,
): LibraryEntry {
  return { ...meta, progress: progress?.fraction ?? 0, state: readingState(progress) };
}
