/**
 * The search as the reader types: the words, the results for them combined with the library's
 * filters (section, reading state, tags, annotations), the saved views, and the search index's
 * loading or rebuilding progress. At module level, like the library, so coming back from an
 * article finds the same results.
 */
import type { SavedView, SearchIndexProgress, SearchMatch, SearchResult } from '../../../core/search/model';
import {
  filtersFromQuery,
  withFilters,
  type QueryError,
  type SidebarFilters,
} from '../../../core/search/query';
import { tagKey } from '../../../core/tags';
import { api, errorMessage } from './api';
import { library } from './library.svelte';

/** A short pause while typing: results follow the keys without a query per keystroke. */
const TYPING_DELAY_MS = 120;
/**
 * Results asked for at first, and added by each "Show more": each result's snippet reads its
 * article, so a first page keeps every keystroke's answer within a few milliseconds.
 */
export const RESULT_PAGE = 20;

/** Where the reading page should take the reader for a result's match, and what to mark there. */
export type MatchTarget =
  { kind: 'highlight' | 'note'; id: string } | { kind: 'text'; start: number; end: number };

/** The place in the article a match points to; `undefined` for the title (the top of the article). */
export function matchTarget(match: SearchMatch): MatchTarget | undefined {
  if (match.field === 'highlight' && match.highlightId) return { kind: 'highlight', id: match.highlightId };
  if (match.field === 'note' && match.noteId) return { kind: 'note', id: match.noteId };
  if (match.field === 'text' && match.start !== undefined) {
    // The first mark of the snippet is the word found at `start`: its length gives the end.
    const [first] = match.snippet.marks;
    const length = first ? first[1] - first[0] : 1;
    return { kind: 'text', start: match.start, end: match.start + length };
  }
  return undefined;
}

class SearchState {
  query = $state('');
  results = $state.raw<SearchResult[]>([]);
  /** The query the results answer (they lag `query` while the reader types). */
  answered = $state('');
  searching = $state(false);
  error = $state<string | null>(null);
  /** What the answered query held that was not understood (shown inline under the box). */
  queryErrors = $state.raw<QueryError[]>([]);
  /** True when more articles match than the results shown. */
  moreToShow = $state(false);
  views = $state.raw<SavedView[]>([]);
  /** How many results to ask for (grows with "Show more", back to one page for new words). */
  limit = $state(RESULT_PAGE);
  /** Null until the index reports; `ready` once searches see the whole library. */
  index = $state<SearchIndexProgress | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #asked = 0;

  /**
   * True when the query holds more than the sidebar's filters (words, `OR`, other field terms):
   * the library shows the results instead of its list, which the filters alone narrow.
   */
  get active(): boolean {
    return filtersFromQuery(this.query).words !== '';
  }

  /** The sidebar's filters as the library shows them. */
  get sidebarFilters(): SidebarFilters {
    return {
      section: library.section ?? undefined,
      state: library.stateFilter === 'all' ? undefined : library.stateFilter,
      tags: library.tags.length > 0 ? [...library.tags] : undefined,
      hasAnnotations: library.annotatedOnly ? true : undefined,
    };
  }

  /** After the box changed: the sidebar shows the filters the query holds (one rule both ways). */
  syncSidebar(): void {
    const { filters } = filtersFromQuery(this.query);
    const section = filters.section ?? null;
    if (library.section !== section) library.section = section;
    const state = filters.state ?? 'all';
    if (library.stateFilter !== state) library.stateFilter = state;
    const tags = filters.tags ?? [];
    if (tags.map(tagKey).join('\n') !== library.tags.map(tagKey).join('\n')) library.tags = tags;
    const annotated = filters.hasAnnotations === true;
    if (library.annotatedOnly !== annotated) library.annotatedOnly = annotated;
  }

  /** After a filter was chosen in the sidebar: it is written into the box as a field term. */
  writeFilters(): void {
    const next = withFilters(this.query, this.sidebarFilters);
    if (next !== withFilters(this.query, filtersFromQuery(this.query).filters)) {
      this.query = next;
      this.schedule();
    }
  }

  /** Runs the search after a short pause (call on every change of the words or the filters). */
  schedule(): void {
    clearTimeout(this.#timer);
    this.limit = RESULT_PAGE;
    if (!this.active) {
      this.#asked += 1; // a late answer for old words must not come back
      this.results = [];
      this.queryErrors = [];
      this.answered = '';
      this.searching = false;
      return;
    }
    this.searching = true;
    this.#timer = setTimeout(() => void this.run(), TYPING_DELAY_MS);
  }

  /** Runs the search now; an answer that arrives after a newer question is dropped. */
  async run(): Promise<void> {
    clearTimeout(this.#timer);
    if (!this.active) return;
    const asked = (this.#asked += 1);
    const query = this.query;
    this.searching = true;
    try {
      const answer = await api.searchQuery({ query, limit: this.limit });
      if (asked !== this.#asked) return;
      this.results = answer.results;
      this.queryErrors = answer.errors;
      this.moreToShow = answer.more;
      this.answered = query;
      this.error = null;
    } catch (caught) {
      if (asked === this.#asked) this.error = errorMessage(caught);
    } finally {
      if (asked === this.#asked) this.searching = false;
    }
  }

  /** Asks for another page of results for the same words. */
  async more(): Promise<void> {
    this.limit += RESULT_PAGE;
    await this.run();
  }

  /** True when there may be more results than shown. */
  get mayHaveMore(): boolean {
    return this.moreToShow;
  }

  /** Empties the box, and so the sidebar's filters it held. */
  clear(): void {
    this.query = '';
    this.syncSidebar();
    this.schedule();
  }

  async loadViews(): Promise<void> {
    this.views = await api.listViews({});
  }

  /** Saves the query now in the box (its words and filters) as the view `name`, a named query. */
  async saveView(name: string): Promise<void> {
    this.views = await api.saveView({ name, query: this.query.trim() });
  }

  async deleteView(name: string): Promise<void> {
    this.views = await api.deleteView({ name });
  }

  /** Shows a saved view: its query in the box, its filters in the sidebar. */
  applyView(view: SavedView): void {
    this.query = view.query;
    this.syncSidebar();
    this.schedule();
  }

  /** True when the query shown is that of `view`. */
  shows(view: SavedView): boolean {
    return this.query.trim() === view.query;
  }
}

export const search = new SearchState();
