/**
 * An article as the library lists it (the app's `listArticles` and `gazette list`): its metadata,
 * the fraction read, its reading state, its highlight and note counts, and its tags.
 */
import type { ArticleMeta } from '../../core/article';
import type { AnnotationCounts } from '../../core/annotations/model';
import { readingState, type LibraryEntry, type ReadingProgress } from '../../core/reading';

/** `meta` with its progress and counts; no progress (never opened) is unread, 0; no counts, none. */
export function toLibraryEntry(
  meta: ArticleMeta,
  progress: ReadingProgress | null | undefined,
  counts?: AnnotationCounts,
  tags: readonly string[] = [],
): LibraryEntry {
  return {
    ...meta,
    progress: progress?.fraction ?? 0,
    state: readingState(progress),
    highlights: counts?.highlights ?? 0,
    notes: counts?.notes ?? 0,
    tags: [...tags],
  };
}
