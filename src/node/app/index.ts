/**
 * The application layer: every use-case of Gazette once, over the stores of one data folder. The
 * IPC handlers and the command line call it. Node only; no Electron.
 */
export {
  backupFileName,
  DEFAULT_SEARCH_LIMIT,
  RELATED_COUNT,
  GazetteApp,
  openGazetteApp,
  readBackupFile,
  resolveArticleId,
} from './gazette-app';
export type {
  GazetteAppOptions,
  HighlightWords,
  ImportCall,
  LibraryAccess,
  OpenGazetteAppOptions,
} from './gazette-app';
export { ArticleReferenceError, WordsNotFoundError } from './errors';
