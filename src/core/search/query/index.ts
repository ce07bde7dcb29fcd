/** The search language: parse, serialize, sidebar filters and saved views, completion, messages. */
export * from './ast';
export { isDate, lex, parseQuery } from './parse';
export { quoteValue, serializeQuery } from './serialize';
export {
  filtersFromQuery,
  filterTerms,
  migrateSavedView,
  queryFromFilters,
  withFilters,
  type NamedQuery,
  type SidebarFilters,
} from './filters';
export {
  completeQuery,
  type CompletionSources,
  type QueryCompletion,
  type QuerySuggestion,
} from './complete';
export { matchesFieldTerm, type QueryEntry } from './match-entry';
export { queryErrorMessage, type QueryMessageLocale } from './messages';
export { queryPlan, type QueryPlan } from './plan';
