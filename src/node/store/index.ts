/**
 * The library store: a lowdb JSON index, body pack files and the user's own files in the data
 * folder, written atomically and durably, one writer at a time. Node only; no Electron.
 */
export { articleIdForSource } from './article-id';
export { APP_FOLDER_NAME, DATA_DIR_ENV, resolveDataDir } from './data-dir';
export type { DataDirOptions } from './data-dir';
export { DurableJsonFile } from './durable-json-file';
export type { DurableJsonFileOptions } from './durable-json-file';
export { writeFileDurably } from './durable-write';
export { JsonCodec } from './json-codec';
export type { Decoded, JsonCodecOptions, MigrationStep } from './json-codec';
export {
  StoreCorruptError,
  StoreError,
  StoreLockedError,
  StoreMissingLibraryError,
  StoreReadOnlyError,
  StoreVersionError,
  UnknownArticleError,
} from './errors';
export { LIBRARY_FILE, LibraryStore, LOCK_FILE } from './library-store';
export type { OpenOptions, StoreChanges } from './library-store';
export { LIBRARY_SCHEMA_VERSION } from './schemas';
export type { BodyLocator, CleaningOverrides, StoredArticle } from './schemas';
export { openUserFile, USER_DIR, userFilePath } from './user-file';
export type { UserFileOptions } from './user-file';
