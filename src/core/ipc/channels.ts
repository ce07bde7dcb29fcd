/**
 * Channel names and the envelope that crosses the IPC boundary. No schema library here:
 * the sandboxed preload imports this file and stays tiny.
 */

/** Every method of the contract, in one list (checked against the schemas in contract.ts). */
export const GAZETTE_METHODS = [
  'listArticles',
  'getArticle',
  'importPaths',
  'importDropped',
  'chooseAndImport',
  'getSettings',
  'updateSettings',
  'resetSettings',
  'revealSettingsFile',
  'libraryStatus',
  'getProgress',
  'saveProgress',
  'setFinished',
  'removeArticles',
  'restoreArticles',
  'forgetArticles',
  'listAnnotations',
  'addHighlight',
  'updateHighlight',
  'deleteHighlight',
  'restoreHighlight',
  'addNote',
  'updateNote',
  'deleteNote',
  'restoreNote',
  'listNotebook',
  'exportArticle',
  'exportLibrary',
  'saveExport',
  'backupLibrary',
  'restoreLibrary',
  'search',
  'searchQuery',
  'queryIds',
  'relatedArticles',
  'setTags',
  'renameTag',
  'deleteTag',
  'listTags',
  'listViews',
  'saveView',
  'deleteView',
  'prepareSpeech',
  'synthesizeSentence',
  'reviewSession',
  'gradeReview',
  'retireReview',
  'setReviewFrequency',
  'setBlockCleaning',
  'recleanArticles',
] as const;
export type GazetteMethodName = (typeof GAZETTE_METHODS)[number];

/**
 * Methods for the services' own callers (the command line, the tests), never carried from a
 * window: `importPaths` takes any path, and the window may never name one (paths reach the
 * services from the main process's dialogs, or from files dropped on the window, as one-time
 * tokens: see `importDropped`). The main process registers, the preload exposes and the test
 * bridge carries the other methods only.
 */
export const HOST_ONLY_METHODS = ['importPaths'] as const satisfies readonly GazetteMethodName[];
export type HostOnlyMethodName = (typeof HOST_ONLY_METHODS)[number];
export type WindowMethodName = Exclude<GazetteMethodName, HostOnlyMethodName>;

/** The methods a window may call. */
export const WINDOW_METHODS = GAZETTE_METHODS.filter(
  (method): method is WindowMethodName => !(HOST_ONLY_METHODS as readonly string[]).includes(method),
);

/** True for a method a window may call. */
export function isWindowMethod(name: unknown): name is WindowMethodName {
  return typeof name === 'string' && (WINDOW_METHODS as readonly string[]).includes(name);
}

/**
 * The preload's own channel, outside the contract: it hands the main process the paths of files
 * dropped on the window, which the preload alone can read (Electron's `webUtils.getPathForFile`;
 * a page cannot give a file a path), and gets back one one-time token per path for `importDropped`.
 */
export const DROP_GRANT_CHANNEL = 'gazette:drop:grant';

/** Channel name of a method. */
export const channelOf = (method: GazetteMethodName): string => `gazette:${method}`;

/** Events pushed from the main process to the renderer. */
export const EVENT_CHANNELS = {
  importProgress: 'gazette:event:import-progress',
  menuCommand: 'gazette:event:menu-command',
  searchIndexProgress: 'gazette:event:search-index-progress',
} as const;

/** Commands the application menu sends to the renderer, which acts on them as on its own buttons. */
export const MENU_COMMANDS = ['import-files', 'import-folder', 'export', 'backup', 'restore'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Errors travel as data, so the renderer gets the real message rather than Electron's wrapper. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** Turns an envelope back into a value, or throws its error with the code as the error's name. */
export function unwrapEnvelope<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  const error = new Error(envelope.error.message);
  error.name = envelope.error.code;
  throw error;
}
