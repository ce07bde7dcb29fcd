/** Search text processing shared by the index, the command line and the renderer. */
export {
  foldWord,
  isStopWord,
  queryTermsOf,
  stem,
  stemLanguageOf,
  termMatcher,
  termOf,
  tokenize,
  tokens,
  words,
} from './text';
export type { StemLanguage, Token } from './text';
export { makeSnippet, SNIPPET_LENGTH, snippetToPlainText } from './snippet';
export type { PlacedSnippet, Snippet } from './snippet';
export { SEARCH_FIELDS } from './model';
export type {
  SavedView,
  SearchField,
  SearchIndexProgress,
  SearchMatch,
  SearchQuery,
  SearchResult,
} from './model';
