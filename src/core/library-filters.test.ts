import { describe, expect, it } from 'vitest';
import { isUnfiltered, matchesFilters, type FilterableEntry, type LibraryFilters } from './library-filters';

/** Four articles that differ in every filtered field. */
const ENTRIES: Record<string, FilterableEntry> = {
  politicsUnread: { section: 'politics', state: 'unread', tags: [], highlights: 0, notes: 0 },
  politicsReading: {
    section: 'politics',
    state: 'reading',
    tags: ['Brexit', 'later'],
    highlights: 2,
    notes: 0,
  },
  sportFinished: { section: 'sport', state: 'finished', tags: ['brexit'], highlights: 0, notes: 1 },
  techReading: { section: 'tech', state: 'reading', tags: ['été/2024'], highlights: 0, notes: 0 },
};

function kept(filters: LibraryFilters): string[] {
  return Object.entries(ENTRIES)
    .filter(([, entry]) => matchesFilters(entry, filters))
    .map(([name]) => name);
}

describe('matchesFilters', () => {
  it('keeps everything without filters, or with an empty tag list', () => {
    expect(kept({})).toEqual(Object.keys(ENTRIES));
    expect(kept({ tags: [] })).toEqual(Object.keys(ENTRIES));
    expect(isUnfiltered({ tags: [] })).toBe(true);
    expect(isUnfiltered({ state: 'unread' })).toBe(false);
  });

  it('filters by section, case aside, as the query term section: does (one rule)', () => {
    expect(kept({ section: 'politics' })).toEqual(['politicsUnread', 'politicsReading']);
    expect(kept({ section: 'Politics' })).toEqual(['politicsUnread', 'politicsReading']);
    expect(kept({ section: 'polit' })).toEqual([]);
    expect(kept({ section: 'science' })).toEqual([]);
  });

  it.each([
    ['unread', ['politicsUnread']],
    ['reading', ['politicsReading', 'techReading']],
    ['finished', ['sportFinished']],
  ] as const)('filters by reading state: %s', (state, expected) => {
    expect(kept({ state })).toEqual(expected);
  });

  it('needs every tag, compared without regard to case', () => {
    expect(kept({ tags: ['BREXIT'] })).toEqual(['politicsReading', 'sportFinished']);
    expect(kept({ tags: ['brexit', 'Later'] })).toEqual(['politicsReading']);
    expect(kept({ tags: ['ÉTÉ/2024'] })).toEqual(['techReading']);
    expect(kept({ tags: ['brexit', 'missing'] })).toEqual([]);
  });

  it('filters by highlights or notes, either way', () => {
    expect(kept({ hasAnnotations: true })).toEqual(['politicsReading', 'sportFinished']);
    expect(kept({ hasAnnotations: false })).toEqual(['politicsUnread', 'techReading']);
  });

  it('combines every filter given', () => {
    expect(kept({ section: 'politics', state: 'reading', tags: ['later'], hasAnnotations: true })).toEqual([
      'politicsReading',
    ]);
    expect(kept({ section: 'politics', state: 'finished' })).toEqual([]);
    expect(kept({ state: 'reading', hasAnnotations: false })).toEqual(['techReading']);
    expect(kept({ tags: ['brexit'], state: 'finished', section: 'sport' })).toEqual(['sportFinished']);
  });
});
