/**
 * Full-text search over titles, article text, highlights and notes (full-text-index.ts), kept in
 * the data folder and up to date with every change; tags and saved views. Node only.
 */
export { buildSearchSnapshot } from './build-search-index';
export { searchWorkerFromSources, workerBuilder } from './build-in-worker';
export type { SnapshotBuilder } from './build-in-worker';
export { SEARCH_INDEX_VERSION } from './search-documents';
export { SearchIndex } from './search-index';
export type {
  QuerySearchAnswer,
  QuerySearchOptions,
  SearchIndexOptions,
  SearchIndexOrigin,
  SearchOptions,
} from './search-index';
export { SEARCH_INDEX_FILE, snapshotPath } from './search-snapshot';
