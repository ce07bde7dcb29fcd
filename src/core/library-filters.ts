/**
 * The one answer to "does this article match these filters?", shared by the library list (the
 * app's and the command line's), the search (its filters are applied to each ranked article) and
 * the renderer's library. Plain code with no zod, so the renderer bundles it cheaply; the schema of
 * the filters crossing the IPC boundary is in the contract.
 */
import type { LibraryEntry, ReadingState } from './reading';
import { tagKey } from './tags';

/** The filters a list, a search or a saved view combines; each one left out keeps every article. */
export interface LibraryFilters {
  /** The article's section, exactly. */
  section?: string | undefined;
  /** The reading state (unread, reading, finished) as the library shows it. */
  state?: ReadingState | undefined;
  /** Articles carrying every one of these tags (compared without regard to case). */
  tags?: readonly string[] | undefined;
  /** Only articles with (true) or without (false) highlights or notes. */
  hasAnnotations?: boolean | undefined;
}

/** What the filters look at: a `LibraryEntry` has it all. */
export type FilterableEntry = Pick<LibraryEntry, 'section' | 'state' | 'tags' | 'highlights' | 'notes'>;

/**
 * Whether `entry` passes every filter of `filters`. Tags are compared by `tagKey`; an empty tag
 * list, like an absent one, keeps every article.
 */
export function matchesFilters(entry: FilterableEntry, filters: LibraryFilters): boolean {
  if (filters.section !== undefined && entry.section !== filters.section) return false;
  if (filters.state !== undefined && entry.state !== filters.state) return false;
  if (filters.hasAnnotations !== undefined && entry.highlights + entry.notes > 0 !== filters.hasAnnotations)
    return false;
  const wanted = filters.tags ?? [];
  if (wanted.length > 0) {
    const own = new Set(entry.tags.map(tagKey));
    if (!wanted.every((tag) => own.has(tagKey(tag)))) return false;
  }
  return true;
}

/** True when no filter narrows anything (every article matches). */
export function isUnfiltered(filters: LibraryFilters): boolean {
  return (
    filters.section === undefined &&
    filters.state === undefined &&
    filters.hasAnnotations === undefined &&
    (filters.tags ?? []).length === 0
  );
}
