/**
 * The search language's syntax tree and its keys: what `parse` makes of a query and `serialize`
 * writes back. Plain data, so it crosses the IPC boundary and can be compared with `toEqual`.
 *
 * A query is words, `"exact phrases"` and field terms (`tag:brexit`, `is:unread`,
 * `published:>2024-01-01`), all required (AND) unless joined by `OR`; `-` negates a term or a
 * group; parentheses group. `OR` binds tighter than the implicit AND, as in Google and Gmail:
 * `a b OR c` is `a AND (b OR c)`.
 */
import { HIGHLIGHT_COLORS } from '../../annotations/model';

/** Keys whose value is free text: a tag, a section, a site, an author, a language. */
export const TEXT_KEYS = ['tag', 'section', 'site', 'author', 'lang'] as const;
export type TextKey = (typeof TEXT_KEYS)[number];

/** Triage: where an article waits (beside its reading progress). */
export const TRIAGE_STATES = ['inbox', 'later', 'archive'] as const;
export type TriageState = (typeof TRIAGE_STATES)[number];

/** Keys whose value is one of a closed list. */
export const ENUM_VALUES = {
  is: ['unread', 'reading', 'finished', ...TRIAGE_STATES],
  /** `annotations`: highlights or notes (the sidebar's "with highlights or notes"). */
  has: ['highlights', 'notes', 'annotations'],
  color: [...HIGHLIGHT_COLORS],
  /** Where words must match: `in:` scopes every word and phrase of the query. */
  in: ['title', 'text', 'highlight', 'note'],
} as const satisfies Record<string, readonly string[]>;
export type EnumKey = keyof typeof ENUM_VALUES;
export const ENUM_KEYS = Object.keys(ENUM_VALUES) as EnumKey[];

/** Keys compared with a date (`published`, `saved`: the import) or a number (minutes, % read). */
export const DATE_KEYS = ['published', 'saved'] as const;
export const NUMBER_KEYS = ['minutes', 'progress'] as const;
export type DateKey = (typeof DATE_KEYS)[number];
export type NumberKey = (typeof NUMBER_KEYS)[number];
export type RangeKey = DateKey | NumberKey;
export const RANGE_OPERATORS = ['>=', '<=', '>', '<', '='] as const;
/** `=` is written as no operator at all: `minutes:5`, `published:2024` (that year). */
export type RangeOperator = (typeof RANGE_OPERATORS)[number];

/** Every key, in the order completion offers them. */
export const QUERY_KEYS = [...TEXT_KEYS, ...ENUM_KEYS, ...DATE_KEYS, ...NUMBER_KEYS] as const;
export type QueryKey = TextKey | EnumKey | RangeKey;

/** All of the children must match (at least two). */
export interface AndNode {
  type: 'and';
  children: QueryNode[];
}
/** Any of the children must match (at least two). */
export interface OrNode {
  type: 'or';
  children: QueryNode[];
}
export interface NotNode {
  type: 'not';
  child: QueryNode;
}
/** A word as typed: matched through the full-text index (folded, stemmed, prefixes, typos). */
export interface WordNode {
  type: 'word';
  text: string;
}
/** Words that must follow one another exactly (case and accents aside). */
export interface PhraseNode {
  type: 'phrase';
  text: string;
}
/** `key:value` with a text or listed value (tags normalized, listed values in lower case). */
export interface FieldNode {
  type: 'field';
  key: TextKey | EnumKey;
  value: string;
}
/**
 * `key:<value` and the like. Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD` and stand for that whole
 * period (`<` before its start, `>` after its end, `=` within it); numbers are whole (progress in %).
 */
export interface RangeNode {
  type: 'range';
  key: RangeKey;
  op: RangeOperator;
  value: string;
}
export type QueryNode = AndNode | OrNode | NotNode | WordNode | PhraseNode | FieldNode | RangeNode;

/** Why part of a query was not understood; `queryErrorMessage` says it in English or French. */
export const QUERY_ERROR_CODES = [
  'unknown-key',
  'missing-value',
  'bad-value',
  'bad-date',
  'bad-number',
  'unclosed-quote',
  'empty-phrase',
  'unclosed-paren',
  'unexpected-paren',
  'empty-group',
  'dangling-or',
  'dangling-negation',
  'negated-scope',
] as const;
export type QueryErrorCode = (typeof QUERY_ERROR_CODES)[number];

/** A part of the query that was not understood: `start`–`end` (UTF-16, end exclusive) of the text. */
export interface QueryError {
  code: QueryErrorCode;
  start: number;
  end: number;
  /** The text not understood. */
  text: string;
  /** For key errors: the key. */
  key?: string;
  /** For `bad-value`: the values the key accepts. */
  expected?: readonly string[];
}

/**
 * What `parse` makes of a query: the tree of what was understood (`null` for an empty query or one
 * of which nothing was understood), and what was not. Parts not understood are left out of `ast`.
 */
export interface ParsedQuery {
  ast: QueryNode | null;
  errors: QueryError[];
}

export const isTextKey = (key: string): key is TextKey => (TEXT_KEYS as readonly string[]).includes(key);
export const isEnumKey = (key: string): key is EnumKey => Object.hasOwn(ENUM_VALUES, key);
export const isDateKey = (key: string): key is DateKey => (DATE_KEYS as readonly string[]).includes(key);
export const isNumberKey = (key: string): key is NumberKey =>
  (NUMBER_KEYS as readonly string[]).includes(key);
export const isQueryKey = (key: string): key is QueryKey => (QUERY_KEYS as readonly string[]).includes(key);
