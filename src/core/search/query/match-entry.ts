/**
 * Field terms (`tag:`, `is:`, `published:>…`) tested on a library entry: the rules every side
 * applies (the search service after its full-text lookup, the library's list without words).
 * Pure and synchronous; words and phrases are the full-text index's job, not this file's.
 */
import type { ReadingState } from '../../reading';
import { tagKey } from '../../tags';
import { foldWord } from '../text';
import type { FieldNode, RangeNode, TriageState } from './ast';

/**
 * What field terms look at: a `LibraryEntry` has all of it but `triage` (an article never triaged
 * is in the inbox) and `highlightColors` (the colours of its highlights, for `color:`).
 */
export interface QueryEntry {
  section: string;
  language: string;
  site?: string | undefined;
  author?: string | undefined;
  /** ISO 8601 date or time. */
  publishedAt?: string | undefined;
  /** ISO 8601 time of the first import: what `saved:` compares. */
  importedAt: string;
  readingMinutes: number;
  /** Fraction read, 0–1. */
  progress: number;
  state: ReadingState;
  highlights: number;
  notes: number;
  tags: readonly string[];
  triage?: TriageState | undefined;
  highlightColors?: readonly string[] | undefined;
}

/** Case and accents aside, so `site:lemonde` finds "Le Monde" and `author:helene` "Hélène". */
const fold = (text: string): string => foldWord(text).replace(/\s+/gu, ' ').trim();

/** True when `entry` has what the field or range term asks (`in:` scopes words: always true here). */
export function matchesFieldTerm(entry: QueryEntry, term: FieldNode | RangeNode): boolean {
  if (term.type === 'range') return matchesRange(entry, term);
  const { value } = term;
  switch (term.key) {
    case 'tag': {
      if (entry.tags.length === 0) return false;
      const wanted = cachedTagKey(value);
      return entry.tags.some((tag) => cachedTagKey(tag) === wanted);
    }
    case 'section':
      return fold(entry.section) === fold(value);
    case 'site':
      // A part of the name or host: `site:bbc` finds "BBC News" and "bbc.co.uk".
      return entry.site !== undefined && fold(entry.site).includes(fold(value));
    case 'author':
      return entry.author !== undefined && fold(entry.author).includes(fold(value));
    case 'lang':
      return entry.language === value || entry.language.startsWith(`${value}-`);
    case 'is':
      if (value === 'unread' || value === 'reading' || value === 'finished') return entry.state === value;
      return (entry.triage ?? 'inbox') === value;
    case 'has':
      if (value === 'highlights') return entry.highlights > 0;
      if (value === 'notes') return entry.notes > 0;
      return entry.highlights + entry.notes > 0;
    case 'color':
      return entry.highlightColors?.includes(value) ?? false;
    case 'in':
      return true;
  }
}

/*
 * `tagKey` lowers case with the locale-independent ICU rules (`toLocaleLowerCase('und')`), about
 * ten microseconds a call: too slow for a query that tests every article of a large library. The
 * library has few distinct tags, so their keys are kept.
 */
const tagKeys = new Map<string, string>();
function cachedTagKey(tag: string): string {
  let key = tagKeys.get(tag);
  if (key === undefined) {
    key = tagKey(tag);
    if (tagKeys.size > 10_000) tagKeys.clear();
    tagKeys.set(tag, key);
  }
  return key;
}

const DAY = /^\d{4}(?:-\d{2}(?:-\d{2})?)?/;

function matchesRange(entry: QueryEntry, term: RangeNode): boolean {
  if (term.key === 'minutes' || term.key === 'progress') {
    const actual = term.key === 'minutes' ? entry.readingMinutes : Math.round(entry.progress * 100);
    return compare(actual, Number(term.value), term.op);
  }
  const when = term.key === 'published' ? entry.publishedAt : entry.importedAt;
  // The day as written (no time-zone shift: a date line says the day where it was published).
  const day = when === undefined ? undefined : DAY.exec(when)?.[0];
  if (day === undefined) return false;
  // ISO dates compare as strings; a period (`2024`, `2024-06`) is a prefix of its days.
  const period = term.value;
  const within = day.startsWith(period);
  switch (term.op) {
    case '=':
      return within;
    case '<':
      return !within && day < period;
    case '<=':
      return within || day < period;
    case '>':
      return !within && day > period;
    case '>=':
      return within || day > period;
  }
}

function compare(actual: number, wanted: number, op: RangeNode['op']): boolean {
  switch (op) {
    case '=':
      return actual === wanted;
    case '<':
      return actual < wanted;
    case '<=':
      return actual <= wanted;
    case '>':
      return actual > wanted;
    case '>=':
      return actual >= wanted;
  }
}
