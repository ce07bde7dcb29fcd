/**
 * The search as the reader types: the words, the results for them combined with the library's
 * filters (section, reading state, tags, annotations), the saved views, and the search index's
 * loading or rebuilding progress. At module level, like the library, so coming back from an
 * article finds the same results.
 */
import type { SavedView, SearchIndexProgress, SearchMatch, SearchResult } from '../../../core/search/model';
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
  views = $state.raw<SavedView[]>([]);
  /** How many results to ask for (grows with "Show more", back to one page for new words). */
  limit = $state(RESULT_PAGE);
  /** Null until the index reports; `ready` once searches see the whole library. */
  index = $state<SearchIndexProgress | null>(null);
  #timer: ReturnType<typeof setTimeout> | undefined;
  #asked = 0;

  /** True while words are typed: the library shows the results instead of its list. */
  get active(): boolean {
    return this.query.trim() !== '';
  }

  /** Runs the search after a short pause (call on every change of the words or the filters). */
  schedule(): void {
    clearTimeout(this.#timer);
    this.limit = RESULT_PAGE;
    if (!this.active) {
      this.#asked += 1; // a late answer for old words must not come back
      this.results = [];
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
      const results = await api.search({
        query,
        ...(library.section !== null && { section: library.section }),
        ...(library.stateFilter !== 'all' && { state: library.stateFilter }),
        ...(library.tags.length > 0 && { tags: library.tags }),
        ...(library.annotatedOnly && { hasAnnotations: true }),
        limit: this.limit,
      });
      if (asked !== this.#asked) return;
      this.results = results;
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
    return this.results.length >= this.limit;
  }

  clear(): void {
    this.query = '';
    this.schedule();
  }

  async loadViews(): Promise<void> {
    this.views = await api.listViews({});
  }

  /** Saves the words and filters now shown as the view `name` (replacing one of that name). */
  async saveView(name: string): Promise<void> {
    this.views = await api.saveView({
      name,
      query: this.query.trim(),
      ...(library.section !== null && { section: library.section }),
      ...(library.stateFilter !== 'all' && { state: library.stateFilter }),
      ...(library.tags.length > 0 && { tags: library.tags }),
      ...(library.annotatedOnly && { hasAnnotations: true }),
    });
  }

  async deleteView(name: string): Promise<void> {
    this.views = await api.deleteView({ name });
  }

  /** Shows a saved view: its words and filters, in place of the current ones. */
  applyView(view: SavedView): void {
    library.section = view.section ?? null;
    library.stateFilter = view.state ?? 'all';
    library.tags = view.tags ?? [];
    library.annotatedOnly = view.hasAnnotations === true;
    this.query = view.query;
    this.schedule();
  }

  /** True when the words and filters shown are those of `view`. */
  shows(view: SavedView): boolean {
    return (
      this.query.trim() === view.query &&
      library.section === (view.section ?? null) &&
      library.stateFilter === (view.state ?? 'all') &&
      library.annotatedOnly === (view.hasAnnotations === true) &&
      library.tags.join('\n') === (view.tags ?? []).join('\n')
    );
  }
}

export const search = new SearchState();
