/**
 * The sidebar's filters (section, reading state, tags, "with highlights or notes") and saved views
 * as queries of the search language, both ways: choosing a filter writes its term into the search
 * box, the box's terms light up the sidebar, and a saved view becomes a named query.
 */
import type { ReadingState } from '../../reading';
import { READING_STATES } from '../../reading';
import { tagKey } from '../../tags';
import type { SavedView } from '../model';
import type { FieldNode, ParsedQuery, QueryNode } from './ast';
import { combine, parseQuery } from './parse';
import { serializeQuery } from './serialize';

/** The sidebar's filters, as the contract's `search` and `saveView` take them. */
export interface SidebarFilters {
  section?: string | undefined;
  state?: ReadingState | undefined;
  /** Articles carrying every one of these tags. */
  tags?: string[] | undefined;
  /** Only articles with (true) or without (false) highlights or notes. */
  hasAnnotations?: boolean | undefined;
}

/** A view as a named query (what saved views become). */
export interface NamedQuery {
  name: string;
  query: string;
}

/** The field terms of `filters`, in the sidebar's order. */
export function filterTerms(filters: SidebarFilters): QueryNode[] {
  const terms: QueryNode[] = [];
  if (filters.section !== undefined && filters.section !== '')
    terms.push({ type: 'field', key: 'section', value: filters.section.replace(/"/g, '') });
  if (filters.state !== undefined) terms.push({ type: 'field', key: 'is', value: filters.state });
  for (const tag of filters.tags ?? []) terms.push({ type: 'field', key: 'tag', value: tag });
  const annotated: FieldNode = { type: 'field', key: 'has', value: 'annotations' };
  if (filters.hasAnnotations === true) terms.push(annotated);
  if (filters.hasAnnotations === false) terms.push({ type: 'not', child: annotated });
  return terms;
}

/**
 * The query of `words` (a query of the search language) with `filters` as field terms after them:
 * `queryFromFilters('brexit', { section: 'politics', tags: ['eu'] })` is
 * `brexit section:politics tag:eu`. What `words` holds that is not understood is left out.
 */
export function queryFromFilters(words: string, filters: SidebarFilters): string {
  const { ast } = parseQuery(words);
  return serializeQuery(combine('and', [...(ast ? [ast] : []), ...filterTerms(filters)]));
}

/**
 * The sidebar's filters a query holds, and the rest of it: the terms required at the top level
 * that the sidebar can show (one section, one reading state, tags, `has:annotations` or its
 * negation) go to `filters`, everything else (words, `OR`, other keys, a second section) stays
 * in `words`. `queryFromFilters(words, filters)` is the same query, the filters written last.
 */
export function filtersFromQuery(query: string | ParsedQuery): { words: string; filters: SidebarFilters } {
  const { ast } = typeof query === 'string' ? parseQuery(query) : query;
  const terms = !ast ? [] : ast.type === 'and' ? ast.children : [ast];
  const filters: SidebarFilters = {};
  const rest: QueryNode[] = [];
  const seenTags = new Set<string>();
  for (const term of terms) {
    if (term.type === 'field' && term.key === 'section' && filters.section === undefined) {
      filters.section = term.value;
    } else if (term.type === 'field' && term.key === 'is' && isReadingState(term.value) && !filters.state) {
      filters.state = term.value;
    } else if (term.type === 'field' && term.key === 'tag' && !seenTags.has(tagKey(term.value))) {
      seenTags.add(tagKey(term.value));
      (filters.tags ??= []).push(term.value);
    } else if (isAnnotated(term) && filters.hasAnnotations === undefined) {
      filters.hasAnnotations = true;
    } else if (term.type === 'not' && isAnnotated(term.child) && filters.hasAnnotations === undefined) {
      filters.hasAnnotations = false;
    } else rest.push(term);
  }
  return { words: serializeQuery(combine('and', rest)), filters };
}

/**
 * `query` with its sidebar filters replaced by `filters` (a filter chosen or cleared in the
 * sidebar): the words and other terms are kept, the filters written after them.
 */
export function withFilters(query: string, filters: SidebarFilters): string {
  return queryFromFilters(filtersFromQuery(query).words, filters);
}

/**
 * A saved view of the earlier form (`{ name, query: words, ...filters }`) as a named query. Its
 * words were plain words then, so anything the language would now read otherwise ("OR", "-x",
 * "key:value", quotes, parentheses) is kept as a phrase or a plain word, never as an operator.
 */
export function migrateSavedView(view: SavedView): NamedQuery {
  const words = view.query
    .split(/\s+/u)
    .map((word) => word.replace(/["()]/g, ''))
    .filter((word) => word !== '')
    .map((word) => (word === 'OR' || word.startsWith('-') || /^[A-Za-z]+:/.test(word) ? `"${word}"` : word))
    .join(' ');
  return {
    name: view.name,
    query: queryFromFilters(words, {
      section: view.section,
      state: view.state,
      tags: view.tags,
      hasAnnotations: view.hasAnnotations,
    }),
  };
}

const isReadingState = (value: string): value is ReadingState =>
  (READING_STATES as readonly string[]).includes(value);

const isAnnotated = (node: QueryNode): boolean =>
  node.type === 'field' && node.key === 'has' && node.value === 'annotations';
