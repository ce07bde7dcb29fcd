/**
 * The library's state: every article with its progress, and the reader's filters, sort and
 * scroll position. It lives at module level so that opening an article and coming back
 * finds the library exactly as it was left.
 */
import { matchesFilters, type LibraryFilters } from '../../../core/library-filters';
import type { ReadingState, LibraryEntry } from '../../../core/reading';
import { tagKey, type TagCount } from '../../../core/tags';
import { api } from './api';
import { forgetPrefetched } from './article-prefetch';
import { i18n } from './i18n/index.svelte';
import { titleCompare } from './title-order';

export type StateFilter = 'all' | ReadingState;
export const SORT_ORDERS = ['newest', 'title', 'progress'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export interface SectionCount {
  section: string;
  count: number;
}

/** Articles sent first, enough to fill a tall window before the whole library arrives. */
const FIRST_SCREEN = 40;

class LibraryState {
  /** Raw (not deeply reactive): 20,000 entries are replaced as a whole, never mutated. */
  entries = $state.raw<LibraryEntry[]>([]);
  loaded = $state(false);
  section = $state<string | null>(null);
  stateFilter = $state<StateFilter>('all');
  sort = $state<SortOrder>('newest');
  /** Articles carrying every one of these tags (compared without regard to case). */
  tags = $state<string[]>([]);
  /** Only articles with highlights or notes. */
  annotatedOnly = $state(false);
  /** The row that has (or last had) the keyboard focus. */
  focusedId = $state<string | null>(null);
  /** Where the list was scrolled; restored when the library is shown again. */
  scrollTop = 0;

  sections: SectionCount[] = $derived.by(() => {
    // A plain Map: it is built and read within this derivation, never kept as state.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const counts = new Map<string, number>();
    for (const entry of this.entries) counts.set(entry.section, (counts.get(entry.section) ?? 0) + 1);
    const collator = new Intl.Collator(i18n.locale);
    return [...counts]
      .map(([section, count]) => ({ section, count }))
      .sort((a, b) => collator.compare(a.section, b.section));
  });

  /** Every tag in the library with its number of articles, by name. */
  tagCounts: TagCount[] = $derived.by(() => {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- built and read within this derivation
    const counts = new Map<string, TagCount>();
    for (const entry of this.entries) {
      for (const tag of entry.tags) {
        const counted = counts.get(tagKey(tag));
        if (counted) counted.count += 1;
        else counts.set(tagKey(tag), { tag, count: 1 });
      }
    }
    const collator = new Intl.Collator(i18n.locale, { sensitivity: 'base' });
    return [...counts.values()].sort((a, b) => collator.compare(a.tag, b.tag));
  });

  /** True when a filter other than the section narrows the list (tags, state, annotations). */
  get filtered(): boolean {
    return this.stateFilter !== 'all' || this.tags.length > 0 || this.annotatedOnly;
  }

  /** The articles shown, filtered and sorted. */
  visible: LibraryEntry[] = $derived.by(() => {
    const filters: LibraryFilters = {
      section: this.section ?? undefined,
      state: this.stateFilter === 'all' ? undefined : this.stateFilter,
      tags: this.tags,
      // The library's switch shows annotated articles only; off, it shows all of them.
      hasAnnotations: this.annotatedOnly ? true : undefined,
    };
    const shown = this.entries.filter((entry) => matchesFilters(entry, filters));
    if (this.sort === 'title') {
      const byTitle = titleCompare(i18n.formatLocale);
      return shown.sort((a, b) => byTitle(a.title, b.title));
    }
    if (this.sort === 'progress') {
      const byTitle = titleCompare(i18n.formatLocale);
      return shown.sort((a, b) => b.progress - a.progress || byTitle(a.title, b.title));
    }
    return shown; // the store lists newest imports first
  });

  /**
   * Loads the library. On the first load, the first screen of articles (in the default order)
   * comes first and is painted at once; the whole list, which a large library takes a moment
   * to send, follows and brings the sections, filters and counts with it.
   */
  async refresh(): Promise<void> {
    forgetPrefetched();
    if (!this.loaded) {
      const firstScreen = await api.listArticles({ limit: FIRST_SCREEN });
      if (!this.loaded) this.entries = firstScreen;
    }
    this.entries = await api.listArticles({});
    this.loaded = true;
  }

  /** The article after (`+1`) or before (`-1`) `id` in the order shown, if any. */
  neighbour(id: string, step: 1 | -1): LibraryEntry | undefined {
    const index = this.visible.findIndex((entry) => entry.id === id);
    return index < 0 ? undefined : this.visible[index + step];
  }

  /** Updates an article's highlight and note counts after the reader annotated it. */
  setCounts(id: string, highlights: number, notes: number): void {
    this.entries = this.entries.map((entry) => (entry.id === id ? { ...entry, highlights, notes } : entry));
  }

  /** Updates an article's tags after the reader changed them. */
  setTags(id: string, tags: string[]): void {
    this.entries = this.entries.map((entry) => (entry.id === id ? { ...entry, tags } : entry));
  }

  /** Turns the filter on tag `tag` on or off. */
  toggleTag(tag: string): void {
    const key = tagKey(tag);
    this.tags = this.tags.some((own) => tagKey(own) === key)
      ? this.tags.filter((own) => tagKey(own) !== key)
      : [...this.tags, tag];
  }

  /** Updates one entry's progress after reading, without reloading the whole library. */
  setProgress(id: string, progress: number, state: ReadingState): void {
    this.entries = this.entries.map((entry) => (entry.id === id ? { ...entry, progress, state } : entry));
  }
}

export const library = new LibraryState();
