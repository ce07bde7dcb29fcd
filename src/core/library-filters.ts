/**
 * The one answer to "does this article match these filters?", shared by the library list (the
 * app's and the command line's), the search (its filters are applied to each ranked article) and
 * the renderer's library. Plain code with no zod, so the renderer bundles it cheaply; the schema of
 * the filters crossing the IPC boundary is in the contract.
 */
import type { LibraryEntry, ReadingState } from './reading';
import type { QueryNode } from './search/query/ast';
import { filterTerms } from './search/query/filters';
import { matchesFieldTerm, type QueryEntry } from './search/query/match-entry';

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
 * Whether `entry` passes every filter of `filters`. The filters are the search language's field
 * terms (`section:`, `is:`, `tag:`, `has:annotations`, written by `filterTerms`) and are tested by
 * the language's own `matchesFieldTerm`: one rule for the sidebar, the search box and saved views.
 * Tags and sections are compared without regard to case (and accents, for sections); an empty
 * tag list, like an absent one, keeps every article.
 */
export function matchesFilters(entry: FilterableEntry, filters: LibraryFilters): boolean {
  const terms = filterTerms({ ...filters, tags: filters.tags ? [...filters.tags] : undefined });
  if (terms.length === 0) return true;
  // The sidebar's terms look at these fields only; the others are neutral values never compared.
  const queryEntry: QueryEntry = {
    section: entry.section,
    state: entry.state,
    tags: entry.tags,
    highlights: entry.highlights,
    notes: entry.notes,
    language: '',
    importedAt: '',
    readingMinutes: 0,
    progress: 0,
  };
  return terms.every((term) => holds(queryEntry, term));
}

/** A sidebar term (a field term or its negation) on one entry. */
function holds(entry: QueryEntry, term: QueryNode): boolean {
  if (term.type === 'not') return !holds(entry, term.child);
  if (term.type === 'field' || term.type === 'range') return matchesFieldTerm(entry, term);
  return true; // filterTerms writes field terms and negations only
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
