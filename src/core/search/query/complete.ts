/**
 * Completion as one types a query: at the caret, the keys that begin with the word being typed
 * (`ta` → `tag:`), or the values of the key being typed (`tag:br` → `tag:brexit`), from the
 * library's own tags, sections, sites and authors given by the caller.
 */
import { foldWord } from '../text';
import { ENUM_VALUES, isEnumKey, QUERY_KEYS, type QueryKey } from './ast';
import { quoteValue } from './serialize';

/** The values the library holds, for completion (any may be left out). */
export interface CompletionSources {
  tags?: readonly string[];
  sections?: readonly string[];
  sites?: readonly string[];
  authors?: readonly string[];
  languages?: readonly string[];
}

export interface QuerySuggestion {
  /** The text that replaces `start`–`end` of the query. */
  insert: string;
  /** What to show: the key or the value alone. */
  label: string;
  kind: 'key' | 'value';
}

/** Suggestions for the term at the caret, and the span of the query they replace. */
export interface QueryCompletion {
  start: number;
  end: number;
  suggestions: QuerySuggestion[];
}

/** Suggestions shown at most. */
const MAX_SUGGESTIONS = 12;

/** Characters that end a term; inside `key:"…"` a space does not. */
const BREAK = /[\s()]/u;

/**
 * What may complete the term at `caret` in `query` (a UTF-16 offset; clamped to the text).
 * No suggestions inside a phrase, after a complete value or for a word that begins no key.
 */
export function completeQuery(
  query: string,
  caret: number,
  sources: CompletionSources = {},
): QueryCompletion {
  const at = Math.max(0, Math.min(caret, query.length));
  let start = at;
  // Back to the term's start; a quote opened after `key:` keeps spaces inside the term.
  while (start > 0 && !BREAK.test(query[start - 1] as string)) start -= 1;
  const quoted = /([A-Za-z]+):"[^"]*$/u.exec(query.slice(0, at));
  if (quoted && !/"/.test(query.slice(quoted.index + quoted[0].length))) start = quoted.index;
  while (query[start] === '-') start += 1;
  let end = at;
  while (end < query.length && !BREAK.test(query[end] as string)) end += 1;
  const typed = query.slice(start, at);
  const none = { start, end, suggestions: [] };
  if (typed.startsWith('"')) return none;
  const field = /^([A-Za-z]+):(.*)$/su.exec(typed);
  if (!field) {
    if (!/^[A-Za-z]+$/.test(typed)) return none;
    const prefix = typed.toLowerCase();
    const keys = QUERY_KEYS.filter((key) => key.startsWith(prefix));
    return {
      start,
      end,
      suggestions: keys.map((key) => ({ insert: `${key}:`, label: key, kind: 'key' as const })),
    };
  }
  const key = (field[1] as string).toLowerCase() as QueryKey;
  const partial = (field[2] as string).replace(/^"/, '');
  const values = valuesOf(key, sources);
  const wanted = foldWord(partial);
  const starts = values.filter((value) => foldWord(value).startsWith(wanted));
  const inside = values.filter(
    (value) => !foldWord(value).startsWith(wanted) && foldWord(value).includes(wanted),
  );
  const suggestions = [...starts, ...inside]
    .filter((value) => value !== partial)
    .slice(0, MAX_SUGGESTIONS)
    .map((value) => ({ insert: `${key}:${quoteValue(value)}`, label: value, kind: 'value' as const }));
  return { start, end, suggestions };
}

function valuesOf(key: QueryKey, sources: CompletionSources): readonly string[] {
  if (isEnumKey(key)) return ENUM_VALUES[key];
  const byKey: Partial<Record<QueryKey, readonly string[] | undefined>> = {
    tag: sources.tags,
    section: sources.sections,
    site: sources.sites,
    author: sources.authors,
    lang: sources.languages,
  };
  return [...new Set(byKey[key] ?? [])].sort((a, b) => a.localeCompare(b));
}
