/**
 * Channel names and the envelope that crosses the IPC boundary. No schema library here:
 * the sandboxed preload imports this file and stays tiny.
 */

/** Every method of the contract, in one list (checked against the schemas in contract.ts). */
export const GAZETTE_METHODS = [
  'listArticles',
  'getArticle',
  'importPaths',
  'chooseAndImport',
  'getSettings',
  'updateSettings',
  'resetSettings',
  'revealSettingsFile',
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
  'setTags',
  'renameTag',
  'deleteTag',
  'listTags',
  'listViews',
  'saveView',
  'deleteView',
] as const;
export type GazetteMethodName = (typeof GAZETTE_METHODS)[number];

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
