/**
 * The reader's own data beside the library: reading progress and settings, each in a user file
 * of the data folder. Node only; no Electron.
 */
export { toLibraryEntry } from './library-entry';
export {
  PROGRESS_FILE_NAME,
  ProgressStore,
  progressFileSchema,
  readingProgressSchema,
} from './progress-store';
export type { ProgressFile, ProgressStoreOptions } from './progress-store';
export {
  InvalidSettingsError,
  SETTINGS_FILE_NAME,
  SettingsStore,
  settingsFileSchema,
} from './settings-store';
export type { SettingsFile } from './settings-store';
